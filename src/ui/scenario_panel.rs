//! The scenario controls: the three-way Microsoft choice beside the grid (or the line saying it
//! changes nothing that day), every key's select and
//! its "changes nothing now" note, the presets (pressed when in effect; not offered when they
//! would change nothing on the day), the reset, and what the scenario is compared with. Keeps
//! them in step with the scenario and the day, however they were changed (a select, a preset,
//! a path to yes, a link), through the same functions the shell was written with.

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::html::page::{
    compare_custom, compare_value, declines_note, moot_note, preset_view, reset_disabled, swap_disabled,
    COMPARE_CUSTOM_IDLE,
};
use crate::vocab::ScenarioKey;
use std::rc::Rc;

pub fn bind(page: &Rc<Handles>, state: State) {
    let p = Rc::clone(page);
    dom::effect(move || {
        let (scenario, date) = (state.scenario.get(), state.date.get());
        // One state: the radios and the panel's select both show the scenario's value.
        let chosen = scenario.value(ScenarioKey::MicrosoftDeclines);
        for (wire, radio) in &p.declines {
            if radio.checked() != (*wire == chosen) {
                radio.set_checked(*wire == chosen);
            }
        }
        let note = declines_note(dataset(), date, scenario);
        dom::flag(&p.declines_choices, "hidden", note.is_some());
        dom::flag(&p.declines_note, "hidden", note.is_none());
        dom::set_text(&p.declines_note, note.as_deref());
        for (key, select) in &p.keys {
            dom::set_value(select, scenario.value(*key));
        }
        for (setting, button) in &p.presets {
            let view = preset_view(dataset(), date, scenario, *setting);
            dom::set_bool(button, "aria-pressed", view.pressed);
            dom::flag(button, "disabled", view.disabled);
        }
        dom::flag(&p.reset, "disabled", reset_disabled(scenario));
        for (key, note) in &p.moot {
            let text = moot_note(dataset(), date, scenario, *key);
            dom::flag(note, "hidden", text.is_none());
            dom::set_text(note, text.as_deref());
        }
    });
    // "Compare with": the list shows B (its own entry when B is no preset), the swap is
    // offered when A and B differ.
    let p = Rc::clone(page);
    dom::effect(move || {
        let (scenario, base) = (state.scenario.get(), state.base.get());
        let custom = compare_custom(base);
        dom::flag(&p.compare_custom, "hidden", custom.is_none());
        dom::set_text(&p.compare_custom, Some(custom.as_deref().unwrap_or(COMPARE_CUSTOM_IDLE)));
        dom::set_value(&p.compare, &compare_value(base));
        dom::flag(&p.swap, "disabled", swap_disabled(scenario, base));
    });
}
