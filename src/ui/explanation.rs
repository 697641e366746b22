//! Why: for the selected cell, the verdict, its determining clauses in plain words with their
//! sources, the next change, the paths to yes, the verdict bands over time, and every term
//! that was considered. The content is static HTML (`crate::html::why`); its buttons and
//! links carry `data-action` and are handled here by one listener.

use super::state::State;
use crate::answer::answer;
use crate::dataset::dataset;
use crate::engine::Query;
use crate::html;
use crate::permalink::Panel;
use crate::vocab::parse_day_in_range;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Explanation() -> impl IntoView {
    let state = expect_context::<State>();
    let query = Memo::new(move |_| {
        state.selected.get().map(|(workload, provider)| Query {
            date: state.date.get(),
            workload,
            provider,
            scenario: state.scenario.get(),
        })
    });
    let content = move || match query.get() {
        None => "<p class=\"hint\">Pick a cell in the grid to see why.</p>".to_owned(),
        Some(q) => match answer(dataset(), &q) {
            Ok(a) => html::why(dataset(), &q, &a),
            Err(e) => format!("<p class=\"error\" role=\"alert\">{}</p>", html::escape(&e.to_string())),
        },
    };
    view! {
        <article class="why" data-testid="explanation" aria-live="polite" inner_html=content
            on:click=move |ev| act(state, &ev)>
        </article>
    }
}

/// Carries out the `data-action` of the clicked button or link, if any.
fn act(state: State, ev: &leptos::ev::MouseEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-action]").ok().flatten())
    else {
        return;
    };
    match el.get_attribute("data-action").as_deref() {
        Some("date") => {
            if let Some(day) = el.get_attribute("data-date").and_then(|d| parse_day_in_range(&d).ok()) {
                state.date.set(day);
            }
        }
        Some("scenario") => {
            let spec = el.get_attribute("data-set").unwrap_or_default();
            state.scenario.update(|s| {
                for (key, value) in spec.split(';').filter_map(|kv| kv.split_once('=')) {
                    let _ = s.set(key, value);
                }
            });
        }
        Some("follow") => {
            ev.prevent_default();
            let target = el.get_attribute("href").unwrap_or_default();
            state.panel.set(Panel::Dataset);
            super::parts::scroll_to(target.trim_start_matches('#').to_owned());
        }
        _ => {}
    }
}
