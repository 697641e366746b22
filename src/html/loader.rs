//! What the page's loader (`www/boot.js`, written into the head by Trunk) knows of the page
//! as served: the query of the view the release build prerendered, which the loader compares
//! with the reader's link before the first paint — another view is marked pending (none of the
//! served answers shown as the link's) and its wasm started at once.

use crate::permalink::ViewState;

/// What stands for the served view's query in the loader until the build writes it.
pub const SERVED_VIEW: &str = "DEALSCOPE_DEFAULT_VIEW";

/// `document` with the loader told which view the page shows: the one [`SERVED_VIEW`] in it
/// replaced by `view`'s query (a script's text: written as it is, so it may hold only
/// characters that need no escaping there).
pub fn with_served_view(document: &str, view: &ViewState) -> Result<String, String> {
    let query = view.to_query();
    if let Some(c) = query.chars().find(|c| !(c.is_ascii_alphanumeric() || "?&=._-".contains(*c))) {
        return Err(format!(
            "the served view's query “{query}” has “{c}”, which a script's string cannot hold as it is"
        ));
    }
    match document.matches(SERVED_VIEW).count() {
        1 => Ok(document.replacen(SERVED_VIEW, &query, 1)),
        n => Err(format!(
            "expected the loader's {SERVED_VIEW} once in the page, found it {n} times (is www/boot.js in Trunk.toml's pattern_script?)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_is_told_the_served_view_once() {
        let view = ViewState::default();
        let page = format!("<script>const served = new URLSearchParams('{SERVED_VIEW}');</script>");
        let out = with_served_view(&page, &view).unwrap();
        assert!(out.contains(&format!("new URLSearchParams('{}'", view.to_query())), "{out}");
        assert!(out.contains("new URLSearchParams('?date="), "{out}");
        assert!(with_served_view("<script></script>", &view).unwrap_err().contains("found it 0 times"));
        let twice = format!("{page}{page}");
        assert!(with_served_view(&twice, &view).unwrap_err().contains("found it 2 times"));
    }
}
