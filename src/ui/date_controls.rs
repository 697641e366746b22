//! Choosing the day: the date field (typed days are checked, with a message when they are not
//! taken), the slider over 2016–2035 (on the overview's scale; its keys step by a day, a month
//! or an event), and jumps to the previous / next day on which a term
//! changes. Keeps the controls' values in step with the state.

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::breakpoints;
use crate::html::contract::{Control, Dir};
use crate::html::page::{slider_day, slider_step, slider_value};
use crate::vocab::parse_day_in_range;
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

/// The slider's value (a place on the scale of 2016–2035), clamped to the explorer's range.
pub fn slide(state: State, value: &str) {
    if let Ok(n) = value.parse::<i64>() {
        state.date.set(slider_day(dataset(), n));
    }
}

/// A key on the slider: by a day, a month or to the previous / next event
/// ([`slider_step`]); the browser's own step (a place on the scale) is not a day.
pub fn slider_key(state: State, ev: &web_sys::KeyboardEvent) {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
        return;
    }
    let key = ev.key();
    let to = slider_step(dataset(), state.date.get_untracked(), &key, ev.shift_key());
    if let Some(day) = to {
        state.date.set(day);
    }
    // Page Up / Page Down with no event that way stay put rather than jump by a tenth.
    if to.is_some() || key.starts_with("Page") {
        ev.prevent_default();
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
        dom::set_value(&p.slider, &slider_value(dataset(), date).to_string());
        dom::set_attr(&p.slider, "aria-valuetext", &text);
    });
    let p = Rc::clone(page);
    dom::effect(move || {
        let error = state.date_error.get();
        dom::set_bool(&p.date_field, "aria-invalid", error.is_some());
        dom::set_text(&p.date_error, error.as_deref());
    });
}
