//! The deal over time: every cell's verdict bands from 2016 to 2035 in one SVG chart, grouped
//! by workload, in the grid's symbols and colours, with the dataset's events as marks, a line
//! for the chosen day and one for "data as of". It follows the scenario, and marks the spans
//! that differ from the scenario it is compared with (as happened unless the reader chose
//! another). A band is an [`Action::CellOn`]: that cell on its first day.
//! The chart is one tab stop (the page moves the selected cell and day with the arrow keys);
//! a table says the same for screen readers.

use super::contract::{cell_name, Action, OVERVIEW};
use super::page::base_short;
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{cells, last_day, range_end, timeline, CellDiff};
use crate::permalink::ViewState;
use crate::vocab::{Provider, Workload, FIRST_DAY};
use chrono::NaiveDate;

const LEFT: i64 = 190;
const WIDTH: i64 = 800;
const ROW: i64 = 16;
const GROUP: i64 = 20;
const TOP: i64 = 26;

/// The x of a day on the chart.
fn x(day: NaiveDate) -> i64 {
    let total = range_end().signed_duration_since(FIRST_DAY).num_days().max(1);
    LEFT + day.signed_duration_since(FIRST_DAY).num_days().clamp(0, total) * WIDTH / total
}

/// The y of a cell's row (rows grouped by workload, a heading above each group).
fn y(workload: Workload, provider: Provider) -> i64 {
    let w = Workload::ALL.iter().position(|x| *x == workload).unwrap_or(0);
    let p = Provider::ALL.iter().position(|x| *x == provider).unwrap_or(0);
    let (w, p) = (i64::try_from(w).unwrap_or(0), i64::try_from(p).unwrap_or(0));
    let rows = i64::try_from(Provider::ALL.len()).unwrap_or(7);
    TOP + w * (GROUP + rows * ROW) + GROUP + p * ROW
}

/// A band in a reader's words.
fn band_text(from: NaiveDate, until: NaiveDate, verdict: &str) -> String {
    if until >= range_end() {
        format!("{verdict} from {from} on")
    } else {
        format!("{verdict} from {from} to {}", last_day(until))
    }
}

/// The chart's height in its own units (it is 1000 wide).
pub fn chart_height() -> i64 {
    let rows = i64::try_from(Provider::ALL.len()).unwrap_or(7);
    TOP + i64::try_from(Workload::ALL.len()).unwrap_or(4) * (GROUP + rows * ROW) + 8
}

/// The chart and its table for a view: the view's scenario, day and selected cell; `differs`
/// are where its scenario and the one it is compared with differ (the page has them already).
pub fn overview(ds: &Dataset, view: &ViewState, differs: &[CellDiff]) -> Html {
    let (svg, table) = chart(ds, view, differs);
    markup!("<div class=\"overview-wrap\">{}</div>{}", svg, table)
}

/// The chart (an `<svg>` 1000 units wide, styled by class) and its table.
pub fn chart(ds: &Dataset, view: &ViewState, differs: &[CellDiff]) -> (Html, Html) {
    let rows = i64::try_from(Provider::ALL.len()).unwrap_or(7);
    let height = chart_height();
    let mut svg = markup!(
        "<svg class=\"overview\" viewBox=\"0 0 1000 {}\" role=\"img\" tabindex=\"0\" {}=\"\" data-testid=\"overview\" aria-label=\"Every cell's verdicts from 2016 to 2035 ({}). Arrow keys move between cells and change points; Enter opens the cell on that day. The same in a table follows.\" aria-describedby=\"overview-table\">",
        height,
        OVERVIEW,
        view.scenario.describe()
    );
    axes(&mut svg, ds, rows);
    let mut table = markup!(
        "<table id=\"overview-table\" class=\"sr-only\"><caption>Verdicts over time ({})</caption><tbody>",
        view.scenario.describe()
    );
    for cell in cells() {
        row(&mut svg, &mut table, ds, view, cell, differs);
    }
    for (class, day, label) in [("as-of", ds.researched, "data as of"), ("today", view.date, "chosen day")] {
        html!(
            svg,
            "<line class=\"{}\" x1=\"{}\" x2=\"{}\" y1=\"12\" y2=\"{}\"><title>{}: {}</title></line>",
            class,
            x(day),
            x(day),
            height,
            label,
            day
        );
    }
    html!(table, "</tbody></table>");
    html!(svg, "</svg>");
    (svg, table)
}

