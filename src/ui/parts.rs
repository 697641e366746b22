//! Small pieces shared by the views: verdict badges, source citations, scrolling to an entry.

use crate::answer::SourceRef;
use crate::engine::Outcome;
use leptos::prelude::*;

/// A verdict as symbol and word (never colour alone).
#[component]
pub fn VerdictBadge(outcome: Outcome) -> impl IntoView {
    view! {
        <span class=format!("badge {}", outcome.as_str())>
            <span class="symbol" aria-hidden="true">{outcome.symbol()}</span>
            " "
            {outcome.as_str()}
        </span>
    }
}

/// A list of cited sources with dates, kinds and quotes.
#[component]
pub fn Sources(sources: Vec<SourceRef>) -> impl IntoView {
    view! {
        <ul class="sources">
            {sources
                .into_iter()
                .map(|s| {
                    let id = format!("#source-{}", s.id);
                    view! {
                        <li>
                            <a href=id.clone() on:click=move |ev| follow(&ev, &id)>
                                {s.publisher}", "<cite>{s.title}</cite>
                            </a>
                            {format!(" ({}, {})", s.date.unwrap_or_else(|| "undated".into()), s.kind)}
                            {s.quote.map(|q| view! { <blockquote>{format!("“{q}”")}</blockquote> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// Follows an in-page link to an entry of the dataset view: opens that panel, then scrolls to
/// and focuses the entry once it is shown.
pub fn follow(ev: &leptos::ev::MouseEvent, href: &str) {
    ev.prevent_default();
    let state = expect_context::<super::state::State>();
    state.panel.set(crate::permalink::Panel::Dataset);
    scroll_to(href.trim_start_matches('#').to_owned());
}

/// Scrolls to and focuses the element with this id after the next paint.
pub fn scroll_to(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            el.scroll_into_view();
            if let Ok(html) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = html.focus();
            }
        }
    });
}
