//! "Your own what-if": every compute clause in time order, each with its interval on a small
//! time bar, whether it applies, its dates and what it covers, and a reset; "add a clause" as a
//! short form, and the clauses the reader added. Written here (tested natively); the effects
//! in `ui::whatif_panel` read the form back into the scenario and patch it when the scenario
//! changes elsewhere (a link, a swap, the reset).
//!
//! The contract with the effects: the panel is `#whatif`; each clause is an `<li>` with
//! `data-clause="<id>"` holding inputs named `on`, `from`, `until`, `w` and `p` (one checkbox
//! per workload / provider, its wire name the value), a `<rect>` for the bar and a
//! `[data-whatif="reset"]` button; `[data-whatif="reset-all"]`, `[data-whatif="add"]` (the form
//! `[data-whatif-form]` with inputs `effect`, `from`, `until`, `w`, `p`, `title`, `sup`) and the
//! added list `#whatif-added` with `[data-whatif="remove"][data-slot]` buttons.

use super::{html, markup, Html};
use crate::answer::describe_added;
use crate::dataset::{Dataset, Term, TermIx};
use crate::edits::{self, has_provider, has_workload, Mask, Until};
use crate::scenario::Scenario;
use crate::vocab::{Provider, Workload, FIRST_DAY, LAST_DAY};
use chrono::NaiveDate;

/// The panel's id.
pub const PANEL: &str = "whatif";
/// The id of the list of added clauses.
pub const ADDED: &str = "whatif-added";
/// The id of the status line (what was not taken, and why).
pub const STATUS: &str = "whatif-status";

/// The ids above as selectors, for the page's effects (literals: a `format!` per lookup costs
/// wasm; a test keeps each equal to `#` and its id).
pub mod selector {
    pub const PANEL: &str = "#whatif";
    pub const BODY: &str = "#whatif-body";
    pub const FORM: &str = "#whatif-form";
    pub const ADDED: &str = "#whatif-added";
    pub const STATUS: &str = "#whatif-status";
}

/// A clause as a scenario has it, for the form: dates and coverage after the reader's edit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClauseRow {
    pub on: bool,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub workloads: Mask,
    pub providers: Mask,
    /// What the edit changed, beside what the sources say (empty: as the sources have it).
    pub changes: Vec<String>,
}

/// The row of `term` under `scenario`.
pub fn row(term: &Term, ix: TermIx, scenario: &Scenario) -> ClauseRow {
    let edit = scenario.clause_edit(ix);
    ClauseRow {
        on: !edit.off,
        from: edit.from.or(term.from.map(|f| f.date)),
        until: edit.until.map_or(term.until, Until::date),
        workloads: edit.workloads.unwrap_or_else(|| edits::workload_mask(term.workloads)),
        providers: edit.providers.unwrap_or_else(|| edits::provider_mask(term.providers)),
        changes: edits::describe_edit(term, &edit),
    }
}

