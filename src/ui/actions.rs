//! Every click, change and input on the page arrives here through three listeners on the
//! root. A click carries out the [`Action`] of the nearest element that has one; a change or
//! an input reads the [`Control`] it came from. Both are read with the contract the HTML was
//! written with; an element whose attributes do not say what the page wrote is a bug, logged
//! to the console (and so failing the end-to-end tests), never a silent no-op.

use super::dom;
use super::handles::Handles;
use super::state::State;
use super::{date_controls, export_bar, grid, panels};
use crate::html::contract::{Action, Control};
use crate::permalink::Panel;
use crate::scenario::Scenario;
use crate::vocab::ScenarioKey;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// Carries out the action of the clicked element, if it has one.
pub fn click(state: State, page: &Handles, ev: &web_sys::Event) {
    // The story's links (previous, next, try a what-if) are views of this page: followed
    // within it, with no request.
    if let Some(href) =
        target(ev).and_then(|t| t.closest("a.story-link").ok().flatten()).and_then(|a| a.get_attribute("href"))
    {
        ev.prevent_default();
        return super::state::follow(&href);
    }
    let Some(el) = target(ev).and_then(|t| t.closest("[data-action]").ok().flatten()) else {
        return;
    };
    let action = match Action::read(&|name| el.get_attribute(name)) {
        Ok(action) => action,
        Err(e) => return dom::console_error(&format!("dealscope: a click the page cannot read: {e}")),
    };
    match action {
        Action::Select(cell) => {
            state.selected.set(Some(cell));
            state.panel.set(Panel::Why);
        }
        Action::CellOn(cell, day) => {
            state.date.set(day);
            state.selected.set(Some(cell));
        }
        Action::Date(day) => state.date.set(day),
        Action::Step(dir) => date_controls::step(state, dir),
        Action::Scenario(settings) => state.scenario.update(|s| *s = s.with_settings(&settings)),
        // A preset keeps the reader's own clause edits; the reset ("as happened") drops them too.
        Action::Preset(settings) if settings.is_empty() => state.scenario.set(Scenario::AS_HAPPENED),
        Action::Preset(settings) => {
            state.scenario.update(|s| *s = s.with_keys_of(Scenario::AS_HAPPENED.with_settings(&settings)));
        }
        Action::Panel(panel) => state.panel.set(panel),
        Action::Follow(id) => {
            if state.panel.get_untracked() != Panel::Dataset {
                ev.prevent_default();
                state.reveal.set_value(Some(id));
                state.panel.set(Panel::Dataset);
            }
        }
        Action::Back => {
            state.reveal.set_value(Some(crate::html::contract::ids::PANEL.to_owned()));
            state.panel.set(Panel::Why);
        }
        Action::Export(what, format) => export_bar::export(state, what, format),
        Action::Picture(what, image) => export_bar::picture(state, &page.export_status, what, image),
        Action::Pin => state.base.set(state.scenario.get_untracked()),
        Action::Swap => {
            let (a, b) = (state.scenario.get_untracked(), state.base.get_untracked());
            state.scenario.set(b);
            state.base.set(a);
        }
        Action::Cite => cite(state, &el),
        Action::Share(what) => export_bar::share(state, &el, what),
        Action::Dismiss => {
            state.notices.set(Vec::new());
            state.drift.set(Vec::new());
        }
        Action::Range(range) => state.all_years.set(range == crate::permalink::TimeRange::All),
    }
}

/// Puts the citation of the answer shown under the "Cite" button, selected, and copies it to
/// the clipboard where the browser allows (the selected text is the fallback).
fn cite(state: State, button: &Element) {
    let view = state.view_state_untracked();
    let Some((workload, provider)) = view.selected else { return };
    let query = crate::engine::Query { date: view.date, workload, provider, scenario: view.scenario };
    let Ok(text) = crate::cite::cite(crate::dataset::dataset(), &query, &super::state::address()) else { return };
    export_bar::copy_below(button, &text, "Citation of this answer", "citation", "The citation is");
}

