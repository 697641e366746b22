//! The page as HTML strings: the shell with its controls and grid (`page`), the explanation
//! (`why`), the scenario diff (`diff`) and the dataset (`dataset`). Rendering to strings instead
//! of reactive views keeps the wasm bundle small (see README "Size and speed"); the page
//! inserts these once and patches the few values that change. Everything here is plain Rust,
//! tested natively. Every text is escaped.

pub mod dataset;
pub mod diff;
pub mod page;
pub mod why;

pub use dataset::{events, reference};
pub use diff::{diff_list, diff_strip};
pub use why::why;

use crate::answer::SourceRef;
use std::fmt::Write as _;

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

/// A source's reliability as a reader sees it: a mark with a class per level
/// (`rel primary`, `rel press`, `rel secondary`), and "not confirmed" where the companies did
/// not confirm what it reports.
pub fn reliability_mark(reliability: &str, confirmed: bool) -> String {
    let unconfirmed = if confirmed { "" } else { " · not confirmed" };
    format!(
        "<span class=\"rel {r}{u}\" data-testid=\"reliability\" title=\"{title}\">{r}{unconfirmed}</span>",
        r = escape(reliability),
        u = if confirmed { "" } else { " unconfirmed" },
        title = if confirmed {
            "Reliability of the source"
        } else {
            "Reliability of the source: the companies did not confirm what it reports"
        }
    )
}

/// A list of sources: publisher, title (linked to its entry), date, reliability, quote.
pub fn sources_list(out: &mut String, list: &[SourceRef]) {
    out.push_str("<ul class=\"sources\">");
    for s in list {
        let _ = write!(
            out,
            "<li><a href=\"#source-{}\" data-action=\"follow\">{}, <cite>{}</cite></a> ({}) {}",
            escape(s.id),
            escape(s.publisher),
            escape(s.title),
            escape(s.date.as_deref().unwrap_or("undated")),
            reliability_mark(s.reliability, s.confirmed)
        );
        if let Some(q) = s.quote {
            let _ = write!(out, "<blockquote>“{}”</blockquote>", escape(q));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
