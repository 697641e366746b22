//! The page (wasm only). The shell is static HTML from [`crate::html::page`], inserted once;
//! each view module binds effects that patch only what changes, and [`actions`] handles every
//! click, change and input on the page through three delegated listeners. State lives in
//! [`state::State`] and in the URL.

pub mod actions;
pub mod app;
pub mod date_controls;
pub mod diff_view;
pub mod dom;
pub mod export_bar;
pub mod grid;
pub mod panels;
pub mod scenario_panel;
pub mod state;

pub use app::App;
