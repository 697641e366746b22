//! Component tests in real headless browsers (Chromium and Firefox, via wasm-bindgen-test):
//! mount the explorer, interact like a reader, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use dealscope::dataset::dataset;
use dealscope::engine::{matrix, Outcome};
use dealscope::html::page::slider_value;
use dealscope::permalink::{Link, Marks, Panel, TimeRange, ViewState};
use dealscope::scenario::Scenario;
use dealscope::ui::app::{render_into, start};
use dealscope::ui::handles::MissingElements;
use dealscope::ui::prelude::*;
use dealscope::ui::state::State;
use dealscope::vocab::{ymd, Provider, Workload};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document.
fn container() -> HtmlElement {
    let doc = document();
    let container: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&container).unwrap();
    container
}

/// Renders the explorer in a fresh container for `state` and lets its effects run.
async fn mount_state(state: State) -> HtmlElement {
    let c = container();
    render_into(&c, state).expect("every element the page patches is there");
    settle().await;
    c
}

/// Mounts the explorer for a view; returns the container and the state.
async fn mount(view: ViewState) -> (HtmlElement, State) {
    let state = State::new(view, Vec::new());
    (mount_state(state).await, state)
}

/// After the page's effects have run: they run in a microtask queued by the change, so a
/// promise resolved now settles after them.
async fn tick() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL)).await;
}

