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

// ---- Reader text that rested on the facts corrected on 2026-12-02 ----

use dealscope::answer::answer;

fn event(id: &str) -> &'static dealscope::dataset::Event {
    dataset().events.iter().find(|e| e.id == id).unwrap_or_else(|| panic!("no event {id}"))
}

fn term(id: &str) -> &'static dealscope::dataset::Term {
    dataset().term(dataset().term_by_id(id).unwrap_or_else(|| panic!("no term {id}")))
}

#[test]
fn in_2016_azure_is_the_primary_platform_from_2016_11_15_to_2019_07_21() {
    let query = Query::parse("2016-11-15", "training", "aws", Scenario::AS_HAPPENED).unwrap();
    let a = answer(dataset(), &query).unwrap();
    assert_eq!(a.verdict, Outcome::Allowed);
    assert_eq!(a.clauses[0].id, "azure-preferred");
    assert!(a.clauses[0].title.contains("primary (not exclusive) cloud platform"), "{}", a.clauses[0].title);
    assert!(!a.clauses[0].summary.contains("preferred cloud provider"), "{}", a.clauses[0].summary);
    assert_eq!(a.clauses[0].sources[0].date.as_deref(), Some("2016-11-15"));
    assert_eq!(a.next_change.as_deref(), Some("2019-07-22"));
    assert_eq!(term("azure-preferred").until.map(|d| d.to_string()).as_deref(), Some("2019-07-22"));
    assert!(event("2016-preferred").what.contains("primary"), "{}", event("2016-preferred").what);
}

#[test]
fn oracle_2024_capacity_names_openai_s_clarification_and_the_training_reading() {
    let query = Query::parse("2024-09-01", "training", "azure", Scenario::AS_HAPPENED).unwrap();
    let a = answer(dataset(), &query).unwrap();
    let note = a.notes.iter().find(|n| n.contains("Oracle")).expect("the OCI caveat");
    assert!(note.contains("OpenAI clarified") && note.contains("The Decoder"), "{note}");
    assert!(note.contains("DatacenterDynamics reported it as capacity for training"), "{note}");
    let conflict = dataset().conflicts.iter().find(|c| c.id == "oracle-2024-capacity").unwrap();
    assert_eq!(conflict.readings.len(), 3, "counts as Azure, inference (OpenAI), training (DCD)");
}

#[test]
fn the_azure_first_wording_cites_techcrunch_and_says_the_primary_texts_were_not_checked() {
    let query = Query::parse("2026-05-01", "api", "aws", Scenario::AS_HAPPENED).unwrap();
    let a = answer(dataset(), &query).unwrap();
    assert_eq!(a.verdict, Outcome::Allowed);
    let note = a.notes.iter().find(|n| n.contains("Azure first")).expect("the Azure-first caveat");
    assert!(note.contains("TechCrunch (2026-04-27)") && note.contains("not available to check"), "{note}");
    let conflict = dataset().conflicts.iter().find(|c| c.id == "azure-first-wording").unwrap();
    let and = conflict.readings.iter().find(|r| r.value == "cannot-and").unwrap();
    let source = dataset().source(and.sources[0].source);
    assert_eq!((source.publisher, source.reliability.as_str()), ("TechCrunch", "press"));
    assert!(conflict.why_default.contains("not available to check"), "{}", conflict.why_default);
}

