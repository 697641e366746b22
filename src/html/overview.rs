//! The deal over time: every cell's verdict bands in one SVG chart, grouped by workload, in the
//! grid's symbols and colours, with the dataset's events as marks, a line for the chosen day
//! and one for "data as of", the span after it faded as a projection. It spans "the deal so
//! far" (2019 to the year after the data's "as of") or all of 2016–2035 ([`TimeRange`]), on
//! the shared [`Scale`] that gives the eventful years room, every year labelled where it fits.
//! Bands with the same verdict are one band (a change of the deciding clause alone is a thin
//! tick: what decides it changes, not the verdict); where no term applies at all the band is hatched, "no deal terms yet". It follows the
//! scenario, and marks the spans that differ from the scenario it is compared with (as happened
//! unless the reader chose another). A band is an [`Action::CellOn`]: that cell on its first
//! day in the range.
//! The chart is one tab stop (the page moves the selected cell and day with the arrow keys);
//! a table says the same for screen readers.

use super::contract::{cell_name, Action, OVERVIEW};
use super::page::base_short;
use super::scale::Scale;
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{cells, last_day, range_end, timeline, verdict_bands, CellDiff, VerdictBand};
use crate::permalink::{TimeRange, ViewState};
use crate::vocab::{Provider, Workload};
use chrono::{Datelike, NaiveDate};

/// The label column's width, in the chart's units (it is 1000 wide).
const LEFT: i64 = 190;
/// The plot's width: from `LEFT` to `LEFT + WIDTH`.
const WIDTH: i64 = 800;
const ROW: i64 = 16;
const GROUP: i64 = 20;
const TOP: i64 = 26;

/// The chart on one scale (its range's).
struct Chart {
    scale: Scale,
}

impl Chart {
    /// The x of a day on the chart (days outside the range at its edges).
    fn x(&self, day: NaiveDate) -> i64 {
        LEFT + self.scale.x(day, WIDTH)
    }

