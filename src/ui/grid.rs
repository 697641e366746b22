//! The grid: workloads × providers on the chosen day. The shell renders it; this keeps every
//! cell in step with the date, the scenario and the selection, patching only the cells whose
//! verdict, mark or selection changed (a focused cell keeps its focus).

use super::dom::{self, Root};
use super::state::State;
use crate::dataset::dataset;
use crate::engine::cells;
use crate::html::page::{caption, cell, CellView};
use leptos::prelude::*;

/// Every cell's view for the state, row by row.
fn views(state: State) -> Vec<CellView> {
    let (date, scenario, selected) = (state.date.get(), state.scenario.get(), state.selected.get());
    cells().map(|c| cell(dataset(), date, c, scenario, selected == Some(c))).collect()
}

pub fn bind(root: Root, state: State) {
    // What the page shows now: the shell rendered the initial state.
    let shown = StoredValue::new_local(untrack(|| views(state)));
    Effect::new(move |_| {
        let next = views(state);
        let Some(root) = dom::root(root) else { return };
        let buttons = dom::all(&root, "[data-action=select]");
        shown.update_value(|shown| {
            for ((el, view), old) in buttons.iter().zip(next).zip(shown.iter_mut()) {
                if view == *old {
                    continue;
                }
                el.set_class_name(&view.class);
                dom::set_attr(el, "aria-label", &view.label);
                dom::set_bool(el, "aria-pressed", view.pressed);
                dom::set_attr(el, "data-verdict", view.verdict);
                if view.inner != old.inner {
                    el.set_inner_html(&view.inner);
                }
                *old = view;
            }
        });
    });
    let view = state.view_state_untracked();
    dom::bind_html(root, "caption", caption(dataset(), view.date, view.scenario), move || {
        caption(dataset(), state.date.get(), state.scenario.get())
    });
}
