//! Choosing the day: the date field (typed days are checked, with a message when they are not
//! taken), the slider over 2016–2035, and jumps to the previous / next day on which a term
//! changes. Keeps the controls' values in step with the state.

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::breakpoints;
use crate::html::contract::{Control, Dir};
use crate::html::page::day_number;
use crate::vocab::{parse_day_in_range, FIRST_DAY, LAST_DAY};
use chrono::Duration;
use leptos::prelude::*;
use std::rc::Rc;

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

/// A day being typed: taken as soon as it is a whole valid day in range; anything else waits
/// for the field's change (where it is explained).
pub fn typing(state: State, text: &str) {
    if let Ok(day) = parse_day_in_range(text) {
        state.date_error.set(None);
        state.date.set(day);
    }
}

/// The slider's value (days since 2016-01-01), clamped to the explorer's range.
pub fn slide(state: State, value: &str) {
    if let Ok(n) = value.parse::<i64>() {
        let max = day_number(LAST_DAY);
        state.date.set(FIRST_DAY + Duration::days(n.clamp(0, max)));
    }
}

/// To the next or previous day on which any term starts or ends.
pub fn step(state: State, dir: Dir) {
    let now = state.date.get_untracked();
    let days = breakpoints(dataset());
    let to = match dir {
        Dir::On => days.into_iter().find(|d| *d > now),
        Dir::Back => days.into_iter().rev().find(|d| *d < now),
    };
    if let Some(day) = to {
        state.date.set(day);
    }
}

pub fn bind(page: &Rc<Handles>, state: State) {
    let p = Rc::clone(page);
    let jump = dom::one(&page.root, &Control::EventJump.selector());
    dom::effect(move || {
        let date = state.date.get();
        let text = date.to_string();
        dom::set_value(&p.date_field, &text);
        // "Jump to an event" shows the event of the day shown (the one chosen, when a day has
        // several), or its prompt on a day without one.
        if let Some(jump) = &jump {
            if dom::value(jump) != text {
                let event = dataset().events.iter().any(|e| e.date.date == date);
                dom::set_value(jump, if event { &text } else { "" });
            }
        }
        dom::set_value(&p.slider, &day_number(date).to_string());
        dom::set_attr(&p.slider, "aria-valuetext", &text);
    });
    let p = Rc::clone(page);
    dom::effect(move || {
        let error = state.date_error.get();
        dom::set_bool(&p.date_field, "aria-invalid", error.is_some());
        dom::set_text(&p.date_error, error.as_deref());
    });
}