/// Keys on the slider ([`date_controls::slider_key`]), on the grid (arrows between cells:
/// [`grid::key`]), on the panels' tabs (arrows, Home / End: [`panels::tab_key`]) and on the
/// overview chart.
pub fn key(state: State, page: &Handles, ev: &web_sys::Event) {
    let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    let Some(el) = target(ev) else { return };
    if control(&el) == Some(Control::Slider) {
        return date_controls::slider_key(state, ev);
    }
    if ev.alt_key() || ev.shift_key() {
        return;
    }
    let taken = if el.has_attribute(crate::html::contract::OVERVIEW) {
        overview_key(state, ev)
    } else if let Some(cell) = grid::cell_of(&el) {
        grid::key(state, page, cell, ev)
    } else if el.get_attribute("role").as_deref() == Some("tab") {
        panels::tab_key(state, page, &el, &ev.key())
    } else {
        false
    };
    if taken {
        ev.prevent_default();
    }
}

/// Keys on the overview chart (its one tab stop): up and down move to the previous / next
/// cell, left and right to the previous / next change point of the selected cell, Enter opens
/// the selected cell on the chosen day.
fn overview_key(state: State, ev: &web_sys::KeyboardEvent) -> bool {
    let all: Vec<_> = crate::engine::cells().collect();
    let now = state.selected.get_untracked().and_then(|c| all.iter().position(|x| *x == c));
    let day = state.date.get_untracked();
    match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            let next = match (now, ev.key() == "ArrowDown") {
                (None, _) => 0,
                (Some(i), true) => (i + 1).min(all.len() - 1),
                (Some(i), false) => i.saturating_sub(1),
            };
            state.selected.set(Some(all[next]));
        }
        "ArrowRight" | "ArrowLeft" => {
            let Some((workload, provider)) = state.selected.get_untracked() else { return true };
            let bands =
                crate::engine::timeline(crate::dataset::dataset(), workload, provider, state.scenario.get_untracked());
            let to = if ev.key() == "ArrowRight" {
                bands.iter().map(|b| b.from).find(|d| *d > day)
            } else {
                bands.iter().rev().map(|b| b.from).find(|d| *d < day)
            };
            if let Some(to) = to {
                state.date.set(to);
            }
        }
        "Enter" => state.panel.set(Panel::Why),
        _ => return false,
    }
    true
}

/// The control an event came from (`None` for an element that is no control).
fn control(el: &Element) -> Option<Control> {
    el.has_attribute("data-control").then(|| Control::read(&|name| el.get_attribute(name)))?.map_or_else(
        |e| {
            dom::console_error(&format!("dealscope: a control the page cannot read: {e}"));
            None
        },
        Some,
    )
}

/// A select, checkbox or date field changed.
pub fn change(state: State, page: &Handles, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    match control(&el) {
        Some(Control::Key(key)) => {
            let value = dom::value(&el);
            state.scenario.update(|s| {
                let _ = s.set(key.as_str(), &value);
            });
        }
        Some(Control::Declines) => {
            let value = dom::value(&el);
            state.scenario.update(|s| {
                let _ = s.set(ScenarioKey::MicrosoftDeclines.as_str(), &value);
            });
        }
        // A typed day, or an event's (the list keeps the event chosen while its day is shown).
        Some(Control::DateField | Control::EventJump) => date_controls::type_date(state, &dom::value(&el)),
        Some(Control::Filter(_)) => panels::filter_events(&page.root),
        // B's own entry keeps B as it is (its edits too).
        Some(Control::Compare) if dom::value(&el) == crate::html::page::COMPARE_CUSTOM_VALUE => {}
        Some(Control::Compare) => match crate::scenario::parse_settings(&dom::value(&el)) {
            Ok(settings) => state.base.set(Scenario::AS_HAPPENED.with_settings(&settings)),
            Err(e) => dom::console_error(&format!("dealscope: the compared scenario the page cannot read: {e}")),
        },
        Some(Control::Slider) | None => {}
    }
}

/// The slider moved, or a day is being typed (taken once it is a whole valid day).
pub fn input(state: State, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    match control(&el) {
        Some(Control::Slider) => date_controls::slide(state, &dom::value(&el)),
        Some(Control::DateField) => date_controls::typing(state, &dom::value(&el)),
        _ => {}
    }
}
