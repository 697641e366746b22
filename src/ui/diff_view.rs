//! The difference between the scenario (A) and the one it is compared with (B): computed once
//! per change of either and shared by the strip under the grid (here), the diff panel (see
//! `panels`).

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::{diff_between, CellDiff};
use crate::html::page::{compared, diff_strip_slot};
use crate::permalink::ViewState;
use crate::ui::prelude::*;

/// Where A and B differ (`None` when they are the same scenario).
#[derive(Clone, Copy)]
pub struct ScenarioDiff(pub Memo<Option<Vec<CellDiff>>>);

impl ScenarioDiff {
    pub fn new(state: State) -> Self {
        ScenarioDiff(Memo::new(move || {
            let (a, b) = (state.scenario.get(), state.base.get());
            (a != b).then(|| diff_between(dataset(), a, b))
        }))
    }
}

/// The strip: shown whenever A and B differ on some day, with how many cells differ on the
/// day and on any day, and the first few spans.
pub fn bind(page: &Handles, state: State, ScenarioDiff(diffs): ScenarioDiff, shown: ViewState) {
    let initial = diff_strip_slot(compared(dataset(), &shown).as_deref(), shown.date, shown.base);
    dom::bind_html(page.diff_strip.clone(), initial, move || {
        diffs.with(|cells| diff_strip_slot(cells.as_deref(), state.date.get(), state.base.get()))
    });
}
