//! The panels under the grid: the tabs, and the open panel — "Why" (the selected cell's
//! explanation), "Scenario diff", or "Dataset & sources". Only the open panel is in the page;
//! when its content changes (another cell, day or scenario) only its content slot is
//! refilled, and a reader whose focus was on a button in it lands on the same button.

use super::diff_view::ScenarioDiff;
use super::dom::{self, Root};
use super::state::State;
use crate::dataset::dataset;
use crate::engine::Query;
use crate::html::{self, page};
use crate::permalink::Panel;
use leptos::prelude::*;
use std::fmt::Write as _;
use web_sys::Element;

/// What the open panel's content slot should hold (the dataset has none: it is static).
fn content(state: State, diffs: ScenarioDiff) -> String {
    match state.panel.get() {
        Panel::Why => {
            let query = state.selected.get().map(|(workload, provider)| Query {
                date: state.date.get(),
                workload,
                provider,
                scenario: state.scenario.get(),
            });
            html::why::content(dataset(), query.as_ref())
        }
        Panel::Diff => diffs.0.with(|cells| html::diff::content(dataset(), cells.as_deref())),
        Panel::Dataset => String::new(),
    }
}

/// A selector for the focused element if it is an action button inside `slot`, so focus can
/// return to its counterpart once the slot is refilled.
fn focused_action(slot: &Element) -> Option<String> {
    let active = document().active_element()?;
    if !slot.contains(Some(&active)) {
        return None;
    }
    let mut selector = String::from("[data-action]");
    for name in ["data-action", "data-date", "data-set", "data-cell", "href"] {
        if let Some(value) = active.get_attribute(name) {
            let _ = write!(selector, "[{name}=\"{}\"]", value.replace('"', ""));
        }
    }
    Some(selector)
}

/// Fills `slot` with `content`, keeping focus on the same action (or on the panel) if it was
/// inside.
fn refill(host: &Element, slot: &Element, content: &str) {
    let focused = focused_action(slot);
    slot.set_inner_html(content);
    if let Some(selector) = focused {
        match dom::one(slot, &selector) {
            Some(el) => dom::focus(&el),
            None => dom::focus(host),
        }
    }
}

pub fn bind(root: Root, state: State, diffs: ScenarioDiff, ready: RwSignal<bool>) {
    // The tabs follow the open panel.
    Effect::new(move |_| {
        let open = state.panel.get();
        let Some(root) = dom::root(root) else { return };
        for tab in dom::all(&root, "[role=tab]") {
            dom::set_bool(&tab, "aria-selected", tab.get_attribute("data-panel").as_deref() == Some(open.as_str()));
        }
        if let Some(host) = dom::one(&root, "#panel") {
            dom::set_attr(&host, "aria-labelledby", &format!("tab-{}", open.as_str()));
        }
    });
    // The open panel and its content, filled right after the grid has been painted (and at
    // most once a frame while the slider is dragged): the grid is what a reader watches.
    let shown = StoredValue::new_local(None::<(Panel, String)>);
    let scheduled = StoredValue::new_local(false);
    Effect::new(move |_| {
        // Subscribe to everything the open panel can show; render after the next paint.
        let _ = (ready.get(), state.panel.get(), state.selected.get(), state.date.get(), state.scenario.get());
        if !ready.get_untracked() || scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        dom::after_paint(move || {
            scheduled.set_value(false);
            render(root, state, diffs, shown);
        });
    });
}

/// Puts the open panel in the page, or refills its content slot if the same panel is open.
fn render(root: Root, state: State, diffs: ScenarioDiff, shown: StoredValue<Option<(Panel, String)>, LocalStorage>) {
    let Some(root) = root.get_untracked() else { return };
    let Some(host) = dom::one(&root, "#panel") else { return };
    let (panel, text) = untrack(|| (state.panel.get(), content(state, diffs)));
    shown.update_value(|shown| match shown {
        Some((was, old)) if *was == panel => {
            if *old != text {
                if let Some(slot) = dom::one(&host, "[data-slot=content]") {
                    refill(&host, &slot, &text);
                }
                *old = text;
            }
        }
        _ => {
            host.set_inner_html(&page::panel(dataset(), panel, &text));
            *shown = Some((panel, text));
        }
    });
    if let Some(id) = state.reveal.try_update_value(Option::take).flatten() {
        dom::reveal(&root, &id);
    }
}

/// Shows only the dataset's events that match both filters (party and provider).
pub fn filter_events(root: &Element) {
    let wanted: Vec<(String, String)> = dom::all(root, "select[data-filter]")
        .iter()
        .filter_map(|s| Some((format!("data-{}", s.get_attribute("data-filter")?), dom::value(s))))
        .collect();
    for item in dom::all(root, "li[data-parties]") {
        let shown = wanted.iter().all(|(attr, value)| {
            value.is_empty() || item.get_attribute(attr).is_some_and(|v| v.split(' ').any(|x| x == value))
        });
        dom::flag(&item, "hidden", !shown);
    }
}
