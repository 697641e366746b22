//! Golden cases: JSON files under tests/golden/, each a list of questions with the expected
//! verdict, determining terms and (optionally) next change. A failing case prints the query,
//! what was expected, what came out, and the reason chain.

use dealscope::dataset;
use dealscope::edits;
use dealscope::engine::{considered, next_change, verdict, Query, Standing};
use dealscope::scenario::Scenario;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt::Write as _;

fn text(case: &Value, key: &str) -> String {
    case[key].as_str().unwrap_or_else(|| panic!("case {case}: `{key}` must be a string")).to_owned()
}

/// An edit or added clause in the JS API's shape, read into fields.
fn fields(value: &Value) -> edits::Fields {
    let date = |k: &str| value.get(k).map(|v| v.as_str().map(str::to_owned));
    let list =
        |k: &str| value.get(k).map(|v| v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect());
    edits::Fields {
        effect: value.get("effect").map(|v| v.as_str().unwrap().to_owned()),
        from: date("from"),
        until: date("until"),
        workloads: list("workloads"),
        providers: list("providers"),
        title: value.get("title").map(|v| v.as_str().unwrap().to_owned()),
        supersedes: list("supersedes"),
    }
}

fn scenario(case: &Value) -> Scenario {
    let ds = dataset();
    let mut scenario = Scenario::AS_HAPPENED;
    if let Some(map) = case.get("scenario").and_then(Value::as_object) {
        for (key, value) in map {
            if key == "clauses" {
                for (id, edit) in value.as_object().unwrap() {
                    let ix = edits::clause_by_id(ds, id).unwrap();
                    let edit = match edit {
                        Value::String(off) if off == "off" => edits::ClauseEdit::OFF,
                        _ => {
                            edits::edit_from_fields(ds.term(ix), &fields(edit)).unwrap_or_else(|e| panic!("{id}: {e}"))
                        }
                    };
                    scenario.edit_clause(ds, id, edit).unwrap();
                }
                continue;
            }
            if key == "add" {
                for added in value.as_array().unwrap() {
                    scenario.add_clause(edits::added_from_fields(ds, &fields(added)).unwrap()).unwrap();
                }
                continue;
            }
            let value = match value {
                Value::Bool(b) => b.to_string(),
                Value::String(s) => s.clone(),
                other => panic!("scenario value {other} must be a bool or string"),
            };
            scenario.set(key, &value).unwrap_or_else(|e| panic!("{e}"));
        }
    }
    scenario
}

fn reason_chain(query: &Query) -> String {
    let ds = dataset();
    let mut out = String::new();
    for (ix, standing) in considered(ds, query).unwrap() {
        if !matches!(standing, Standing::DoesNotCover | Standing::NotACompute) {
            let _ = writeln!(out, "    {:<28} {standing:?}", ds.term(ix).id);
        }
    }
    out
}

/// Runs one case: returns its query, the determining terms and what did not match.
fn check(case: &Value) -> (Query, Vec<&'static str>, Vec<String>) {
    let ds = dataset();
    let name = text(case, "name");
    let query = Query::parse(&text(case, "date"), &text(case, "workload"), &text(case, "provider"), scenario(case))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let v = verdict(ds, &query).unwrap();
    let terms: Vec<&str> = v.reasons.iter().map(|r| ds.term(r.term).id).collect();
    let expected_terms: Vec<String> =
        case["terms"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()).collect();
    let mut problems = Vec::new();
    if v.outcome.as_str() != text(case, "verdict") {
        problems.push(format!("verdict: expected {}, got {}", text(case, "verdict"), v.outcome.as_str()));
    }
    if terms != expected_terms {
        problems.push(format!("terms: expected {expected_terms:?}, got {terms:?}"));
    }
    if let Some(expected) = case.get("next_change") {
        let got = next_change(ds, &query).unwrap().map(|c| c.date.to_string());
        if expected.as_str().map(str::to_owned) != got {
            problems.push(format!("next_change: expected {expected}, got {got:?}"));
        }
    }
    for id in case.get("not_determining").and_then(Value::as_array).into_iter().flatten() {
        let id = id.as_str().unwrap();
        assert!(ds.term_by_id(id).is_some(), "{name}: no term {id}");
        if terms.contains(&id) {
            problems.push(format!("{id} must not determine"));
        }
    }
    (query, terms, problems)
}

#[test]
fn golden_cases() {
    let ds = dataset();
    let mut failures = Vec::new();
    let mut count = 0;
    let mut determining_seen = BTreeSet::new();
    let mut keys_seen = BTreeSet::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files {
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(&file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // Cases written for a correction say why, with their source.
        let needs_why = file.file_name().is_some_and(|n| n.to_string_lossy().starts_with("corrections"));
        for case in cases {
            count += 1;
            let name = text(&case, "name");
            if needs_why || case.get("why").is_some() {
                let why = text(&case, "why");
                assert!(why.contains("ource"), "{name}: `why` must name its source: {why}");
            }
            let (query, terms, problems) = check(&case);
            keys_seen.extend(query.scenario.changes().into_iter().map(|s| s.key.as_str()));
            determining_seen.extend(terms.iter().copied());
            if !problems.is_empty() {
                failures.push(format!(
                    "{name}\n  query: {} {} on {} [{}]\n  {}\n  reason chain:\n{}",
                    query.date,
                    query.workload,
                    query.provider,
                    query.scenario,
                    problems.join("\n  "),
                    reason_chain(&query)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} golden cases failed:\n\n{}", failures.len(), failures.join("\n"));
    assert!(count >= 80, "at least 80 golden cases, found {count}");
    // Coverage: every compute term decides some case, every scenario key is exercised.
    for term in ds.terms.iter().filter(|t| t.effect != dataset::Effect::None) {
        assert!(determining_seen.contains(term.id), "no golden case where {} decides", term.id);
    }
    for key in dealscope::vocab::ScenarioKey::NAMES {
        assert!(keys_seen.contains(key), "no golden case sets scenario key {key}");
    }
    println!("{count} golden cases passed");
}
