//! The dataset, readable: the timeline of events (filterable by party or provider) with
//! figures and sources, every term with its interval, the conflicts with their readings side
//! by side, the figures and the sources. The lists are static HTML (see `crate::html`);
//! the filters and the "back to the verdict" buttons are wired here.

use super::parts::act;
use super::state::State;
use crate::dataset::dataset;
use crate::html;
use crate::vocab::Provider;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn DatasetView() -> impl IntoView {
    let state = expect_context::<State>();
    let ds = dataset();
    let party = RwSignal::new(String::new());
    let provider = RwSignal::new(String::new());
    let events = NodeRef::<leptos::html::Div>::new();
    // Filters: hide the events that do not match (no re-render of the list).
    Effect::new(move |_| {
        let (party, provider) = (party.get(), provider.get());
        let Some(list) = events.get() else { return };
        let Ok(items) = list.query_selector_all("li[data-parties]") else {
            return;
        };
        for i in 0..items.length() {
            let Some(item) = items.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let has = |attr: &str, wanted: &str| {
                wanted.is_empty() || item.get_attribute(attr).is_some_and(|v| v.split(' ').any(|x| x == wanted))
            };
            let shown = has("data-parties", &party) && has("data-providers", &provider);
            let _ = if shown { item.remove_attribute("hidden") } else { item.set_attribute("hidden", "") };
        }
    });
    view! {
        <section class="dataset" data-testid="dataset-view" aria-labelledby="dataset-heading" on:click=move |ev| act(state, &ev)>
            <h2 id="dataset-heading">"The dataset"</h2>
            <p>
                {format!("{} events, {} terms, {} figures, {} sources, {} conflicts between sources. ",
                    ds.events.len(), ds.terms.len(), ds.figures.len(), ds.sources.len(), ds.conflicts.len())}
                <button type="button" class="link" data-action="back">"Back to the verdict"</button>
            </p>
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
            <div node_ref=events inner_html=html::events(ds)></div>
            <div inner_html=html::reference(ds)></div>
        </section>
    }
}
