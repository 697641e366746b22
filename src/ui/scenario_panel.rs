//! The scenario controls: the "Microsoft declines" toggle at the top, every key's select,
//! the presets (pressed when in effect; not offered when they would change nothing on the
//! day) and the reset. The shell renders them; this keeps them in step with the scenario and
//! the day, however they were changed (a select, a preset, a path to yes, a link).

use super::dom::{self, Root};
use super::state::State;
use crate::dataset::dataset;
use crate::html::page::{moot_note, preset_active, preset_moot};
use crate::scenario::Scenario;
use leptos::prelude::*;

pub fn bind(root: Root, state: State) {
    Effect::new(move |_| {
        let (scenario, date) = (state.scenario.get(), state.date.get());
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
                dom::flag(&button, "disabled", preset_moot(dataset(), date, scenario, &spec));
            }
        }
        // "AGI verified" after the 2026 amendment and the like: say why it changes nothing.
        for note in dom::all(&root, "[data-moot]") {
            let text = note.get_attribute("data-moot").and_then(|key| moot_note(dataset(), date, scenario, &key));
            dom::flag(&note, "hidden", text.is_none());
            if note.text_content().unwrap_or_default() != text.as_deref().unwrap_or_default() {
                note.set_text_content(text.as_deref());
            }
        }
    });
}
