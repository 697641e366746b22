//! The page's entry point: install the panic hook and `window.dealscope`, start the explorer
//! (taking over the prerendered page).
//! Performance marks `dealscope-start` and `dealscope-mounted` let tests time start-up.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic kills the page: say where, in the console (the message and the source line).
    std::panic::set_hook(Box::new(|info| dealscope::ui::dom::console_error(&info.to_string())));
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

#[cfg(all(not(target_feature = "atomics"), target_arch = "wasm32"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
