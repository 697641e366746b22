//! The grid: workloads × providers on the chosen day. Keeps every cell in step with the
//! date, the scenario, the scenario it is compared with and the selection, patching only the
//! cells whose verdict, mark or selection changed (a focused cell keeps its focus), through
//! the same attribute writer the shell used ([`CellView::attrs`]).
//!
//! The keyboard works it as an ARIA grid: one tab stop (the selected cell, roving), the arrow
//! keys between cells, Home / End along a row (with Ctrl: the first / last cell), Enter
//! selects and moves focus to the answer, Space selects and stays.

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::html::contract::{ids, Action, Cell};
use crate::html::page::{caption, cell, cell_tabindex, CellView};
use crate::permalink::{Panel, ViewState};
use crate::ui::prelude::*;
use crate::vocab::{Provider, Workload};
use std::rc::Rc;

/// Every cell's view for a date, scenario and selection, in the order of the handles.
fn views(page: &Handles, view: &ViewState) -> Vec<CellView> {
    page.cells.iter().map(|(c, _)| cell(dataset(), view, *c)).collect()
}

pub fn bind(page: &Rc<Handles>, state: State, shown: ViewState) {
    // What the page shows now: the shell was rendered for `shown`.
    let shown_cells = StoredValue::new(views(page, &shown));
    let cells = Rc::clone(page);
    dom::effect(move || {
        let next = views(&cells, &state.view_state());
        shown_cells.update_value(|shown| {
            for (((_, el), view), old) in cells.cells.iter().zip(next).zip(shown.iter_mut()) {
                if view == *old {
                    continue;
                }
                for ((name, value), (_, was)) in view.attrs().iter().zip(old.attrs()) {
                    if *value != was {
                        dom::set_attr(el, name, value);
                    }
                }
                if view.inner != old.inner {
                    el.set_inner_html(view.inner.as_str());
                }
                *old = view;
            }
        });
    });
    // The tab stop follows the selection, however it changed (a click, a link, the overview).
    let stops = Rc::clone(page);
    dom::effect(move || {
        let selected = state.selected.get();
        if selected.is_some() {
            for (c, el) in &stops.cells {
                dom::set_attr(el, "tabindex", cell_tabindex(selected, *c));
            }
        }
    });
    dom::bind_html(page.caption.clone(), caption(dataset(), shown.date, shown.scenario, shown.base), move || {
        caption(dataset(), state.date.get(), state.scenario.get(), state.base.get())
    });
}

/// The cell `key` moves to from `from`, if it is a grid key (`ctrl`: Home / End go to the
/// grid's first / last cell rather than the row's).
pub fn step((workload, provider): Cell, key: &str, ctrl: bool) -> Option<Cell> {
    let (ws, ps) = (Workload::ALL, Provider::ALL);
    let w = ws.iter().position(|x| *x == workload)?;
    let p = ps.iter().position(|x| *x == provider)?;
    let (w, p) = match key {
        "ArrowRight" => (w, (p + 1).min(ps.len() - 1)),
        "ArrowLeft" => (w, p.saturating_sub(1)),
        "ArrowDown" => ((w + 1).min(ws.len() - 1), p),
        "ArrowUp" => (w.saturating_sub(1), p),
        "Home" if ctrl => (0, 0),
        "End" if ctrl => (ws.len() - 1, ps.len() - 1),
        "Home" => (w, 0),
        "End" => (w, ps.len() - 1),
        _ => return None,
    };
    Some((ws[w], ps[p]))
}

/// A key on a grid cell (`el`, whose cell is `from`); `true` if the grid took it.
pub fn key(state: State, page: &Handles, from: Cell, ev: &web_sys::KeyboardEvent) -> bool {
    if ev.key() == "Enter" {
        // Select, and take the reader to the answer ("Why"), once it is in the page.
        let unchanged = state.selected.get_untracked() == Some(from) && state.panel.get_untracked() == Panel::Why;
        if unchanged {
            dom::reveal(&page.root, ids::PANEL);
        } else {
            state.reveal.set_value(Some(ids::PANEL.to_owned()));
            state.selected.set(Some(from));
            state.panel.set(Panel::Why);
        }
        return true;
    }
    let Some(to) = step(from, &ev.key(), ev.ctrl_key() || ev.meta_key()) else { return false };
    if let (Some(old), Some(new)) = (page.cell(from), page.cell(to)) {
        dom::set_attr(old, "tabindex", "-1");
        dom::set_attr(new, "tabindex", "0");
        dom::focus(new);
    }
    true
}

/// The cell of a grid button, if `el` is one.
pub fn cell_of(el: &web_sys::Element) -> Option<Cell> {
    match Action::read(&|name| el.get_attribute(name)) {
        Ok(Action::Select(cell)) => Some(cell),
        _ => None,
    }
}
