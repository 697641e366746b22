//! The difference a scenario makes: every cell whose verdict differs from as-happened, over
//! which days, which toggle causes it and which terms.

use super::state::State;
use crate::dataset::dataset;
use crate::engine::{diff, CellDiff};
use crate::scenario::Scenario;
use leptos::prelude::*;

/// The scenario's differences from as happened (`None` when the scenario is as happened),
/// computed once per scenario change and shared by the strip and the panel.
#[derive(Clone, Copy)]
pub struct ScenarioDiff(pub Memo<Option<Vec<CellDiff>>>);

impl ScenarioDiff {
    pub fn new(state: State) -> Self {
        ScenarioDiff(Memo::new(move |_| {
            let s = state.scenario.get();
            (s != Scenario::AS_HAPPENED).then(|| diff(dataset(), s))
        }))
    }
}

#[component]
pub fn DiffView() -> impl IntoView {
    let state = expect_context::<State>();
    let ScenarioDiff(diffs) = expect_context::<ScenarioDiff>();
    view! {
        <section class="diff" data-testid="diff-view" aria-labelledby="diff-heading">
            <h2 id="diff-heading">"Scenario vs as happened"</h2>
            {move || match diffs.get() {
                None => view! { <p>"The scenario is as happened: nothing differs. Toggle a what-if to compare."</p> }.into_any(),
                Some(cells) if cells.is_empty() => view! { <p>"This scenario changes no verdict on any day."</p> }.into_any(),
                Some(cells) => view! {
                    <ul>
                        {cells.into_iter().map(|c| view! {
                            <li>
                                <strong>{format!("{} on {}", c.workload.label(), c.provider.label())}</strong>
                                <ul>
                                    {c.spans.into_iter().map(|s| {
                                        let from = s.from;
                                        let terms = s.terms.iter().map(|t| dataset().term(*t).id).collect::<Vec<_>>().join(", ");
                                        view! {
                                            <li>
                                                <button type="button" class="link" on:click=move |_| {
                                                    state.date.set(from);
                                                    state.selected.set(Some((c.workload, c.provider)));
                                                }>{format!("{} to {}", s.from, s.until.pred_opt().unwrap_or(s.until))}</button>
                                                {format!(": {} → {} because of {}", s.baseline.as_str(), s.scenario.as_str(), s.causes.join(" + "))}
                                                {(!terms.is_empty()).then(|| format!(" (terms: {terms})"))}
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// Above the grid, whenever the scenario differs from as happened: how many cells it changes,
/// on the chosen day and on any day, with the first few spans and why.
#[component]
pub fn DiffStrip() -> impl IntoView {
    let state = expect_context::<State>();
    let ScenarioDiff(diffs) = expect_context::<ScenarioDiff>();
    move || {
        let cells = diffs.get()?;
        let day = state.date.get();
        let today = cells.iter().filter(|c| c.spans.iter().any(|s| s.from <= day && day < s.until)).count();
        let spans: Vec<String> = cells
            .iter()
            .flat_map(|c| c.spans.iter().map(move |s| (c, s)))
            .take(3)
            .map(|(c, s)| {
                format!(
                    "{} on {}: {} from {} to {} (as happened: {}) — {}",
                    c.workload.label(),
                    c.provider.label(),
                    s.scenario.as_str(),
                    s.from,
                    s.until.pred_opt().unwrap_or(s.until),
                    s.baseline.as_str(),
                    s.causes.join(" + ")
                )
            })
            .collect();
        let total: usize = cells.iter().map(|c| c.spans.len()).sum();
        Some(view! {
            <div class="diff-strip" data-testid="diff-strip" role="status">
                <p>
                    {format!("◆ This scenario changes {today} cell(s) on {day} and {} cell(s) on some day from 2016 to 2035. ", cells.len())}
                    <button type="button" class="link" on:click=move |_| state.panel.set(crate::permalink::Panel::Diff)>"See every difference"</button>
                </p>
                <ul>
                    {spans.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}
                    {(total > 3).then(|| view! { <li>{format!("… and {} more", total - 3)}</li> })}
                </ul>
            </div>
        })
    }
}
