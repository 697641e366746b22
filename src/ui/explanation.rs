//! Why: for the selected cell, the verdict, its determining clauses in plain words with their
//! sources, the next change, the paths to yes, the verdict bands over time, and every term
//! that was considered. The content is static HTML (`crate::html::why`); its buttons and
//! links carry `data-action` and are handled here by one listener.

use super::parts::act;
use super::state::State;
use crate::answer::answer;
use crate::dataset::dataset;
use crate::engine::Query;
use crate::html;
use leptos::prelude::*;

#[component]
pub fn Explanation() -> impl IntoView {
    let state = expect_context::<State>();
    let query = Memo::new(move |_| {
        state.selected.get().map(|(workload, provider)| Query {
            date: state.date.get(),
            workload,
            provider,
            scenario: state.scenario.get(),
        })
    });
    let content = move || match query.get() {
        None => "<p class=\"hint\">Pick a cell in the grid to see why.</p>".to_owned(),
        Some(q) => match answer(dataset(), &q) {
            Ok(a) => html::why(dataset(), &q, &a),
            Err(e) => format!("<p class=\"error\" role=\"alert\">{}</p>", html::escape(&e.to_string())),
        },
    };
    view! {
        <article class="why" data-testid="explanation" aria-live="polite" inner_html=content
            on:click=move |ev| act(state, &ev)>
        </article>
    }
}
