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
use crate::vocab::{Provider, Workload};
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

/// Cells of one workload whose differences between A and B are the same, day for day: one
/// line for all of them ("OpenAI API on Amazon Web Services, Google Cloud and 4 more: …").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group<'a> {
    pub workload: Workload,
    pub providers: Vec<Provider>,
    pub spans: &'a [DiffSpan],
}

/// The differences grouped: a group per workload and identical spans, in the cells' order.
pub fn groups(cells: &[CellDiff]) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    for c in cells {
        match out.iter_mut().find(|g| g.workload == c.workload && g.spans == c.spans.as_slice()) {
            Some(group) => group.providers.push(c.provider),
            None => out.push(Group { workload: c.workload, providers: vec![c.provider], spans: &c.spans }),
        }
    }
    out
}

/// Providers in a reader's words: "AWS", "AWS and Google Cloud", "AWS, Google Cloud and
/// Stargate"; more than `most`: the first two "and 4 more" (`most` 0: every one).
pub fn providers_text(providers: &[Provider], most: usize) -> String {
    let names: Vec<&str> = providers.iter().map(|p| p.label()).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [first, second, _, ..] if most > 0 && names.len() > most => {
            format!("{first}, {second} and {} more", names.len() - 2)
        }
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// A span's two verdicts, A's first as the headings say: "A: ✗ blocked → B: ✓ allowed".
pub fn verdicts_text(s: &DiffSpan, short: &str) -> String {
    format!(
        "A: {} {} → {short}: {} {}",
        s.scenario.symbol(),
        s.scenario.as_str(),
        s.baseline.symbol(),
        s.baseline.as_str()
    )
}

/// Every cell whose verdict differs between A and B (`short`: what B is called), cells with
/// the same differences on one line, with the spans (A's verdict → B's), causes and clauses.
/// Each span's dates are a button that selects the (first) cell on its first day.
pub fn diff_list(ds: &Dataset, cells: &[CellDiff], short: &str) -> Html {
    let mut out = markup!("<ul>");
    for g in groups(cells) {
        html!(
            out,
            "<li data-testid=\"diff-group\"><strong>{} on {}</strong><ul>",
            g.workload.label(),
            providers_text(&g.providers, 0)
        );
        let first = g.providers.first().copied().unwrap_or(Provider::Azure);
        for s in g.spans {
            html!(
                out,
                "<li><button type=\"button\" class=\"link\"{}>{}</button>: {} because of {}",
                Action::CellOn((g.workload, first), s.from).html(),
                span_text(s.from, s.until),
                verdicts_text(s, short),
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
    let groups = groups(cells);
    let spans: Vec<(&Group<'_>, &DiffSpan)> = groups.iter().flat_map(|g| g.spans.iter().map(move |s| (g, s))).collect();
    for (g, s) in spans.iter().take(3) {
        html!(
            out,
            "<li>{} on {}: {} {} ({}: {}) — {}</li>",
            g.workload.label(),
            providers_text(&g.providers, 3),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::engine::diff_between;

    #[test]
    fn providers_are_named_in_a_reader_s_words() {
        let all = Provider::ALL;
        assert_eq!(providers_text(&all[..1], 3), "Microsoft Azure");
        assert_eq!(providers_text(&all[3..5], 3), "Amazon Web Services and Google Cloud");
        assert_eq!(providers_text(&all[3..6], 3), "Amazon Web Services, Google Cloud and Stargate");
        assert_eq!(providers_text(&all[3..], 3), "Amazon Web Services, Google Cloud and 2 more");
        assert_eq!(providers_text(&all[3..], 0), "Amazon Web Services, Google Cloud, Stargate and Any other cloud");
    }

    /// Cells with the same differences are one line; every cell is still in one group; the
    /// verdicts read A → B as the headings label them.
    #[test]
    fn identical_differences_are_one_line_reading_a_to_b() {
        let ds = dataset();
        let a = Scenario::AS_HAPPENED.with("amendment_2026_04", "false");
        let cells = diff_between(ds, a, Scenario::AS_HAPPENED);
        let grouped = groups(&cells);
        assert!(grouped.len() < cells.len(), "some cells share their differences");
        assert_eq!(grouped.iter().map(|g| g.providers.len()).sum::<usize>(), cells.len());
        for g in &grouped {
            for p in &g.providers {
                let c = cells.iter().find(|c| c.workload == g.workload && c.provider == *p).unwrap();
                assert_eq!(c.spans.as_slice(), g.spans);
            }
        }
        let html = diff_list(ds, &cells, "as happened").into_string();
        assert_eq!(html.matches("data-testid=\"diff-group\"").count(), grouped.len());
        assert!(
            html.contains("A: ✗ blocked → as happened: ✓ allowed because of 2026-04-27 amendment happened: no"),
            "{html}"
        );
        assert!(!html.contains("(B) →") && !html.contains("(as happened) →"), "never B first");
        let strip = diff_strip(&cells, crate::vocab::ymd(2026, 6, 1), Scenario::AS_HAPPENED).into_string();
        let long = grouped.iter().find(|g| g.providers.len() > 3);
        if let Some(g) = long {
            assert!(
                strip.contains(&format!("{} more", g.providers.len() - 2))
                    || grouped.iter().position(|x| x == g).unwrap() >= 3,
                "{strip}"
            );
        }
    }
}