    /// Whether a stretch `[from, until)` shows in the range.
    fn shows(&self, from: NaiveDate, until: NaiveDate) -> bool {
        until > self.scale.start() && from < self.scale.end()
    }
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

/// What a merged band says: its verdict ("no deal terms yet" where no term applies), its
/// span, and the days on which only the deciding clause changes.
pub fn verdict_band_text(b: &VerdictBand) -> String {
    let verdict = if b.no_terms { NO_TERMS } else { b.outcome.as_str() };
    format!("{}{}", band_text(b.from, b.until, verdict), clause_changes(b))
}

/// The days in a band on which what decides it changes, as a reader reads them (empty: none).
pub fn clause_changes(b: &VerdictBand) -> String {
    if b.clause_changes.is_empty() {
        return String::new();
    }
    let days: Vec<String> = b.clause_changes.iter().map(ToString::to_string).collect();
    format!(" (what decides it changes on {})", days.join(", "))
}

/// A span in which no term of the deal applies to a cell.
pub const NO_TERMS: &str = "no deal terms yet";

/// The years a range spans, in a reader's words ("2019–2027").
pub fn range_years(ds: &Dataset, range: TimeRange) -> String {
    let scale = Scale::new(ds, range);
    format!("{}–{}", scale.start().year(), last_day(scale.end()).year())
}

/// The chart's height in its own units (it is 1000 wide).
pub fn chart_height() -> i64 {
    let rows = i64::try_from(Provider::ALL.len()).unwrap_or(7);
    TOP + i64::try_from(Workload::ALL.len()).unwrap_or(4) * (GROUP + rows * ROW) + 8
}

/// The chart and its table for a view: the view's scenario, day, selected cell and range;
/// `differs` are where its scenario and the one it is compared with differ (the page has them
/// already). Above it, the range to show ([`Action::Range`]). The labels are a chart of their
/// own that stays in view while a narrow screen scrolls the plot, which opens scrolled to the
/// chosen day (`data-day`: where it sits on the plot, in thousandths of its width).
pub fn overview(ds: &Dataset, view: &ViewState, differs: &[CellDiff]) -> Html {
    let parts = parts(ds, view, differs);
    let height = chart_height();
    let mut out = markup!("<p class=\"presets range\" role=\"group\" aria-label=\"Years shown\">");
    for (range, name) in [(TimeRange::SoFar, "The deal so far"), (TimeRange::All, "All")] {
        html!(
            out,
            "<button type=\"button\" aria-pressed=\"{}\" data-testid=\"overview-range-{}\"{}>{}: {}</button>",
            view.range == range,
            range.as_str(),
            Action::Range(range).html(),
            name,
            range_years(ds, range)
        );
    }
    html!(out, "</p><p class=\"explain\">{}</p>", parts.note);
    html!(
        out,
        "<div class=\"overview-wrap\" data-testid=\"overview-wrap\" data-day=\"{}\"><svg class=\"overview-labels\" viewBox=\"0 0 {} {}\" aria-hidden=\"true\">{}</svg><svg class=\"overview\" viewBox=\"{} 0 {} {}\" role=\"img\" tabindex=\"0\" {}=\"\" data-testid=\"overview\" aria-label=\"{}\" aria-describedby=\"overview-table\">{}</svg></div>{}",
        parts.day,
        LEFT,
        height,
        parts.labels,
        LEFT,
        1000 - LEFT,
        height,
        OVERVIEW,
        parts.label,
        parts.plot,
        parts.table
    );
    out
}

/// The chart as one `<svg>` 1000 units wide, styled by class (the picture's), and its table.
pub fn chart(ds: &Dataset, view: &ViewState, differs: &[CellDiff]) -> (Html, Html) {
    let parts = parts(ds, view, differs);
    let svg = markup!(
        "<svg class=\"overview\" viewBox=\"0 0 1000 {}\" role=\"img\" aria-label=\"{}\">{}{}</svg>",
        chart_height(),
        parts.label,
        parts.plot,
        parts.labels
    );
    (svg, parts.table)
}

/// The pieces of a chart: the label column, the plot, its accessible name, the table, what the
/// scale does in words, and where the chosen day sits on the plot (thousandths of its width).
struct Parts {
    labels: Html,
    plot: Html,
    label: String,
    table: Html,
    note: String,
    day: i64,
}

fn parts(ds: &Dataset, view: &ViewState, differs: &[CellDiff]) -> Parts {
    let chart = Chart { scale: Scale::new(ds, view.range) };
    let rows = i64::try_from(Provider::ALL.len()).unwrap_or(7);
    let height = chart_height();
    let years = range_years(ds, view.range);
    let mut plot = markup!(
        "<defs><pattern id=\"ds-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect class=\"hatch-bg\" width=\"6\" height=\"6\"></rect><line class=\"hatch\" x1=\"1\" y1=\"0\" x2=\"1\" y2=\"6\"></line></pattern></defs>"
    );
    axes(&mut plot, ds, &chart);
    let mut labels = markup!("<rect class=\"labels-bg\" width=\"{}\" height=\"{}\"></rect>", LEFT, height);
    for (i, w) in Workload::ALL.iter().enumerate() {
        let top = TOP + i64::try_from(i).unwrap_or(0) * (GROUP + rows * ROW);
        html!(labels, "<text class=\"group\" x=\"4\" y=\"{}\">{}</text>", top + 14, w.label());
    }
    let mut table = markup!(
        "<table id=\"overview-table\" class=\"sr-only\"><caption>Verdicts over time ({}), {}</caption><tbody>",
        view.scenario.describe(),
        years
    );
    for cell in cells() {
        row(&mut plot, &mut labels, &mut table, ds, view, &chart, cell, differs);
    }
    html!(table, "</tbody></table>");
    // After the data's "as of", the answers apply the terms as agreed then: a projection.
    let after = ds.researched.succ_opt().unwrap_or(ds.researched);
    if chart.shows(after, chart.scale.end()) {
        let left = chart.x(after);
        html!(
            plot,
            "<rect class=\"projection\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>projection: after the data's as-of date {}</title></rect><text class=\"proj-label\" x=\"{}\" y=\"22\">projection →</text>",
            left,
            TOP,
            (LEFT + WIDTH - left).max(0),
            height - TOP - 8,
            ds.researched,
            left + 4
        );
    }
    let wide = chart
        .scale
        .wide_years()
        .map(|wide| format!(" {wide}, when most happened, are drawn three times as wide as other years."))
        .unwrap_or_default();
    let inside = chart.shows(view.date, view.date.succ_opt().unwrap_or(view.date));
    let outside = if inside {
        String::new()
    } else {
        format!(" The chosen day, {}, is outside these years: show all of them to see it.", view.date)
    };
    let note = format!(
        "{years}.{wide} Faded: after the data's as-of date ({}), a projection from the terms as agreed. Hatched: {NO_TERMS}. A thin tick inside a band: what decides the verdict (a clause, or its condition) changes, the verdict does not.{outside}",
        ds.researched
    );
    for (class, day, label) in [("as-of", ds.researched, "data as of"), ("today", view.date, "chosen day")] {
        if chart.shows(day, day.succ_opt().unwrap_or(day)) {
            html!(
                plot,
                "<line class=\"{}\" x1=\"{}\" x2=\"{}\" y1=\"12\" y2=\"{}\"><title>{}: {}</title></line>",
                class,
                chart.x(day),
                chart.x(day),
                height,
                label,
                day
            );
        }
    }
    let label = format!(
        "Every cell's verdicts, {years} ({}). Arrow keys move between cells and change points; Enter opens the cell on that day. The same in a table follows.",
        view.scenario.describe()
    );
    Parts { labels, plot, label, table, note, day: chart.scale.x(view.date, 1000) }
}

/// Years along the top (every one whose label fits), the events as marks under them.
fn axes(svg: &mut Html, ds: &Dataset, chart: &Chart) {
    for (_, start, _) in chart.scale.years() {
        let x = LEFT + start * WIDTH / chart.scale.total().max(1);
        html!(svg, "<line class=\"year-tick\" x1=\"{}\" x2=\"{}\" y1=\"1\" y2=\"12\"></line>", x, x);
    }
    for (year, x) in chart.scale.labels(WIDTH, 30) {
        html!(svg, "<text class=\"year\" x=\"{}\" y=\"10\">{}</text>", LEFT + x + 3, year);
    }
    for e in ds.events.iter().filter(|e| chart.shows(e.date.date, e.date.date.succ_opt().unwrap_or(e.date.date))) {
        html!(
            svg,
            "<line class=\"event\" x1=\"{}\" x2=\"{}\" y1=\"14\" y2=\"22\"><title>{}: {}</title></line>",
            chart.x(e.date.date),
            chart.x(e.date.date),
            crate::answer::partial(e.date),
            e.what
        );
    }
}

/// One cell's row: its label, its bands merged by verdict (each opens the cell on its first
/// day in the range; a change of deciding clause alone is a tick), the spans that differ from
/// the compared scenario, and the same in the table.
#[allow(clippy::too_many_arguments)]
fn row(
    svg: &mut Html,
    labels: &mut Html,
    table: &mut Html,
    ds: &Dataset,
    view: &ViewState,
    chart: &Chart,
    (workload, provider): (Workload, Provider),
    differs: &[CellDiff],
) {
    let top = y(workload, provider);
    let selected = view.selected == Some((workload, provider));
    html!(
        labels,
        "<text class=\"row{}\" x=\"12\" y=\"{}\">{}</text>",
        if selected { " selected" } else { "" },
        top + 12,
        provider.label()
    );
    let bands = verdict_bands(&timeline(ds, workload, provider, view.scenario));
    let mut said = Vec::new();
    for b in &bands {
        let text = verdict_band_text(b);
        said.push(text.clone());
        if !chart.shows(b.from, b.until) {
            continue;
        }
        let (left, right) = (chart.x(b.from), chart.x(b.until));
        let class = if b.no_terms { "none" } else { b.outcome.as_str() };
        html!(
            svg,
            "<g class=\"{}\"{}><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"></rect>",
            class,
            Action::CellOn((workload, provider), b.from.max(chart.scale.start())).html(),
            left,
            top + 1,
            (right - left).max(1),
            ROW - 2
        );
        if right - left >= 14 && !b.no_terms {
            html!(
                svg,
                "<text x=\"{}\" y=\"{}\" aria-hidden=\"true\">{}</text>",
                left + 3,
                top + 12,
                b.outcome.symbol()
            );
        }
        for day in b.clause_changes.iter().filter(|d| chart.shows(**d, b.until)) {
            html!(
                svg,
                "<line class=\"clause\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"></line>",
                chart.x(*day),
                chart.x(*day),
                top + 9,
                top + ROW - 1
            );
        }
        html!(svg, "<title>{} on {}: {}</title></g>", workload.label(), provider.label(), text);
    }
    if let Some(cell) = differs.iter().find(|c| (c.workload, c.provider) == (workload, provider)) {
        let short = base_short(view.base);
        for s in &cell.spans {
            let was = band_text(s.from, s.until, s.baseline.as_str());
            said.push(format!("({short}: {was})"));
            if !chart.shows(s.from, s.until) {
                continue;
            }
            html!(
                svg,
                "<rect class=\"differs\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>differs from {}: {}</title></rect>",
                chart.x(s.from),
                top,
                (chart.x(s.until) - chart.x(s.from)).max(1),
                ROW,
                short,
                was
            );
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

    /// The x of each year's label in the chart.
    fn year_labels(html: &str) -> Vec<(i32, i64)> {
        html.split("<text class=\"year\" x=\"")
            .skip(1)
            .map(|rest| {
                let (x, rest) = rest.split_once("\" y=\"10\">").unwrap();
                (rest[..4].parse().unwrap(), x.parse().unwrap())
            })
            .collect()
    }

    #[test]
    fn every_cell_has_its_bands_actions_and_a_table_row() {
        let ds = dataset();
        let view = ViewState { date: ymd(2025, 3, 15), ..ViewState::default() };
        let html = overview(ds, &view, &[]).into_string();
        assert_eq!(html.matches("<tr>").count(), 28, "a table row a cell");
        assert!(html.contains("data-action=\"cell\" data-cell=\"training.coreweave\" data-date=\"2025-01-21\""));
        assert!(html.contains("Research &amp; training on CoreWeave: blocked from 2019-07-22 to 2025-01-20"));
        assert!(html.contains("allowed from 2025-10-28 on"), "open-ended bands");
        let shown = ds.events.iter().filter(|e| e.date.date >= ymd(2019, 1, 1)).count();
        assert_eq!(html.matches("class=\"event\"").count(), shown, "the events in the range");
        assert!(html.contains("class=\"as-of\"") && html.contains("class=\"today\""));
        assert!(!html.contains("class=\"differs\""), "as happened: nothing differs");
        let s = crate::scenario::Scenario::AS_HAPPENED.with("amendment_2026_04", "false");
        let view = ViewState { scenario: s, ..view };
        let html = overview(ds, &view, &super::super::page::compared(ds, &view).unwrap_or_default()).into_string();
        assert!(html.contains("class=\"differs\""), "a scenario marks what differs");
        assert!(html.contains("2026-04-27 amendment happened: no"), "in reader words");
    }

    #[test]
    fn the_deal_so_far_gives_2025_room_and_labels_every_year() {
        let ds = dataset();
        let view = ViewState { date: ymd(2025, 3, 15), ..ViewState::default() };
        assert_eq!(view.range, TimeRange::SoFar, "the default range");
        let html = overview(ds, &view, &[]).into_string();
        let years = year_labels(&html);
        let last = ds.researched.year() + 1;
        assert_eq!(years.iter().map(|(y, _)| *y).collect::<Vec<_>>(), (2019..=last).collect::<Vec<_>>());
        let x = |year: i32| years.iter().find(|(y, _)| *y == year).unwrap().1;
        // The chart is 1000 units wide: 2025 takes at least 8% of it (it was 4%).
        assert!(x(2026) - x(2025) >= 80, "2025: {} of 1000", x(2026) - x(2025));
        assert!(x(2027) - x(2026) >= 80, "2026: {} of 1000", x(2027) - x(2026));
        assert!(html.contains("data-testid=\"overview-range-so-far\" data-action=\"range\" data-range=\"so-far\""));
        assert!(html.contains("aria-pressed=\"true\" data-testid=\"overview-range-so-far\""));
        assert!(html.contains("The deal so far: 2019–2027") && html.contains("All: 2016–2035"));
        assert!(html.contains("2025 and 2026, when most happened, are drawn three times as wide"));
        // A band that starts before the range opens on the range's first day.
        assert!(html.contains("data-cell=\"training.aws\" data-date=\"2019-01-01\""));
        assert!(!html.contains("class=\"none\""), "no span without terms after 2016");
        // All of it: every year labelled too, and the spans before any term hatched.
        let all = overview(ds, &ViewState { range: TimeRange::All, ..view }, &[]).into_string();
        assert_eq!(year_labels(&all).iter().map(|(y, _)| *y).collect::<Vec<_>>(), (2016..=2035).collect::<Vec<_>>());
        assert_eq!(all.matches("<g class=\"none\"").count(), 28, "before 2016-11 no term applies anywhere");
        assert!(all.contains("API on Amazon Web Services: no deal terms yet from 2016-01-01 to 2016-11-14"));
        assert!(all.contains("aria-pressed=\"true\" data-testid=\"overview-range-all\""));
    }

    #[test]
    fn bands_merge_by_verdict_and_the_projection_is_faded() {
        let ds = dataset();
        let view = ViewState { date: ymd(2025, 3, 15), ..ViewState::default() };
        let html = overview(ds, &view, &[]).into_string();
        assert!(html.contains(
            "API on Amazon Web Services: blocked from 2019-07-22 to 2026-04-26 (what decides it changes on 2025-01-21, 2025-10-28, 2026-02-27)"
        ));
        assert!(!html.contains("API on Amazon Web Services: blocked from 2025-01-21"), "not a band of its own");
        assert!(html.contains("class=\"clause\""), "a change of clause is a tick");
        let after = ds.researched.succ_opt().unwrap();
        let chart = Chart { scale: Scale::new(ds, TimeRange::SoFar) };
        assert!(
            html.contains(&format!("<rect class=\"projection\" x=\"{}\"", chart.x(after))),
            "faded from the day after"
        );
        assert!(html.contains("projection →"));
        assert!(html.contains(&format!("data-day=\"{}\"", chart.scale.x(view.date, 1000))));
        // A chosen day outside the range is said, and not drawn at an edge.
        let early = overview(ds, &ViewState { date: ymd(2017, 3, 1), ..view }, &[]).into_string();
        assert!(!early.contains("class=\"today\""));
        assert!(early.contains("The chosen day, 2017-03-01, is outside these years"));
    }
}
