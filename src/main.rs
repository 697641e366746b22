//! The page's entry point: install the panic hook and `window.dealscope`, mount the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    dealscope::api::install();
    leptos::mount::mount_to_body(dealscope::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dealscope runs in the browser: see README.md (scripts/serve.sh). The engine's tests run with `cargo test`.");
}