/// Lets the page react to what a test did: effects run, then the browser paints, then the
/// panel (filled right after each paint) is up to date.
async fn settle() {
    tick().await;
    let after_paint = js_sys::Promise::new(&mut |resolve, _| {
        dealscope::ui::prelude::request_animation_frame(move || {
            let _ = window().set_timeout_with_callback(resolve.unchecked_ref());
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(after_paint).await;
    tick().await;
}

/// Opens "Your own what-if", as a reader does: the page writes its clauses when it is first
/// opened (the served panel is closed and empty).
async fn open_whatif(c: &HtmlElement) {
    let panel = find(c, "whatif");
    assert!(panel.query_selector("[data-clause]").unwrap().is_none(), "not written before it is opened");
    panel.set_attribute("open", "").unwrap();
    settle().await;
}

/// Fires `kind` on `el` the way a browser does for a reader's change: bubbling, so the
/// page's delegated listeners hear it.
fn fire(el: &web_sys::Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

fn find(container: &HtmlElement, testid: &str) -> HtmlElement {
    container
        .query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .unchecked_into()
}

fn verdict(container: &HtmlElement, cell: &str) -> String {
    find(container, &format!("cell-{cell}")).get_attribute("data-verdict").unwrap_or_default()
}

/// The view on a day, with CoreWeave training selected.
fn at(date: (i32, u32, u32)) -> ViewState {
    ViewState {
        date: ymd(date.0, date.1, date.2),
        selected: Some((Workload::Training, Provider::Coreweave)),
        ..ViewState::default()
    }
}

#[wasm_bindgen_test]
async fn an_effect_runs_now_and_once_for_a_batch_of_changes() {
    use dealscope::ui::reactive::effect;
    let (a, b, quiet) = (RwSignal::new(1), RwSignal::new(10), RwSignal::new(100));
    let runs = StoredValue::new(Vec::new());
    effect(move || {
        let seen = a.get() + b.get() + untrack(|| quiet.get());
        runs.update_value(|r| r.push(seen));
    });
    assert_eq!(runs.get_value(), vec![111], "the first run is at once");
    a.set(2);
    b.set(20);
    assert_eq!(runs.get_value(), vec![111], "later runs wait for the batch");
    tick().await;
    assert_eq!(runs.get_value(), vec![111, 122], "two changes, one run");
    quiet.set(200);
    tick().await;
    assert_eq!(runs.get_value(), vec![111, 122], "an untracked read does not subscribe");
}

#[wasm_bindgen_test]
async fn a_memo_is_computed_once_per_change_of_its_sources() {
    use dealscope::ui::reactive::effect;
    let source = RwSignal::new(3);
    let computed = StoredValue::new(0);
    let square = Memo::new(move || {
        computed.update_value(|n| *n += 1);
        source.get() * source.get()
    });
    let seen = StoredValue::new(Vec::new());
    effect(move || {
        let v = square.with(|v| *v);
        seen.update_value(|s| s.push(v));
    });
    assert_eq!((seen.get_value(), computed.get_value()), (vec![9], 1));
    assert_eq!(square.with_untracked(|v| *v), 9);
    assert_eq!(computed.get_value(), 1, "read again without a change: not computed again");
    source.set(4);
    assert_eq!(square.with_untracked(|v| *v), 16, "stale at once, computed when read");
    tick().await;
    assert_eq!((seen.get_value(), computed.get_value()), (vec![9, 16], 2));
}

#[wasm_bindgen_test]
async fn toggle_opens_coreweave_training_on_2025_03_15() {
    let (c, _) = mount(at((2025, 3, 15))).await;
    assert_eq!(verdict(&c, "training-coreweave"), "conditional");
    find(&c, "declines-true").click();
    settle().await;
    assert_eq!(verdict(&c, "training-coreweave"), "allowed");
    let text = find(&c, "cell-training-coreweave").text_content().unwrap_or_default();
    assert!(text.contains('✓') && text.contains("allowed"), "symbol and word, not colour alone: {text}");
    // The API stays Azure-only whatever Microsoft declines.
    assert_eq!(verdict(&c, "api-coreweave"), "blocked");
    find(&c, "declines-recorded").click();
    settle().await;
    assert_eq!(verdict(&c, "training-coreweave"), "conditional");
}

#[wasm_bindgen_test]
async fn selecting_a_cell_explains_it_with_clauses_and_sources() {
    let (c, _) = mount(at((2025, 11, 10))).await;
    find(&c, "cell-api-aws").click();
    settle().await;
    let why = find(&c, "explanation").text_content().unwrap_or_default();
    assert!(why.contains("OpenAI API on Amazon Web Services"), "{why}");
    assert!(why.contains("blocked"), "{why}");
    assert!(why.contains("The OpenAI API is served only from Azure — blocks it"), "the clause by its title: {why}");
    assert!(why.contains("Microsoft Official Blog") || why.contains("Microsoft,"), "cites sources: {why}");
    assert!(why.contains("Next change"), "{why}");
}

#[wasm_bindgen_test]
async fn date_field_moves_the_grid_and_rejects_bad_dates() {
    let (c, state) = mount(at((2024, 6, 1))).await;
    assert_eq!(verdict(&c, "training-aws"), "blocked");
    let input: HtmlInputElement = find(&c, "date-input").unchecked_into();
    input.set_value("2025-11-10");
    fire(&input, "change");
    settle().await;
    assert_eq!(verdict(&c, "training-aws"), "allowed");
    assert_eq!(state.date.get_untracked(), ymd(2025, 11, 10));
    // Out of range: the grid keeps its day, the reader is told why.
    input.set_value("2040-01-01");
    fire(&input, "change");
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 11, 10));
    let text = c.text_content().unwrap_or_default();
    assert!(text.contains("outside the explorer's range"), "{text}");
}

#[wasm_bindgen_test]
async fn scenario_select_and_reset() {
    let (c, state) = mount(at((2026, 6, 1))).await;
    assert_eq!(verdict(&c, "api-aws"), "allowed");
    let select: HtmlSelectElement = find(&c, "select-amendment_2026_04").unchecked_into();
    select.set_value("false");
    fire(&select, "change");
    settle().await;
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    assert!(find(&c, "cell-api-aws").class_list().contains("differs"));
    find(&c, "reset-scenario").click();
    settle().await;
    assert_eq!(state.scenario.get_untracked(), Scenario::AS_HAPPENED);
    assert_eq!(verdict(&c, "api-aws"), "allowed");
}

#[wasm_bindgen_test]
async fn diff_panel_lists_what_a_scenario_changes() {
    let (c, state) = mount(at((2026, 6, 1))).await;
    state.scenario.set(Scenario::AS_HAPPENED.with("amendment_2026_04", "false"));
    find(&c, "tab-diff").click();
    settle().await;
    assert_eq!(state.panel.get_untracked(), Panel::Diff);
    let text = find(&c, "diff-view").text_content().unwrap_or_default();
    assert!(
        text.contains(
            "OpenAI API on CoreWeave, Oracle (OCI), Amazon Web Services, Google Cloud, Stargate and Any other cloud"
        ),
        "one line for the six: {text}"
    );
    assert!(text.contains("because of 2026-04-27 amendment happened: no"), "reader words: {text}");
    assert!(text.contains("from 2026-04-27 on"), "open-ended spans: {text}");
    let strip = find(&c, "diff-strip").text_content().unwrap_or_default();
    assert!(
        strip.contains("OpenAI API on CoreWeave, Oracle (OCI) and 4 more: blocked from 2026-04-27 on"),
        "one line for six cells: {strip}"
    );
    state.scenario.set(Scenario::AS_HAPPENED);
    settle().await;
    assert!(c.query_selector("[data-testid=diff-strip]").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn presets_apply_a_what_if_and_export_buttons_follow_the_selection() {
    let (c, state) = mount(at((2026, 6, 1))).await;
    let preset: HtmlElement = c
        .query_selector("[data-testid=scenario-panel] .presets button:nth-child(3)")
        .unwrap()
        .expect("the third preset")
        .unchecked_into();
    assert_eq!(preset.text_content().unwrap_or_default(), "No 2026 amendment");
    preset.click();
    settle().await;
    assert_eq!(state.scenario.get_untracked().get("amendment_2026_04"), Some("false"));
    assert_eq!(preset.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    let timeline_csv = find(&c, "export-timeline-csv");
    assert!(!timeline_csv.has_attribute("disabled"));
    state.selected.set(None);
    settle().await;
    assert!(timeline_csv.has_attribute("disabled"), "no cell, no timeline to export");
}

#[wasm_bindgen_test]
async fn clause_link_leads_to_the_dataset_entry() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let link: HtmlElement =
        c.query_selector("[data-testid='clause-rofr-new-capacity'] a").unwrap().expect("clause link").unchecked_into();
    link.click();
    settle().await;
    assert_eq!(state.panel.get_untracked(), Panel::Dataset);
    let focused = document().active_element().map(|el| el.id()).unwrap_or_default();
    assert_eq!(focused, "term-rofr-new-capacity", "the link lands on the term, focused");
    let filter: HtmlSelectElement = find(&c, "filter-provider").unchecked_into();
    filter.set_value("aws");
    fire(&filter, "change");
    settle().await;
    let hidden_coreweave = c.query_selector("#event-2025-coreweave-contract").unwrap().unwrap().has_attribute("hidden");
    let shown_aws = !c.query_selector("#event-2025-aws-agreement").unwrap().unwrap().has_attribute("hidden");
    assert!(hidden_coreweave && shown_aws);
    find(&c, "dataset-view")
        .query_selector("[data-action=back]")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    settle().await;
    assert_eq!(state.panel.get_untracked(), Panel::Why);
    assert_eq!(document().active_element().map(|el| el.id()).unwrap_or_default(), "panel", "back at the verdict");
}

#[wasm_bindgen_test]
async fn bands_show_the_cell_over_time_and_jump_to_a_day() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let bands = find(&c, "bands");
    let items = bands.query_selector_all("li").unwrap();
    assert!(items.length() >= 4, "several verdict bands for CoreWeave training");
    let labels: Vec<String> = (0..items.length())
        .filter_map(|i| items.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| el.query_selector("button").ok().flatten())
        .filter_map(|b| b.get_attribute("aria-label"))
        .collect();
    assert!(labels.iter().any(|l| l.starts_with("2019-07-22 to 2025-01-20: blocked")), "{labels:?}");
    let last: HtmlElement = items
        .item(items.length() - 1)
        .unwrap()
        .unchecked_into::<web_sys::Element>()
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    // The last band: allowed from 2025-03-20 (Microsoft declined), still allowed from
    // 2025-10-28 by another clause — one band, that change a tick inside it.
    assert!(last.get_attribute("aria-label").unwrap().contains("what decides it changes on 2025-10-28"));
    last.click();
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 20));
}

#[wasm_bindgen_test]
async fn embed_mode_hides_the_chrome_but_keeps_grid_and_explanation() {
    let (c, _) = mount(ViewState { embed: true, ..at((2025, 3, 15)) }).await;
    let header = c.query_selector("header").unwrap().unwrap();
    assert!(header.has_attribute("hidden"));
    assert!(c.query_selector("[data-testid=grid]").unwrap().is_some());
    assert!(c.query_selector("[data-testid=explanation]").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn slider_and_change_jumps_move_the_day() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let slider: HtmlInputElement = find(&c, "date-slider").unchecked_into();
    // The slider's value is a place on the scale it shares with the overview.
    slider.set_value(&slider_value(dataset(), ymd(2025, 10, 28)).to_string());
    fire(&slider, "input");
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 10, 28));
    assert_eq!(slider.get_attribute("aria-valuetext").as_deref(), Some("2025-10-28"));
    let field: HtmlInputElement = find(&c, "date-input").unchecked_into();
    assert_eq!(field.value(), "2025-10-28", "the date field follows the slider");
    assert_eq!(verdict(&c, "training-aws"), "allowed");
    // Out-of-range slider values are clamped, never a panic.
    slider.set_value("999999");
    fire(&slider, "input");
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2035, 12, 31));
    find(&c, "prev-change").click();
    settle().await;
    let last_change = state.date.get_untracked();
    assert!(last_change < ymd(2035, 12, 31), "a term changes before the end of the range");
    find(&c, "prev-change").click();
    settle().await;
    assert!(state.date.get_untracked() < last_change);
    find(&c, "next-change-button").click();
    settle().await;
    assert_eq!(state.date.get_untracked(), last_change);
    assert_eq!(slider.value(), slider_value(dataset(), state.date.get_untracked()).to_string());
}

