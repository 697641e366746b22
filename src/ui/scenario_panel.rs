//! The scenario controls: the "Microsoft declines" toggle at the top, every key's select,
//! the presets (pressed when in effect) and the reset. The shell renders them; this keeps
//! them in step with the scenario, however it was changed (a select, a preset, a path to yes,
//! a link).

use super::dom::{self, Root};
use super::state::State;
use crate::html::page::preset_active;
use crate::scenario::Scenario;
use leptos::prelude::*;

pub fn bind(root: Root, state: State) {
    Effect::new(move |_| {
        let scenario = state.scenario.get();
        let Some(root) = dom::root(root) else { return };
        if let Some(toggle) = dom::one(&root, "[data-toggle]") {
            if let Some(input) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&toggle) {
                input.set_checked(scenario.microsoft_declines() == Some(true));
            }
        }
        for select in dom::all(&root, "select[data-key]") {
            if let Some(value) = select.get_attribute("data-key").and_then(|key| scenario.get(&key)) {
                dom::set_value(&select, value);
            }
        }
        for button in dom::all(&root, "[data-action=preset]") {
            let spec = button.get_attribute("data-set").unwrap_or_default();
            if spec.is_empty() {
                dom::flag(&button, "disabled", scenario == Scenario::AS_HAPPENED);
            } else {
                dom::set_bool(&button, "aria-pressed", preset_active(scenario, &spec));
            }
        }
    });
}
