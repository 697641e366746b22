//! The reader's view state as signals, created from the URL and written back to it.

use crate::permalink::{Panel, ViewState};
use crate::scenario::Scenario;
use crate::vocab::{Provider, Workload};
use chrono::NaiveDate;
use leptos::prelude::*;

/// Everything the views share; `Copy`, so every closure can hold it.
#[derive(Clone, Copy)]
pub struct State {
    pub date: RwSignal<NaiveDate>,
    pub scenario: RwSignal<Scenario>,
    pub selected: RwSignal<Option<(Workload, Provider)>>,
    pub panel: RwSignal<Panel>,
    pub embed: RwSignal<bool>,
    /// Short notices (e.g. what a malformed URL had that was ignored).
    pub notices: RwSignal<Vec<String>>,
}

impl State {
    pub fn new(view: ViewState, notices: Vec<String>) -> Self {
        State {
            date: RwSignal::new(view.date),
            scenario: RwSignal::new(view.scenario),
            selected: RwSignal::new(view.selected),
            panel: RwSignal::new(view.panel),
            embed: RwSignal::new(view.embed),
            notices: RwSignal::new(notices),
        }
    }

    /// The state as a shareable value (tracked: call inside an effect to follow changes).
    pub fn view_state(&self) -> ViewState {
        ViewState {
            date: self.date.get(),
            scenario: self.scenario.get(),
            selected: self.selected.get(),
            panel: self.panel.get(),
            embed: self.embed.get(),
        }
    }

    /// Reads the state from the page's URL.
    pub fn from_location() -> Self {
        let search = window().location().search().unwrap_or_default();
        let (view, notices) = ViewState::from_query(&search);
        State::new(view, notices)
    }
}

/// Keeps the URL in step with the state (replaceState: no history spam, no reload).
pub fn sync_url(state: State) {
    Effect::new(move |_| {
        let query = state.view_state().to_query();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
        }
    });
}
