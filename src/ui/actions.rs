//! Every click, change and input on the page arrives here through three listeners on the
//! root. Clicks act on the nearest element with a `data-action`:
//!
//! - `select` (`data-cell="workload.provider"`): select a grid cell and open "Why";
//! - `cell` (`data-cell`, `data-date`): select a cell on a day (from the diff list);
//! - `date` (`data-date`): go to a day;
//! - `step` (`data-dir="back"|"on"`): go to the previous / next day on which a term changes;
//! - `scenario` (`data-set="key=value;…"`): change these keys; `preset`: as happened plus these;
//! - `panel` (`data-panel`), `follow` (a link into the dataset), `back` (to the explanation);
//! - `export` (`data-what`, `data-format`), `dismiss` (the notice).
//!
//! Changes: a select with `data-key` sets that scenario key, `data-toggle` is the "Microsoft
//! declines" checkbox, `data-control="date"` the date field, `data-filter` the dataset's
//! event filters. Input: `data-control="slider"`.

use super::dom::{self, Root};
use super::state::State;
use super::{date_controls, export_bar, panels};
use crate::permalink::Panel;
use crate::scenario::Scenario;
use crate::vocab::{parse_day_in_range, Provider, Workload};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// `workload.provider` as a cell.
fn parse_cell(text: &str) -> Option<(Workload, Provider)> {
    let (w, p) = text.split_once('.')?;
    Some((Workload::parse(w).ok()?, Provider::parse(p).ok()?))
}

/// Carries out the `data-action` of the clicked element, if any.
pub fn click(state: State, ev: &web_sys::Event) {
    let Some(el) = target(ev).and_then(|t| t.closest("[data-action]").ok().flatten()) else {
        return;
    };
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    let day = || parse_day_in_range(&attr("data-date")).ok();
    match attr("data-action").as_str() {
        "select" => {
            if let Some(cell) = parse_cell(&attr("data-cell")) {
                state.selected.set(Some(cell));
                state.panel.set(Panel::Why);
            }
        }
        "cell" => {
            if let (Some(cell), Some(day)) = (parse_cell(&attr("data-cell")), day()) {
                state.date.set(day);
                state.selected.set(Some(cell));
            }
        }
        "date" => {
            if let Some(day) = day() {
                state.date.set(day);
            }
        }
        "step" => date_controls::step(state, attr("data-dir") == "on"),
        "scenario" => state.scenario.update(|s| *s = s.with_spec(&attr("data-set"))),
        "preset" => state.scenario.set(Scenario::AS_HAPPENED.with_spec(&attr("data-set"))),
        "panel" => {
            if let Some(panel) = Panel::parse(&attr("data-panel")) {
                state.panel.set(panel);
            }
        }
        "follow" if state.panel.get_untracked() != Panel::Dataset => {
            ev.prevent_default();
            state.reveal.set_value(Some(attr("href").trim_start_matches('#').to_owned()));
            state.panel.set(Panel::Dataset);
        }
        "back" => {
            state.reveal.set_value(Some("panel".to_owned()));
            state.panel.set(Panel::Why);
        }
        "export" => export_bar::export(state, &attr("data-what"), attr("data-format") == "csv"),
        "dismiss" => {
            state.notices.set(Vec::new());
            state.drift.set(Vec::new());
        }
        _ => {}
    }
}

/// A select, checkbox or date field changed.
pub fn change(state: State, root: Root, ev: &web_sys::Event) {
    let Some(el) = target(ev) else { return };
    if let Some(key) = el.get_attribute("data-key") {
        let value = dom::value(&el);
        state.scenario.update(|s| {
            let _ = s.set(&key, &value);
        });
    } else if el.has_attribute("data-toggle") {
        let checked = el.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(web_sys::HtmlInputElement::checked);
        state.scenario.update(|s| {
            let _ = s.set("microsoft_declines", if checked { "true" } else { "recorded" });
        });
    } else if el.get_attribute("data-control").as_deref() == Some("date") {
        date_controls::type_date(state, &dom::value(&el));
    } else if el.has_attribute("data-filter") {
        if let Some(root) = root.get_untracked() {
            panels::filter_events(&root);
        }
    }
}

/// The slider moved.
pub fn input(state: State, ev: &web_sys::Event) {
    if let Some(el) = target(ev).filter(|el| el.get_attribute("data-control").as_deref() == Some("slider")) {
        date_controls::slide(state, &dom::value(&el));
    }
}
