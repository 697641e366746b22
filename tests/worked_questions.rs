//! The worked questions of facts.md, each with the verdict, the determining term and the
//! next change the reader is told about.

use dealscope::dataset;
use dealscope::engine::{next_change, verdict, FactState, Outcome, Query};
use dealscope::scenario::Scenario;

fn ask(date: &str, workload: &str, provider: &str, scenario: Scenario) -> (Outcome, Vec<&'static str>, Query) {
    let query = Query::parse(date, workload, provider, scenario).expect("valid query");
    let v = verdict(dataset(), &query).expect("in range");
    let terms = v.reasons.iter().map(|r| dataset().term(r.term).id).collect();
    (v.outcome, terms, query)
}

#[test]
fn training_on_coreweave_in_june_2024_is_blocked_by_azure_exclusivity() {
    let (outcome, terms, query) = ask("2024-06-01", "training", "coreweave", Scenario::AS_HAPPENED);
    assert_eq!(outcome, Outcome::Blocked);
    assert_eq!(terms, ["azure-exclusive"]);
    let change = next_change(dataset(), &query).unwrap().expect("the ROFR changes it");
    assert_eq!(change.date.to_string(), "2025-01-21");
    assert_eq!(change.verdict.outcome, Outcome::Conditional);
}

#[test]
fn training_on_coreweave_after_microsoft_declined_is_allowed_under_the_rofr() {
    let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
    let (outcome, terms, _) = ask("2025-03-15", "training", "coreweave", declines);
    assert_eq!(outcome, Outcome::Allowed);
    assert_eq!(terms, ["rofr-new-capacity"]);
}

#[test]
fn training_on_coreweave_when_microsoft_takes_the_capacity_is_blocked() {
    let accepts = Scenario::AS_HAPPENED.with("microsoft_declines", "false");
    let (outcome, terms, _) = ask("2025-03-15", "training", "coreweave", accepts);
    assert_eq!(outcome, Outcome::Blocked);
    assert_eq!(terms, ["rofr-new-capacity"]);
}

#[test]
fn training_on_coreweave_before_microsoft_answered_is_conditional() {
    let (outcome, terms, query) = ask("2025-03-15", "training", "coreweave", Scenario::AS_HAPPENED);
    assert_eq!(outcome, Outcome::Conditional);
    assert_eq!(terms, ["rofr-new-capacity"]);
    let v = verdict(dataset(), &query).unwrap();
    assert_eq!(v.open_conditions().count(), 1);
    // The recorded decline (reported 2025-03-20) settles it.
    let change = next_change(dataset(), &query).unwrap().unwrap();
    assert_eq!(change.date.to_string(), "2025-03-20");
    assert_eq!(change.verdict.outcome, Outcome::Allowed);
    let check = change.verdict.reasons[0].condition.unwrap();
    assert_eq!(check.state, FactState::Holds);
}

#[test]
fn training_on_aws_in_november_2025_is_allowed_by_compute_free() {
    let (outcome, terms, query) = ask("2025-11-10", "training", "aws", Scenario::AS_HAPPENED);
    assert_eq!(outcome, Outcome::Allowed);
    assert_eq!(terms, ["compute-free"]);
    assert_eq!(next_change(dataset(), &query).unwrap(), None);
}

#[test]
fn public_api_on_aws_in_november_2025_is_blocked_by_api_exclusivity() {
    let (outcome, terms, query) = ask("2025-11-10", "api", "aws", Scenario::AS_HAPPENED);
    assert_eq!(outcome, Outcome::Blocked);
    assert_eq!(terms, ["api-azure-exclusive"]);
    let change = next_change(dataset(), &query).unwrap().unwrap();
    assert_eq!(change.date.to_string(), "2026-02-27", "the joint statement adds a determining term");
    assert_eq!(change.verdict.outcome, Outcome::Blocked);
}
