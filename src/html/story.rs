//! The guided story: a sequence of steps through the deal (`data/stories.toml`), each with
//! its day, scenario and cell, two or three sentences and their sources. The release build
//! writes the steps into the page; they cost the wasm nothing. Each step has its own URL —
//! its view plus `#step-N` — the open step is the URL's target (CSS `:target`), and previous /
//! next are links to those URLs; "leave the story" drops the target and keeps the view.
//!
//! Each step carries its own grid, worked out when the page is built, so the step is true
//! without the wasm (and before it has loaded): its day's 28 verdicts, the cells that changed
//! since the previous step marked, the step's cell picked out. A step whose text asks the
//! reader to try a what-if (`toggle`) offers it in its card: a link to a second card,
//! `#step-N-try`, with that view's grid and what the what-if changed. Once the wasm runs, it
//! follows these links within the page (`ui::actions`).

use super::{html, markup, sources_list, Html};
use crate::answer::SourceRef;
use crate::dataset::Dataset;
use crate::engine::{evaluate_cell, Outcome};
use crate::permalink::ViewState;
use crate::scenario::Scenario;
use crate::vocab::{Provider, Setting, Workload};

/// One step, ready to write.
#[derive(Clone, Debug)]
pub struct Step {
    pub title: String,
    pub text: String,
    /// The day, scenario and cell the step shows.
    pub view: ViewState,
    /// The what-if the text asks the reader to try, if it asks.
    pub toggle: Option<Setting>,
    pub sources: Vec<SourceRef>,
}

impl Step {
    /// The view with the step's what-if tried, if it has one.
    fn tried(&self) -> Option<ViewState> {
        self.toggle.map(|s| ViewState { scenario: self.view.scenario.with_setting(s), ..self.view })
    }
}

/// The URL of step `n` (1-based): its view, then `#step-N`.
pub fn step_url(step: &Step, n: usize) -> String {
    format!("{}#step-{n}", step.view.to_query())
}

/// The URL of step `n` with its what-if tried (`#step-N-try`), if it has one.
pub fn tried_url(step: &Step, n: usize) -> Option<String> {
    step.tried().map(|view| format!("{}#step-{n}-try", view.to_query()))
}

/// A link to step `n`, or nothing (`n` out of the story).
fn link(steps: &[Step], n: usize, testid: &str, label: &str) -> Html {
    match n.checked_sub(1).and_then(|i| steps.get(i)) {
        Some(step) => {
            markup!("<a class=\"story-link\" data-testid=\"{}\" href=\"{}\">{}</a>", testid, step_url(step, n), label)
        }
        None => Html::new(),
    }
}

/// The button-like link in the header that starts the story.
pub fn start(steps: &[Step]) -> Html {
    match steps.first() {
        Some(_) => link(steps, 1, "story-start", &format!("Take the tour: the deal in {} steps", steps.len())),
        None => Html::new(),
    }
}

/// The 28 verdicts of a view, row by row (workloads × providers).
fn verdicts(ds: &Dataset, view: &ViewState) -> Vec<Outcome> {
    crate::engine::cells().map(|(w, p)| evaluate_cell(ds, view.date, w, p, view.scenario)).collect()
}

/// A step's own grid: a row a provider, a column a workload (narrow enough for a phone), each
/// cell its verdict as symbol and word (its class names it first; the stylesheet draws the
/// symbol); the cells that differ from `before` marked ● with what
/// they were, and the step's cell picked out. `since` says what `before` is.
fn step_grid(ds: &Dataset, view: &ViewState, before: Option<&[Outcome]>, since: &str, testid: &str) -> Html {
    let now = verdicts(ds, view);
    let changed = before.map_or(0, |b| now.iter().zip(b).filter(|(a, b)| a != b).count());
    let mut out = markup!(
        "<table class=\"step-grid\" data-testid=\"{}\"><caption>The grid on <time>{}</time>",
        testid,
        view.date
    );
    if view.scenario != Scenario::AS_HAPPENED {
        html!(out, " — scenario: {}", view.scenario.describe());
    }
    match before {
        Some(_) if changed > 0 => html!(
            out,
            "<span class=\"changes\"> · <span aria-hidden=\"true\">●</span> {} {} changed {}</span>",
            changed,
            if changed == 1 { "cell" } else { "cells" },
            since
        ),
        Some(_) => html!(out, "<span class=\"changes\"> · no cell changed {}</span>", since),
        None => {}
    }
    html!(out, "</caption><thead><tr><td></td>");
    for w in Workload::ALL {
        html!(out, "<th scope=\"col\">{}</th>", w.label());
    }
    html!(out, "</tr></thead><tbody>");
    for (pi, &p) in Provider::ALL.iter().enumerate() {
        html!(out, "<tr><th scope=\"row\">{}</th>", p.label());
        for (wi, &w) in Workload::ALL.iter().enumerate() {
            let i = wi * Provider::ALL.len() + pi;
            let outcome = now[i];
            let was = before.map(|b| b[i]).filter(|was| *was != outcome);
            let mut class = outcome.as_str().to_owned();
            if was.is_some() {
                class.push_str(" changed");
            }
            if view.selected == Some((w, p)) {
                class.push_str(" step-cell");
            }
            // Compact (ten of these are in every page as served): the symbol and the mark
            // come from the stylesheet, the word is for screen readers.
            if view.selected == Some((w, p)) {
                html!(
                    out,
                    "<td class=\"{}\" data-cell=\"{}.{}\"><span class=\"w\">{}",
                    class,
                    w.as_str(),
                    p.as_str(),
                    outcome
                );
            } else {
                html!(out, "<td class=\"{}\"><span class=\"w\">{}", class, outcome);
            }
            if let Some(was) = was {
                html!(out, " (changed: was {})", was);
            }
            html!(out, "</span>");
            html!(out, "</td>");
        }
        html!(out, "</tr>");
    }
    html!(out, "</tbody></table>");
    out
}

