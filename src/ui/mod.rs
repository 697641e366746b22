//! The page (wasm only). The shell is static HTML from [`crate::html::page`] — prerendered
//! into `index.html` by the release build and taken over here, or rendered now — with its
//! elements looked up once ([`handles`]); each view module binds effects that patch only what
//! changes, and [`actions`] carries out every click, change and input through three
//! listeners on the root. State lives in [`state::State`] and in the URL.

pub mod actions;
pub mod app;
pub mod date_controls;
pub mod diff_view;
pub mod dom;
pub mod embed;
pub mod export_bar;
pub mod grid;
pub mod handles;
pub mod panels;
pub mod reactive;
pub mod scenario_panel;
pub mod state;
pub mod whatif_panel;

pub use app::mount;

/// What the views use: the page's signals, memo and stored values ([`reactive`]), and the
/// browser's window and document.
pub mod prelude {
    pub use super::reactive::{untrack, Memo, RwSignal, StoredValue};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    /// The page's window (the views run only in a browser page).
    pub fn window() -> web_sys::Window {
        web_sys::window().expect("a browser window")
    }

    /// The page's document.
    pub fn document() -> web_sys::Document {
        window().document().expect("a document")
    }

    /// Runs `f` once after `delay`, from the browser's task queue.
    pub fn set_timeout(f: impl FnOnce() + 'static, delay: std::time::Duration) {
        let f = Closure::once_into_js(f);
        let ms = i32::try_from(delay.as_millis()).unwrap_or(i32::MAX);
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), ms);
    }

    /// Runs `f` once before the browser's next paint.
    pub fn request_animation_frame(f: impl FnOnce() + 'static) {
        let f = Closure::once_into_js(f);
        let _ = window().request_animation_frame(f.unchecked_ref());
    }
}
