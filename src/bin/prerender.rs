//! `prerender <index.html>` — writes the page for the default view (the data's "as of" day)
//! into the body of a built `index.html`, so the grid, its verdicts, the controls and the
//! explanation are in the HTML as served: the page paints before the WebAssembly arrives,
//! and reads without JavaScript. The wasm takes that DOM over (`ui::mount`).
//!
//! Run by Trunk's `post_build` hook (`scripts/post-build.sh`), so `trunk build --release` and
//! `trunk serve` both produce it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use dealscope::dataset::dataset;
    use dealscope::html::page::prerendered;
    use dealscope::permalink::ViewState;
    use std::process::ExitCode;

    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: prerender <path to the built index.html>");
        return ExitCode::FAILURE;
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(html) => html,
        Err(e) => {
            eprintln!("prerender: cannot read {}: {e}", path.to_string_lossy());
            return ExitCode::FAILURE;
        }
    };
    let body = prerendered(dataset(), &ViewState::default());
    match dealscope::html::page::with_body(&html, &body) {
        Ok(page) => match std::fs::write(&path, page) {
            Ok(()) => {
                println!("prerendered {} ({} bytes of page)", path.to_string_lossy(), body.as_str().len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("prerender: cannot write {}: {e}", path.to_string_lossy());
                ExitCode::FAILURE
            }
        },
        Err(e) => {
            eprintln!("prerender: {}: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
