//! `window.dealscope`: the embedding API (a public contract — keep the names).
//!
//! ```js
//! dealscope.verdict({ date: "2025-03-15", workload: "training", provider: "coreweave",
//!                     scenario: { microsoft_declines: true } })
//! dealscope.matrix("2025-11-10", { agi_verified: true })
//! dealscope.timeline("api", "aws", {})
//! dealscope.cite({ date: "2025-03-15", workload: "training", provider: "coreweave" })  // text
//! dealscope.diff({ microsoft_declines: true, amendment_2026_04: false }, { microsoft_declines: true })
//! dealscope.version
//! dealscope.data_as_of     // "2026-12-07": the day the data was last researched
//! dealscope.latest_event   // the date of the latest event in the data
//! ```
//! Invalid input throws an `Error` whose message names the field and what is accepted.

// JS callbacks receive their arguments as owned `JsValue`s.
#![allow(clippy::needless_pass_by_value)]

use crate::answer::answer;
use crate::dataset::dataset;
use crate::edits;
use crate::engine::Query;
use crate::export::{cell_timeline, grid};
use crate::scenario::Scenario;
use crate::vocab::{parse_day_in_range, Provider, Workload};
use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The type of every function of the API.
type Api = dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>;

/// Defines `window.dealscope`.
pub fn install() {
    let api = Object::new();
    let set = |name: &str, value: &JsValue| {
        let _ = Reflect::set(&api, &JsValue::from_str(name), value);
    };
    // One closure type for every function (JS passes `undefined` for the arguments a function
    // does not take): each further type costs its own wasm-bindgen glue (0.9 KB measured).
    let function =
        |f: fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>| Closure::<Api>::new(f).into_js_value();
    set("verdict", &function(|input, _, _| verdict_js(input)));
    set("matrix", &function(|date, scenario, _| matrix_js(date, scenario)));
    set("timeline", &function(timeline_js));
    set("cite", &function(|input, _, _| cite_js(input)));
    set("diff", &function(|a, b, _| diff_js(a, b)));
    set("version", &JsValue::from_str(crate::VERSION));
    let ds = dataset();
    set("data_as_of", &JsValue::from_str(&ds.researched.to_string()));
    set("latest_event", &JsValue::from_str(&crate::answer::partial(ds.latest_event)));
    let _ = Object::freeze(&api);
    let _ = Reflect::set(
        &web_sys::window().map_or(JsValue::UNDEFINED, JsValue::from),
        &JsValue::from_str("dealscope"),
        &api,
    );
}

fn error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
        .map_err(|e| error(format!("internal: cannot serialise the answer: {e}")))
}

/// A required string field of an options object.
fn text(object: &JsValue, field: &str, expected: &str) -> Result<String, JsValue> {
    let value = Reflect::get(object, &JsValue::from_str(field)).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Err(error(format!("{field}: missing; expected {expected}")));
    }
    value.as_string().ok_or_else(|| error(format!("{field}: expected a string ({expected})")))
}

/// A scenario from a JS object (`undefined`/`null` = as happened). Booleans and strings are
/// read through the one scenario parser, so the messages match the URL's.
pub(crate) fn scenario(value: &JsValue) -> Result<Scenario, JsValue> {
    let mut scenario = Scenario::AS_HAPPENED;
    if value.is_undefined() || value.is_null() {
        return Ok(scenario);
    }
    if !value.is_object() {
        return Err(error("scenario: expected an object such as { microsoft_declines: true }"));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        match name.as_str() {
            "clauses" => {
                clause_edits(&mut scenario, &v)?;
                continue;
            }
            "add" => {
                added_clauses(&mut scenario, &v)?;
                continue;
            }
            _ => {}
        }
        let text = if let Some(b) = v.as_bool() {
            b.to_string()
        } else if let Some(s) = v.as_string() {
            s
        } else {
            // Numbers and the like, as JSON writes them (2032 → "2032").
            js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string()).unwrap_or_default()
        };
        scenario.set(&name, &text).map_err(error)?;
    }
    Ok(scenario)
}

/// `clauses: { id: "off" | { from?, until?, workloads?, providers? } }`.
fn clause_edits(scenario: &mut Scenario, value: &JsValue) -> Result<(), JsValue> {
    const SHAPE: &str = "expected \"off\" or { from?, until?, workloads?, providers? }";
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(error("clauses: expected an object such as { \"compute-free\": \"off\" }"));
    }
    let ds = dataset();
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let id = key.as_string().unwrap_or_default();
        let ix = edits::clause_by_id(ds, &id).map_err(error)?;
        let v = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        let context = format!("clauses.{id}");
        let edit = match v.as_string() {
            Some(off) if off == "off" => edits::ClauseEdit::OFF,
            Some(other) => return Err(error(format!("{context}: \"{other}\" is not accepted; {SHAPE}"))),
            None if v.is_object() => {
                edits::edit_from_fields(ds.term(ix), &fields(&v, &context)?).map_err(|e| error(e.within(&context)))?
            }
            None => return Err(error(format!("{context}: {SHAPE}"))),
        };
        *scenario = scenario.with_clause_edit(ix, edit);
    }
    Ok(())
}

