//! What the page's loader (`www/boot.js`, written into the head by Trunk) knows of the page
//! as served: the query of the view the release build prerendered, which the loader compares
//! with the reader's link before the first paint — another view is marked pending (none of the
//! served answers shown as the link's) and its wasm started at once — and the reader's words
//! for what a link can name, so the pending caption says which view is loading in them.

use crate::permalink::ViewState;
use crate::vocab::{Provider, ScenarioKey, Setting, Workload};

/// What stands for the served view's query in the loader until the build writes it.
pub const SERVED_VIEW: &str = "DEALSCOPE_DEFAULT_VIEW";
/// What stands for the reader's words in the loader until the build writes them.
pub const WORDS: &str = "DEALSCOPE_WORDS";

/// A JSON object from wire names to reader words: each workload and provider (`coreweave` →
/// `CoreWeave`), and each scenario setting (`microsoft_declines=true` → `Microsoft declines
/// new capacity: yes`). Escaped for a script's text (no `<`, so no `</script>`).
pub fn words() -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    pairs.extend(Workload::ALL.iter().map(|w| (w.as_str().to_owned(), w.label().to_owned())));
    pairs.extend(Provider::ALL.iter().map(|p| (p.as_str().to_owned(), p.label().to_owned())));
    for key in ScenarioKey::ALL {
        for value in 0..key.values().len() {
            let setting = Setting { key: *key, value: u8::try_from(value).unwrap_or(0) };
            pairs.push((setting.to_string(), setting.describe()));
        }
    }
    let string = |text: &str| {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '<' => out.push_str("\\u003c"),
                c if u32::from(c) < 0x20 => out.push(' '),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let body: Vec<String> = pairs.iter().map(|(k, v)| format!("{}:{}", string(k), string(v))).collect();
    format!("{{{}}}", body.join(","))
}

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
    let mut out = document.to_owned();
    for (placeholder, value) in [(SERVED_VIEW, query), (WORDS, words())] {
        match out.matches(placeholder).count() {
            1 => out = out.replacen(placeholder, &value, 1),
            n => {
                return Err(format!(
                    "expected the loader's {placeholder} once in the page, found it {n} times (is www/boot.js in Trunk.toml's pattern_script?)"
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_is_told_the_served_view_once() {
        let view = ViewState::default();
        let page =
            format!("<script>const served = new URLSearchParams('{SERVED_VIEW}'); const words = {WORDS};</script>");
        let out = with_served_view(&page, &view).unwrap();
        assert!(out.contains(&format!("new URLSearchParams('{}'", view.to_query())), "{out}");
        assert!(out.contains("new URLSearchParams('?date="), "{out}");
        assert!(out.contains(r#""coreweave":"CoreWeave""#), "{out}");
        assert!(out.contains(r#""microsoft_declines=true":"#), "{out}");
        assert!(with_served_view("<script></script>", &view).unwrap_err().contains("found it 0 times"));
        let twice = format!("{page}{page}");
        assert!(with_served_view(&twice, &view).unwrap_err().contains("found it 2 times"));
    }

    #[test]
    fn the_words_are_one_json_object_safe_in_a_script() {
        let words = words();
        let parsed: serde_json::Value = serde_json::from_str(&words).expect("JSON");
        let object = parsed.as_object().expect("an object");
        assert_eq!(object["api"], Workload::Api.label());
        for key in ScenarioKey::ALL {
            for value in key.values() {
                let label = object[&format!("{}={value}", key.as_str())].as_str().expect("a label");
                assert!(label.starts_with(key.label()), "{label}");
            }
        }
        assert!(!words.contains('<'), "{words}");
    }
}