/// Presses `key` (with Shift or not) on `el`, as a keyboard does: a bubbling, cancelable
/// keydown. Returns whether the page took it (prevented the browser's own step).
fn press(el: &web_sys::Element, key: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
    ev.default_prevented()
}

#[wasm_bindgen_test]
async fn the_slider_steps_by_event_with_page_up_and_down_and_by_day_or_month_with_arrows() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let slider: HtmlInputElement = find(&c, "date-slider").unchecked_into();
    slider.focus().unwrap();
    // Page Down: the next event (2025-03-28); Page Up: the previous one (2025-03-10).
    assert!(press(&slider, "PageDown", false), "the browser's tenth-of-the-range jump is replaced");
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 28));
    assert_eq!(slider.get_attribute("aria-valuetext").as_deref(), Some("2025-03-28"));
    assert_eq!(slider.value(), slider_value(dataset(), ymd(2025, 3, 28)).to_string());
    press(&slider, "PageUp", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 10), "past 2025-03-15, to the event before");
    press(&slider, "PageUp", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 1), "2025-03: an event of month precision");
    // Arrows: a day left and right, a month up and down (and with Shift left and right).
    press(&slider, "ArrowRight", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 2));
    press(&slider, "ArrowLeft", false);
    press(&slider, "ArrowLeft", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 2, 28));
    press(&slider, "ArrowDown", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 28));
    press(&slider, "ArrowLeft", true);
    press(&slider, "ArrowUp", false);
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 1, 28));
    let field: HtmlInputElement = find(&c, "date-input").unchecked_into();
    assert_eq!(field.value(), "2025-01-28", "the date field follows");
    assert_eq!(verdict(&c, "training-coreweave"), "conditional", "and the grid");
    // After the last event there is none to go to: the day stays, the key does nothing else.
    state.date.set(dataset().researched);
    settle().await;
    assert!(press(&slider, "PageDown", false));
    settle().await;
    assert_eq!(state.date.get_untracked(), dataset().researched);
    assert!(!press(&slider, "Home", false), "Home and End stay the browser's");
    assert_eq!(
        document().active_element().map(|e| e.get_attribute("data-testid")),
        Some(Some("date-slider".to_owned()))
    );
}