/// `add: [{ effect, from?, until?, workloads?, providers?, title?, supersedes? }]`.
fn added_clauses(scenario: &mut Scenario, value: &JsValue) -> Result<(), JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(error("add: expected a list such as [{ effect: \"azure-only\", workloads: [\"api\"] }]"));
    }
    for (i, v) in js_sys::Array::from(value).iter().enumerate() {
        let context = format!("add[{i}]");
        if !v.is_object() {
            return Err(error(format!("{context}: expected an object {{ effect, from?, until?, workloads?, providers?, title?, supersedes? }}")));
        }
        let clause =
            edits::added_from_fields(dataset(), &fields(&v, &context)?).map_err(|e| error(e.within(&context)))?;
        scenario.add_clause(clause).map_err(error)?;
    }
    Ok(())
}

/// The fields of an edit or added clause; unknown fields and wrong types are errors.
fn fields(object: &JsValue, context: &str) -> Result<edits::Fields, JsValue> {
    const ACCEPTED: &str = "effect, from, until, workloads, providers, title, supersedes";
    let mut out = edits::Fields::default();
    for key in Object::keys(object.unchecked_ref::<Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        // What the field takes, and where its value goes.
        let (expected, read) = match name.as_str() {
            "effect" | "title" => ("a string", v.as_string().map(|s| Value::Text(Some(s)))),
            "from" | "until" if v.is_null() => ("", Some(Value::Text(None))),
            "from" | "until" => ("\"YYYY-MM-DD\" or null", v.as_string().map(|s| Value::Text(Some(s)))),
            "workloads" | "providers" | "supersedes" => ("a list of names, or [\"all\"]", names(&v).map(Value::List)),
            _ => return Err(error(format!("{context}: unknown field \"{name}\"; accepted: {ACCEPTED}"))),
        };
        let Some(value) = read else {
            return Err(error(format!("{context}.{name}: expected {expected}")));
        };
        match (name.as_str(), value) {
            ("effect", Value::Text(s)) => out.effect = s,
            ("title", Value::Text(s)) => out.title = s,
            ("from", Value::Text(s)) => out.from = Some(s),
            ("until", Value::Text(s)) => out.until = Some(s),
            ("workloads", Value::List(l)) => out.workloads = Some(l),
            ("providers", Value::List(l)) => out.providers = Some(l),
            (_, Value::List(l)) => out.supersedes = Some(l),
            _ => {}
        }
    }
    Ok(out)
}

/// A field's value as read from JS: a string (or `null`), or a list of names.
enum Value {
    Text(Option<String>),
    List(Vec<String>),
}

/// A JS array of strings.
fn names(value: &JsValue) -> Option<Vec<String>> {
    if !js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Array::from(value).iter().map(|x| x.as_string()).collect()
}

fn verdict_js(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&answer(dataset(), &query(&input)?).map_err(error)?)
}

/// The question of a `{ date, workload, provider, scenario? }` object.
fn query(input: &JsValue) -> Result<Query, JsValue> {
    if !input.is_object() {
        return Err(error("expected an object { date, workload, provider, scenario? }"));
    }
    let date = text(input, "date", "YYYY-MM-DD")?;
    let workload = text(input, "workload", &format!("one of {}", Workload::NAMES.join(", ")))?;
    let provider = text(input, "provider", &format!("one of {}", Provider::NAMES.join(", ")))?;
    let scenario = scenario(&Reflect::get(input, &JsValue::from_str("scenario")).unwrap_or(JsValue::UNDEFINED))?;
    Query::parse(&date, &workload, &provider, scenario).map_err(error)
}

fn cite_js(input: JsValue) -> Result<JsValue, JsValue> {
    let query = query(&input)?;
    Ok(JsValue::from_str(&crate::cite::cite(dataset(), &query, &crate::ui::state::address()).map_err(error)?))
}

/// Where scenario `a` and scenario `b` (as happened when absent) answer differently.
fn diff_js(a: JsValue, b: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::export::diff_rows(dataset(), scenario(&a)?, scenario(&b)?))
}

fn matrix_js(date: JsValue, scenario_value: JsValue) -> Result<JsValue, JsValue> {
    let date = date.as_string().ok_or_else(|| error("date: expected a string YYYY-MM-DD"))?;
    let date = parse_day_in_range(&date).map_err(|e| error(format!("date: {e}")))?;
    let scenario = scenario(&scenario_value)?;
    to_js(&grid(dataset(), date, scenario).map_err(error)?)
}

fn timeline_js(workload: JsValue, provider: JsValue, scenario_value: JsValue) -> Result<JsValue, JsValue> {
    let workload =
        Workload::parse(&workload.as_string().unwrap_or_default()).map_err(|e| error(format!("workload: {e}")))?;
    let provider =
        Provider::parse(&provider.as_string().unwrap_or_default()).map_err(|e| error(format!("provider: {e}")))?;
    to_js(&cell_timeline(dataset(), workload, provider, scenario(&scenario_value)?))
}
