//! The difference between the scenario (A) and the one it is compared with (B; as happened
//! unless the reader chose another), as a full list (the diff panel) and as a short strip
//! under the grid, in a reader's words: the what-ifs by their labels, the clauses by their
//! titles, open-ended spans as "from … on".

use super::contract::Action;
use super::page::{base_name, base_short};
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{last_day, range_end, CellDiff, DiffSpan};
use crate::permalink::{Panel, ViewState};
use crate::scenario::Scenario;
use chrono::NaiveDate;

/// The two scenarios compared, in a reader's words: "A: …; B: …".
pub fn pair(scenario: Scenario, base: Scenario) -> String {
    format!("A: {}. B: {}.", scenario.describe(), base.describe())
}

/// What the diff panel shows for the differences between the view's scenario and the one it
/// is compared with (`None`: they are the same scenario).
pub fn content(ds: &Dataset, view: &ViewState, cells: Option<&[CellDiff]>) -> Html {
    let mut out = markup!("<p class=\"pair\" data-testid=\"diff-pair\">{}</p>", pair(view.scenario, view.base));
    match cells {
        None => html!(
            out,
            "<p>A and B are the same scenario: nothing differs. Toggle a what-if above, or choose another B under “Compare with”.</p>"
        ),
        Some([]) => html!(out, "<p>A and B give the same verdict for every cell on every day from 2016 to 2035.</p>"),
        Some(cells) => {
            let list = diff_list(ds, cells, base_short(view.base));
            html!(out, "{}", list);
        }
    }
    out
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

/// Every cell whose verdict differs between A and B (`short`: what B is called), with the
/// spans (B's verdict → A's), causes and clauses. Each span's dates are a button that selects
/// the cell on its first day.
pub fn diff_list(ds: &Dataset, cells: &[CellDiff], short: &str) -> Html {
    let mut out = markup!("<ul>");
    for c in cells {
        html!(out, "<li><strong>{} on {}</strong><ul>", c.workload.label(), c.provider.label());
        for s in &c.spans {
            html!(
                out,
                "<li><button type=\"button\" class=\"link\"{}>{}</button>: {} ({}) → {} because of {}",
                Action::CellOn((c.workload, c.provider), s.from).html(),
                span_text(s.from, s.until),
                s.baseline,
                short,
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

/// The strip under the grid: how many cells the scenario changes against B (`base`) on `day`
/// and on any day, and the first three spans.
pub fn diff_strip(cells: &[CellDiff], day: NaiveDate, base: Scenario) -> Html {
    let today = cells.iter().filter(|c| c.spans.iter().any(|s| s.from <= day && day < s.until)).count();
    let short = base_short(base);
    let mut out = markup!(
        "<p>◆ Against {}, this scenario changes {} cell(s) on {} and {} cell(s) on some day from 2016 to 2035. <button type=\"button\" class=\"link\"{}>See every difference</button></p><ul>",
        base_name(base),
        today,
        day,
        cells.len(),
        Action::Panel(Panel::Diff).html()
    );
    let spans: Vec<(&CellDiff, &DiffSpan)> = cells.iter().flat_map(|c| c.spans.iter().map(move |s| (c, s))).collect();
    for (c, s) in spans.iter().take(3) {
        html!(
            out,
            "<li>{} on {}: {} {} ({}: {}) — {}</li>",
            c.workload.label(),
            c.provider.label(),
            s.scenario,
            span_text(s.from, s.until),
            short,
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
