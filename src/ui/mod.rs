//! The page (wasm only): one file per view. State lives in [`state::State`] and in the URL.

pub mod app;
pub mod dataset_view;
pub mod date_controls;
pub mod diff_view;
pub mod explanation;
pub mod export_bar;
pub mod grid;
pub mod parts;
pub mod scenario_panel;
pub mod state;

pub use app::App;