#[test]
fn bedrock_is_the_first_of_openai_s_proprietary_models_not_the_first_of_its_models() {
    // Corrected 2026-12-07: the open-weight gpt-oss models have been on Bedrock since 2025-08-05.
    let preview = event("2026-bedrock-preview");
    assert!(preview.what.contains("first of OpenAI's proprietary (frontier) models on Bedrock"), "{}", preview.what);
    let gpt_oss = event("2025-gpt-oss-bedrock");
    assert_eq!(dealscope::answer::partial(gpt_oss.date), "2025-08-05");
    assert!(gpt_oss.what.contains("Apache-2.0") && gpt_oss.what.contains("proprietary models"), "{}", gpt_oss.what);
    // Readers are told once, with the API's clause, what the verdicts are about.
    assert!(term("api-azure-exclusive").summary.contains("verdicts here concern OpenAI's proprietary models"));
    let raw = dealscope::dataset::authoring::load(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data")))
        .expect("valid data");
    let step = raw.steps.iter().find(|s| s.value.id == "bedrock").unwrap();
    assert!(step.value.text.contains("proprietary models"), "{}", step.value.text);
    for text in raw.events.iter().map(|e| &e.value.what).chain(raw.steps.iter().map(|s| &s.value.text)) {
        assert!(!text.contains("served from another cloud"), "stale claim: {text}");
        assert!(!text.contains("first commercial availability"), "stale claim: {text}");
        assert!(!text.contains("preferred (not exclusive)"), "stale 2016 wording: {text}");
    }
}

// ---- The corrections and additions researched 2026-12-07 ----

#[test]
fn the_data_is_as_of_2026_12_07_with_no_change_of_terms_found_since_july() {
    let ds = dataset();
    assert_eq!(ds.researched.to_string(), "2026-12-07");
    assert_eq!(ds.as_of_note, "no change to the terms found July–December 2026");
    assert!(ds.research_note.contains("none found, not confirmed as none"), "{}", ds.research_note);
    let query = Query::parse("2025-03-15", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
    let text = dealscope::cite::cite(ds, &query, "").unwrap();
    assert!(text.contains("Data as of 2026-12-07 (no change to the terms found July–December 2026;"), "{text}");
}

#[test]
fn the_february_round_closed_at_122_billion_and_its_announcement_is_kept() {
    let figure = |id: &str| dataset().figures.iter().find(|f| f.id == id).unwrap();
    assert_eq!(figure("funding-round-2026-02").display(), "$110B", "the February figure as announced");
    assert_eq!(figure("funding-round-close-2026-03").display(), "$122B");
    assert_eq!(figure("valuation-2026-03").display(), "$852B");
    assert_eq!(figure("microsoft-investment-2026-03").display(), "undisclosed");
    let close = event("2026-round-close");
    assert_eq!(dealscope::answer::partial(close.date), "2026-03-31");
    assert!(
        close.what.contains("IPO or achieving AGI") && close.what.contains("on money, not compute"),
        "{}",
        close.what
    );
    // The AGI condition on Amazon's money is secondary reporting: it says so.
    let conditional = figure("amazon-investment-conditional-2026-02");
    let detail =
        conditional.sources.iter().map(|c| dataset().source(c.source)).find(|s| s.id == "promtvault-2026-03-31");
    assert_eq!(detail.map(|s| s.reliability.as_str()), Some("secondary"));
}

#[test]
fn oci_stays_announced_with_developers_reports_of_live_calls_beside_it() {
    let oci = event("2026-oracle-universal-credits");
    assert!(oci.what.contains("Announced, not yet live as the companies gave it"), "{}", oci.what);
    assert!(oci.what.contains("live calls") && oci.what.contains("not confirmed by the companies"), "{}", oci.what);
    let query = Query::parse("2026-06-15", "api", "oracle", Scenario::AS_HAPPENED).unwrap();
    assert_eq!(answer(dataset(), &query).unwrap().clauses[0].id, "azure-first", "no verdict changes");
}

#[test]
fn the_abilene_expansion_dropped_is_dated_2026_03_06_and_disputed() {
    let ds = dataset();
    let dropped = ds.events.iter().position(|e| e.id == "2026-abilene-expansion-dropped").unwrap();
    let microsoft = ds.events.iter().position(|e| e.id == "2026-abilene").unwrap();
    assert!(dropped < microsoft, "before the 2026-03-27 event");
    let e = event("2026-abilene-expansion-dropped");
    assert!(e.what.contains("\"false and incorrect\""), "Oracle's denial kept: {}", e.what);
    assert!(ds.sources.iter().any(|s| s.id == "bloomberg-2026-03-06" && !s.confirmed));
}

#[test]
fn azure_first_says_gpt_5_6_cannot_test_it() {
    let t = term("azure-first");
    assert!(t.summary.contains("GPT-5.6") && t.summary.contains("cannot be tested"), "{}", t.summary);
}

#[test]
fn the_revenue_share_predates_the_2025_10_28_terms() {
    let t = term("revenue-share");
    assert!(t.from.is_none(), "its start is not in the research");
    assert!(t.summary.contains("2025-01-21") && t.summary.contains("predates"), "{}", t.summary);
    assert!(event("2025-rofr").terms.contains(&dataset().term_by_id("revenue-share").unwrap()));
}

#[test]
fn the_oracle_contract_is_dated_2025_reported_2025_09_10_and_its_4_5_gw_is_the_stargate_figure() {
    let e = event("2025-oracle-contract");
    assert_eq!(dealscope::answer::partial(e.date), "2025");
    assert_eq!(e.reported.map(dealscope::answer::partial).as_deref(), Some("2025-09-10"));
    let capacity = dataset().figures.iter().find(|f| f.id == "oracle-contract-capacity").unwrap();
    let linked: Vec<&str> = capacity.same_quantity_as.iter().map(|f| dataset().figure(*f).id).collect();
    assert_eq!(linked, ["oracle-stargate-capacity"]);
    assert_eq!(capacity.display(), "4.5 GW");
}

#[test]
fn the_february_2026_figures_are_exact_and_primary() {
    for id in [
        "funding-round-2026-02",
        "amazon-investment-2026-02",
        "nvidia-investment-2026-02",
        "softbank-investment-2026-02",
        "aws-expansion-2026-02",
    ] {
        let f = dataset().figures.iter().find(|f| f.id == id).unwrap();
        assert!(!f.display().starts_with('~') && !f.display().starts_with("up to"), "{id}: {}", f.display());
        assert!(dataset().source(f.sources[0].source).reliability.as_str() == "primary", "{id}");
    }
    let nvidia_loi = event("2025-nvidia-loi");
    assert!(nvidia_loi.what.contains("Non-binding, and never finalised"), "{}", nvidia_loi.what);
}
