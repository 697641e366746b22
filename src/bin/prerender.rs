//! `prerender <index.html>` — writes the page for the default view (the data's "as of" day)
//! into the body of a built `index.html`, so the grid, its verdicts, the controls and the
//! explanation are in the HTML as served: the page paints before the WebAssembly arrives,
//! and reads without JavaScript. The wasm takes that DOM over (`ui::mount`). The loader in the
//! head (`www/boot.js`) is told that view's query, to tell a link to another view by it.
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
    let steps = match story_steps() {
        Ok(steps) => steps,
        Err(e) => {
            eprintln!("prerender: {e}");
            return ExitCode::FAILURE;
        }
    };
    let view = ViewState::default();
    let body = prerendered(dataset(), &view, &steps);
    let page = dealscope::html::page::with_body(&html, &body)
        .map_err(ToOwned::to_owned)
        .and_then(|page| dealscope::html::loader::with_served_view(&page, &view));
    match page {
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

/// The story's steps from `data/stories.toml` (checked like the rest of `data/`), with their
/// views and sources resolved.
#[cfg(not(target_arch = "wasm32"))]
fn story_steps() -> Result<Vec<dealscope::html::story::Step>, String> {
    use dealscope::answer::sources;
    use dealscope::dataset::{authoring, dataset, Citation, SourceIx};
    use dealscope::html::contract::parse_cell;
    use dealscope::permalink::ViewState;
    use dealscope::scenario::Scenario;
    use dealscope::vocab::{parse_day, Setting};

    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let raw = authoring::load(&dir)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let ds = dataset();
    raw.steps
        .iter()
        .map(|item| {
            let s = &item.value;
            let settings: Vec<Setting> = s
                .scenario
                .iter()
                .map(|p| Setting::parse_pair(p))
                .collect::<Result<_, _>>()
                .map_err(|e| e.to_string())?;
            let citations: Vec<Citation> = s
                .sources
                .iter()
                .map(|c| {
                    let i = ds
                        .sources
                        .iter()
                        .position(|src| src.id == c.id())
                        .ok_or(format!("unknown source {}", c.id()))?;
                    let quote = c.quote().map(|q| &*Box::leak(q.to_owned().into_boxed_str()));
                    Ok(Citation { source: SourceIx(u16::try_from(i).map_err(|e| e.to_string())?), quote })
                })
                .collect::<Result<_, String>>()?;
            Ok(dealscope::html::story::Step {
                title: s.title.clone(),
                text: s.text.clone(),
                view: ViewState {
                    date: parse_day(&s.date).map_err(|e| e.to_string())?,
                    scenario: Scenario::AS_HAPPENED.with_settings(&settings),
                    selected: Some(parse_cell(&s.cell)?),
                    ..ViewState::default()
                },
                toggle: s.toggle.as_deref().map(Setting::parse_pair).transpose().map_err(|e| e.to_string())?,
                sources: sources(ds, &citations),
            })
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
