//! The deal dataset: sources, parties, events, figures, terms, Microsoft's recorded
//! decisions and the conflicts between sources — authored in `data/`, checked and baked at
//! build time (`build.rs`, with the `dealscope-data` crate), read here as `'static` data.

#[cfg(not(target_arch = "wasm32"))]
pub use dealscope_data::authoring;
pub use dealscope_data::error;
pub use dealscope_data::model::*;

use crate::vocab::{
    ymd, Condition, Decision as DecisionKind, Precision, Provider, Reliability, ScenarioKey, Setting, Workload,
};

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The dataset compiled into this build.
pub fn dataset() -> &'static Dataset {
    &DATASET
}
