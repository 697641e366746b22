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
pub mod scenario_panel;
pub mod state;

pub use app::mount;
