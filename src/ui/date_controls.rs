//! Choosing the day: the date field (typed days are checked, with a message when they are not
//! taken), the slider over 2016–2035, and jumps to the previous / next day on which a term
//! changes. The shell renders the controls; this keeps their values in step with the state.

use super::dom::{self, Root};
use super::state::State;
use crate::dataset::dataset;
use crate::engine::breakpoints;
use crate::html::page::day_number;
use crate::vocab::{parse_day_in_range, FIRST_DAY, LAST_DAY};
use chrono::Duration;
use leptos::prelude::*;

/// A day typed into the date field: taken if valid and in range, explained if not.
pub fn type_date(state: State, text: &str) {
    match parse_day_in_range(text) {
        Ok(day) => {
            state.date_error.set(None);
            state.date.set(day);
        }
        Err(e) => state.date_error.set(Some(e.to_string())),
    }
}

/// The slider's value (days since 2016-01-01), clamped to the explorer's range.
pub fn slide(state: State, value: &str) {
    if let Ok(n) = value.parse::<i64>() {
        let max = day_number(LAST_DAY);
        state.date.set(FIRST_DAY + Duration::days(n.clamp(0, max)));
    }
}

/// To the next (`forward`) or previous day on which any term starts or ends.
pub fn step(state: State, forward: bool) {
    let now = state.date.get_untracked();
    let days = breakpoints(dataset());
    let to = if forward { days.into_iter().find(|d| *d > now) } else { days.into_iter().rev().find(|d| *d < now) };
    if let Some(day) = to {
        state.date.set(day);
    }
}

pub fn bind(root: Root, state: State) {
    Effect::new(move |_| {
        let date = state.date.get();
        let Some(root) = dom::root(root) else { return };
        let text = date.to_string();
        if let Some(field) = dom::one(&root, "[data-control=date]") {
            dom::set_value(&field, &text);
        }
        if let Some(slider) = dom::one(&root, "[data-control=slider]") {
            dom::set_value(&slider, &day_number(date).to_string());
            dom::set_attr(&slider, "aria-valuetext", &text);
        }
    });
    Effect::new(move |_| {
        let error = state.date_error.get();
        let Some(root) = dom::root(root) else { return };
        if let Some(field) = dom::one(&root, "[data-control=date]") {
            dom::set_bool(&field, "aria-invalid", error.is_some());
        }
        if let Some(message) = dom::one(&root, "#date-error") {
            message.set_text_content(error.as_deref());
        }
    });
}
