//! The deal's vocabulary (workloads, providers, conditions, reliability, scenario keys,
//! dates), defined once in the `dealscope-data` crate and shared with the build script.

pub use dealscope_data::vocab::*;
