//! The dealscope dataset, written once: its vocabulary (`vocab`), the `'static` model the
//! engine reads (`model`), what can be wrong with `data/` (`error`), and — with the
//! `authoring` feature — the reader and checker of `data/` (`authoring`) and the generator
//! of the baked statics (`codegen`).
//!
//! The app depends on it twice: for the model and vocabulary (also in the wasm bundle), and
//! from its build script with `authoring`, which checks `data/` and bakes it.

pub mod error;
pub mod model;
pub mod vocab;
pub mod words;

#[cfg(feature = "authoring")]
pub mod authoring;
#[cfg(feature = "authoring")]
pub mod codegen;