#[wasm_bindgen_test]
async fn the_overview_opens_on_the_deal_so_far_and_shows_all_years_on_a_click() {
    let (c, state) = mount(ViewState { panel: Panel::Overview, ..at((2025, 3, 15)) }).await;
    let so_far = find(&c, "overview-range-so-far");
    let all = find(&c, "overview-range-all");
    assert_eq!(so_far.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(find(&c, "overview").get_attribute("aria-label").unwrap().contains("2019–2027"));
    all.focus().unwrap();
    all.click();
    settle().await;
    assert_eq!(state.view_state_untracked().range, TimeRange::All);
    let all = find(&c, "overview-range-all");
    assert_eq!(all.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(find(&c, "overview").get_attribute("aria-label").unwrap().contains("2016–2035"));
    assert_eq!(
        document().active_element().and_then(|e| e.get_attribute("data-testid")).as_deref(),
        Some("overview-range-all"),
        "focus stays on the button across the refill"
    );
    assert!(state.view_state_untracked().to_query().contains("range=all"));
}

#[wasm_bindgen_test]
async fn a_selected_cell_keeps_focus_while_the_grid_changes() {
    let (c, state) = mount(ViewState { selected: None, ..at((2025, 3, 15)) }).await;
    let cell = find(&c, "cell-training-coreweave");
    cell.focus().unwrap();
    cell.click();
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some((Workload::Training, Provider::Coreweave)));
    assert_eq!(cell.get_attribute("aria-pressed").as_deref(), Some("true"));
    find(&c, "declines-true").click();
    cell.focus().unwrap();
    state.date.set(ymd(2025, 3, 17));
    settle().await;
    // The same element, patched in place: focus and the reader's place stay put.
    assert!(find(&c, "cell-training-coreweave").is_same_node(Some(&cell)));
    assert!(document().active_element().is_some_and(|el| el.is_same_node(Some(&cell))));
    let name = cell.text_content().unwrap_or_default();
    assert_eq!(name, "Research & training on CoreWeave: ✓allowed (◆ as happened: ? conditional)");
    assert!(cell.class_list().contains("selected") && cell.class_list().contains("differs"));
    let caption = find(&c, "grid").query_selector("caption").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(
        caption.contains("2025-03-17") && caption.contains("Microsoft’s answer to new capacity: declined"),
        "{caption}"
    );
}

#[wasm_bindgen_test]
async fn a_notice_says_what_a_link_had_and_can_be_dismissed() {
    let (view, notices) = ViewState::from_query("?date=2099-01-01&cell=api.mars");
    let state = State::new(view, notices);
    let container = mount_state(state).await;
    let text = find(&container, "notice").text_content().unwrap_or_default();
    assert!(text.contains("2099-01-01") && text.contains("mars"), "{text}");
    find(&container, "notice").query_selector("button").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(container.query_selector("[data-testid=notice]").unwrap().is_none());
    assert!(state.notices.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn the_data_says_how_old_it_is_and_later_days_are_projections() {
    let (c, state) = mount(ViewState { selected: Some((Workload::Api, Provider::Aws)), ..at((2027, 1, 1)) }).await;
    let stamp = find(&c, "data-as-of").text_content().unwrap_or_default();
    assert!(stamp.contains("Data as of 2026-12-07"), "{stamp}");
    let footer = c.query_selector("footer").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(footer.contains("Data as of 2026-12-07"), "{footer}");
    assert!(find(&c, "projection").text_content().unwrap_or_default().contains("projection"));
    assert!(find(&c, "projection-note").text_content().unwrap_or_default().contains("not a record"));
    state.date.set(ymd(2026, 6, 1));
    settle().await;
    assert!(c.query_selector("[data-testid=projection]").unwrap().is_none(), "a recorded day is no projection");
    assert!(c.query_selector("[data-testid=projection-note]").unwrap().is_none());
    // The data's own day is one click away.
    find(&c, "latest-day").click();
    settle().await;
    assert_eq!(state.date.get_untracked(), dataset().researched, "the data's as-of day");
}

#[wasm_bindgen_test]
async fn citations_show_their_reliability_and_reports_are_flagged() {
    let view = ViewState { selected: Some((Workload::Products, Provider::Aws)), ..at((2026, 3, 1)) };
    let (c, _) = mount(view).await;
    let why = find(&c, "explanation");
    assert!(why.query_selector("[data-testid=reported]").unwrap().is_none(), "primary sources: no warning");
    let marks = why.query_selector_all("[data-testid=reliability]").unwrap();
    assert!(marks.length() > 0, "every citation shows its reliability");
    assert!(why.text_content().unwrap_or_default().contains("primary"));
    // Microsoft's reading of Frontier on AWS rests on the FT alone.
    let select: HtmlSelectElement = find(&c, "select-frontier_on_aws").unchecked_into();
    select.set_value("blocked");
    fire(&select, "change");
    settle().await;
    assert_eq!(verdict(&c, "products-aws"), "blocked");
    let text = find(&c, "reported").text_content().unwrap_or_default();
    assert!(text.contains("reported, not confirmed by the companies"), "{text}");
    let unconfirmed = find(&c, "explanation").query_selector(".rel.unconfirmed").unwrap();
    assert!(unconfirmed.is_some(), "the FT source is marked as not confirmed");
}

#[wasm_bindgen_test]
async fn a_link_whose_answers_changed_says_which_and_why() {
    let day = ymd(2024, 9, 1);
    // What a reader saw when the 2024 Oracle capacity was read as a licence.
    let outcomes: Vec<Outcome> = matrix(dataset(), day, Scenario::AS_HAPPENED)
        .unwrap()
        .iter()
        .map(|cell| {
            if (cell.workload, cell.provider) == (Workload::Training, Provider::Oracle) {
                Outcome::Allowed
            } else {
                cell.verdict.outcome
            }
        })
        .collect();
    let url = format!("?date=2024-09-01&cell=training.oracle&v={}", Marks::of(outcomes).encode());
    let state = State::from_link(Link::parse(&url));
    let container = mount_state(state).await;
    let text = find(&container, "notice-drift").text_content().unwrap_or_default();
    assert!(text.contains("Research & training on Oracle (OCI): allowed when shared, blocked now"), "{text}");
    assert!(text.contains("counts as Azure"), "says why: {text}");
    assert!(container.query_selector("[data-testid=notice-ignored]").unwrap().is_none());
    // An unchanged link shows nothing extra.
    let same = ViewState { date: day, ..ViewState::default() }.to_query();
    let quiet = State::from_link(Link::parse(&same));
    assert!(quiet.drift.get_untracked().is_empty() && quiet.notices.get_untracked().is_empty());
}

#[wasm_bindgen_test]
async fn agi_is_not_offered_while_the_amendment_is_in_force() {
    let (c, state) = mount(at((2026, 6, 1))).await;
    let note = find(&c, "moot-agi_verified");
    assert!(!note.has_attribute("hidden"));
    assert!(note.text_content().unwrap_or_default().contains("changes no verdict"));
    let agi_preset = c.query_selector("[data-set='agi_verified=true']").unwrap().unwrap();
    assert!(agi_preset.has_attribute("disabled"), "the AGI preset is not offered");
    state.date.set(ymd(2026, 3, 1));
    settle().await;
    assert!(note.has_attribute("hidden"), "before the amendment AGI matters");
    assert!(!agi_preset.has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_prerendered_page_is_taken_over_in_place_and_patched() {
    // The page as the release build writes it: the default view, on the data's as-of day.
    let c = container();
    let shown = ViewState::default();
    let prerendered = dealscope::html::page::shell(dataset(), &shown, &[], &[]);
    c.set_inner_html(prerendered.as_str());
    let cell = find(&c, "cell-api-aws");
    let grid = find(&c, "grid");
    // The reader's link: another day, a scenario and a cell.
    let view = ViewState { selected: Some((Workload::Api, Provider::Aws)), ..at((2026, 3, 1)) };
    let state = State::new(
        ViewState { scenario: Scenario::AS_HAPPENED.with("amendment_2026_04", "false"), ..view },
        Vec::new(),
    );
    start(&c, state, shown).expect("the prerendered page has every element");
    settle().await;
    assert!(find(&c, "grid").is_same_node(Some(&grid)), "the grid is not replaced");
    assert!(find(&c, "cell-api-aws").is_same_node(Some(&cell)), "cells are patched in place");
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    let field: HtmlInputElement = find(&c, "date-input").unchecked_into();
    assert_eq!(field.value(), "2026-03-01");
    assert!(find(&c, "explanation").text_content().unwrap_or_default().contains("on 2026-03-01"));
    assert!(find(&c, "diff-strip").text_content().unwrap_or_default().contains("amendment"));
}

#[wasm_bindgen_test]
async fn a_missing_element_fails_loudly_naming_it() {
    let c = container();
    let view = at((2025, 3, 15));
    c.set_inner_html(dealscope::html::page::shell(dataset(), &view, &[], &[]).as_str());
    find(&c, "cell-training-oracle").remove();
    c.query_selector("#panel").unwrap().unwrap().remove();
    let state = State::new(view, Vec::new());
    let result = start(&c, state, view);
    let Err(MissingElements(missing)) = result else { panic!("a page without a cell must not start") };
    assert_eq!(missing, ["[data-action=\"select\"][data-cell=\"training.oracle\"]", "#panel"]);
    let message = MissingElements(missing).to_string();
    assert!(message.starts_with("dealscope cannot start: the page has no element for"), "{message}");
}

#[wasm_bindgen_test]
async fn the_slider_s_events_are_a_list_a_keyboard_reaches() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let jump: HtmlSelectElement = find(&c, "event-jump").unchecked_into();
    assert!(jump.length() > 40, "one option per event, after the prompt");
    let option = jump.query_selector("option:nth-child(2)").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(option.starts_with("2016-11-15 — Microsoft Azure becomes OpenAI's primary"), "{option}");
    jump.set_value("2025-10-28");
    fire(&jump, "change");
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 10, 28));
    assert_eq!(jump.value(), "2025-10-28", "the chosen event stays chosen");
    state.date.set(ymd(2025, 10, 29));
    settle().await;
    assert_eq!(jump.value(), "", "a day without an event: the prompt");
}

#[wasm_bindgen_test]
async fn cite_gives_the_answer_as_text_to_paste() {
    let (c, _) = mount(ViewState { selected: Some((Workload::Api, Provider::Aws)), ..at((2025, 11, 10)) }).await;
    find(&c, "cite").click();
    settle().await;
    let area: web_sys::HtmlTextAreaElement = find(&c, "citation").unchecked_into();
    let text = area.value();
    assert!(
        text.starts_with(
            "dealscope: may OpenAI run OpenAI API on Amazon Web Services on 2025-11-10 (as happened)? Blocked."
        ),
        "{text}"
    );
    assert!(text.contains("Decided by “The OpenAI API is served only from Azure”"), "{text}");
    assert!(text.contains("Data as of 2026-12-07") && text.contains("?date=2025-11-10&cell=api.aws&v="), "{text}");
    let status = c.query_selector(".cite-status").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(status.contains("selected below") || status.contains("copied"), "{status}");
}

/// Messages this window receives, by their `type`, from now on.
fn collect_messages() -> std::rc::Rc<std::cell::RefCell<Vec<(String, String)>>> {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let sink = std::rc::Rc::clone(&seen);
    let listener =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let get = |k: &str| {
                js_sys::Reflect::get(&ev.data(), &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
            };
            sink.borrow_mut().push((get("type"), get("message")));
        });
    window().add_event_listener_with_callback("message", listener.as_ref().unchecked_ref()).unwrap();
    listener.forget();
    seen
}

async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn an_embed_reports_its_view_and_takes_set_messages() {
    let seen = collect_messages();
    let (c, state) = mount(ViewState { embed: true, ..at((2026, 6, 1)) }).await;
    pause(30).await;
    assert!(seen.borrow().iter().any(|(t, _)| t == "dealscope:view"), "the view is posted: {:?}", seen.borrow());
    let set = js_sys::JSON::parse(
        r#"{"type":"dealscope:set","date":"2025-03-15","cell":"training.coreweave","scenario":{"microsoft_declines":true}}"#,
    )
    .unwrap();
    window().post_message(&set, "*").unwrap();
    pause(30).await;
    settle().await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 15));
    assert_eq!(state.scenario.get_untracked().microsoft_declines(), Some(true));
    assert_eq!(verdict(&c, "training-coreweave"), "allowed");
    // A bad message changes nothing and is answered with what is wrong.
    let bad = js_sys::JSON::parse(r#"{"type":"dealscope:set","date":"2099-01-01","cell":"api.aws"}"#).unwrap();
    window().post_message(&bad, "*").unwrap();
    pause(30).await;
    assert_eq!(state.date.get_untracked(), ymd(2025, 3, 15));
    let errors: Vec<String> =
        seen.borrow().iter().filter(|(t, _)| t == "dealscope:error").map(|(_, m)| m.clone()).collect();
    assert!(errors.iter().any(|m| m.contains("date:") && m.contains("outside the explorer's range")), "{errors:?}");
    // The compared scenario (B), set and checked the same way.
    let compare = js_sys::JSON::parse(r#"{"type":"dealscope:set","compare":{"microsoft_declines":true}}"#).unwrap();
    window().post_message(&compare, "*").unwrap();
    pause(30).await;
    assert_eq!(state.base.get_untracked(), state.scenario.get_untracked(), "B = A now");
    let bad = js_sys::JSON::parse(r#"{"type":"dealscope:set","compare":{"agi":true}}"#).unwrap();
    window().post_message(&bad, "*").unwrap();
    pause(30).await;
    let last = seen.borrow().iter().rev().find(|(t, _)| t == "dealscope:error").map(|(_, m)| m.clone());
    assert!(last.as_deref().is_some_and(|m| m.starts_with("compare: ") && m.contains("\"agi\"")), "{last:?}");
}

#[wasm_bindgen_test]
async fn the_overview_opens_a_cell_on_a_day_by_click_and_by_keyboard() {
    let (c, state) = mount(ViewState { panel: Panel::Overview, ..at((2025, 3, 15)) }).await;
    let chart = find(&c, "overview");
    // Click the band of API on AWS that starts on 2026-04-27.
    let band: web_sys::Element =
        chart.query_selector("[data-cell='api.aws'][data-date='2026-04-27']").unwrap().expect("a band starting then");
    band.dispatch_event(&{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        web_sys::Event::new_with_event_init_dict("click", &init).unwrap()
    })
    .unwrap();
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some((Workload::Api, Provider::Aws)));
    assert_eq!(state.date.get_untracked(), ymd(2026, 4, 27));
    // Keyboard: one tab stop; arrows move between cells and change points, Enter opens Why.
    state.panel.set(Panel::Overview);
    settle().await;
    let chart = find(&c, "overview");
    chart.focus().unwrap();
    let key = |k: &str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_bubbles(true);
        let chart = find(&c, "overview");
        chart
            .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
            .unwrap();
    };
    key("ArrowUp");
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some((Workload::Api, Provider::Oracle)), "the cell above");
    key("ArrowLeft");
    settle().await;
    assert!(state.date.get_untracked() < ymd(2026, 4, 27), "the previous change point");
    assert!(
        document().active_element().is_some_and(|el| el.has_attribute("data-overview")),
        "focus stays on the chart"
    );
    key("Enter");
    settle().await;
    assert_eq!(state.panel.get_untracked(), Panel::Why);
}

