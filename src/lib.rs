//! dealscope: on a given date, under a given scenario, on which providers may OpenAI run a
//! given workload — and why?
//!
//! Data flows one way: `data/` → [`dataset`] (checked and baked at build time) → [`engine`]
//! (pure verdicts with reasons) → [`scenario`] (what-ifs, shared by URL, JS API and tests)
//! → views (`ui`, wasm only) and the `window.dealscope` API (`api`, wasm only).

pub mod answer;
pub mod cite;
pub mod dataset;
pub mod edits;
pub mod engine;
pub mod export;
pub mod html;
pub mod permalink;
pub mod scenario;
pub mod vocab;

pub use dataset::dataset;

#[cfg(target_arch = "wasm32")]
pub mod api;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The crate version, shown on the page and as `dealscope.version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