/// One card of the story: its count, title, text, grid, sources and navigation (`body`
/// between the text and the grid: the what-if on offer).
struct Card<'a> {
    id: String,
    count: String,
    step: &'a Step,
    offer: Html,
    grid: Html,
}

fn card(out: &mut Html, steps: &[Step], n: usize, c: &Card<'_>) {
    html!(
        out,
        "<article id=\"{}\" class=\"story-step\" data-testid=\"story-{}\" tabindex=\"-1\"><p class=\"step-count\">{}</p><h2>{}</h2><p>{}</p>{}{}",
        c.id,
        c.id,
        c.count,
        c.step.title,
        c.step.text,
        c.offer,
        c.grid
    );
    sources_list(out, &c.step.sources);
    html!(
        out,
        "<p class=\"story-nav\">{}{}<a class=\"story-leave\" data-testid=\"story-leave\" href=\"#app\">Leave the story (keep this view)</a></p></article>",
        link(steps, n - 1, "story-previous", "◀ Previous"),
        link(steps, n + 1, "story-next", "Next ▶")
    );
}

/// The story's section: every step, each shown only while it is the URL's target.
pub fn story(ds: &Dataset, steps: &[Step]) -> Html {
    let mut out = markup!("<section class=\"story\" data-testid=\"story\" aria-label=\"The story of the deal\">");
    let mut before: Option<Vec<Outcome>> = None;
    for (i, step) in steps.iter().enumerate() {
        let n = i + 1;
        let count = format!("The story, step {n} of {}", steps.len());
        let since = format!("since step {i}");
        let grid = step_grid(ds, &step.view, before.as_deref(), &since, &format!("step-grid-{n}"));
        let offer = match (step.toggle, tried_url(step, n)) {
            (Some(setting), Some(url)) => markup!(
                "<p class=\"story-try\"><a class=\"story-link try\" data-testid=\"story-try\" href=\"{}\">Try it: {} ▶</a></p>",
                url,
                Scenario::AS_HAPPENED.with_setting(setting).describe()
            ),
            _ => Html::new(),
        };
        card(&mut out, steps, n, &Card { id: format!("step-{n}"), count: count.clone(), step, offer, grid });
        let shown = verdicts(ds, &step.view);
        if let (Some(setting), Some(tried)) = (step.toggle, step.tried()) {
            let words = Scenario::AS_HAPPENED.with_setting(setting).describe();
            let offer = markup!(
                "<p class=\"story-try\"><a class=\"story-link try\" data-testid=\"story-untry\" href=\"{}\">◀ Undo: the step as it happened</a></p>",
                step_url(step, n)
            );
            let grid = step_grid(ds, &tried, Some(&shown), &format!("by “{words}”"), &format!("step-grid-{n}-try"));
            let count = format!("{count}, trying “{words}”");
            card(&mut out, steps, n, &Card { id: format!("step-{n}-try"), count, step, offer, grid });
        }
        before = Some(shown);
    }
    html!(out, "</section>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    fn step(date: NaiveDate, cell: (Workload, Provider), toggle: Option<Setting>) -> Step {
        Step {
            title: "t".into(),
            text: "x".into(),
            view: ViewState { date, selected: Some(cell), ..ViewState::default() },
            toggle,
            sources: Vec::new(),
        }
    }
    use chrono::NaiveDate;

    #[test]
    fn each_step_carries_its_own_grid_with_what_changed_since_the_previous() {
        let declines = Setting::parse_pair("microsoft_declines=true").unwrap();
        let cw = (Workload::Training, Provider::Coreweave);
        let steps = [
            step(ymd(2019, 7, 22), (Workload::Training, Provider::Aws), None),
            step(ymd(2025, 3, 15), cw, Some(declines)),
        ];
        let html = story(dataset(), &steps).into_string();
        // Step 1: its own day, nothing to compare with.
        let one = &html[html.find("id=\"step-1\"").unwrap()..html.find("id=\"step-2\"").unwrap()];
        assert!(one.contains("The grid on <time>2019-07-22</time><") && !one.contains("changed"));
        assert_eq!(one.matches("<td class=").count(), 28);
        assert!(
            one.contains(
                "<td class=\"blocked step-cell\" data-cell=\"training.aws\"><span class=\"w\">blocked</span></td>"
            ),
            "{one}"
        );
        // Step 2: CoreWeave training went from blocked (2019) to conditional (2025-03-15).
        let two = &html[html.find("id=\"step-2\"").unwrap()..html.find("id=\"step-2-try\"").unwrap()];
        assert!(two.contains("<td class=\"conditional changed step-cell\" data-cell=\"training.coreweave\"><span class=\"w\">conditional (changed: was blocked)</span>"), "{two}");
        assert!(two.contains("changed since step 1"));
        // Its what-if is offered, and its card shows what the what-if changes.
        assert!(two.contains("data-testid=\"story-try\" href=\"?date=2025-03-15&amp;microsoft_declines=true&amp;cell=training.coreweave&amp;v="));
        assert!(two.contains("#step-2-try\">Try it: Microsoft’s answer to new capacity: declined ▶</a>"), "{two}");
        let tried = &html[html.find("id=\"step-2-try\"").unwrap()..];
        assert!(tried.contains("<td class=\"allowed changed step-cell\" data-cell=\"training.coreweave\""), "{tried}");
        assert!(tried.contains("changed by “Microsoft’s answer to new capacity: declined”"));
        assert!(
            tried.contains("href=\"?date=2025-03-15&amp;cell=training.coreweave&amp;v=")
                && tried.contains("#step-2\">◀ Undo")
        );
    }
}