#[wasm_bindgen_test]
async fn a_link_with_edits_opens_the_what_if_panel_set_to_them() {
    let view =
        Link::parse("?date=2026-05-01&cell=api.aws&c.rofr-new-capacity=until:2025-03-01&c.compute-free=off").view;
    let (c, _) = mount(view).await;
    let panel = find(&c, "whatif");
    assert!(panel.has_attribute("open"), "a link with edits opens the panel");
    assert_eq!(input_el(&c, "whatif-rofr-new-capacity-until").value(), "2025-03-01");
    assert!(!input_el(&c, "whatif-compute-free-on").checked(), "switched off");
    let changes = find(&c, "whatif-rofr-new-capacity-changes").text_content().unwrap_or_default();
    assert_eq!(changes, "until 2025-03-01 in this what-if; the sources say open-ended");
    assert!(c.query_selector("template#whatif-form").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn a_compared_what_if_with_edits_keeps_its_own_entry_and_its_edits() {
    // B: as happened but for the reader's own edit (a link's `vs.c.…`).
    let view = Link::parse("?date=2026-05-01&cell=api.aws&vs.c.azure-first=off").view;
    assert!(view.base.has_edits());
    let (c, state) = mount(view).await;
    let compare: HtmlSelectElement = find(&c, "compare-with").unchecked_into();
    let custom = c.query_selector("#compare-custom").unwrap().expect("B's own entry");
    assert!(!custom.has_attribute("hidden"), "B with edits is no preset and not as happened");
    assert_eq!(compare.value(), custom.get_attribute("value").unwrap_or_default(), "B's own entry is chosen");
    assert!(custom.text_content().unwrap_or_default().contains("your edit"), "{:?}", custom.text_content());
    // Choosing B's own entry keeps B as it is, edits and all.
    fire(&compare, "change");
    settle().await;
    assert_eq!(state.base.get_untracked(), view.base);
    // Choosing "As happened" is a change of B; its own entry goes.
    compare.set_value("");
    fire(&compare, "change");
    settle().await;
    assert_eq!(state.base.get_untracked(), Scenario::AS_HAPPENED);
    assert!(custom.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn any_two_what_ifs_are_compared_on_the_page() {
    let (c, state) = mount(at((2026, 6, 1))).await;
    let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
    let both = declines.with("amendment_2026_04", "false");
    state.scenario.set(declines);
    settle().await;
    // B becomes the scenario above: nothing differs, nothing to swap.
    let swap = find(&c, "compare-swap");
    find(&c, "compare-pin").click();
    settle().await;
    assert_eq!(state.base.get_untracked(), declines);
    assert!(c.query_selector(".cell.differs").unwrap().is_none(), "A = B: no marks");
    assert!(swap.has_attribute("disabled"));
    let compare: HtmlSelectElement = find(&c, "compare-with").unchecked_into();
    assert_eq!(compare.value(), "microsoft_declines=true", "B is a preset: its entry is chosen");
    // A changes on top of B: the grid, the strip and the diff panel set A against B.
    let select: HtmlSelectElement = find(&c, "select-amendment_2026_04").unchecked_into();
    select.set_value("false");
    fire(&select, "change");
    settle().await;
    assert_eq!(state.scenario.get_untracked(), both);
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    let cell = find(&c, "cell-api-aws");
    assert!(cell.class_list().contains("differs"));
    let b = cell.query_selector("[data-testid=b-verdict]").unwrap().expect("B's verdict in the cell");
    assert_eq!(b.text_content().unwrap_or_default(), " (◆ B: ✓ allowed)", "B's verdict beside A's");
    let caption = c.query_selector("caption").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(caption.contains("compared with B (Microsoft’s answer to new capacity: declined)"), "{caption}");
    let strip = find(&c, "diff-strip").text_content().unwrap_or_default();
    assert!(strip.starts_with("◆ Against B (Microsoft’s answer to new capacity: declined)"), "{strip}");
    assert!(
        strip.contains("OpenAI API on CoreWeave, Oracle (OCI) and 4 more: blocked from 2026-04-27 on (B: allowed)"),
        "{strip}"
    );
    find(&c, "tab-diff").click();
    settle().await;
    let pair = find(&c, "diff-pair").text_content().unwrap_or_default();
    assert_eq!(
        pair,
        "A: Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no. B: Microsoft’s answer to new capacity: declined."
    );
    let diff = find(&c, "diff-view").text_content().unwrap_or_default();
    assert!(diff.contains("A: ✗ blocked → B: ✓ allowed because of 2026-04-27 amendment happened: no"), "A → B: {diff}");
    let groups = c.query_selector_all("[data-testid=diff-group]").unwrap().length();
    assert!(groups < 6, "six cells with the same difference are one line: {groups}");
    assert!(!diff.contains("Microsoft’s answer to new capacity: declined and"), "only what A changes on B: {diff}");
    // Both live in the URL, and come back from it.
    let query = state.view_state_untracked().to_query();
    assert!(query.contains("microsoft_declines=true&amendment_2026_04=false&vs.microsoft_declines=true"), "{query}");
    assert_eq!(Link::parse(&query).view, state.view_state_untracked());
    // Swap: B is now no preset, so the list shows it in words.
    assert!(!swap.has_attribute("disabled"));
    swap.click();
    settle().await;
    assert_eq!((state.scenario.get_untracked(), state.base.get_untracked()), (declines, both));
    let custom = c.query_selector("#compare-custom").unwrap().unwrap();
    assert!(!custom.has_attribute("hidden"));
    assert_eq!(custom.text_content().unwrap_or_default(), both.describe());
    assert_eq!(compare.value(), dealscope::html::page::COMPARE_CUSTOM_VALUE, "B's own entry");
    assert_eq!(verdict(&c, "api-aws"), "allowed");
    assert!(find(&c, "cell-api-aws").text_content().unwrap_or_default().contains("B: ✗ blocked"));
    // Back to as happened from the list.
    compare.set_value("");
    fire(&compare, "change");
    settle().await;
    assert_eq!(state.base.get_untracked(), Scenario::AS_HAPPENED);
    assert!(custom.has_attribute("hidden"));
    let caption = c.query_selector("caption").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(!caption.contains("compared with"), "as happened goes unsaid: {caption}");
    assert_eq!(find(&c, "compare-swap").get_attribute("disabled"), None);
}

#[wasm_bindgen_test]
async fn pictures_download_as_svg_and_as_png_drawn_by_the_browser() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    state.scenario.set(Scenario::AS_HAPPENED.with("microsoft_declines", "true"));
    settle().await;
    let status = find(&c, "export-status");
    find(&c, "picture-grid-svg").click();
    assert_eq!(
        status.text_content().unwrap_or_default(),
        "dealscope-grid-2025-03-15-microsoft-declines-true.svg downloaded.",
        "the day and the scenario in the name"
    );
    find(&c, "picture-diff-png").click();
    assert_eq!(status.text_content().unwrap_or_default(), "Drawing the PNG…");
    for _ in 0..50 {
        if status.text_content().unwrap_or_default() != "Drawing the PNG…" {
            break;
        }
        pause(100).await;
    }
    let said = status.text_content().unwrap_or_default();
    assert!(
        said.starts_with("dealscope-difference-2025-03-15-microsoft-declines-true.png downloaded (1200 × "),
        "{said}"
    );
}

#[wasm_bindgen_test]
async fn copy_link_and_embed_this_view_give_the_view_s_link_and_its_iframe() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    state.scenario.set(Scenario::AS_HAPPENED.with("microsoft_declines", "true"));
    settle().await;
    find(&c, "copy-link").click();
    let area: web_sys::HtmlTextAreaElement = find(&c, "share-text").unchecked_into();
    let link = area.value();
    let query = state.view_state_untracked().to_query();
    assert!(link.ends_with(&query) && link.starts_with("http"), "the page's address and this view: {link}");
    assert!(find(&c, "share-status").text_content().unwrap_or_default().contains("link is"));
    find(&c, "copy-embed").click();
    let snippet = area.value();
    assert!(snippet.starts_with("<iframe src=\"http") && snippet.contains("&amp;embed=1"), "{snippet}");
    assert!(snippet.contains("title=\"dealscope: where OpenAI may run each workload on 2025-03-15"), "{snippet}");
    assert_eq!(c.query_selector_all("[data-testid=share-text]").unwrap().length(), 1, "one box, reused");
}

#[wasm_bindgen_test]
async fn a_long_drift_notice_folds_to_its_count() {
    let state = State::new(at((2025, 3, 15)), Vec::new());
    state.drift.set((0..24).map(|i| format!("cell {i}: allowed when shared, blocked now")).collect());
    let c = mount_state(state).await;
    let details = find(&c, "notice-drift-details");
    assert!(!details.has_attribute("open"), "folded: the grid stays in view");
    let summary = details.query_selector("summary").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(summary.starts_with("24 answers changed since this link was shared"), "{summary}");
    assert_eq!(details.query_selector_all("li").unwrap().length(), 24, "every line on demand");
}

#[wasm_bindgen_test]
async fn the_page_reads_in_reader_words_with_iso_dates() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let input: HtmlInputElement = find(&c, "date-input").unchecked_into();
    assert_eq!(input.type_(), "text", "an ISO field, not the locale's date box");
    assert_eq!(input.value(), "2025-03-15");
    // Every panel, an explanation and a comparison: no machine words.
    state.base.set(Scenario::AS_HAPPENED.with("microsoft_declines", "true"));
    for panel in [Panel::Why, Panel::Diff, Panel::Overview, Panel::Dataset] {
        state.panel.set(panel);
        settle().await;
        let text = c.text_content().unwrap_or_default();
        let ids = dataset().terms.iter().map(|t| t.id).chain(dataset().conflicts.iter().map(|c| c.id));
        for id in ids.filter(|id| *id != "revenue-share") {
            assert!(!text.contains(id), "{panel:?}: id {id} in reader text");
        }
        for word in ["seed 0", "Seed 0", "unknown (", "amynicole", "microsoft_declines", "amendment_2026_04"] {
            assert!(!text.contains(word), "{panel:?}: {word}");
        }
    }
}

fn input_el(c: &HtmlElement, testid: &str) -> HtmlInputElement {
    find(c, testid).unchecked_into()
}

/// The view on 2026-05-01 with the API on AWS selected (the 2026 amendment's cell).
fn api_aws_2026() -> ViewState {
    ViewState { date: ymd(2026, 5, 1), selected: Some((Workload::Api, Provider::Aws)), ..ViewState::default() }
}

#[wasm_bindgen_test]
async fn a_reader_edits_a_clause_in_their_own_what_if_and_resets_it() {
    let (c, state) = mount(api_aws_2026()).await;
    open_whatif(&c).await;
    let ds = dataset();
    assert_eq!(verdict(&c, "api-aws"), "allowed");
    // Switch "Any cloud, but … Azure first" off: as if the amendment had not happened.
    let on = input_el(&c, "whatif-azure-first-on");
    on.set_checked(false);
    fire(&on, "change");
    settle().await;
    let off = Scenario::AS_HAPPENED
        .with_clause_edit(ds.term_by_id("azure-first").unwrap(), dealscope::edits::ClauseEdit::OFF);
    assert_eq!(state.scenario.get_untracked(), off);
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    assert!(find(&c, "whatif-azure-first").has_attribute("data-edited"));
    assert_eq!(find(&c, "whatif-azure-first-reset").get_attribute("disabled"), None);
    // Move the first refusal's end: an end before its start is refused with a reason.
    let until = input_el(&c, "whatif-rofr-new-capacity-until");
    until.set_value("2020-01-01");
    fire(&until, "change");
    settle().await;
    assert_eq!(state.scenario.get_untracked(), off, "a bad edit changes nothing");
    let status = find(&c, "whatif-status").text_content().unwrap_or_default();
    assert!(status.contains("until 2020-01-01 is before from 2025-01-21"), "{status}");
    assert_eq!(until.value(), "", "the row shows the scenario again");
    until.set_value("2025-03-01");
    fire(&until, "change");
    settle().await;
    let changes = find(&c, "whatif-rofr-new-capacity-changes").text_content().unwrap_or_default();
    assert_eq!(changes, "until 2025-03-01 in this what-if; the sources say open-ended");
    // Reset one clause, then all.
    find(&c, "whatif-azure-first-reset").click();
    settle().await;
    assert_eq!(verdict(&c, "api-aws"), "allowed");
    assert!(on.checked());
    assert!(state.scenario.get_untracked().has_edits());
    find(&c, "whatif-reset-all").click();
    settle().await;
    assert_eq!(state.scenario.get_untracked(), Scenario::AS_HAPPENED);
    assert_eq!(until.value(), "");
    assert!(find(&c, "whatif-reset-all").has_attribute("disabled"));
}

#[wasm_bindgen_test]
async fn a_reader_adds_a_clause_and_it_is_marked_as_theirs() {
    let (c, state) = mount(api_aws_2026()).await;
    open_whatif(&c).await;
    // "What if the 2026 amendment had kept the API on Azure?"
    let effect: HtmlSelectElement = find(&c, "whatif-add-effect").unchecked_into();
    effect.set_value("azure-only");
    input_el(&c, "whatif-add-from").set_value("2026-04-27");
    input_el(&c, "whatif-add-title").set_value("The API stays on Azure");
    for w in ["training", "products", "api-natsec"] {
        input_el(&c, &format!("whatif-add-w-{w}")).set_checked(false);
    }
    input_el(&c, "whatif-add-sup-azure-first").set_checked(true);
    find(&c, "whatif-add").click();
    settle().await;
    assert!(state.scenario.get_untracked().added(0).is_some());
    assert_eq!(verdict(&c, "api-aws"), "blocked");
    assert_eq!(verdict(&c, "products-aws"), "allowed");
    let added = find(&c, "whatif-added").text_content().unwrap_or_default();
    assert!(added.contains("The API stays on Azure") && added.contains("your clause — in no source"), "{added}");
    let why = find(&c, "explanation").text_content().unwrap_or_default();
    assert!(why.contains("your clause — in no source"), "{why}");
    // No workload: refused, with what is accepted.
    input_el(&c, "whatif-add-w-api").set_checked(false);
    find(&c, "whatif-add").click();
    settle().await;
    let status = find(&c, "whatif-status").text_content().unwrap_or_default();
    assert!(status.starts_with("Not added: workloads: empty; accepted: training"), "{status}");
    // Remove it.
    c.query_selector("[data-whatif='remove']").unwrap().unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert_eq!(state.scenario.get_untracked(), Scenario::AS_HAPPENED);
    assert_eq!(verdict(&c, "api-aws"), "allowed");
}

/// Presses `key` on `el` with Ctrl held or not (see [`press`]).
fn press_ctrl(el: &web_sys::Element, key: &str, ctrl: bool) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_ctrl_key(ctrl);
    init.set_bubbles(true);
    init.set_cancelable(true);
    el.dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

fn focused_testid() -> String {
    document().active_element().and_then(|el| el.get_attribute("data-testid")).unwrap_or_default()
}

fn stops(c: &HtmlElement, selector: &str) -> Vec<String> {
    let list = c.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.get_attribute("tabindex").as_deref() == Some("0"))
        .filter_map(|el| el.get_attribute("data-testid"))
        .collect()
}

