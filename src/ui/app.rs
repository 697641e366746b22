//! The page: header with the date and the key toggle, the grid, the scenario panel, and the
//! side panels (why, dataset, diff). `embed=1` in the URL hides everything but the grid and
//! the explanation.

use super::dataset_view::DatasetView;
use super::date_controls::DateControls;
use super::diff_view::{DiffStrip, DiffView, ScenarioDiff};
use super::explanation::Explanation;
use super::export_bar::ExportBar;
use super::grid::Grid;
use super::scenario_panel::{DeclinesToggle, ScenarioPanel};
use super::state::{sync_url, State};
use crate::permalink::Panel;
use leptos::prelude::*;

/// The whole explorer, reading its state from the URL.
#[component]
pub fn App() -> impl IntoView {
    let state = State::from_location();
    sync_url(state);
    view! { <Explorer state=state defer=true /> }
}

/// The explorer for a given state (tests mount this with a state of their own). With
/// `defer`, the grid is painted first and everything below it is built right after that
/// first paint, so a reader sees the answers sooner.
#[component]
pub fn Explorer(state: State, #[prop(optional)] defer: bool) -> impl IntoView {
    provide_context(state);
    provide_context(ScenarioDiff::new(state));
    let ready = RwSignal::new(!defer);
    if defer {
        request_animation_frame(move || set_timeout(move || ready.set(true), std::time::Duration::ZERO));
    }
    let tab = move |panel: Panel, label: &'static str| {
        view! {
            <button type="button" role="tab" id=format!("tab-{}", panel.as_str())
                aria-selected=move || (state.panel.get() == panel).to_string()
                aria-controls="panel"
                data-testid=format!("tab-{}", panel.as_str())
                on:click=move |_| state.panel.set(panel)>
                {label}
            </button>
        }
    };
    view! {
        <div class="app" class:embed=move || state.embed.get()>
            <header hidden=move || state.embed.get()>
                <h1>"dealscope"</h1>
                <p class="tagline">"Where may OpenAI run what, under the Microsoft deal — on any day, under any what-if, and why."</p>
            </header>
            {move || {
                let notices = state.notices.get();
                (!notices.is_empty()).then(|| view! {
                    <div class="notice" role="status" data-testid="notice">
                        <p>"Some of the link could not be used, so defaults stand in:"</p>
                        <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        <button type="button" on:click=move |_| state.notices.set(Vec::new())>"Dismiss"</button>
                    </div>
                })
            }}
            <main>
                <div class="controls">
                    <DateControls />
                    <DeclinesToggle />
                </div>
                <Grid />
                <p class="legend">"✓ allowed · ✗ blocked · ? conditional (depends on an open fact) · ◆ differs from as happened"</p>
                // Below the grid, so toggling a what-if never moves the grid.
                <DiffStrip />
                <Show when=move || ready.get()>
                <div class="panels">
                    <div role="tablist" aria-label="Panels" class="tabs" hidden=move || state.embed.get()>
                        {tab(Panel::Why, "Why")}
                        {tab(Panel::Diff, "Scenario diff")}
                        {tab(Panel::Dataset, "Dataset & sources")}
                    </div>
                    // Only the open panel is built: the dataset view alone is most of the page's nodes.
                    <div id="panel" role="tabpanel" tabindex="-1"
                        aria-labelledby=move || format!("tab-{}", state.panel.get().as_str())>
                        {move || match state.panel.get() {
                            Panel::Why => view! { <Explanation /> }.into_any(),
                            Panel::Diff => view! { <DiffView /> }.into_any(),
                            Panel::Dataset => view! { <DatasetView /> }.into_any(),
                        }}
                    </div>
                </div>
                <div hidden=move || state.embed.get()>
                    <ScenarioPanel />
                    <ExportBar />
                </div>
                </Show>
            </main>
            <footer hidden=move || state.embed.get()>
                <p>{format!("dealscope {} · runs entirely in your browser, offline after load · ", crate::VERSION)}
                    "data: Microsoft/OpenAI announcements and five news articles, every item cited · "
                    <code>"window.dealscope"</code>" for programs"</p>
            </footer>
        </div>
    }
}
