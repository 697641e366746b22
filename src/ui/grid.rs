//! The grid: workloads × providers on the chosen day. Keeps every cell in step with the
//! date, the scenario, the scenario it is compared with and the selection, patching only the
//! cells whose verdict, mark or selection changed (a focused cell keeps its focus), through
//! the same attribute writer the shell used ([`CellView::attrs`]).

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::html::page::{caption, cell, CellView};
use crate::permalink::ViewState;
use leptos::prelude::*;
use std::rc::Rc;

/// Every cell's view for a date, scenario and selection, in the order of the handles.
fn views(page: &Handles, view: &ViewState) -> Vec<CellView> {
    page.cells.iter().map(|(c, _)| cell(dataset(), view, *c)).collect()
}

pub fn bind(page: &Rc<Handles>, state: State, shown: ViewState) {
    // What the page shows now: the shell was rendered for `shown`.
    let shown_cells = StoredValue::new_local(views(page, &shown));
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
    dom::bind_html(page.caption.clone(), caption(dataset(), shown.date, shown.scenario, shown.base), move || {
        caption(dataset(), state.date.get(), state.scenario.get(), state.base.get())
    });
}