#[wasm_bindgen_test]
async fn the_grid_is_one_tab_stop_with_arrow_keys_and_enter_goes_to_the_answer() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let cells = "[data-action=select]";
    assert_eq!(stops(&c, cells), ["cell-training-coreweave"], "one tab stop: the selected cell");
    let start = find(&c, "cell-training-coreweave");
    start.focus().unwrap();
    press_ctrl(&start, "ArrowRight", false);
    assert_eq!(focused_testid(), "cell-training-oracle");
    assert_eq!(stops(&c, cells), ["cell-training-oracle"], "the stop moves with the focus");
    for (key, ctrl, then) in [
        ("ArrowDown", false, "cell-products-oracle"),
        ("End", false, "cell-products-other"),
        ("ArrowRight", false, "cell-products-other"),
        ("Home", false, "cell-products-azure"),
        ("ArrowLeft", false, "cell-products-azure"),
        ("ArrowUp", false, "cell-training-azure"),
        ("End", true, "cell-api-natsec-other"),
        ("Home", true, "cell-training-azure"),
        ("ArrowDown", false, "cell-products-azure"),
    ] {
        let el = document().active_element().unwrap();
        press_ctrl(&el, key, ctrl);
        assert_eq!(focused_testid(), then, "{key} (ctrl {ctrl})");
    }
    // Arrows move the focus, never the selection.
    assert_eq!(state.selected.get_untracked(), Some((Workload::Training, Provider::Coreweave)));
    // Enter selects and moves the focus to the answer.
    state.panel.set(Panel::Dataset);
    settle().await;
    press_ctrl(&find(&c, "cell-products-azure"), "Enter", false);
    settle().await;
    settle().await;
    assert_eq!(state.selected.get_untracked(), Some((Workload::Products, Provider::Azure)));
    assert_eq!(state.panel.get_untracked(), Panel::Why);
    let active = document().active_element().unwrap();
    assert_eq!(active.id(), "panel", "the answer has the focus");
    assert!(active.text_content().unwrap_or_default().contains("Own products (ChatGPT…) on Microsoft Azure"));
    assert_eq!(stops(&c, cells), ["cell-products-azure"]);
    // A selection from elsewhere (a link, the overview) moves the stop too.
    state.selected.set(Some((Workload::Api, Provider::Aws)));
    settle().await;
    assert_eq!(stops(&c, cells), ["cell-api-aws"]);
}

