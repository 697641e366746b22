//! Validates `data/` and bakes it into `$OUT_DIR/dataset.rs` (a `static DATASET`), with the
//! workspace's `dealscope-data` crate. Any problem in the data fails the build with file,
//! line, item and what to fix (`cargo run -p dealscope-data` shows the same, faster).

use dealscope_data::{authoring, codegen};
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    // DEALSCOPE_DATA_DIR: bake another data folder (tools/data-embedding measures the data's cost with it).
    println!("cargo::rerun-if-env-changed=DEALSCOPE_DATA_DIR");
    let data = std::env::var_os("DEALSCOPE_DATA_DIR").map_or_else(|| root.join("data"), PathBuf::from);
    for input in authoring::inputs(&data) {
        println!("cargo::rerun-if-changed={}", input.display());
    }
    match authoring::load(&data) {
        Ok(raw) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            write(&out.join("dataset.rs"), &codegen::bake(&raw));
        }
        Err(errors) => {
            eprintln!("data/ has {} problem(s):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
                println!("cargo::error={error}");
            }
            std::process::exit(1);
        }
    }
}

fn write(path: &Path, text: &str) {
    // Only touch the file when it changes, so unchanged data does not rebuild the crate.
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}
