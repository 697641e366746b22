//! Why: for the selected cell, the verdict, its determining clauses in plain words with their
//! sources, the next change, the paths to yes, the verdict bands over time, and every term
//! that was considered.

use super::parts::{follow, Sources, VerdictBadge};
use super::state::State;
use crate::answer::{answer, Answer};
use crate::dataset::dataset;
use crate::engine::{considered, paths_to_yes, timeline, Outcome, Query, Standing};
use crate::scenario::describe_change;
use crate::vocab::{parse_day, FIRST_DAY};
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
    move || match query.get() {
        None => view! { <p class="hint">"Pick a cell in the grid to see why."</p> }.into_any(),
        Some(q) => match answer(dataset(), &q) {
            Ok(a) => view! { <Why query=q answer=a /> }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
        },
    }
}

#[component]
fn Why(query: Query, answer: Answer) -> impl IntoView {
    let state = expect_context::<State>();
    let outcome = match answer.verdict {
        "allowed" => Outcome::Allowed,
        "blocked" => Outcome::Blocked,
        _ => Outcome::Conditional,
    };
    let heading = format!("{} on {}", query.workload.label(), query.provider.label());
    let no_terms = answer.clauses.is_empty();
    view! {
        <article class="why" data-testid="explanation" aria-live="polite">
            <h2>{heading}" on "<time>{answer.date.clone()}</time>": " <VerdictBadge outcome=outcome /></h2>
            {no_terms.then(|| view! { <p>"No term in the dataset restricts this on that day."</p> })}
            <ul class="clauses">
                {answer
                    .clauses
                    .into_iter()
                    .map(|c| {
                        let href = format!("#term-{}", c.id);
                        view! {
                            <li data-testid=format!("clause-{}", c.id)>
                                <h3>
                                    <a href=href.clone() on:click=move |ev| follow(&ev, &href)>{c.title}</a>
                                    " "<code>{c.id}</code>" — says "{c.says}
                                </h3>
                                <p>{c.summary}</p>
                                {c.condition.map(|text| view! { <p class="condition">{text}</p> })}
                                <Sources sources=c.sources />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(!answer.conditions.is_empty()).then(|| view! {
                <section class="open">
                    <h3>"Still open"</h3>
                    <ul>{answer.conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                </section>
            })}
            {(!answer.notes.is_empty()).then(|| view! {
                <section class="notes">
                    <h3>"But note"</h3>
                    <ul>{answer.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </section>
            })}
            <p class="next" data-testid="next-change">
                {match (answer.next_change, answer.next_verdict) {
                    (Some(day), Some(v)) => {
                        let target = parse_day(&day).ok();
                        view! {
                            "Next change: "
                            <button type="button" class="link" on:click=move |_| { if let Some(d) = target { state.date.set(d) } }>
                                {day.clone()}
                            </button>
                            {format!(" (then {v})")}
                        }.into_any()
                    }
                    _ => view! { "No change before 2036 under this scenario." }.into_any(),
                }}
            </p>
            <PathsToYes query=query />
            <Bands query=query />
            <Considered query=query />
        </article>
    }
}

#[component]
fn PathsToYes(query: Query) -> impl IntoView {
    let state = expect_context::<State>();
    let Ok(paths) = paths_to_yes(dataset(), &query) else {
        return ().into_any();
    };
    if paths.toggles.first().is_some_and(Vec::is_empty) {
        return ().into_any();
    }
    view! {
        <section class="paths" data-testid="paths-to-yes">
            <h3>"Paths to yes"</h3>
            <ul>
                {paths
                    .toggles
                    .into_iter()
                    .map(|set| {
                        let text = set.iter().map(|(k, v)| describe_change(k, v)).collect::<Vec<_>>().join(" and ");
                        view! {
                            <li>
                                <button type="button" class="link" on:click=move |_| {
                                    state.scenario.update(|s| for (k, v) in &set { let _ = s.set(k, v); });
                                }>"Try: "{text}</button>
                            </li>
                        }
                    })
                    .collect_view()}
                {match paths.earliest {
                    Some(day) if day > query.date => view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| state.date.set(day)>
                                {format!("Or wait: allowed from {day} as things stand")}
                            </button>
                        </li>
                    }.into_any(),
                    Some(_) => ().into_any(),
                    None => view! { <li>"Not allowed on any later day under this scenario."</li> }.into_any(),
                }}
            </ul>
        </section>
    }
    .into_any()
}

/// The cell's verdict over 2016–2035 as proportional bands; click a band to go to its start.
#[component]
fn Bands(query: Query) -> impl IntoView {
    let state = expect_context::<State>();
    let bands = timeline(dataset(), query.workload, query.provider, query.scenario);
    let total = crate::engine::range_end().signed_duration_since(FIRST_DAY).num_days().max(1);
    view! {
        <section class="bands">
            <h3>"Over time"</h3>
            <ol class="band-strip" data-testid="bands">
                {bands
                    .into_iter()
                    .map(|b| {
                        let width = b.until.signed_duration_since(b.from).num_days() * 1000 / total;
                        let current = b.from <= query.date && query.date < b.until;
                        let label = format!("{} to {}: {}", b.from, b.until.pred_opt().unwrap_or(b.until), b.verdict.outcome.as_str());
                        let from = b.from;
                        view! {
                            <li style=format!("flex-grow:{width}") class=format!("band {}", b.verdict.outcome.as_str()) class:current=current>
                                <button type="button" title=label.clone() aria-label=label on:click=move |_| state.date.set(from)>
                                    <span aria-hidden="true">{b.verdict.outcome.symbol()}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <div class="band-axis" aria-hidden="true"><span>"2016"</span><span>"2025"</span><span>"2035"</span></div>
        </section>
    }
}

#[component]
fn Considered(query: Query) -> impl IntoView {
    let ds = dataset();
    let rows = considered(ds, &query).unwrap_or_default();
    view! {
        <details class="considered">
            <summary>"All terms considered"</summary>
            <ul>
                {rows
                    .into_iter()
                    .map(|(ix, standing)| {
                        let term = ds.term(ix);
                        let why = match standing {
                            Standing::Applies(r) => format!("applies: {}", r.outcome.as_str()),
                            Standing::NotInForce => "not in force on this day".to_owned(),
                            Standing::DoesNotCover => "does not cover this workload and provider".to_owned(),
                            Standing::NotInScenario => "not part of this scenario".to_owned(),
                            Standing::Lapsed => "lapsed".to_owned(),
                            Standing::SupersededBy(by) => format!("superseded by {}", ds.term(by).id),
                            Standing::NotACompute => "not a compute clause".to_owned(),
                        };
                        view! { <li><code>{term.id}</code>": "{why}</li> }
                    })
                    .collect_view()}
            </ul>
        </details>
    }
}
