//! Embeds that talk (`embed=1`): the page posts `{ type: "dealscope:view", state, date,
//! scenario, compare, cell, verdicts }` to the page that frames it on every change, and takes
//! `{ type: "dealscope:set", date?, scenario?, compare?, cell? }` messages (`compare`: the
//! scenario the grid is compared with, B) — read with the same parsers
//! as the URL and `window.dealscope`, never evaluated; a message that does not read is
//! ignored and answered with `{ type: "dealscope:error", message }`.

use super::dom;
use super::state::State;
use crate::dataset::dataset;
use crate::engine::{cells, matrix};
use crate::html::contract::cell_name;
use crate::permalink::parse_cell;
use crate::ui::prelude::*;
use crate::vocab::parse_day_in_range;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Posts the view to the framing page whenever it changes, and listens for its messages.
pub fn bind(state: State) {
    if !state.embed.get_untracked() {
        return;
    }
    dom::effect(move || {
        let view = state.view_state();
        let message = Object::new();
        put(&message, "type", &"dealscope:view".into());
        put(&message, "state", &view.to_query().into());
        put(&message, "date", &view.date.to_string().into());
        put(&message, "scenario", &view.scenario.to_string().into());
        put(&message, "compare", &view.base.to_string().into());
        put(&message, "cell", &view.selected.map_or(JsValue::NULL, |c| cell_name(c).into()));
        let verdicts = Array::new();
        if let Ok(grid) = matrix(dataset(), view.date, view.scenario) {
            for ((workload, provider), cell) in cells().zip(grid) {
                let entry = Object::new();
                put(&entry, "cell", &cell_name((workload, provider)).into());
                put(&entry, "verdict", &cell.verdict.outcome.as_str().into());
                verdicts.push(&entry);
            }
        }
        put(&message, "verdicts", &verdicts);
        post(&message);
    });
    dom::listen(&window(), "message", move |ev| {
        if let Some(ev) = ev.dyn_ref::<web_sys::MessageEvent>() {
            receive(state, &ev.data());
        }
    });
}

fn put(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

/// Posts to the page that frames this one (to this page when it is not framed).
fn post(message: &Object) {
    let target = window().parent().ok().flatten().unwrap_or_else(window);
    let _ = target.post_message(message, "*");
}

/// Carries out a `dealscope:set` message, or answers with what is wrong with it.
fn receive(state: State, message: &JsValue) {
    let field = |name: &str| Reflect::get(message, &name.into()).unwrap_or(JsValue::UNDEFINED);
    if !message.is_object() || field("type").as_string().as_deref() != Some("dealscope:set") {
        return; // Not for us (or our own "dealscope:view").
    }
    match read(&field) {
        Ok((date, [scenario, base], cell)) => {
            if let Some(date) = date {
                state.date.set(date);
            }
            if let Some(scenario) = scenario {
                state.scenario.set(scenario);
            }
            if let Some(base) = base {
                state.base.set(base);
            }
            if let Some(cell) = cell {
                state.selected.set(cell);
            }
        }
        Err(problem) => {
            let answer = Object::new();
            put(&answer, "type", &"dealscope:error".into());
            put(&answer, "message", &problem.into());
            post(&answer);
        }
    }
}

type Parsed =
    (Option<chrono::NaiveDate>, [Option<crate::scenario::Scenario>; 2], Option<Option<crate::html::contract::Cell>>);

/// The parts of a `dealscope:set` message, each read as the URL and the JS API read it.
fn read(field: &dyn Fn(&str) -> JsValue) -> Result<Parsed, String> {
    let text = |name: &str| -> Result<Option<String>, String> {
        let value = field(name);
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| format!("{name}: expected a string"))
    };
    let date = text("date")?.map(|d| parse_day_in_range(&d).map_err(|e| format!("date: {e}"))).transpose()?;
    let cell = text("cell")?.map(|c| parse_cell(&c).map_err(|e| format!("cell: {e}"))).transpose()?;
    let scenario = |name: &str| -> Result<Option<crate::scenario::Scenario>, String> {
        let value = field(name);
        if value.is_undefined() {
            return Ok(None);
        }
        crate::api::scenario(&value).map(Some).map_err(|e| {
            let why = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message()));
            // The API's messages name the scenario; say which of the two it was.
            format!("{name}: {}", why.as_deref().unwrap_or("not accepted").trim_start_matches("scenario: "))
        })
    };
    Ok((date, [scenario("scenario")?, scenario("compare")?], cell))
}