/// The compute clauses in time order (by start, then data order).
pub fn in_time_order(ds: &Dataset) -> Vec<(TermIx, &'static Term)> {
    let mut out: Vec<(TermIx, &'static Term)> = Vec::new();
    for (ix, term) in edits::compute_clauses(ds) {
        let at = out.iter().position(|(_, t)| t.start() > term.start()).unwrap_or(out.len());
        out.insert(at, (ix, term));
    }
    out
}

fn day(date: NaiveDate) -> i64 {
    date.signed_duration_since(FIRST_DAY).num_days()
}

/// The bar's interval, in days from the range's start: (x, width).
pub fn bar(from: Option<NaiveDate>, until: Option<NaiveDate>) -> (i64, i64) {
    let end = day(LAST_DAY) + 1;
    let x = from.map_or(0, day).clamp(0, end);
    let to = until.map_or(end, day).clamp(x, end);
    (x, to - x)
}

fn flag(name: &str, on: bool) -> Html {
    if on {
        markup!(" {}", name.to_owned())
    } else {
        Html::new()
    }
}

fn date_value(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// Checkboxes for a coverage (`w` or `p`), in a fieldset with its legend.
fn coverage(out: &mut Html, name: &str, id: &str, mask: Mask) {
    let (legend, items): (&str, Vec<(&str, &str, bool)>) = if name == "w" {
        ("Workloads", Workload::ALL.iter().map(|w| (w.as_str(), w.label(), has_workload(mask, *w))).collect())
    } else {
        ("Providers", Provider::ALL.iter().map(|p| (p.as_str(), p.label(), has_provider(mask, *p))).collect())
    };
    html!(out, "<fieldset class=\"coverage\"><legend>{}</legend>", legend);
    for (wire, label, checked) in items {
        // A test id on the add form's boxes only: a clause's boxes are found by its row and
        // their name and value (176 ids would add ≈ 8 KB to the served page).
        let testid = (id == "add").then(|| markup!(" data-testid=\"whatif-add-{}-{}\"", name, wire));
        html!(
            out,
            "<label><input type=\"checkbox\" name=\"{}\" value=\"{}\"{}{}> {}</label>",
            name,
            wire,
            testid,
            flag("checked", checked),
            label
        );
    }
    html!(out, "</fieldset>");
}

/// The id of the panel's body (everything under its summary).
pub const BODY: &str = "whatif-body";
/// The id of the `<template>` holding the panel's form as the sources have it.
pub const FORM: &str = "whatif-form";

/// The panel as the page is served: closed, its form as the sources have it in a
/// `<template>` (inert: not laid out, no ids in the document) — the wasm puts a copy of it
/// into [`BODY`] when the panel is first opened, or at once for a link with edits, and sets it
/// to the reader's scenario. Writing the form in the wasm instead would cost it 6.3 KB raw /
/// 2.4 KB gzip; without JavaScript the panel says it needs it.
pub fn closed_panel(ds: &Dataset) -> Html {
    markup!(
        "<details class=\"whatif\" id=\"{}\" data-testid=\"whatif\"><summary><h2 id=\"whatif-heading\">Your own what-if</h2></summary><div id=\"{}\"><p class=\"explain\">Your own what-if is worked out in the page: it needs JavaScript.</p></div><template id=\"{}\">{}</template></details>",
        PANEL,
        BODY,
        FORM,
        body(ds, &Scenario::AS_HAPPENED)
    )
}

/// What the panel holds under its summary: the clauses as `scenario` has them, the add form
/// and the added clauses.
pub fn body(ds: &Dataset, scenario: &Scenario) -> Html {
    let end = day(LAST_DAY) + 1;
    let mut out = markup!(
        "<p class=\"explain\">Switch any compute clause off, move its dates or change what it covers, or add a clause of your own. The grid and everything beside it follow, as with the toggles; the link keeps your what-if. Your changes are not what the sources say, and every answer marks them.</p>\
         <p><button type=\"button\" data-whatif=\"reset-all\" data-testid=\"whatif-reset-all\"{}>Reset every clause</button></p>\
         <p id=\"{}\" class=\"status\" role=\"status\" data-testid=\"whatif-status\"></p><ol class=\"clauses\" aria-labelledby=\"whatif-heading\">",
        flag("disabled", !scenario.has_edits()),
        STATUS
    );
    for (ix, term) in in_time_order(ds) {
        let r = row(term, ix, scenario);
        let (x, width) = bar(r.from, r.until);
        let id = term.id;
        html!(
            out,
            "<li data-clause=\"{}\" data-testid=\"whatif-{}\"{}><h3 id=\"wi-{}\">{}</h3>\
             <svg class=\"bar\" viewBox=\"0 0 {} 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\"><rect class=\"span\" x=\"{}\" width=\"{}\" height=\"8\"></rect></svg>\
             <p class=\"changes\" data-testid=\"whatif-{}-changes\"{}>{}</p>\
             <p class=\"dates\"><label><input type=\"checkbox\" name=\"on\" data-testid=\"whatif-{}-on\" aria-describedby=\"wi-{}\"{}> applies</label> \
             <label>From <input type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" maxlength=\"10\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"YYYY-MM-DD\" name=\"from\" title=\"A day from {} to {}, written YYYY-MM-DD\" value=\"{}\" data-testid=\"whatif-{}-from\"></label> \
             <label>Until (first day no longer in force; empty: open-ended) <input type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" maxlength=\"10\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"YYYY-MM-DD\" name=\"until\" title=\"A day from {} to {}, written YYYY-MM-DD\" value=\"{}\" data-testid=\"whatif-{}-until\"></label></p>\
             <details class=\"cover\"><summary>What it covers</summary>",
            id,
            id,
            flag("data-edited", !scenario.clause_edit(ix).is_none()),
            id,
            term.title,
            end,
            x,
            width,
            id,
            flag("hidden", r.changes.is_empty()),
            r.changes.join("; "),
            id,
            id,
            flag("checked", r.on),
            FIRST_DAY,
            LAST_DAY,
            date_value(r.from),
            id,
            FIRST_DAY,
            LAST_DAY,
            date_value(r.until),
            id
        );
        coverage(&mut out, "w", id, r.workloads);
        coverage(&mut out, "p", id, r.providers);
        html!(
            out,
            "</details><button type=\"button\" data-whatif=\"reset\" data-clause=\"{}\" data-testid=\"whatif-{}-reset\" aria-label=\"Reset “{}” to the sources\"{}>Reset</button></li>",
            id,
            id,
            term.title,
            flag("disabled", scenario.clause_edit(ix).is_none())
        );
    }
    html!(
        out,
        "</ol><h3 id=\"whatif-add-heading\">Add a clause</h3><ul id=\"{}\" class=\"added\" data-testid=\"whatif-added\">{}</ul>\
         <fieldset class=\"add\" data-whatif-form aria-labelledby=\"whatif-add-heading\">\
         <p><label>It makes <select name=\"effect\" data-testid=\"whatif-add-effect\"><option value=\"azure-only\">Azure only (others blocked)</option><option value=\"rofr\">Microsoft's first refusal</option><option value=\"allowed\">allowed</option></select></label> \
         <label>Title <input type=\"text\" name=\"title\" maxlength=\"{}\" data-testid=\"whatif-add-title\"></label></p>\
         <p><label>From <input type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" maxlength=\"10\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"YYYY-MM-DD\" name=\"from\" title=\"A day from {} to {}, written YYYY-MM-DD\" data-testid=\"whatif-add-from\"></label> \
         <label>Until (empty: open-ended) <input type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" maxlength=\"10\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"YYYY-MM-DD\" name=\"until\" title=\"A day from {} to {}, written YYYY-MM-DD\" data-testid=\"whatif-add-until\"></label></p>",
        ADDED,
        added_list(ds, scenario),
        edits::TITLE_CAP,
        FIRST_DAY,
        LAST_DAY,
        FIRST_DAY,
        LAST_DAY
    );
    coverage(&mut out, "w", "add", edits::all_workloads());
    coverage(&mut out, "p", "add", edits::all_providers());
    html!(
        out,
        "<fieldset class=\"coverage\"><legend>It supersedes (without that, “allowed” cannot lift a block)</legend>"
    );
    for (_, term) in in_time_order(ds) {
        html!(
            out,
            "<label><input type=\"checkbox\" name=\"sup\" value=\"{}\" data-testid=\"whatif-add-sup-{}\"> {}</label>",
            term.id,
            term.id,
            term.title
        );
    }
    html!(
        out,
        "</fieldset><p><button type=\"button\" data-whatif=\"add\" data-testid=\"whatif-add\">Add this clause</button></p></fieldset>"
    );
    out
}

/// The clauses the reader added, each with its terms and a remove button.
pub fn added_list(ds: &Dataset, scenario: &Scenario) -> Html {
    let _ = ds;
    let mut out = Html::new();
    for (slot, added) in scenario.edits().added() {
        html!(
            out,
            "<li data-testid=\"whatif-added-{}\"><strong>{}</strong> — <em>{}</em>: {}. <button type=\"button\" data-whatif=\"remove\" data-slot=\"{}\" aria-label=\"Remove “{}”\">Remove</button></li>",
            slot,
            added.name(),
            crate::answer::YOUR_CLAUSE,
            describe_added(added),
            slot,
            added.name()
        );
    }
    if out.as_str().is_empty() {
        html!(out, "<li class=\"none\">None yet.</li>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_selectors_are_the_ids() {
        for (selector, id) in [
            (selector::PANEL, PANEL),
            (selector::BODY, BODY),
            (selector::FORM, FORM),
            (selector::ADDED, ADDED),
            (selector::STATUS, STATUS),
        ] {
            assert_eq!(selector, format!("#{id}"));
        }
    }
    use crate::dataset::dataset;

    #[test]
    fn clauses_are_listed_in_time_order_each_with_its_controls() {
        let ds = dataset();
        let order: Vec<&str> = in_time_order(ds).iter().map(|(_, t)| t.id).collect();
        assert_eq!(order.len(), edits::compute_clauses(ds).count());
        assert_eq!(
            order.first(),
            Some(&"azure-exclusive-since-2016"),
            "seed 003's reading starts 2016-11, before 2016-11-15"
        );
        assert_eq!(order.last(), Some(&"azure-first"));
        // As served: closed, the form (as the sources have it) in its template.
        let html = closed_panel(ds).into_string();
        assert!(html.contains("it needs JavaScript.</p></div><template id=\"whatif-form\">"), "{html}");
        for id in &order {
            for part in ["on", "from", "until", "reset"] {
                assert!(html.contains(&format!("data-testid=\"whatif-{id}-{part}\"")), "{id} {part}");
            }
            // Its coverage boxes, by name and value within its row.
            let row = html.split(&format!("data-clause=\"{id}\"")).nth(1).and_then(|r| r.split("</li>").next());
            let row = row.unwrap_or_default();
            assert!(row.contains("name=\"w\" value=\"api\"") && row.contains("name=\"p\" value=\"aws\""), "{id}");
        }
        assert!(html.contains("data-testid=\"whatif-add-w-api\""), "the add form's boxes keep their ids");
        assert!(!html.contains(" open>") && html.contains("data-testid=\"whatif-reset-all\" disabled"));
        assert!(html.contains("value=\"2025-01-21\" data-testid=\"whatif-rofr-new-capacity-from\""));
        assert!(html.contains("value=\"\" data-testid=\"whatif-rofr-new-capacity-until\""), "open-ended: empty");
        assert!(html.contains("None yet."));
    }

    #[test]
    fn an_edited_scenario_s_form_says_what_changed() {
        let ds = dataset();
        let mut s = Scenario::AS_HAPPENED;
        s.set_edit_param(ds, "c.rofr-new-capacity", "until:2025-03-01").unwrap();
        s.set_edit_param(ds, "c.compute-free", "off").unwrap();
        s.set_edit_param(ds, "add", "azure-only,from:2026-04-27,w:api,p:all,t:<b>Mine</b>").unwrap();
        // (The page opens the panel for a link with edits: tests/web.rs.)
        let html = body(ds, &s).into_string();
        assert!(html.contains("value=\"2025-03-01\" data-testid=\"whatif-rofr-new-capacity-until\""));
        assert!(html.contains("until 2025-03-01 in this what-if; the sources say open-ended"));
        assert!(!html.contains("data-testid=\"whatif-compute-free-on\" aria-describedby=\"wi-compute-free\" checked"));
        assert!(html.contains("&lt;b&gt;Mine&lt;/b&gt;") && !html.contains("<b>Mine"), "the reader's title is escaped");
        assert!(html.contains("your clause — in no source"));
        // The bar: the edited interval in days from 2016-01-01.
        assert_eq!(bar(Some(FIRST_DAY), None), (0, day(LAST_DAY) + 1));
        let (x, w) = bar(Some(crate::vocab::ymd(2025, 1, 21)), Some(crate::vocab::ymd(2025, 3, 1)));
        assert!(html.contains(&format!("x=\"{x}\" width=\"{w}\"")) && w == 39);
    }
}
