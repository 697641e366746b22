//! The page as HTML, built natively and tested natively: the shell with its controls and grid
//! (`page`), the explanation (`why`), the scenario diff (`diff`), the dataset (`dataset`), the
//! deal over time (`overview`) on a time scale shared with the slider and the strip (`scale`),
//! the story (`story`), pictures to share (`picture`), and
//! the typed contract between these writers and the page's listeners (`contract`).
//!
//! Every writer returns [`Html`], which can only be built by [`html!`]: its format string is
//! the markup (a literal), and every argument is rendered through [`Render`] — text is
//! escaped, numbers and dates are written as they are, and only another `Html` goes in
//! as markup. Forgetting to escape is not possible; a test checks that no format string
//! captures a variable inline (which would bypass `Render`).

pub mod contract;
pub mod dataset;
pub mod diff;
pub mod loader;
pub mod overview;
pub mod page;
pub mod picture;
pub mod scale;
pub mod story;
pub mod whatif;
pub mod why;

pub use dataset::{events, reference};
pub use diff::{diff_list, diff_strip};
pub use why::why;

use crate::answer::SourceRef;
use crate::engine::Outcome;
use chrono::NaiveDate;
use contract::Action;
use std::fmt;

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Markup that is safe to put into the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html::default()
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Appends something rendered safely (text escaped, `Html` as markup).
    pub fn push(&mut self, part: impl Render) {
        part.render(&mut self.0);
    }
    /// For [`html!`] only: the buffer its literal markup is written into.
    #[doc(hidden)]
    pub fn buffer(&mut self) -> &mut String {
        &mut self.0
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How a value goes into the page: text is escaped; numbers, dates and verdict words are
/// written as they are (they cannot hold markup); `Html` is markup already.
pub trait Render {
    fn render(&self, out: &mut String);
}

impl Render for str {
    fn render(&self, out: &mut String) {
        out.push_str(&escape(self));
    }
}
impl Render for String {
    fn render(&self, out: &mut String) {
        self.as_str().render(out);
    }
}
impl Render for Html {
    fn render(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}
impl<T: Render + ?Sized> Render for &T {
    fn render(&self, out: &mut String) {
        (**self).render(out);
    }
}
impl<T: Render> Render for Option<T> {
    fn render(&self, out: &mut String) {
        if let Some(value) = self {
            value.render(out);
        }
    }
}

macro_rules! render_display {
    ($($t:ty),+) => {$(
        impl Render for $t {
            fn render(&self, out: &mut String) {
                use std::fmt::Write as _;
                let _ = write!(out, "{self}");
            }
        }
    )+};
}
render_display!(u8, i32, i64, u32, usize, bool, NaiveDate);

impl Render for Outcome {
    fn render(&self, out: &mut String) {
        out.push_str(self.as_str());
    }
}

/// Renders through [`Render`] inside a format string.
#[doc(hidden)]
pub struct Safe<'a, T: Render + ?Sized>(pub &'a T);

impl<T: Render + ?Sized> fmt::Display for Safe<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.0.render(&mut out);
        f.write_str(&out)
    }
}

/// Appends markup to an [`Html`]: `html!(out, "<li id=\"{}\">{}</li>", id, title)`. The
/// literal is the markup; every argument goes through [`Render`]. Arguments are positional
/// only (an inline `{name}` would bypass `Render`; a test rejects it).
#[macro_export]
macro_rules! html {
    ($out:expr, $fmt:literal $(, $arg:expr)* $(,)?) => {{
        use std::fmt::Write as _;
        let _ = write!($out.buffer(), $fmt $(, $crate::html::Safe(&$arg))*);
    }};
}

/// A new [`Html`] from markup and arguments, like `format!`.
#[macro_export]
macro_rules! markup {
    ($fmt:literal $(, $arg:expr)* $(,)?) => {{
        let mut out = $crate::html::Html::new();
        $crate::html!(out, $fmt $(, $arg)*);
        out
    }};
}

pub use crate::{html, markup};

/// Items of a list, each as `<li>` text.
pub fn list_items<'a>(out: &mut Html, items: impl IntoIterator<Item = &'a str>) {
    for item in items {
        html!(out, "<li>{}</li>", item);
    }
}

/// A source's reliability as a reader sees it: a mark with a class per level
/// (`rel primary`, `rel press`, `rel secondary`), and "not confirmed" where the companies did
/// not confirm what it reports.
pub fn reliability_mark(reliability: &str, confirmed: bool) -> Html {
    if confirmed {
        markup!(
            "<span class=\"rel {}\" data-testid=\"reliability\" title=\"Reliability of the source\">{}</span>",
            reliability,
            reliability
        )
    } else {
        markup!(
            "<span class=\"rel {} unconfirmed\" data-testid=\"reliability\" title=\"Reliability of the source: the companies did not confirm what it reports\">{} · not confirmed</span>",
            reliability,
            reliability
        )
    }
}

/// A source's title as a reader sees it: `<cite>`, linked to the publisher's own address when
/// there is one, opened in a new tab without handing the page to it (`noopener noreferrer`).
pub fn source_title(title: &str, url: Option<&str>) -> Html {
    if let Some(url) = url {
        markup!(
            "<cite><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\" data-testid=\"source-link\">{}</a></cite>",
            url,
            title
        )
    } else {
        markup!("<cite>{}</cite>", title)
    }
}

