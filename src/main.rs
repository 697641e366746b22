//! The page's entry point: install the panic hook and `window.dealscope`, start the explorer
//! (taking over the prerendered page).
//! Performance marks `dealscope-start` and `dealscope-mounted` let tests time start-up.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let performance = web_sys::window().and_then(|w| w.performance());
    let mark = |name: &str| {
        if let Some(p) = &performance {
            let _ = p.mark(name);
        }
    };
    mark("dealscope-start");
    dealscope::api::install();
    dealscope::ui::mount();
    mark("dealscope-mounted");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "dealscope runs in the browser: see README.md (scripts/serve.sh). The engine's tests run with `cargo test`."
    );
}
