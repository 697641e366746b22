//! The difference a scenario makes: computed once per scenario change and shared by the strip
//! under the grid (here) and the diff panel (see `panels`).

use super::dom::{self, Root};
use super::state::State;
use crate::dataset::dataset;
use crate::engine::{diff, CellDiff};
use crate::html;
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
pub fn bind(root: Root, state: State, ScenarioDiff(diffs): ScenarioDiff) {
    // The shell leaves the strip empty; the first run fills it if the scenario differs.
    dom::bind_html(root, ".diff-strip-slot", String::new(), move || {
        diffs.with(|cells| {
            cells.as_deref().map_or_else(String::new, |cells| {
                format!(
                    "<div class=\"diff-strip\" data-testid=\"diff-strip\">{}</div>",
                    html::diff_strip(cells, state.date.get())
                )
            })
        })
    });
}
