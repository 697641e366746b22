//! The difference a scenario makes, as a full list (the diff panel) and as a short strip
//! under the grid.

use super::escape;
use crate::dataset::Dataset;
use crate::engine::{last_day, CellDiff, DiffSpan};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// What the diff panel shows for the scenario's differences (`None`: the scenario is as happened).
pub fn content(ds: &Dataset, cells: Option<&[CellDiff]>) -> String {
    match cells {
        None => "<p>The scenario is as happened: nothing differs. Toggle a what-if to compare.</p>".to_owned(),
        Some([]) => "<p>This scenario changes no verdict on any day.</p>".to_owned(),
        Some(cells) => diff_list(ds, cells),
    }
}

/// Every cell whose verdict differs from as happened, with the spans, causes and terms. Each
/// span's dates are a button (`data-action="cell"`) that selects the cell on its first day.
pub fn diff_list(ds: &Dataset, cells: &[CellDiff]) -> String {
    let mut out = String::from("<ul>");
    for c in cells {
        let _ =
            write!(out, "<li><strong>{} on {}</strong><ul>", escape(c.workload.label()), escape(c.provider.label()));
        for s in &c.spans {
            let terms: Vec<&str> = s.terms.iter().map(|t| ds.term(*t).id).collect();
            let _ = write!(
                out,
                "<li><button type=\"button\" class=\"link\" data-action=\"cell\" data-cell=\"{}.{}\" data-date=\"{}\">{} to {}</button>: {} → {} because of {}",
                c.workload,
                c.provider,
                s.from,
                s.from,
                last_day(s.until),
                s.baseline.as_str(),
                s.scenario.as_str(),
                escape(&s.causes.join(" + "))
            );
            if !terms.is_empty() {
                let _ = write!(out, " (terms: {})", escape(&terms.join(", ")));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul>");
    out
}

/// The strip above the grid: how many cells the scenario changes on `day` and on any day,
/// and the first three spans.
pub fn diff_strip(cells: &[CellDiff], day: NaiveDate) -> String {
    let today = cells.iter().filter(|c| c.spans.iter().any(|s| s.from <= day && day < s.until)).count();
    let mut out = format!(
        "<p>◆ This scenario changes {today} cell(s) on {day} and {} cell(s) on some day from 2016 to 2035. <button type=\"button\" class=\"link\" data-action=\"panel\" data-panel=\"diff\">See every difference</button></p><ul>",
        cells.len()
    );
    let spans: Vec<(&CellDiff, &DiffSpan)> = cells.iter().flat_map(|c| c.spans.iter().map(move |s| (c, s))).collect();
    for (c, s) in spans.iter().take(3) {
        let _ = write!(
            out,
            "<li>{} on {}: {} from {} to {} (as happened: {}) — {}</li>",
            escape(c.workload.label()),
            escape(c.provider.label()),
            s.scenario.as_str(),
            s.from,
            last_day(s.until),
            s.baseline.as_str(),
            escape(&s.causes.join(" + "))
        );
    }
    if spans.len() > 3 {
        let _ = write!(out, "<li>… and {} more</li>", spans.len() - 3);
    }
    out.push_str("</ul>");
    out
}