#[wasm_bindgen_test]
async fn the_panel_tabs_follow_the_aria_tabs_pattern() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let tabs = "[role=tab]";
    assert_eq!(stops(&c, tabs), ["tab-why"]);
    let why = find(&c, "tab-why");
    why.focus().unwrap();
    for (key, then, panel) in [
        ("ArrowRight", "tab-overview", Panel::Overview),
        ("ArrowRight", "tab-diff", Panel::Diff),
        ("End", "tab-dataset", Panel::Dataset),
        ("ArrowRight", "tab-why", Panel::Why),
        ("ArrowLeft", "tab-dataset", Panel::Dataset),
        ("Home", "tab-why", Panel::Why),
    ] {
        press_ctrl(&document().active_element().unwrap(), key, false);
        settle().await;
        assert_eq!(focused_testid(), then, "{key}");
        assert_eq!(state.panel.get_untracked(), panel, "{key}");
        assert_eq!(stops(&c, tabs), [then], "{key}: the open tab is the one stop");
        assert_eq!(find(&c, then).get_attribute("aria-selected").as_deref(), Some("true"));
    }
}

#[wasm_bindgen_test]
async fn the_microsoft_choice_is_three_way_and_one_state_with_the_panel() {
    let (c, state) = mount(at((2025, 3, 15))).await;
    let radio = |v: &str| find(&c, &format!("declines-{v}")).unchecked_into::<HtmlInputElement>();
    let select: HtmlSelectElement = find(&c, "select-microsoft_declines").unchecked_into();
    assert!(radio("recorded").checked());
    for (wire, cell) in [("true", "allowed"), ("false", "blocked"), ("recorded", "conditional")] {
        radio(wire).click();
        settle().await;
        assert_eq!(verdict(&c, "training-coreweave"), cell, "{wire}");
        assert_eq!(select.value(), wire, "the panel's select is the same state");
        assert_eq!(state.scenario.get_untracked().value(dealscope::vocab::ScenarioKey::MicrosoftDeclines), wire);
    }
    // The caption reads as a reader says it, never "declines … takes".
    radio("false").click();
    settle().await;
    let caption = find(&c, "grid").query_selector("caption").unwrap().unwrap().text_content().unwrap_or_default();
    assert!(caption.ends_with("— scenario: Microsoft’s answer to new capacity: took the capacity"), "{caption}");
    // The select drives the radios the same way.
    select.set_value("true");
    fire(&select, "change");
    settle().await;
    assert!(radio("true").checked() && !radio("false").checked() && !radio("recorded").checked());
    // On a day it changes nothing, it says so instead of offering the choice.
    state.date.set(ymd(2026, 6, 1));
    settle().await;
    let choices = c.query_selector("#declines-choices").unwrap().unwrap();
    assert!(choices.has_attribute("hidden"));
    let note = find(&c, "declines-moot");
    assert!(!note.has_attribute("hidden"));
    assert!(note.text_content().unwrap_or_default().contains("changes nothing on 2026-06-01"));
    state.date.set(ymd(2025, 4, 1));
    settle().await;
    assert!(!choices.has_attribute("hidden") && note.has_attribute("hidden"));
}
