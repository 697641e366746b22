//! "Your own what-if" (`html::whatif`): a change in a clause's row becomes its edit in the
//! scenario (what restates the sources is not an edit), the buttons reset, add and remove, and
//! when the scenario changes elsewhere (a link, a swap, the reset) the rows follow. A change the
//! engine would not take (an end before the start, no workload) leaves the scenario as it was
//! and says why in the panel's status line.

use super::dom;
use super::state::State;
use crate::dataset::{dataset, Term, TermIx};
use crate::edits::{self, ClauseEdit, EditRef, Fields, Mask, Until};
use crate::html::whatif::{self, bar, row};
use crate::scenario::Scenario;
use crate::ui::prelude::*;
use crate::vocab::parse_day_in_range;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlTemplateElement};

/// Binds the panel inside `root`; a page without it is told on the console.
pub fn bind(root: &Element, state: State) {
    let Some(panel) = dom::one(root, whatif::selector::PANEL) else {
        return dom::console_error("dealscope cannot start the what-if panel: the page has no #whatif");
    };
    // The served panel is closed and its body not yet written: it is written when the reader
    // first opens it, and at once for a link with edits, which opens it.
    let Some(body) = dom::one(&panel, whatif::selector::BODY) else {
        return dom::console_error("dealscope cannot start the what-if panel: it has no #whatif-body");
    };
    let Some(form) = dom::one(&panel, whatif::selector::FORM).and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok())
    else {
        return dom::console_error("dealscope cannot start the what-if panel: it has no <template id=whatif-form>");
    };
    // The scenario the written panel shows (`None`: not written yet).
    let written = StoredValue::new(None::<Scenario>);
    let p = panel.clone();
    let write = move || {
        if written.get_value().is_none() {
            let now = state.scenario.get_untracked();
            body.set_inner_html("");
            let _ = body.append_child(&form.content());
            show(&p, &now, None);
            written.set_value(Some(now));
        }
    };
    if state.scenario.get_untracked().has_edits() {
        write();
        dom::flag(&panel, "open", true);
    }
    dom::listen(&panel, "toggle", move |_| write());
    let p = panel.clone();
    let say = move |text: &str| {
        if let Some(s) = dom::one(&p, whatif::selector::STATUS) {
            dom::set_text(&s, Some(text));
        }
    };
    let (p, say_change) = (panel.clone(), say.clone());
    dom::listen(&panel, "change", move |ev| {
        let Some(li) = target(ev).and_then(|t| t.closest("[data-clause]").ok().flatten()) else { return };
        if li.closest("[data-whatif-form]").ok().flatten().is_some() {
            return;
        }
        match read_row(&li) {
            Ok((ix, edit)) => {
                say_change("");
                state.scenario.update(|s| *s = s.with_clause_edit(ix, edit));
            }
            Err(why) => {
                say_change(&format!("Not applied: {why}"));
                refresh(&p, &state.scenario.get_untracked(), None);
            }
        }
    });
    let (p, say_click) = (panel.clone(), say);
    dom::listen(&panel, "click", move |ev| {
        let Some(button) = target(ev).and_then(|t| t.closest("[data-whatif]").ok().flatten()) else { return };
        let ds = dataset();
        match button.get_attribute("data-whatif").as_deref() {
            Some("reset") => {
                if let Some(ix) = button.get_attribute("data-clause").and_then(|id| ds.term_by_id(&id)) {
                    state.scenario.update(|s| *s = s.with_clause_edit(ix, ClauseEdit::NONE));
                }
            }
            Some("reset-all") => state.scenario.update(|s| *s = s.without_edits()),
            Some("remove") => {
                if let Some(slot) = button.get_attribute("data-slot").and_then(|s| s.parse().ok()) {
                    state.scenario.update(|s| *s = s.without_added(slot));
                }
            }
            Some("add") => {
                let Some(form) = dom::one(&p, "[data-whatif-form]") else { return };
                let result = edits::added_from_fields(ds, &form_fields(&form)).and_then(|clause| {
                    let mut next = state.scenario.get_untracked();
                    next.add_clause(clause).map(|()| next)
                });
                match result {
                    Ok(next) => {
                        say_click("Added: your clause is in the grid and marked in every answer.");
                        state.scenario.set(next);
                    }
                    Err(e) => say_click(&format!("Not added: {e}")),
                }
            }
            _ => {}
        }
    });
    let p = panel.clone();
    dom::effect(move || {
        let scenario = state.scenario.get();
        if let Some(before) = written.get_value() {
            show(&p, &scenario, Some(&before));
            written.set_value(Some(scenario));
        }
    });
}

/// Sets the written panel to `scenario` — each clause's row and the added clauses — or, given
/// what it showed `before`, only the rows and list whose edits differ (a toggle of a prepared
/// key changes none: 16 rows of DOM lookups saved on every toggle).
fn show(panel: &Element, scenario: &Scenario, before: Option<&Scenario>) {
    refresh(panel, scenario, before);
    let added_changed =
        before.is_none_or(|b| scenario.edits_differing(b).iter().any(|e| matches!(e, EditRef::Added(_))));
    if !added_changed {
        return;
    }
    if let Some(list) = dom::one(panel, whatif::selector::ADDED) {
        let html = whatif::added_list(dataset(), scenario);
        if list.inner_html() != html.as_str() {
            list.set_inner_html(html.as_str());
        }
    }
}

fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// The input matching `selector` (`[name=from]`) in `li`.
fn input(li: &Element, selector: &str) -> Option<HtmlInputElement> {
    dom::one(li, selector).and_then(|el| el.dyn_into().ok())
}

/// The values of the inputs matching `selector` (`input[name=w]:checked`).
fn values(root: &Element, selector: &str) -> Vec<String> {
    dom::all(root, selector).iter().filter_map(|el| el.get_attribute("value")).collect()
}

/// The workloads (`workloads`) or providers checked in `li`.
fn checked_mask(li: &Element, workloads: bool) -> Mask {
    let selector = if workloads { "input[name=w]:checked" } else { "input[name=p]:checked" };
    values(li, selector).iter().fold(0, |m, wire| m | edits::bit_of(workloads, wire))
}

/// A clause's row as an edit: only what differs from the sources is edited.
fn read_row(li: &Element) -> Result<(TermIx, ClauseEdit), String> {
    let ds = dataset();
    let id = li.get_attribute("data-clause").unwrap_or_default();
    let ix = edits::clause_by_id(ds, &id).map_err(|e| e.to_string())?;
    let term = ds.term(ix);
    let date = |name: &'static str, selector: &str| -> Result<Option<chrono::NaiveDate>, String> {
        let text = input(li, selector).map(|i| i.value()).unwrap_or_default();
        if text.is_empty() {
            Ok(None)
        } else {
            parse_day_in_range(&text).map(Some).map_err(|e| format!("{name}: {e}"))
        }
    };
    let (from, until) = (date("from", "[name=from]")?, date("until", "[name=until]")?);
    let own = |a: Mask, b: Mask| (a != b).then_some(a);
    let edit = ClauseEdit {
        off: !input(li, "[name=on]").is_some_and(|i| i.checked()),
        from: from.filter(|d| Some(*d) != term.from.map(|f| f.date)),
        until: (until != term.until).then(|| until.map_or(Until::Open, Until::On)),
        workloads: own(checked_mask(li, true), edits::workload_mask(term.workloads)),
        providers: own(checked_mask(li, false), edits::provider_mask(term.providers)),
    };
    edits::check_edit(term, &edit).map_err(|e| format!("“{}”: {e}", term.title))?;
    Ok((ix, edit))
}

/// The add form's fields.
fn form_fields(form: &Element) -> Fields {
    let value = |selector: &str| dom::one(form, selector).map(|el| dom::value(&el)).unwrap_or_default();
    let date = |selector: &str| Some(Some(value(selector)).filter(|v| !v.is_empty()));
    let title = value("[name=title]");
    Fields {
        effect: Some(value("[name=effect]")),
        from: date("[name=from]"),
        until: date("[name=until]"),
        workloads: Some(values(form, "input[name=w]:checked")),
        providers: Some(values(form, "input[name=p]:checked")),
        title: Some(title).filter(|t| !t.trim().is_empty()),
        supersedes: Some(values(form, "input[name=sup]:checked")),
    }
}

/// Puts the scenario's clauses into their rows (only what differs is patched).
fn refresh(panel: &Element, scenario: &Scenario, before: Option<&Scenario>) {
    let ds = dataset();
    let edited = scenario.has_edits();
    if let Some(all) = dom::one(panel, "[data-whatif=\"reset-all\"]") {
        dom::flag(&all, "disabled", !edited);
    }
    // Every clause's row (the add form's inputs are in no `li[data-clause]`).
    for li in dom::all(panel, "li[data-clause]") {
        let Some(ix) = li.get_attribute("data-clause").and_then(|id| ds.term_by_id(&id)) else { continue };
        if before.is_some_and(|b| b.clause_edit(ix) == scenario.clause_edit(ix)) {
            continue;
        }
        refresh_row(&li, ds.term(ix), ix, scenario);
    }
}

fn refresh_row(li: &Element, term: &Term, ix: TermIx, scenario: &Scenario) {
    let r = row(term, ix, scenario);
    let edit = scenario.clause_edit(ix);
    dom::flag(li, "data-edited", !edit.is_none());
    if let Some(on) = input(li, "[name=on]") {
        if on.checked() != r.on {
            on.set_checked(r.on);
        }
    }
    for (selector, date) in [("[name=from]", r.from), ("[name=until]", r.until)] {
        if let Some(field) = input(li, selector) {
            dom::set_value(&field, &date.map(|d| d.to_string()).unwrap_or_default());
        }
    }
    for el in dom::all(li, "input[name=w], input[name=p]") {
        let Some(input) = el.dyn_ref::<HtmlInputElement>() else { continue };
        let workloads = input.name() == "w";
        let mask = if workloads { r.workloads } else { r.providers };
        let on = mask & edits::bit_of(workloads, &input.value()) != 0;
        if input.checked() != on {
            input.set_checked(on);
        }
    }
    if let Some(rect) = dom::one(li, "rect") {
        let (x, width) = bar(r.from, r.until);
        dom::set_attr(&rect, "x", &x.to_string());
        dom::set_attr(&rect, "width", &width.to_string());
    }
    if let Some(changes) = dom::one(li, ".changes") {
        dom::flag(&changes, "hidden", r.changes.is_empty());
        dom::set_text(&changes, Some(&r.changes.join("; ")));
    }
    if let Some(reset) = dom::one(li, "[data-whatif=\"reset\"]") {
        dom::flag(&reset, "disabled", edit.is_none());
    }
}
