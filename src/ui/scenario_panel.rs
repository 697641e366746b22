//! The scenario panel: every scenario key as a control with a plain explanation, presets for
//! the famous what-ifs, and a reset to as happened.

use super::state::State;
use crate::scenario::{explain_key, key_label, value_label, Scenario};
use crate::vocab::SCENARIO_KEYS;
use leptos::prelude::*;

/// The famous what-ifs: a name and the changes it makes.
pub const PRESETS: &[(&str, &[(&str, &str)])] = &[
    ("Microsoft declines the capacity", &[("microsoft_declines", "true")]),
    ("AGI verified in 2026", &[("agi_verified", "true")]),
    ("No 2026 amendment", &[("amendment_2026_04", "false")]),
    ("Seed 003's reading: API exclusive until 2032", &[("api_exclusive_until", "2032")]),
];

/// The one toggle the spine asks for, at the top of the page.
#[component]
pub fn DeclinesToggle() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <label class="toggle">
            <input
                type="checkbox"
                data-testid="toggle-microsoft-declines"
                prop:checked=move || state.scenario.get().microsoft_declines() == Some(true)
                on:change=move |ev| {
                    let value = if event_target_checked(&ev) { "true" } else { "recorded" };
                    state.scenario.update(|s| { let _ = s.set("microsoft_declines", value); });
                }
            />
            " Microsoft declines the capacity"
        </label>
    }
}

#[component]
pub fn ScenarioPanel() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <section class="scenario" aria-labelledby="scenario-heading" data-testid="scenario-panel">
            <h2 id="scenario-heading">"Scenario"</h2>
            <p class="presets">
                {PRESETS
                    .iter()
                    .map(|(name, changes)| {
                        let active = move || {
                            let s = state.scenario.get();
                            changes.iter().all(|(k, v)| s.get(k) == Some(*v))
                        };
                        view! {
                            <button type="button" aria-pressed=move || active().to_string()
                                on:click=move |_| state.scenario.set(changes.iter().fold(Scenario::AS_HAPPENED, |s, (k, v)| s.with(k, v)))>
                                {*name}
                            </button>
                        }
                    })
                    .collect_view()}
                <button type="button" data-testid="reset-scenario" class="reset"
                    disabled=move || state.scenario.get() == Scenario::AS_HAPPENED
                    on:click=move |_| state.scenario.set(Scenario::AS_HAPPENED)>
                    "Reset to as happened"
                </button>
            </p>
            <div class="keys">
                {SCENARIO_KEYS
                    .iter()
                    .map(|(key, values)| {
                        let id = format!("key-{key}");
                        view! {
                            <div class="key">
                                <label for=id.clone()>{key_label(key)}</label>
                                <select id=id data-testid=format!("select-{key}")
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        state.scenario.update(|s| { let _ = s.set(key, &value); });
                                    }>
                                    {values.iter().map(|v| view! {
                                        <option value=*v prop:selected=move || state.scenario.get().get(key) == Some(*v)>{value_label(key, v)}</option>
                                    }).collect_view()}
                                </select>
                                <p class="explain">{explain_key(key)}</p>
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}
