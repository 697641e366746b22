//! Parses the dataset from embedded JSON and walks it, so the parser and the data both stay
//! in the binary: the cost the "embed and parse at start-up" design would pay.
use serde_json::Value;

static DATA: &str = include_str!(concat!(env!("OUT_DIR_DATA"), "/dataset.json"));

fn walk(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::Array(a) => a.iter().map(walk).sum(),
        Value::Object(o) => o.iter().map(|(k, v)| k.len() + walk(v)).sum(),
        _ => 1,
    }
}

/// Parses the whole dataset; returns the number of string bytes read (0 on a parse error).
#[no_mangle]
pub extern "C" fn load() -> usize {
    serde_json::from_str::<Value>(DATA).map_or(0, |v| walk(&v))
}