/// A list of sources: publisher (linked to its entry in the dataset), title (linked to the
/// source itself where its address is known; otherwise to its entry too), date, reliability,
/// quote.
pub fn sources_list(out: &mut Html, list: &[SourceRef]) {
    html!(out, "<ul class=\"sources\">");
    for s in list {
        let follow = Action::Follow(format!("source-{}", s.id)).html();
        let date = s.date.as_deref().unwrap_or("undated");
        let mark = reliability_mark(s.reliability, s.confirmed);
        if s.url.is_some() {
            // Links may not nest: the entry's link takes the publisher, the source's the title.
            html!(out, "<li><a{}>{}</a>, {} ({}) {}", follow, s.publisher, source_title(s.title, s.url), date, mark);
        } else {
            html!(out, "<li><a{}>{}, <cite>{}</cite></a> ({}) {}", follow, s.publisher, s.title, date, mark);
        }
        if let Some(q) = s.quote {
            html!(out, "<blockquote>“{}”</blockquote>", q);
        }
        html!(out, "</li>");
    }
    html!(out, "</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        let title = "<script>alert(1)</script>";
        assert_eq!(markup!("<b>{}</b>", title).as_str(), "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>");
        let inner = markup!("<i>{}</i>", "x & y");
        assert_eq!(markup!("<b>{}</b>", inner).as_str(), "<b><i>x &amp; y</i></b>", "Html goes in as markup");
        assert_eq!(markup!("{}", Some("<")).as_str(), "&lt;");
    }

    #[test]
    fn a_source_s_title_opens_the_source_and_its_publisher_its_entry() {
        let ds = crate::dataset::dataset();
        let ix = |id: &str| {
            crate::dataset::SourceIx(u16::try_from(ds.sources.iter().position(|s| s.id == id).unwrap()).unwrap())
        };
        let cites = [
            crate::dataset::Citation { source: ix("ms-2025-01-21"), quote: None },
            crate::dataset::Citation { source: ix("reports-2026-04-27"), quote: None },
        ];
        let mut out = Html::new();
        sources_list(&mut out, &crate::answer::sources(ds, &cites));
        let html = out.into_string();
        let follow = |id: &str| Action::Follow(format!("source-{id}")).html().into_string();
        let linked = format!("<li><a{}>Microsoft</a>, <cite>", follow("ms-2025-01-21")) + "<a href=\"https://blogs.microsoft.com/blog/2025/01/21/microsoft-and-openai-evolve-partnership-to-drive-the-next-phase-of-ai/\" target=\"_blank\" rel=\"noopener noreferrer\" data-testid=\"source-link\">Microsoft and OpenAI evolve partnership to drive the next phase of AI</a></cite> (2025-01-21)";
        assert!(html.contains(&linked), "{html}");
        // No address found: the whole name leads to the entry, and nothing leaves the page.
        let entry = html.split("<li>").nth(2).unwrap();
        let unlinked = format!("<a{}>Unnamed secondary reporting, <cite>", follow("reports-2026-04-27"));
        assert!(entry.starts_with(&unlinked), "{entry}");
        assert!(!entry.contains("https://"), "{entry}");
        // Links never nest.
        for item in html.split("<li>").skip(1) {
            let mut depth = 0;
            for part in item.split('<').skip(1) {
                if part.starts_with("a ") {
                    depth += 1;
                    assert_eq!(depth, 1, "nested links: {item}");
                } else if part.starts_with("/a>") {
                    depth -= 1;
                }
            }
        }
    }

    /// `html!` and `markup!` arguments must go through `Render`: an inline capture such as
    /// `{title}` in the format string would write the variable unescaped.
    #[test]
    fn no_format_string_captures_a_variable_inline() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut files = vec![];
        for sub in ["html", "ui"] {
            for entry in std::fs::read_dir(format!("{dir}/{sub}")).unwrap() {
                files.push(entry.unwrap().path());
            }
        }
        let mut found = vec![];
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (i, chunk) in text.split("html!(").chain(text.split("markup!(")).enumerate().skip(1) {
                let Some(start) = chunk.find('"') else { continue };
                // The literal follows the output argument (`out, "…"`) or opens the call.
                let prefix = &chunk[..start];
                if prefix.contains('$') || prefix.len() > 60 || prefix.contains(';') {
                    continue;
                }
                let literal = &chunk[start + 1..];
                let mut end = 0;
                let bytes = literal.as_bytes();
                while end < bytes.len() && !(bytes[end] == b'"' && (end == 0 || bytes[end - 1] != b'\\')) {
                    end += 1;
                }
                let literal = &literal[..end];
                let captures = literal.split('{').skip(1).any(|after| {
                    after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && !after.starts_with('{')
                });
                if captures {
                    found.push(format!("{}: #{i}: {literal}", file.display()));
                }
            }
        }
        assert!(found.is_empty(), "format strings that capture a variable inline:\n{}", found.join("\n"));
    }

    /// `{:?}` of a string or char pulls Unicode escape tables into the wasm (7 KB raw, 4 KB
    /// gzip measured), and `to_uppercase`/`to_lowercase` Unicode case tables (14 KB raw,
    /// 9 KB gzip): code outside tests formats with `Display` and changes case in ASCII.
    #[test]
    fn no_debug_formatting_outside_tests() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    if !path.ends_with("bin") {
                        walk(&path, found);
                    }
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                for (n, line) in code.lines().enumerate() {
                    if line.contains(":?}")
                        || line.contains("{:?")
                        || line.contains(".to_uppercase()")
                        || line.contains(".to_lowercase()")
                    {
                        found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                    }
                }
            }
        }
        let mut found = vec![];
        walk(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut found);
        assert!(found.is_empty(), "Debug formatting in code that ships:\n{}", found.join("\n"));
    }
}