/// Years along the top, the events as marks under them, the workloads' headings.
fn axes(svg: &mut Html, ds: &Dataset, rows: i64) {
    for year in (2016..=2035).step_by(2) {
        let day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(FIRST_DAY);
        html!(svg, "<text class=\"year\" x=\"{}\" y=\"10\">{}</text>", x(day), year);
    }
    for e in ds.events {
        html!(
            svg,
            "<line class=\"event\" x1=\"{}\" x2=\"{}\" y1=\"14\" y2=\"22\"><title>{}: {}</title></line>",
            x(e.date.date),
            x(e.date.date),
            crate::answer::partial(e.date),
            e.what
        );
    }
    for (i, w) in Workload::ALL.iter().enumerate() {
        let top = TOP + i64::try_from(i).unwrap_or(0) * (GROUP + rows * ROW);
        html!(svg, "<text class=\"group\" x=\"0\" y=\"{}\">{}</text>", top + 14, w.label());
    }
}

/// One cell's row: its bands (each opens the cell on its first day), the spans that differ
/// from the compared scenario, and the same in the table.
fn row(
    svg: &mut Html,
    table: &mut Html,
    ds: &Dataset,
    view: &ViewState,
    (workload, provider): (Workload, Provider),
    differs: &[CellDiff],
) {
    let top = y(workload, provider);
    let selected = view.selected == Some((workload, provider));
    html!(
        svg,
        "<text class=\"row{}\" x=\"8\" y=\"{}\">{}</text>",
        if selected { " selected" } else { "" },
        top + 12,
        provider.label()
    );
    let bands = timeline(ds, workload, provider, view.scenario);
    let mut said = Vec::new();
    for b in &bands {
        let outcome = b.verdict.outcome;
        let (left, right) = (x(b.from), x(b.until));
        let text = band_text(b.from, b.until, outcome.as_str());
        html!(
            svg,
            "<g class=\"{}\"{}><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"></rect>",
            outcome,
            Action::CellOn((workload, provider), b.from).html(),
            left,
            top + 1,
            (right - left).max(1),
            ROW - 2
        );
        if right - left >= 14 {
            html!(svg, "<text x=\"{}\" y=\"{}\" aria-hidden=\"true\">{}</text>", left + 3, top + 12, outcome.symbol());
        }
        html!(svg, "<title>{} on {}: {}</title></g>", workload.label(), provider.label(), text);
        said.push(text);
    }
    if let Some(cell) = differs.iter().find(|c| (c.workload, c.provider) == (workload, provider)) {
        let short = base_short(view.base);
        for s in &cell.spans {
            let was = band_text(s.from, s.until, s.baseline.as_str());
            html!(
                svg,
                "<rect class=\"differs\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>differs from {}: {}</title></rect>",
                x(s.from),
                top,
                (x(s.until) - x(s.from)).max(1),
                ROW,
                short,
                was
            );
            said.push(format!("({short}: {was})"));
        }
    }
    html!(
        table,
        "<tr><th scope=\"row\">{} on {} ({})</th><td>{}</td></tr>",
        workload.label(),
        provider.label(),
        cell_name((workload, provider)),
        said.join("; ")
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    #[test]
    fn every_cell_has_its_bands_actions_and_a_table_row() {
        let ds = dataset();
        let view = ViewState { date: ymd(2025, 3, 15), ..ViewState::default() };
        let html = overview(ds, &view, &[]).into_string();
        assert_eq!(html.matches("<tr>").count(), 28, "a table row a cell");
        assert!(html.contains("data-action=\"cell\" data-cell=\"training.coreweave\" data-date=\"2025-01-21\""));
        assert!(html.contains("Research &amp; training on CoreWeave: blocked from 2019-07-22 to 2025-01-20"));
        assert!(html.contains("allowed from 2025-10-28 on"), "open-ended bands");
        assert_eq!(html.matches("class=\"event\"").count(), ds.events.len());
        assert!(html.contains("class=\"as-of\"") && html.contains("class=\"today\""));
        assert!(!html.contains("class=\"differs\""), "as happened: nothing differs");
        let s = crate::scenario::Scenario::AS_HAPPENED.with("amendment_2026_04", "false");
        let view = ViewState { scenario: s, ..view };
        let html = overview(ds, &view, &super::super::page::compared(ds, &view).unwrap_or_default()).into_string();
        assert!(html.contains("class=\"differs\""), "a scenario marks what differs");
        assert!(html.contains("2026-04-27 amendment happened: no"), "in reader words");
    }
}
