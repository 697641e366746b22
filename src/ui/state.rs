//! The reader's view state as signals, created from the URL and written back to it.

use crate::dataset::dataset;
use crate::permalink::{describe_drift, drift, Link, Panel, TimeRange, ViewState};
use crate::scenario::Scenario;
use crate::ui::prelude::*;
use crate::vocab::{Provider, Workload};
use chrono::NaiveDate;

/// Everything the views share; `Copy`, so every closure can hold it.
#[derive(Clone, Copy)]
pub struct State {
    pub date: RwSignal<NaiveDate>,
    pub scenario: RwSignal<Scenario>,
    /// The scenario compared with (B).
    pub base: RwSignal<Scenario>,
    pub selected: RwSignal<Option<(Workload, Provider)>>,
    pub panel: RwSignal<Panel>,
    pub embed: RwSignal<bool>,
    /// Whether the overview spans all of 2016–2035 ([`TimeRange::All`]) rather than the deal
    /// so far: a `bool` signal, whose code the page already has (a signal of a type of its
    /// own costs ~1 KB of wasm).
    pub all_years: RwSignal<bool>,
    /// Short notices (e.g. what a malformed URL had that was ignored).
    pub notices: RwSignal<Vec<String>>,
    /// Answers that changed since the opened link was shared, one line a cell.
    pub drift: RwSignal<Vec<String>>,
    /// Why the date the reader typed was not taken, if it was not.
    pub date_error: RwSignal<Option<String>>,
    /// The id of an element to scroll to and focus once the open panel has been rendered
    /// (a link into the dataset, "back to the verdict").
    pub reveal: StoredValue<Option<String>>,
}

impl State {
    pub fn new(view: ViewState, notices: Vec<String>) -> Self {
        State {
            date: RwSignal::new(view.date),
            scenario: RwSignal::new(view.scenario),
            base: RwSignal::new(view.base),
            selected: RwSignal::new(view.selected),
            panel: RwSignal::new(view.panel),
            embed: RwSignal::new(view.embed),
            all_years: RwSignal::new(view.range == TimeRange::All),
            notices: RwSignal::new(notices),
            drift: RwSignal::new(Vec::new()),
            date_error: RwSignal::new(None),
            reveal: StoredValue::new(None),
        }
    }

    /// The state as a shareable value (tracked: call inside an effect to follow changes).
    pub fn view_state(&self) -> ViewState {
        ViewState {
            date: self.date.get(),
            scenario: self.scenario.get(),
            base: self.base.get(),
            selected: self.selected.get(),
            panel: self.panel.get(),
            embed: self.embed.get(),
            range: if self.all_years.get() { TimeRange::All } else { TimeRange::SoFar },
        }
    }

    /// The state as a shareable value, without subscribing to it.
    pub fn view_state_untracked(&self) -> ViewState {
        untrack(|| self.view_state())
    }

    /// The state a link opens: its view, what it had that was ignored, and which answers
    /// changed since it was shared.
    pub fn from_link(link: Link) -> Self {
        let state = State::new(link.view, link.notices);
        if let Some(seen) = link.seen {
            let ds = dataset();
            state.drift.set(drift(ds, &link.view, &seen).iter().map(|d| describe_drift(ds, d)).collect());
        }
        state
    }

    /// Reads the state from the page's URL; without a date it opens on the landing.
    pub fn from_location() -> Self {
        State::from_link(Link::parse(&search()))
    }
}

fn search() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's address without its query (`https://…/dealscope/`): what permalinks,
/// citations and pictures add a view's query to (empty where there is no window).
pub fn address() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default()
}

/// Keeps the URL in step with the state, and the state with the browser's back and forward.
///
/// Opening another panel or cell is a step a reader may want to go back from, so it adds a
/// history entry (`pushState`); moving the date or changing the scenario rewrites the current
/// one (`replaceState`: a slider drag is not a hundred entries). Writes are batched:
/// `replaceState` costs ~5 ms in Chromium, so the URL is written once the state has been
/// still for a moment. Back and forward restore the state of that entry.
pub fn sync_url(state: State) {
    // What the URL says; `None` until the first write, which tidies the URL the page was
    // opened with (e.g. drops what a malformed link had) without adding an entry.
    let written = StoredValue::new(None::<ViewState>);
    let scheduled = StoredValue::new(false);
    super::dom::effect(move || {
        let _ = state.view_state();
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        set_timeout(
            move || {
                scheduled.set_value(false);
                let now = state.view_state_untracked();
                let last = written.get_value();
                if last == Some(now) {
                    return;
                }
                written.set_value(Some(now));
                let Ok(history) = window().history() else { return };
                // The fragment stays: it is the open story step (`#step-N`).
                let hash = window().location().hash().unwrap_or_default();
                let (url, null) = (format!("{}{hash}", now.to_query()), wasm_bindgen::JsValue::NULL);
                let _ = if last.is_some_and(|last| now.panel != last.panel || now.selected != last.selected) {
                    history.push_state_with_url(&null, "", Some(&url))
                } else {
                    history.replace_state_with_url(&null, "", Some(&url))
                };
            },
            std::time::Duration::from_millis(120),
        );
    });
    // Back, forward, and a link the page follows itself (`follow`).
    super::dom::listen(&window(), "popstate", move |_| {
        let view = Link::parse(&search()).view;
        written.set_value(Some(view));
        state.date.set(view.date);
        state.scenario.set(view.scenario);
        state.base.set(view.base);
        state.selected.set(view.selected);
        state.panel.set(view.panel);
        state.all_years.set(view.range == TimeRange::All);
    });
}

/// Goes to `href` — a view's query and a fragment, e.g. a story step's URL — within the page:
/// a new history entry, the fragment made the target (a fragment navigation: no request), and
/// the state read from the URL as Back would (`popstate`).
pub fn follow(href: &str) {
    let (query, fragment) = href.split_once('#').unwrap_or((href, ""));
    let window = window();
    let Ok(history) = window.history() else { return };
    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query));
    if !fragment.is_empty() {
        let _ = window.location().replace(&format!("#{fragment}"));
    }
    if let Ok(ev) = web_sys::Event::new("popstate") {
        let _ = window.dispatch_event(&ev);
    }
}
