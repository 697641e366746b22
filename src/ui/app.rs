//! The page: the shell from [`crate::html::page`] in one root element — the one the release
//! build prerendered into `index.html`, taken over and never re-inserted (tests render one with
//! [`render_into`]) — the element handles looked up once, the listeners, and the bindings that
//! keep each view in step with the state.

use super::diff_view::{self, ScenarioDiff};
use super::dom;
use super::handles::{Handles, MissingElements};
use super::state::{sync_url, State};
use super::{actions, date_controls, export_bar, grid, panels, scenario_panel};
use crate::dataset::dataset;
use crate::html::contract::ids;
use crate::html::{page, Html};
use crate::permalink::ViewState;
use crate::ui::prelude::*;
use std::rc::Rc;
use web_sys::Element;

/// Starts the explorer on the page: takes over the prerendered root (`#app`, whose
/// `data-view` says which view it shows) and patches what the reader's URL makes different.
/// The release build always writes that root (Trunk's post_build hook); a page without it
/// says so, in the console and on the page, rather than carrying a second renderer of the
/// whole shell in the wasm (14 KB raw measured).
pub fn mount() {
    let state = State::from_location();
    // The URL is kept in step from the start.
    sync_url(state);
    let document = document();
    let prerendered = document.get_element_by_id(ids::APP).and_then(|root| {
        let view = root.get_attribute("data-view").map(|q| ViewState::from_query(&q).0)?;
        Some((root, view))
    });
    let started = match prerendered {
        // The views' first runs patched the page for the link (effects run when bound):
        // the next frame paints the link's own answers.
        Some((root, shown)) => start(&root, state, shown).map(|()| unmark(&["data-pending", "aria-busy"])),
        None => Err(MissingElements(vec![format!(
            "#{} with data-view (the prerendered page: build with `trunk build`, whose post_build hook writes it)",
            ids::APP
        )])),
    };
    if let Err(missing) = started {
        dom::console_error(&missing.to_string());
        if let Some(body) = document.body() {
            let _ = body.insert_adjacent_text("afterbegin", &missing.to_string());
        }
    }
}

/// Renders the shell for `state` into `root` and starts the explorer there (tests mount
/// explorers side by side this way).
pub fn render_into(root: &Element, state: State) -> Result<(), MissingElements> {
    let view = state.view_state_untracked();
    let shell = page::shell(dataset(), &view, &state.notices.get_untracked(), &state.drift.get_untracked());
    root.set_inner_html(shell.as_str());
    start(root, state, view)
}

/// Starts the explorer in `root`, which shows the page for `shown`: looks every element up
/// once (failing with the list of what is missing), binds the views — whose first run patches
/// whatever `state` makes different from `shown` — and listens for the reader.
pub fn start(root: &Element, state: State, shown: ViewState) -> Result<(), MissingElements> {
    let page = Rc::new(Handles::find(root)?);
    bind(&page, state, shown);
    Ok(())
}

/// The views and the listeners.
fn bind(page: &Rc<Handles>, state: State, shown: ViewState) {
    let page = Rc::clone(page);
    let root = page.root.clone();
    let diffs = ScenarioDiff::new(state);
    grid::bind(&page, state, shown);
    date_controls::bind(&page, state);
    scenario_panel::bind(&page, state);
    export_bar::bind(&page, state);
    panels::bind(&page, state, diffs, shown);
    diff_view::bind(&page, state, diffs, shown);
    bind_notice(&page, state);
    bind_embed(&page, state);
    super::embed::bind(state);
    super::whatif_panel::bind(&root, state);
    // Plain listeners on the root rather than `on:` attributes: Leptos' event delegation
    // costs 6.7 KB raw / 3.1 KB gzip of wasm, and the page needs only these three.
    let (click, change, keys) = (Rc::clone(&page), Rc::clone(&page), Rc::clone(&page));
    dom::listen(&root, "click", move |ev| actions::click(state, &click, ev));
    dom::listen(&root, "change", move |ev| actions::change(state, &change, ev));
    dom::listen(&root, "input", move |ev| actions::input(state, ev));
    dom::listen(&root, "keydown", move |ev| actions::key(state, &keys, ev));
}

/// The notice of what a malformed link had and of answers that changed since it was shared;
/// it goes when dismissed. A prerendered page shows none; a page rendered now shows the state's.
fn bind_notice(page: &Handles, state: State) {
    let notice = move || page::notice(&state.notices.get(), &state.drift.get());
    let initial = if page.notice.inner_html().is_empty() { Html::new() } else { untrack(notice) };
    dom::bind_html(page.notice.clone(), initial, notice);
}

/// Clears a mark the loader (`www/boot.js`) put on `<html>` for a link to another view than
/// the served one — `data-pending`: the grid, its caption and the controls; `data-pending-panel`:
/// the open panel — once that part shows the link's own view.
pub(super) fn unmark(names: &[&str]) {
    if let Some(html) = document().document_element() {
        for name in names {
            if html.has_attribute(name) {
                let _ = html.remove_attribute(name);
            }
        }
    }
}

/// `embed=1`: only the grid and the open panel.
fn bind_embed(page: &Rc<Handles>, state: State) {
    let page = Rc::clone(page);
    dom::effect(move || {
        let embed = state.embed.get();
        for el in &page.chrome {
            dom::flag(el, "hidden", embed);
        }
        let _ = page.root.class_list().toggle_with_force("embed", embed);
    });
}
