//! Export: the grid of the day, the selected cell's timeline and the dataset, as CSV or JSON,
//! each with its citations. Files are made in the page (no server) and downloaded.

use super::state::State;
use crate::dataset::dataset;
use crate::export::{cell_timeline, dataset_csv, dataset_rows, grid, grid_csv, timeline_csv};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a file download.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Saves `value` as `<stem>.csv` (through `to_csv`) or as `<stem>.json`.
fn save<T: serde::Serialize + ?Sized>(stem: &str, csv: bool, value: &T, to_csv: impl FnOnce(&T) -> String) {
    if csv {
        download(&format!("{stem}.csv"), "text/csv", &to_csv(value));
    } else {
        download(&format!("{stem}.json"), "application/json", &json(value));
    }
}

/// Serialises through the browser's own JSON writer (no JSON code in the bundle).
fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    crate::api::to_js(value)
        .ok()
        .and_then(|v| js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &2.into()).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

#[component]
pub fn ExportBar() -> impl IntoView {
    let state = expect_context::<State>();
    let grid_file = move |csv: bool| {
        let (date, scenario) = (state.date.get_untracked(), state.scenario.get_untracked());
        let Ok(answers) = grid(dataset(), date, scenario) else {
            return;
        };
        save(&format!("dealscope-grid-{date}"), csv, answers.as_slice(), grid_csv);
    };
    let timeline_file = move |csv: bool| {
        let Some((w, p)) = state.selected.get_untracked() else {
            return;
        };
        let bands = cell_timeline(dataset(), w, p, state.scenario.get_untracked());
        save(&format!("dealscope-timeline-{w}-{p}"), csv, bands.as_slice(), timeline_csv);
    };
    let dataset_file = move |csv: bool| {
        save("dealscope-dataset", csv, dataset_rows(dataset()).as_slice(), dataset_csv);
    };
    view! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export (with citations)"</h2>
            <p class="presets">
                <button type="button" data-testid="export-grid-csv" on:click=move |_| grid_file(true)>"Grid CSV"</button>
                <button type="button" data-testid="export-grid-json" on:click=move |_| grid_file(false)>"Grid JSON"</button>
                <button type="button" data-testid="export-timeline-csv" disabled=move || state.selected.get().is_none() on:click=move |_| timeline_file(true)>"Cell timeline CSV"</button>
                <button type="button" data-testid="export-timeline-json" disabled=move || state.selected.get().is_none() on:click=move |_| timeline_file(false)>"Cell timeline JSON"</button>
                <button type="button" data-testid="export-dataset-csv" on:click=move |_| dataset_file(true)>"Dataset CSV"</button>
                <button type="button" data-testid="export-dataset-json" on:click=move |_| dataset_file(false)>"Dataset JSON"</button>
            </p>
        </section>
    }
}
