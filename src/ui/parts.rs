//! Small pieces shared by the views.

use leptos::prelude::*;

/// Scrolls to and focuses the element with this id after the next paint.
pub fn scroll_to(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = html.focus();
            }
        }
    });
}
