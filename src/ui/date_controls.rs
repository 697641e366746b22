//! Choosing the day: a date field, a keyboard-operable slider over 2016–2035 with the dataset's
//! events marked, and jumps to the previous / next day on which any term changes.

use super::state::State;
use crate::answer::partial;
use crate::dataset::dataset;
use crate::engine::breakpoints;
use crate::html;
use crate::vocab::{parse_day_in_range, FIRST_DAY, LAST_DAY};
use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write as _;

fn day_number(date: NaiveDate) -> i64 {
    date.signed_duration_since(FIRST_DAY).num_days()
}

#[component]
pub fn DateControls() -> impl IntoView {
    let state = expect_context::<State>();
    let error = RwSignal::new(None::<String>);
    let days = breakpoints(dataset());
    let (prev_days, next_days) = (days.clone(), days);
    let set_text = move |text: String| match parse_day_in_range(&text) {
        Ok(day) => {
            error.set(None);
            state.date.set(day);
        }
        Err(e) => error.set(Some(e.to_string())),
    };
    let max = day_number(LAST_DAY);
    // The events as slider marks (a datalist) and as ticks under the slider: static markup.
    let (mut marks, mut ticks) = (String::new(), String::new());
    for e in dataset().events {
        let (n, what) = (day_number(e.date.date), html::escape(&format!("{}: {}", partial(e.date), e.what)));
        let left = n * 1000 / max;
        let _ = write!(marks, "<option value=\"{n}\" label=\"{what}\"></option>");
        let _ =
            write!(ticks, "<span class=\"tick\" style=\"left:{}.{}%\" title=\"{what}\"></span>", left / 10, left % 10);
    }
    view! {
        <div class="date-controls">
            <label for="date-input">"Date"</label>
            <input
                id="date-input"
                type="date"
                min=FIRST_DAY.to_string()
                max=LAST_DAY.to_string()
                data-testid="date-input"
                prop:value=move || state.date.get().to_string()
                on:change=move |ev| set_text(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby="date-error"
            />
            <button type="button" data-testid="prev-change" on:click=move |_| {
                let now = state.date.get_untracked();
                if let Some(d) = prev_days.iter().rev().find(|d| **d < now) { state.date.set(*d) }
            }>"◀ previous change"</button>
            <button type="button" data-testid="next-change-button" on:click=move |_| {
                let now = state.date.get_untracked();
                if let Some(d) = next_days.iter().find(|d| **d > now) { state.date.set(*d) }
            }>"next change ▶"</button>
            <span id="date-error" class="error" role="status">{move || error.get()}</span>
            <div class="slider">
                <input
                    type="range"
                    min="0"
                    max=max.to_string()
                    step="1"
                    aria-label="Date slider, 2016 to 2035"
                    aria-valuetext=move || state.date.get().to_string()
                    data-testid="date-slider"
                    list="event-marks"
                    prop:value=move || day_number(state.date.get()).to_string()
                    on:input=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<i64>() {
                            state.date.set((FIRST_DAY + Duration::days(n.clamp(0, max))).min(LAST_DAY));
                        }
                    }
                />
                <datalist id="event-marks" inner_html=marks></datalist>
                <div class="ticks" aria-hidden="true" inner_html=ticks></div>
            </div>
        </div>
    }
}
