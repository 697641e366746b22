//! The difference a scenario makes: computed once per scenario change and shared by the strip
//! under the grid (here) and the diff panel (see `panels`).

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::{diff, CellDiff};
use crate::html::page::diff_strip_slot;
use crate::permalink::ViewState;
use crate::scenario::Scenario;
use leptos::prelude::*;

/// The scenario's differences from as happened (`None` when the scenario is as happened).
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

/// The strip: shown whenever the scenario differs from as happened, with how many cells it
/// changes on the day and on any day, and the first few spans.
pub fn bind(page: &Handles, state: State, ScenarioDiff(diffs): ScenarioDiff, shown: ViewState) {
    let initial = if shown.scenario == Scenario::AS_HAPPENED {
        diff_strip_slot(None, shown.date)
    } else {
        diff_strip_slot(Some(&diff(dataset(), shown.scenario)), shown.date)
    };
    dom::bind_html(page.diff_strip.clone(), initial, move || {
        diffs.with(|cells| diff_strip_slot(cells.as_deref(), state.date.get()))
    });
}
