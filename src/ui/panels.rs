//! The panels under the grid: the tabs, and the open panel — "Why" (the selected cell's
//! explanation), "Scenario diff", or "Dataset & sources". Only the open panel is in the page;
//! when its content changes (another cell, day or scenario) only its content slot is
//! refilled, and a reader whose focus was on a button in it lands on the same button.

use super::diff_view::ScenarioDiff;
use super::dom;
use super::handles::Handles;
use super::state::State;
use crate::dataset::dataset;
use crate::html::contract::{Action, Control, Filter, OVERVIEW, SLOT};
use crate::html::page::{self, panel_content, tab_selected, TABS};
use crate::html::Html;
use crate::permalink::{Panel, ViewState};
use crate::ui::prelude::*;
use std::rc::Rc;
use web_sys::Element;

/// A selector for the focused element if it is an action inside `slot`, so focus can return
/// to its counterpart once the slot is refilled.
fn focused_action(slot: &Element) -> Option<String> {
    let active = document().active_element()?;
    if !slot.contains(Some(&active)) {
        return None;
    }
    if active.has_attribute(OVERVIEW) {
        return Some(format!("[{OVERVIEW}]"));
    }
    Action::read(&|name| active.get_attribute(name)).ok().map(|action| action.selector())
}

/// Fills `slot` with `content`, keeping focus on the same action (or on the panel) if it was
/// inside.
fn refill(host: &Element, slot: &Element, content: &Html) {
    let focused = focused_action(slot);
    slot.set_inner_html(content.as_str());
    if let Some(selector) = focused {
        match dom::one(slot, &selector) {
            Some(el) => dom::focus(&el),
            None => dom::focus(host),
        }
    }
}

/// What the open panel shows: the view it was rendered for (only the parts a panel depends
/// on are compared), so nothing is rendered for a view it already shows.
type Shown = StoredValue<ViewState>;

/// On a screen narrower than the overview, scrolls its plot so the chosen day is in the
/// middle of what shows of it (the labels stay in view at the left).
fn scroll_overview(panel: &Element) {
    let Some(wrap) = dom::one(panel, ".overview-wrap") else { return };
    // An integer: parsing a float would bring the float parser's tables into the wasm.
    let day = wrap.get_attribute("data-day").and_then(|v| v.parse::<i32>().ok());
    let (Some(day), Some(plot)) = (day, dom::one(&wrap, "svg.overview")) else { return };
    if wrap.scroll_width() <= wrap.client_width() {
        return;
    }
    // Both are `display: block`, so they have client widths.
    let labels = dom::one(&wrap, "svg.overview-labels").map_or(0, |l| l.client_width());
    // The day's place on the plot, less half of the plot's part of the view (the labels
    // cover the rest).
    let target = day.saturating_mul(plot.client_width()) / 1000 - (wrap.client_width() - labels) / 2;
    wrap.set_scroll_left(target.max(0));
}

pub fn bind(page: &Rc<Handles>, state: State, diffs: ScenarioDiff, shown: ViewState) {
    // The served page has been laid out (the wasm starts after its first paint).
    if shown.panel == Panel::Overview {
        scroll_overview(&page.panel);
    }
    // The tabs follow the open panel.
    let p = Rc::clone(page);
    dom::effect(move || {
        let open = state.panel.get();
        for (panel, tab) in &p.tabs {
            dom::set_bool(tab, "aria-selected", tab_selected(open, *panel));
            dom::set_attr(tab, "tabindex", if tab_selected(open, *panel) { "0" } else { "-1" });
        }
        dom::set_attr(&p.panel, "aria-labelledby", &format!("tab-{}", open.as_str()));
    });
    // The open panel and its content, refilled right after the grid has been painted (and at
    // most once a frame while the slider is dragged): the grid is what a reader watches.
    let shown: Shown = StoredValue::new(shown);
    let scheduled = StoredValue::new(false);
    let p = Rc::clone(page);
    dom::effect(move || {
        // Subscribe to everything the open panel can show; render after the next paint.
        let _ = state.view_state();
        if scheduled.get_value() {
            return;
        }
        scheduled.set_value(true);
        let p = Rc::clone(&p);
        dom::after_paint(move || {
            scheduled.set_value(false);
            render(&p, state, diffs, shown);
        });
    });
}

/// Whether the open panel shows the same thing for both views.
fn same_content(a: &ViewState, b: &ViewState) -> bool {
    a.panel == b.panel
        && match a.panel {
            Panel::Why => (a.selected, a.date, a.scenario) == (b.selected, b.date, b.scenario),
            Panel::Overview => {
                (a.selected, a.date, a.scenario, a.base, a.range) == (b.selected, b.date, b.scenario, b.base, b.range)
            }
            Panel::Diff => (a.scenario, a.base) == (b.scenario, b.base),
            Panel::Dataset => true,
        }
}

/// Puts the open panel in the page, or refills its content slot if the same panel is open.
fn render(page: &Handles, state: State, ScenarioDiff(diffs): ScenarioDiff, shown: Shown) {
    let view = state.view_state_untracked();
    let was = shown.get_value();
    if !same_content(&was, &view) {
        let content = diffs.with_untracked(|cells| panel_content(dataset(), &view, cells.as_deref()));
        let slot = dom::one(&page.panel, &format!("[{SLOT}]"));
        match slot {
            Some(slot) if was.panel == view.panel => refill(&page.panel, &slot, &content),
            _ => page.panel.set_inner_html(page::panel(dataset(), view.panel, &content).as_str()),
        }
        if view.panel == Panel::Overview {
            scroll_overview(&page.panel);
        }
        shown.set_value(view);
    }
    if let Some(id) = state.reveal.update_value(Option::take) {
        dom::reveal(&page.root, &id);
    }
    // The open panel shows the link's own view now.
    super::app::unmark(&["data-pending-panel"]);
}

/// Shows only the dataset's events that match both filters (party and provider).
pub fn filter_events(root: &Element) {
    let wanted: Vec<(String, String)> = Filter::ALL
        .iter()
        .filter_map(|f| {
            let select = dom::one(root, &Control::Filter(*f).selector())?;
            Some((format!("data-{}", f.as_str()), dom::value(&select)))
        })
        .collect();
    for item in dom::all(root, "li[data-parties]") {
        let shown = wanted.iter().all(|(attr, value)| {
            value.is_empty() || item.get_attribute(attr).is_some_and(|v| v.split(' ').any(|x| x == value))
        });
        dom::flag(&item, "hidden", !shown);
    }
}

/// A key on a panel tab (the ARIA tabs pattern): left / right to the previous / next tab
/// (wrapping), Home / End to the first / last; the tab it lands on opens and takes the focus.
/// `true` if the tabs took the key.
pub fn tab_key(state: State, page: &Handles, tab: &Element, key: &str) -> bool {
    let Some(now) = TABS.iter().position(|(p, _)| tab.get_attribute("data-panel").as_deref() == Some(p.as_str()))
    else {
        return false;
    };
    let last = TABS.len() - 1;
    let next = match key {
        "ArrowRight" => {
            if now == last {
                0
            } else {
                now + 1
            }
        }
        "ArrowLeft" => now.checked_sub(1).unwrap_or(last),
        "Home" => 0,
        "End" => last,
        _ => return false,
    };
    let panel = TABS[next].0;
    state.panel.set(panel);
    if let Some((_, el)) = page.tabs.iter().find(|(p, _)| *p == panel) {
        dom::focus(el);
    }
    true
}
