//! The difference a scenario makes, as a full list (the diff panel) and as a short strip
//! under the grid, in a reader's words: the what-ifs by their labels, the clauses by their
//! titles, open-ended spans as "from … on".

use super::contract::Action;
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{last_day, range_end, CellDiff, DiffSpan};
use crate::permalink::Panel;
use chrono::NaiveDate;

/// What the diff panel shows for the scenario's differences (`None`: the scenario is as happened).
pub fn content(ds: &Dataset, cells: Option<&[CellDiff]>) -> Html {
    match cells {
        None => markup!("<p>The scenario is as happened: nothing differs. Toggle a what-if to compare.</p>"),
        Some([]) => markup!("<p>This scenario changes no verdict on any day.</p>"),
        Some(cells) => diff_list(ds, cells),
    }
}

/// A span in a reader's words: "2025-01-21 to 2025-10-27", or "from 2026-04-27 on" when it
/// runs to the end of the range.
pub fn span_text(from: NaiveDate, until: NaiveDate) -> String {
    if until >= range_end() {
        format!("from {from} on")
    } else {
        format!("{from} to {}", last_day(until))
    }
}

/// Every cell whose verdict differs from as happened, with the spans, causes and clauses.
/// Each span's dates are a button that selects the cell on its first day.
pub fn diff_list(ds: &Dataset, cells: &[CellDiff]) -> Html {
    let mut out = markup!("<ul>");
    for c in cells {
        html!(out, "<li><strong>{} on {}</strong><ul>", c.workload.label(), c.provider.label());
        for s in &c.spans {
            html!(
                out,
                "<li><button type=\"button\" class=\"link\"{}>{}</button>: {} → {} because of {}",
                Action::CellOn((c.workload, c.provider), s.from).html(),
                span_text(s.from, s.until),
                s.baseline,
                s.scenario,
                s.causes_text()
            );
            if !s.terms.is_empty() {
                let titles: Vec<String> = s.terms.iter().map(|t| format!("“{}”", ds.term(*t).title)).collect();
                html!(out, " (clauses: {})", titles.join(", "));
            }
            html!(out, "</li>");
        }
        html!(out, "</ul></li>");
    }
    html!(out, "</ul>");
    out
}

/// The strip under the grid: how many cells the scenario changes on `day` and on any day,
/// and the first three spans.
pub fn diff_strip(cells: &[CellDiff], day: NaiveDate) -> Html {
    let today = cells.iter().filter(|c| c.spans.iter().any(|s| s.from <= day && day < s.until)).count();
    let mut out = markup!(
        "<p>◆ This scenario changes {} cell(s) on {} and {} cell(s) on some day from 2016 to 2035. <button type=\"button\" class=\"link\"{}>See every difference</button></p><ul>",
        today,
        day,
        cells.len(),
        Action::Panel(Panel::Diff).html()
    );
    let spans: Vec<(&CellDiff, &DiffSpan)> = cells.iter().flat_map(|c| c.spans.iter().map(move |s| (c, s))).collect();
    for (c, s) in spans.iter().take(3) {
        html!(
            out,
            "<li>{} on {}: {} {} (as happened: {}) — {}</li>",
            c.workload.label(),
            c.provider.label(),
            s.scenario,
            span_text(s.from, s.until),
            s.baseline,
            s.causes_text()
        );
    }
    if spans.len() > 3 {
        html!(out, "<li>… and {} more</li>", spans.len() - 3);
    }
    html!(out, "</ul>");
    out
}
