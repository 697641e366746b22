//! The difference a scenario makes: every cell whose verdict differs from as-happened, over
//! which days, which toggle causes it and which terms.

use super::parts::act;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::{diff, CellDiff};
use crate::html;
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
    let content = move || match diffs.get() {
        None => "<p>The scenario is as happened: nothing differs. Toggle a what-if to compare.</p>".to_owned(),
        Some(cells) if cells.is_empty() => "<p>This scenario changes no verdict on any day.</p>".to_owned(),
        Some(cells) => html::diff_list(dataset(), &cells),
    };
    view! {
        <section class="diff" data-testid="diff-view" aria-labelledby="diff-heading" on:click=move |ev| act(state, &ev)>
            <h2 id="diff-heading">"Scenario vs as happened"</h2>
            <div inner_html=content></div>
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
        let content = html::diff_strip(&cells, state.date.get());
        Some(view! {
            <div class="diff-strip" data-testid="diff-strip" role="status" inner_html=content on:click=move |ev| act(state, &ev)></div>
        })
    }
}
