//! Export: the grid of the day, the selected cell's timeline, the difference between the
//! scenario (A) and the one it is compared with (B) and the dataset, as CSV or JSON, each with
//! its citations; and pictures of the grid, the overview and the difference, as SVG or PNG.
//! Files are made in the page (no server) and downloaded.

use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::export::{cell_timeline, dataset_csv, dataset_rows, diff_csv, diff_rows, grid, grid_csv, timeline_csv};
use crate::html::contract::{Export, Format, Image, Picture, Share};
use crate::html::page::timeline_disabled;
use crate::html::picture::{picture as draw, WIDTH};
use crate::ui::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/png.js")]
extern "C" {
    /// Draws `svg` on a canvas and downloads it as PNG; `done` is told how it went.
    #[wasm_bindgen(js_name = downloadPng)]
    fn download_png(svg: &str, width: u32, height: u32, name: &str, done: &js_sys::Function);
}

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

/// An export's file, before it is written out.
enum Body {
    Csv(String),
    /// Written by the browser's own JSON writer (no JSON code in the bundle).
    Json(Option<wasm_bindgen::JsValue>),
}

/// `value` as CSV (through `to_csv`) or as a JS value for JSON: the only part that depends on
/// the rows' type, so the rest is compiled once.
fn body<T: serde::Serialize + ?Sized>(csv: bool, value: &T, to_csv: fn(&T) -> String) -> Body {
    if csv {
        Body::Csv(to_csv(value))
    } else {
        Body::Json(crate::api::to_js(value).ok())
    }
}

/// Downloads `body` as `<stem>.csv` or `<stem>.json`.
fn save(stem: &str, body: Body) {
    match body {
        Body::Csv(text) => download(&format!("{stem}.csv"), "text/csv", &text),
        Body::Json(value) => {
            let text = value
                .and_then(|v| {
                    js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &2.into()).ok()
                })
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            download(&format!("{stem}.json"), "application/json", &text);
        }
    }
}

/// Downloads `what` in `format` for the current state.
pub fn export(state: State, what: Export, format: Format) {
    let (date, scenario) = (state.date.get_untracked(), state.scenario.get_untracked());
    let csv = format == Format::Csv;
    match what {
        Export::Grid => {
            if let Ok(answers) = grid(dataset(), date, scenario) {
                save(&format!("dealscope-grid-{date}"), body(csv, answers.as_slice(), grid_csv));
            }
        }
        Export::Timeline => {
            if let Some((w, p)) = state.selected.get_untracked() {
                let bands = cell_timeline(dataset(), w, p, scenario);
                save(&format!("dealscope-timeline-{w}-{p}"), body(csv, bands.as_slice(), timeline_csv));
            }
        }
        Export::Diff => {
            let rows = diff_rows(dataset(), scenario, state.base.get_untracked());
            save(&format!("dealscope-difference-{date}"), body(csv, rows.as_slice(), diff_csv));
        }
        Export::Dataset => save("dealscope-dataset", body(csv, dataset_rows(dataset()).as_slice(), dataset_csv)),
    }
}

/// Downloads a picture of `what` for the current view, as SVG or as PNG drawn from it; says
/// how it went in `status` (the export section's status line).
pub fn picture(state: State, status: &web_sys::Element, what: Picture, image: Image) {
    let view = state.view_state_untracked();
    let link = format!("{}{}", super::state::address(), view.to_query());
    let drawn = draw(dataset(), &view, what, &link);
    let status = status.clone();
    let say = move |message: &str| status.set_text_content(Some(message));
    match image {
        Image::Svg => {
            let name = format!("{}.svg", drawn.stem);
            download(&name, "image/svg+xml", drawn.svg.as_str());
            say(&format!("{name} downloaded."));
        }
        Image::Png => {
            say("Drawing the PNG…");
            // The clipboard's callback type (each closure type costs its own glue).
            let done = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(
                move |message: wasm_bindgen::JsValue| say(&message.as_string().unwrap_or_default()),
            )
            .into_js_value();
            let height = u32::try_from(drawn.height).unwrap_or(u32::MAX);
            let width = u32::try_from(WIDTH).unwrap_or(1200);
            download_png(drawn.svg.as_str(), width, height, &format!("{}.png", drawn.stem), done.unchecked_ref());
        }
    }
}

/// Copies this view's link, or the iframe snippet that embeds it ("Share this view").
pub fn share(state: State, button: &web_sys::Element, what: Share) {
    let (view, base) = (state.view_state_untracked(), super::state::address());
    match what {
        Share::Link => {
            copy_below(button, &crate::cite::view_link(&base, &view), "Link to this view", "share-text", "The link is");
        }
        Share::Embed => copy_below(
            button,
            &crate::cite::embed_snippet(&base, &view),
            "HTML that embeds this view",
            "share-text",
            "The embed snippet is",
        ),
    }
}

/// Puts `text` in a read-only box beside `button` (one per container, `testid`, read out as
/// `label`), selected, and copies it to the clipboard where the browser allows; the
/// container's status line says which (`what`: "The link is", …).
pub fn copy_below(button: &web_sys::Element, text: &str, label: &str, testid: &str, what: &str) {
    let Some(host) = button.parent_element() else { return };
    let status = dom::one(&host, "[role=status]");
    let area = if let Some(area) = dom::one(&host, &format!("[data-testid={testid}]")) {
        area
    } else {
        let Ok(area) = document().create_element("textarea") else { return };
        for (name, value) in [("readonly", ""), ("rows", "4"), ("class", "share-out"), ("data-testid", testid)] {
            let _ = area.set_attribute(name, value);
        }
        let _ = host.append_child(&area);
        area
    };
    let _ = area.set_attribute("aria-label", label);
    if let Some(area) = area.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
        area.select();
    }
    let say = move |message: &str| {
        if let Some(status) = &status {
            status.set_text_content(Some(message));
        }
    };
    say(&format!("{what} selected below: copy it with Ctrl+C or ⌘C."));
    let copied_text = format!("{what} copied to the clipboard (and selected below).");
    let clipboard = window().navigator().clipboard();
    let copied = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |_| say(&copied_text));
    let _ = clipboard.write_text(text).then(&copied);
    copied.forget();
}

/// The cell-timeline buttons need a selected cell.
pub fn bind(page: &Rc<Handles>, state: State) {
    let p = Rc::clone(page);
    dom::effect(move || {
        let disabled = timeline_disabled(state.selected.get());
        for button in &p.timeline_exports {
            dom::flag(button, "disabled", disabled);
        }
    });
}
