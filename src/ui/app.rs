//! The page: header with the date and the key toggle, the grid, the scenario panel, and the
//! side panels (why, dataset, diff). `embed=1` in the URL hides everything but the grid and
//! the explanation.

use super::dataset_view::DatasetView;
use super::date_controls::DateControls;
use super::diff_view::DiffView;
use super::explanation::Explanation;
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
    view! { <Explorer state=state /> }
}

/// The explorer for a given state (tests mount this with a state of their own).
#[component]
pub fn Explorer(state: State) -> impl IntoView {
    provide_context(state);
    let tab = move |panel: Panel, label: &'static str| {
        view! {
            <button type="button" role="tab" id=format!("tab-{}", panel.as_str())
                aria-selected=move || (state.panel.get() == panel).to_string()
                aria-controls=format!("{}-panel", panel.as_str())
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
                <div class="panels">
                    <div role="tablist" aria-label="Panels" class="tabs" hidden=move || state.embed.get()>
                        {tab(Panel::Why, "Why")}
                        {tab(Panel::Diff, "Scenario diff")}
                        {tab(Panel::Dataset, "Dataset & sources")}
                    </div>
                    <div id="why-panel" role="tabpanel" aria-labelledby="tab-why" tabindex="-1" hidden=move || state.panel.get() != Panel::Why>
                        <Explanation />
                    </div>
                    <div id="diff-panel" role="tabpanel" aria-labelledby="tab-diff" hidden=move || state.panel.get() != Panel::Diff>
                        <DiffView />
                    </div>
                    <div id="dataset-panel" role="tabpanel" aria-labelledby="tab-dataset" hidden=move || state.panel.get() != Panel::Dataset>
                        <DatasetView />
                    </div>
                </div>
                <div hidden=move || state.embed.get()>
                    <ScenarioPanel />
                </div>
            </main>
            <footer hidden=move || state.embed.get()>
                <p>{format!("dealscope {} · runs entirely in your browser, offline after load · ", crate::VERSION)}
                    "data: Microsoft/OpenAI announcements and five news articles, every item cited · "
                    <code>"window.dealscope"</code>" for programs"</p>
            </footer>
        </div>
    }
}
