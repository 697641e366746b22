//! Small pieces shared by the views: the one handler for the `data-action` buttons and links
//! of the static HTML views, and scrolling to an entry.

use super::state::State;
use crate::permalink::Panel;
use crate::vocab::{parse_day_in_range, Provider, Workload};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Carries out the `data-action` of the clicked element, if any:
/// `date` (`data-date`), `scenario` (`data-set="key=value;…"`), `cell` (`data-cell="w.p"` and
/// `data-date`), `panel` (`data-panel`), `follow` (an in-page link into the dataset view),
/// `back` (to the explanation).
pub fn act(state: State, ev: &leptos::ev::MouseEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    let attr = |name: &str| el.get_attribute(name).unwrap_or_default();
    let day = || parse_day_in_range(&attr("data-date")).ok();
    match attr("data-action").as_str() {
        "date" => {
            if let Some(day) = day() {
                state.date.set(day);
            }
        }
        "scenario" => state.scenario.update(|s| {
            for (key, value) in attr("data-set").split(';').filter_map(|kv| kv.split_once('=')) {
                let _ = s.set(key, value);
            }
        }),
        "cell" => {
            let cell = attr("data-cell");
            if let (Some((w, p)), Some(day)) = (cell.split_once('.'), day()) {
                if let (Ok(w), Ok(p)) = (Workload::parse(w), Provider::parse(p)) {
                    state.date.set(day);
                    state.selected.set(Some((w, p)));
                }
            }
        }
        "panel" => {
            if let Some(panel) = Panel::ALL.iter().find(|p| p.as_str() == attr("data-panel")) {
                state.panel.set(*panel);
            }
        }
        "follow" if state.panel.get_untracked() != Panel::Dataset => {
            ev.prevent_default();
            state.panel.set(Panel::Dataset);
            scroll_to(attr("href").trim_start_matches('#').to_owned());
        }
        "back" => {
            state.panel.set(Panel::Why);
            scroll_to("panel".to_owned());
        }
        _ => {}
    }
}

/// Scrolls to and focuses the element with this id after the next paint.
pub fn scroll_to(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = html.focus();
            }
        }
    });
}
