//! Property tests: the engine against a deliberately naive reference model written here
//! from the rules in the dataset's own words; timelines that tile 2016–2035; next changes
//! that are real; paths to yes that work; and no panic from any input.

use chrono::{Duration, NaiveDate};
use dealscope::dataset::{self, Dataset, Effect, LapseKind};
use dealscope::engine::{
    self, next_change, next_verdict_change, paths_to_yes, range_end, timeline, verdict, verdict_bands, Outcome, Query,
};
use dealscope::permalink::ViewState;
use dealscope::scenario::Scenario;
use dealscope::vocab::{self, Decision, Provider, Workload, FIRST_DAY, LAST_DAY};
use proptest::prelude::*;

/// The reference model: for every term, is it alive for this cell on this day under this
/// scenario, and what does it say? Then: any "blocked" wins, then any "conditional",
/// else "allowed". Returns the outcome and the ids of the terms saying it.
fn reference(ds: &Dataset, q: &Query) -> (Outcome, Vec<&'static str>) {
    // Gates compared the naive way, by wire names (the engine compares numbers).
    let gate_ok = |g: Option<dataset::Gate>| g.is_none_or(|g| q.scenario.get(g.key.as_str()) == Some(g.wire()));
    let mut said: Vec<(Outcome, &'static str)> = Vec::new();
    for (i, t) in ds.terms.iter().enumerate() {
        let starts = t.from.map_or(NaiveDate::MIN, |f| f.date);
        let ends = t.until.unwrap_or(NaiveDate::MAX);
        if t.effect == Effect::None || !(starts <= q.date && q.date < ends) {
            continue;
        }
        if !t.workloads.contains(&q.workload) || !t.providers.contains(&q.provider) || !gate_ok(t.only_if) {
            continue;
        }
        let replaced = ds.terms.iter().any(|s| {
            s.supersedes.iter().any(|x| x.get() == i)
                && s.workloads.contains(&q.workload)
                && s.providers.contains(&q.provider)
                && gate_ok(s.only_if)
                && s.from.map_or(NaiveDate::MIN, |f| f.date) <= q.date
        });
        let lapsed = t.lapses.iter().any(|l| {
            gate_ok(l.only_if)
                && match l.kind {
                    LapseKind::On(d) => q.date >= d,
                    LapseKind::When { from, .. } => q.date >= from && q.scenario.agi_verified(),
                }
        });
        if replaced || lapsed {
            continue;
        }
        let says = if q.provider == Provider::Azure || t.effect == Effect::Allowed {
            Outcome::Allowed
        } else if t.effect == Effect::AzureOnly {
            Outcome::Blocked
        } else {
            // Right of first refusal: what did Microsoft answer, as of this day?
            let record = ds
                .decisions
                .iter()
                .filter(|d| d.provider == q.provider && d.workloads.contains(&q.workload) && d.known_from <= q.date)
                .max_by_key(|d| d.known_from)
                .map(|d| d.decision);
            match (record, q.scenario.microsoft_declines()) {
                (Some(Decision::Approved), _) | (_, Some(true)) | (Some(Decision::Declined), None) => Outcome::Allowed,
                (_, Some(false)) | (Some(Decision::Accepted), None) => Outcome::Blocked,
                _ => Outcome::Conditional,
            }
        };
        said.push((says, t.id));
    }
    let outcome = if said.iter().any(|(o, _)| *o == Outcome::Blocked) {
        Outcome::Blocked
    } else if said.iter().any(|(o, _)| *o == Outcome::Conditional) {
        Outcome::Conditional
    } else {
        Outcome::Allowed
    };
    (outcome, said.into_iter().filter(|(o, _)| *o == outcome).map(|(_, id)| id).collect())
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let days = LAST_DAY.signed_duration_since(FIRST_DAY).num_days();
    (0..=days).prop_map(|n| FIRST_DAY + Duration::days(n))
}

fn any_query() -> impl Strategy<Value = Query> {
    let all = Scenario::all();
    (any_date(), 0..Workload::ALL.len(), 0..Provider::ALL.len(), 0..all.len()).prop_map(move |(date, w, p, s)| Query {
        date,
        workload: Workload::ALL[w],
        provider: Provider::ALL[p],
        scenario: all[s],
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn engine_agrees_with_the_reference_model(q in any_query()) {
        let ds = dataset::dataset();
        let v = verdict(ds, &q).unwrap();
        let ids: Vec<&str> = v.reasons.iter().map(|r| ds.term(r.term).id).collect();
        let (outcome, expected) = reference(ds, &q);
        prop_assert_eq!(v.outcome, outcome, "{:?}", q);
        prop_assert_eq!(ids, expected, "{:?}", q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn timelines_tile_the_range_and_agree_with_verdicts(q in any_query()) {
        let ds = dataset::dataset();
        let bands = timeline(ds, q.workload, q.provider, q.scenario);
        prop_assert_eq!(bands.first().unwrap().from, FIRST_DAY);
        prop_assert_eq!(bands.last().unwrap().until, range_end());
        for pair in bands.windows(2) {
            prop_assert_eq!(pair[0].until, pair[1].from, "no gap, no overlap");
            prop_assert!(pair[0].from < pair[0].until);
            prop_assert_ne!(&pair[0].verdict, &pair[1].verdict, "adjacent bands differ");
        }
        let band = bands.iter().find(|b| b.from <= q.date && q.date < b.until).unwrap();
        prop_assert_eq!(&band.verdict, &verdict(ds, &q).unwrap());
    }

    #[test]
    fn next_change_is_the_first_real_change(q in any_query()) {
        let ds = dataset::dataset();
        let now = verdict(ds, &q).unwrap();
        let change = next_change(ds, &q).unwrap();
        let end = change.as_ref().map_or(LAST_DAY, |c| c.date.pred_opt().unwrap());
        // Sample the days up to the change: all the same answer.
        let span = end.signed_duration_since(q.date).num_days();
        for step in [0, 1, span / 3, span / 2, span - 1, span].into_iter().filter(|s| (0..=span).contains(s)) {
            prop_assert_eq!(&verdict(ds, &q.on(q.date + Duration::days(step))).unwrap(), &now);
        }
        if let Some(c) = change {
            prop_assert!(c.date > q.date);
            prop_assert_ne!(&verdict(ds, &q.on(c.date)).unwrap(), &now);
        }
    }

    #[test]
    fn verdict_bands_merge_only_what_a_reader_cannot_tell_apart(q in any_query()) {
        let ds = dataset::dataset();
        let bands = verdict_bands(&timeline(ds, q.workload, q.provider, q.scenario));
        prop_assert_eq!(bands.first().unwrap().from, FIRST_DAY);
        prop_assert_eq!(bands.last().unwrap().until, range_end());
        for pair in bands.windows(2) {
            prop_assert_eq!(pair[0].until, pair[1].from, "no gap, no overlap");
            prop_assert_ne!((pair[0].outcome, pair[0].no_terms), (pair[1].outcome, pair[1].no_terms), "adjacent bands differ");
        }
        let v = verdict(ds, &q).unwrap();
        let band = bands.iter().find(|b| b.holds(q.date)).unwrap();
        prop_assert_eq!(band.outcome, v.outcome);
        prop_assert_eq!(band.no_terms, v.reasons.is_empty(), "no terms: no clause decides it");
    }

    #[test]
    fn the_next_verdict_change_is_the_first_day_the_outcome_differs(q in any_query()) {
        let ds = dataset::dataset();
        let now = verdict(ds, &q).unwrap().outcome;
        let change = next_verdict_change(ds, &q, now);
        let end = change.as_ref().map_or(LAST_DAY, |c| c.date.pred_opt().unwrap());
        let span = end.signed_duration_since(q.date).num_days();
        for step in [0, 1, span / 3, span / 2, span - 1, span].into_iter().filter(|s| (0..=span).contains(s)) {
            prop_assert_eq!(verdict(ds, &q.on(q.date + Duration::days(step))).unwrap().outcome, now);
        }
        if let Some(c) = &change {
            prop_assert!(c.date > q.date);
            prop_assert_ne!(c.verdict.outcome, now);
            prop_assert_eq!(verdict(ds, &q.on(c.date)).unwrap().outcome, c.verdict.outcome);
        }
        // The answer's field says the same; its next_change may come earlier, never later.
        let a = dealscope::answer::answer(ds, &q).unwrap();
        let field = a.next_verdict_change.as_ref().map(|c| (c.date.clone(), c.verdict));
        prop_assert_eq!(field, change.as_ref().map(|c| (c.date.to_string(), c.verdict.outcome)));
        prop_assert!(a.next_change.is_some() || change.is_none());
        if let (Some(any), Some(c)) = (&a.next_change, &change) {
            prop_assert!(*any <= c.date.to_string());
        }
    }

    #[test]
    fn paths_to_yes_lead_to_yes(q in any_query()) {
        let ds = dataset::dataset();
        let paths = paths_to_yes(ds, &q).unwrap();
        for set in &paths.toggles {
            let s = q.scenario.with_settings(set);
            prop_assert_eq!(engine::verdict(ds, &q.under(s)).unwrap().outcome, Outcome::Allowed);
        }
        for (i, a) in paths.toggles.iter().enumerate() {
            for (j, b) in paths.toggles.iter().enumerate() {
                prop_assert!(i == j || !a.iter().all(|x| b.contains(x)), "minimal: {a:?} within {b:?}");
            }
        }
        if let Some(day) = paths.earliest {
            prop_assert!(day >= q.date);
            prop_assert_eq!(verdict(ds, &q.on(day)).unwrap().outcome, Outcome::Allowed);
        }
    }

    #[test]
    fn no_input_panics(date in ".{0,14}", w in ".{0,12}", p in ".{0,12}", url in ".{0,80}", key in "[a-z_0-9]{0,20}", value in ".{0,8}") {
        let mut s = Scenario::AS_HAPPENED;
        let _ = s.set(&key, &value);
        if let Ok(q) = Query::parse(&date, &w, &p, s) {
            let ds = dataset::dataset();
            let _ = (verdict(ds, &q), next_change(ds, &q), paths_to_yes(ds, &q), dealscope::answer::answer(ds, &q));
        }
        let _ = ViewState::from_query(&url);
        let _ = vocab::parse_partial(&date);
    }

    #[test]
    fn out_of_range_dates_are_errors_not_panics(days in -20_000i64..20_000) {
        let date = FIRST_DAY + Duration::days(days);
        let q = Query { date, workload: Workload::Training, provider: Provider::Aws, scenario: Scenario::AS_HAPPENED };
        let ds = dataset::dataset();
        let in_range = (FIRST_DAY..=LAST_DAY).contains(&date);
        prop_assert_eq!(verdict(ds, &q).is_ok(), in_range);
        prop_assert_eq!(next_change(ds, &q).is_ok(), in_range);
        prop_assert_eq!(engine::matrix(ds, date, Scenario::AS_HAPPENED).is_ok(), in_range);
    }
}

#[test]
fn diff_is_empty_as_happened_and_explains_every_difference() {
    let ds = dataset::dataset();
    assert!(engine::diff(ds, Scenario::AS_HAPPENED).is_empty());
    for s in Scenario::all() {
        for cell in engine::diff(ds, s) {
            for span in cell.spans {
                assert!(span.from < span.until);
                assert_ne!(span.baseline, span.scenario);
                assert!(!span.causes.is_empty(), "{s}: {:?}", cell.workload);
                let q = Query { date: span.from, workload: cell.workload, provider: cell.provider, scenario: s };
                assert_eq!(verdict(ds, &q).unwrap().outcome, span.scenario);
                assert_eq!(verdict(ds, &q.under(Scenario::AS_HAPPENED)).unwrap().outcome, span.baseline);
            }
        }
    }
    let no_amendment = engine::diff(ds, Scenario::AS_HAPPENED.with("amendment_2026_04", "false"));
    let api_aws = no_amendment.iter().find(|c| c.workload == Workload::Api && c.provider == Provider::Aws).unwrap();
    assert_eq!(api_aws.spans[0].from.to_string(), "2026-04-27");
    assert_eq!(
        api_aws.spans[0].causes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["amendment_2026_04=false"]
    );
}

/// Every `[[term.moot]]` claim in the data holds: on every day the term is in force (each
/// stretch between breakpoints, checked at its first and last day), in every scenario that
/// admits it, setting the key to any value changes no cell's verdict.
#[test]
fn moot_keys_really_change_nothing() {
    let ds = dataset::dataset();
    let days: Vec<NaiveDate> = std::iter::once(FIRST_DAY).chain(engine::breakpoints(ds)).collect();
    let mut checked = 0;
    for term in ds.terms.iter().filter(|t| !t.moots.is_empty()) {
        for moot in term.moots {
            let values = moot.key.values();
            for (i, &from) in days.iter().enumerate() {
                let last = days.get(i + 1).map_or(LAST_DAY, |d| d.pred_opt().unwrap());
                for day in [from, last].into_iter().filter(|d| term.in_force(*d)) {
                    for s in Scenario::all().into_iter().filter(|s| engine::moot(ds, day, *s, moot.key).is_some()) {
                        let base = engine::matrix(ds, day, s).unwrap();
                        for value in values {
                            let other = engine::matrix(ds, day, s.with(moot.key.as_str(), value)).unwrap();
                            for (a, b) in base.iter().zip(&other) {
                                assert_eq!(
                                    a.verdict.outcome,
                                    b.verdict.outcome,
                                    "{} claims {} is moot, but on {day} [{s}] {} on {} differs with {}={value}",
                                    term.id,
                                    moot.key.as_str(),
                                    a.workload,
                                    a.provider,
                                    moot.key.as_str()
                                );
                            }
                        }
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 0, "the data claims no moot key, or the claim is never in force");
    let after = vocab::ymd(2026, 6, 1);
    let agi = vocab::ScenarioKey::AgiVerified;
    assert!(engine::moot(ds, after, Scenario::AS_HAPPENED, agi).is_some());
    assert!(engine::moot(ds, vocab::ymd(2026, 4, 26), Scenario::AS_HAPPENED, agi).is_none());
    assert!(engine::moot(ds, after, Scenario::AS_HAPPENED.with("amendment_2026_04", "false"), agi).is_none());
}
