//! The grid: workloads × providers on the chosen day, a verdict in every cell.

use super::state::State;
use crate::dataset::dataset;
use crate::engine::{evaluate_cell, Outcome};
use crate::scenario::Scenario;
use crate::vocab::{Provider, Workload};
use leptos::prelude::*;

#[component]
pub fn Grid() -> impl IntoView {
    let state = expect_context::<State>();
    view! {
        <div class="grid-wrap" role="region" aria-label="Verdicts by workload and provider" tabindex="0">
            <table class="grid" data-testid="grid">
                <caption>
                    "Where OpenAI may run each workload on "
                    <time>{move || state.date.get().to_string()}</time>
                    {move || {
                        let s = state.scenario.get();
                        (s != Scenario::AS_HAPPENED).then(|| format!(" — scenario: {s}"))
                    }}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Workload"</th>
                        {Provider::ALL
                            .iter()
                            .map(|p| view! { <th scope="col">{p.label()}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {Workload::ALL
                        .iter()
                        .map(|&w| {
                            view! {
                                <tr>
                                    <th scope="row">{w.label()}</th>
                                    {Provider::ALL
                                        .iter()
                                        .map(|&p| view! { <td><GridCell workload=w provider=p /></td> })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn GridCell(workload: Workload, provider: Provider) -> impl IntoView {
    let state = expect_context::<State>();
    let outcome =
        Memo::new(move |_| evaluate_cell(dataset(), state.date.get(), workload, provider, state.scenario.get()));
    let baseline =
        Memo::new(move |_| evaluate_cell(dataset(), state.date.get(), workload, provider, Scenario::AS_HAPPENED));
    let differs = move || outcome.get() != baseline.get();
    let selected = move || state.selected.get() == Some((workload, provider));
    let label = move || {
        let mut text = format!("{} on {}: {}", workload.label(), provider.label(), outcome.get().as_str());
        if outcome.get() == Outcome::Conditional {
            text.push_str(", only if Microsoft declines the capacity");
        }
        if differs() {
            text.push_str(" (as happened: ");
            text.push_str(baseline.get().as_str());
            text.push(')');
        }
        text
    };
    view! {
        <button
            type="button"
            class=move || format!("cell {}", outcome.get().as_str())
            class:selected=selected
            class:differs=differs
            aria-pressed=move || selected().to_string()
            aria-label=label
            data-testid=format!("cell-{workload}-{provider}")
            data-verdict=move || outcome.get().as_str()
            on:click=move |_| {
                state.selected.set(Some((workload, provider)));
                state.panel.set(crate::permalink::Panel::Why);
            }
        >
            <span class="symbol" aria-hidden="true">{move || outcome.get().symbol()}</span>
            <span class="word">{move || outcome.get().as_str()}</span>
            {move || (outcome.get() == Outcome::Conditional).then(|| view! { <span class="if">"if Microsoft declines"</span> })}
            {move || differs().then(|| view! { <span class="diff-mark" title="differs from as happened">"◆"</span> })}
        </button>
    }
}
