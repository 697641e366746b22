//! The dataset, readable: the timeline of events (filterable by party or provider) with
//! figures and sources, every term with its interval, the conflicts with their readings side
//! by side, the figures and the sources. Every entry has an anchor the verdicts link to.

use super::parts::Sources;
use super::state::State;
use crate::answer::{partial, sources};
use crate::dataset::{dataset, Term};
use crate::permalink::Panel;
use crate::vocab::Provider;
use leptos::prelude::*;

fn interval(term: &Term) -> String {
    let from = term
        .from
        .map_or_else(|| "(start not recorded)".to_owned(), partial);
    let until = term.until.map_or_else(
        || "open-ended (or until superseded)".to_owned(),
        |u| format!("until {u} (exclusive)"),
    );
    format!("{from} → {until}")
}

#[component]
pub fn DatasetView() -> impl IntoView {
    let state = expect_context::<State>();
    let ds = dataset();
    let back = move || {
        state.panel.set(Panel::Why);
        super::parts::scroll_to("panel".to_owned());
    };
    view! {
        <section class="dataset" data-testid="dataset-view" aria-labelledby="dataset-heading">
            <h2 id="dataset-heading">"The dataset"</h2>
            <p>
                {format!("{} events, {} terms, {} figures, {} sources, {} conflicts between sources. ",
                    ds.events.len(), ds.terms.len(), ds.figures.len(), ds.sources.len(), ds.conflicts.len())}
                <button type="button" class="link" on:click=move |_| back()>"Back to the verdict"</button>
            </p>
            <Events />
            <Terms back=back />
            <Conflicts />
            <Figures />
            <SourceList />
        </section>
    }
}

/// The timeline of events, filterable by party or provider.
#[component]
fn Events() -> impl IntoView {
    let ds = dataset();
    let party = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    view! {
        <div>
            <h3>"Timeline of events"</h3>
            <div class="filters">
                <label>"Party "
                    <select data-testid="filter-party" on:change=move |ev| party.set(event_target_value(&ev))>
                        <option value="">"all"</option>
                        {ds.parties.iter().map(|p| view! { <option value=p.id>{p.name}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Provider "
                    <select data-testid="filter-provider" on:change=move |ev| provider.set(event_target_value(&ev))>
                        <option value="">"all"</option>
                        {Provider::ALL.iter().map(|p| view! { <option value=p.as_str()>{p.label()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <ol class="events" data-testid="events">
                {ds.events.iter().map(|e| {
                    let shown = move || {
                        let (pa, pr) = (party.get(), provider.get());
                        (pa.is_empty() || e.parties.iter().any(|p| ds.party(*p).id == pa))
                            && (pr.is_empty() || e.providers.iter().any(|p| p.as_str() == pr))
                    };
                    let date = match e.reported {
                        Some(r) => format!("{} (reported {})", partial(e.date), partial(r)),
                        None => partial(e.date),
                    };
                    view! {
                        <li id=format!("event-{}", e.id) hidden=move || !shown()>
                            <time>{date}</time>" — "{e.what}
                            {(!e.figures.is_empty()).then(|| view! {
                                <span class="figs">{e.figures.iter().map(|f| {
                                    let fig = ds.figure(*f);
                                    view! { " " <a class="fig" href=format!("#figure-{}", fig.id)>{fig.display()}</a> }
                                }).collect_view()}</span>
                            })}
                            <Sources sources=sources(ds, e.sources) />
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}

/// Every term with its interval, effect, supersessions, lapses and sources.
#[component]
fn Terms(back: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ds = dataset();
    view! {
        <div>
            <h3>"Terms"</h3>
            <ul class="terms">
                {ds.terms.iter().map(|t| view! {
                    <li id=format!("term-{}", t.id) tabindex="-1">
                        <h4>{t.title}" "<code>{t.id}</code></h4>
                        <p class="meta">{interval(t)}" · effect: "{t.effect.as_str()}
                            {t.only_if.map(|g| format!(" · only if {}={}", g.key, g.value))}
                            {(!t.supersedes.is_empty()).then(|| format!(" · supersedes {}", t.supersedes.iter().map(|s| ds.term(*s).id).collect::<Vec<_>>().join(", ")))}
                        </p>
                        <p>{t.summary}</p>
                        {t.caveat.map(|c| view! { <p class="caveat">{c}</p> })}
                        {t.lapses.iter().map(|l| view! { <p class="lapse">"Lapse: "{l.summary}</p> <Sources sources=sources(ds, l.sources) /> }).collect_view()}
                        <Sources sources=sources(ds, t.sources) />
                        <button type="button" class="link" on:click=move |_| back()>"Back to the verdict"</button>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Each conflict between sources with its readings side by side.
#[component]
fn Conflicts() -> impl IntoView {
    let ds = dataset();
    view! {
        <div>
            <h3>"Where sources disagree"</h3>
            <ul class="conflicts">
                {ds.conflicts.iter().map(|c| view! {
                    <li id=format!("conflict-{}", c.id)>
                        <h4>{c.claim}</h4>
                        <p class="meta">
                            {c.scenario_key.map_or_else(
                                || "Changes no verdict.".to_owned(),
                                |k| format!("Switch the reading with the scenario key {k}."))}
                            " Default: "{c.default}". "{c.why_default}
                        </p>
                        <div class="readings">
                            {c.readings.iter().map(|r| view! {
                                <div class="reading" class:default=r.value == c.default>
                                    <h5>{r.value}{(r.value == c.default).then_some(" (default)")}</h5>
                                    <p>{r.says}</p>
                                    <Sources sources=sources(ds, r.sources) />
                                </div>
                            }).collect_view()}
                        </div>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The figures, with linked figures that report the same quantity.
#[component]
fn Figures() -> impl IntoView {
    let ds = dataset();
    view! {
        <div>
            <h3>"Figures"</h3>
            <ul class="figures">
                {ds.figures.iter().map(|f| view! {
                    <li id=format!("figure-{}", f.id)>
                        <strong>{f.display()}</strong>" — "{f.measures}
                        {f.as_of.map(|d| format!(" (as of {})", partial(d)))}
                        {f.note.map(|n| view! { <span class="note">" "{n}</span> })}
                        {(!f.same_quantity_as.is_empty()).then(|| format!(" Also reported as: {}.", f.same_quantity_as.iter().map(|x| ds.figure(*x).display()).collect::<Vec<_>>().join(", ")))}
                        <Sources sources=sources(ds, f.sources) />
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Every source.
#[component]
fn SourceList() -> impl IntoView {
    let ds = dataset();
    view! {
        <div>
            <h3>"Sources"</h3>
            <ul class="source-list">
                {ds.sources.iter().map(|s| view! {
                    <li id=format!("source-{}", s.id) tabindex="-1">
                        {s.publisher}", "<cite>{s.title}</cite>
                        {format!(" — {} · {} · {}", s.date.map_or_else(|| "undated".to_owned(), partial), s.kind.as_str(), s.locator)}
                        {s.url.map(|u| view! { " " <a href=u rel="noopener">{u}</a> })}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}
