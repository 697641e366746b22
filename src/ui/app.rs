//! The page: the static shell from [`crate::html::page::shell`] in one root element, the
//! delegated listeners, and the bindings that keep each view in step with the state.
//! `embed=1` in the URL hides everything but the grid and the open panel.

use super::diff_view::{self, ScenarioDiff};
use super::dom::{self, Root};
use super::state::{sync_url, State};
use super::{actions, date_controls, export_bar, grid, panels, scenario_panel};
use crate::dataset::dataset;
use crate::html::page;
use leptos::prelude::*;

/// The whole explorer, reading its state from the URL.
#[component]
pub fn App() -> impl IntoView {
    let state = State::from_location();
    sync_url(state);
    view! { <Explorer state=state defer=true /> }
}

/// The explorer for a given state (tests mount this with a state of their own). With
/// `defer`, the open panel is filled right after the first paint, so the grid shows sooner.
#[component]
pub fn Explorer(state: State, #[prop(optional)] defer: bool) -> impl IntoView {
    let root = Root::new();
    let view = state.view_state_untracked();
    let shell = page::shell(dataset(), &view, &state.notices.get_untracked(), &state.drift.get_untracked());
    let diffs = ScenarioDiff::new(state);
    let ready = RwSignal::new(!defer);
    if defer {
        dom::after_paint(move || ready.set(true));
    }
    grid::bind(root, state);
    date_controls::bind(root, state);
    scenario_panel::bind(root, state);
    export_bar::bind(root, state);
    panels::bind(root, state, diffs, ready);
    diff_view::bind(root, state, diffs);
    bind_notice(root, state);
    // Plain listeners on the root rather than `on:` attributes: Leptos' event delegation
    // costs 6.7 KB raw / 3.1 KB gzip of wasm, and the page needs only these three.
    root.on_load(move |el| {
        dom::listen(&el, "click", move |ev| actions::click(state, ev));
        dom::listen(&el, "change", move |ev| actions::change(state, root, ev));
        dom::listen(&el, "input", move |ev| actions::input(state, ev));
    });
    view! {
        <div class=if view.embed { "app embed" } else { "app" } node_ref=root inner_html=shell></div>
    }
}

/// The notice of what a malformed link had and of answers that changed since it was shared;
/// it goes when dismissed.
fn bind_notice(root: Root, state: State) {
    let initial = page::notice(&state.notices.get_untracked(), &state.drift.get_untracked());
    dom::bind_html(root, ".notice-slot", initial, move || page::notice(&state.notices.get(), &state.drift.get()));
}
