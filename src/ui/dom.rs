//! Small DOM helpers for the views: find elements, and change an attribute, a property or
//! the content of an element only when its value differs (so the browser re-styles no more
//! than it must).

use crate::html::Html;
use crate::ui::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Keeps the content of `el` equal to `html()`, writing it only when it changes. `initial`
/// is what the page shows there now.
pub fn bind_html(el: Element, initial: Html, html: impl Fn() -> Html + 'static) {
    let html: Box<dyn Fn() -> Html> = Box::new(html);
    let shown = StoredValue::new(initial);
    effect(move || {
        let next = html();
        if shown.with_value(|s| *s == next) {
            return;
        }
        el.set_inner_html(next.as_str());
        shown.set_value(next);
    });
}

pub use super::reactive::effect;

/// Logs a problem with the page itself (a bug, not a reader's input) to the console.
pub fn console_error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// Calls `handler` for every `kind` event on `el` (and its descendants, as events bubble),
/// for as long as the page lives.
pub fn listen(el: &web_sys::EventTarget, kind: &str, handler: impl Fn(&web_sys::Event) + 'static) {
    let handler: Box<dyn Fn(&web_sys::Event)> = Box::new(handler);
    let closure = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| handler(&ev));
    let _ = el.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// The first element under `root` matching `selector`.
pub fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching `selector`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}

/// Sets an attribute unless it already has this value.
pub fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Sets a `"true"`/`"false"` attribute (`aria-pressed`, `aria-selected`, `aria-invalid`).
pub fn set_bool(el: &Element, name: &str, on: bool) {
    set_attr(el, name, if on { "true" } else { "false" });
}

/// Adds or removes a boolean attribute (`hidden`, `disabled`).
pub fn flag(el: &Element, name: &str, on: bool) {
    if on != el.has_attribute(name) {
        let _ = if on { el.set_attribute(name, "") } else { el.remove_attribute(name) };
    }
}

/// The value of an input or select element (empty for anything else).
pub fn value(el: &Element) -> String {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.value()
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.value()
    } else {
        String::new()
    }
}

/// Sets the value of an input or select element unless it already has it.
pub fn set_value(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        if input.value() != value {
            input.set_value(value);
        }
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        if select.value() != value {
            select.set_value(value);
        }
    }
}

/// Sets the text of `el` (none: empty) only when it differs.
pub fn set_text(el: &Element, text: Option<&str>) {
    if el.text_content().as_deref().unwrap_or_default() != text.unwrap_or_default() {
        el.set_text_content(text);
    }
}

/// Focuses an element if it can take focus.
pub fn focus(el: &Element) {
    if let Some(html) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    } else if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = svg.focus();
    }
}

/// Runs `f` right after the browser has painted the current changes.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// Scrolls to and focuses the element with this id under `root`, if there is one.
pub fn reveal(root: &Element, id: &str) {
    if let Some(el) = one(root, &format!("[id=\"{}\"]", id.replace('"', ""))) {
        el.scroll_into_view();
        focus(&el);
    }
}
