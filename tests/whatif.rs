//! A reader's own what-if, end to end natively: answers mark added and edited clauses, the
//! explanation, the citation and the pictures say what is hypothetical, and the diff names
//! the edit it blames.

use dealscope::answer::answer;
use dealscope::dataset::dataset;
use dealscope::engine::Query;
use dealscope::export::diff_rows;
use dealscope::html::contract::Picture;
use dealscope::html::picture::picture;
use dealscope::permalink::ViewState;
use dealscope::scenario::Scenario;

fn edited(params: &[(&str, &str)]) -> Scenario {
    let mut s = Scenario::AS_HAPPENED;
    for (k, v) in params {
        assert!(s.set_edit_param(dataset(), k, v).unwrap(), "{k}");
    }
    s
}

fn query(date: &str, w: &str, p: &str, s: Scenario) -> Query {
    Query::parse(date, w, p, s).unwrap()
}

#[test]
fn an_added_clause_is_yours_and_in_no_source() {
    let ds = dataset();
    let s = edited(&[("add", "azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:The API stays on Azure")]);
    let q = query("2026-05-01", "api", "aws", s);
    let a = answer(ds, &q).unwrap();
    assert_eq!(a.verdict.as_str(), "blocked");
    let c = &a.clauses[0];
    assert!(c.hypothetical && !c.edited && c.sources.is_empty() && !c.confirmed);
    assert_eq!(c.title, "The API stays on Azure");
    assert!(c.summary.starts_with("your clause — in no source: Azure only for OpenAI API on all providers, from 2026-04-27, open-ended; supersedes “Any cloud"), "{}", c.summary);
    assert!(a.scenario_edited);
    let why = dealscope::html::why::why(ds, &q, &a).into_string();
    assert!(why.contains("The API stays on Azure — <em>your clause — in no source</em>"), "{why}");
    let cite = dealscope::cite::cite(ds, &q, "https://x/").unwrap();
    assert!(cite.contains("contains the reader's own clause edits"), "{cite}");
    assert!(cite.contains("Decided by “The API stays on Azure” (your clause — in no source)"), "{cite}");
    assert!(!cite.contains("Sources:"), "an added clause carries no citation: {cite}");
    assert!(
        cite.contains("add=azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:The%20API%20stays%20on%20Azure"),
        "the permalink keeps it: {cite}"
    );
}

#[test]
fn an_edited_clause_says_what_changed_beside_its_real_sources() {
    let ds = dataset();
    let s = edited(&[("c.rofr-new-capacity", "until:2025-03-01")]);
    let q = query("2025-02-01", "training", "google", s);
    let a = answer(ds, &q).unwrap();
    let c = &a.clauses[0];
    assert_eq!(c.id, "rofr-new-capacity");
    assert!(c.edited && !c.hypothetical && !c.sources.is_empty());
    assert_eq!(c.changes, ["until 2025-03-01 in this what-if; the sources say open-ended"]);
    let why = dealscope::html::why::why(ds, &q, &a).into_string();
    assert!(why.contains("data-testid=\"edited-rofr-new-capacity\">Your edit: until 2025-03-01 in this what-if; the sources say open-ended."), "{why}");
    let cite = dealscope::cite::cite(ds, &q, "https://x/").unwrap();
    assert!(cite.contains("Sources: ") && cite.contains("Edited in this what-if: until 2025-03-01"), "{cite}");
    // An edit that restates the sources is not "edited".
    let restated = edited(&[("c.rofr-new-capacity", "from:2025-01-21")]);
    let a = answer(ds, &query("2025-02-01", "training", "google", restated)).unwrap();
    assert!(!a.clauses[0].edited && a.clauses[0].changes.is_empty());
}

#[test]
fn the_diff_blames_the_edit_by_name() {
    let ds = dataset();
    let s = edited(&[("c.azure-first", "off")]);
    let rows = diff_rows(ds, s, Scenario::AS_HAPPENED);
    let api_aws = rows.iter().find(|r| r.workload == "api" && r.provider == "aws").unwrap();
    assert_eq!(api_aws.from, "2026-04-27");
    assert_eq!(api_aws.causes, ["c.azure-first=off"]);
    assert!(
        api_aws
            .causes_text
            .starts_with("your edit of “Any cloud, but new products launch on Azure first”: switched off"),
        "{}",
        api_aws.causes_text
    );
    // B's edit, blamed from B's side.
    let back = diff_rows(ds, Scenario::AS_HAPPENED, s);
    assert_eq!(
        back.iter().find(|r| r.workload == "api" && r.provider == "aws").unwrap().causes,
        ["vs.c.azure-first=off"]
    );
    // Off ≡ the prepared key: no difference at all.
    assert!(diff_rows(ds, s, Scenario::AS_HAPPENED.with("amendment_2026_04", "false")).is_empty());
}

#[test]
fn pictures_say_the_scenario_contains_edits() {
    let ds = dataset();
    let view = ViewState { scenario: edited(&[("c.compute-free", "off")]), ..ViewState::default() };
    for what in [Picture::Grid, Picture::Overview, Picture::Diff] {
        let drawn = picture(ds, &view, what, "https://x/");
        assert!(drawn.svg.as_str().contains("own clause edits: not what the sources say"), "{what:?}");
    }
}
