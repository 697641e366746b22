//! Property tests: the engine against a deliberately naive reference model written here
//! from the rules in the dataset's own words; timelines that tile 2016–2035; next changes
//! that are real; paths to yes that work; and no panic from any input.

use chrono::{Duration, NaiveDate};
use dealscope::dataset::{self, Dataset, Effect, LapseKind, TermIx};
use dealscope::edits::{self, AddedClause, ClauseEdit, Title, Until, ADDED_BASE};
use dealscope::engine::{
    self, next_change, next_verdict_change, paths_to_yes, range_end, timeline, verdict, verdict_bands, Outcome, Query,
};
use dealscope::permalink::ViewState;
use dealscope::scenario::Scenario;
use dealscope::vocab::{self, Decision, Provider, Workload, FIRST_DAY, LAST_DAY};
use proptest::prelude::*;

/// A clause as the reference model sees it: plain lists, read from the data or from the
/// reader's edit field by field (the engine uses bit masks and one precomputed table).
struct RefClause {
    id: String,
    effect: Effect,
    from: NaiveDate,
    until: NaiveDate,
    workloads: Vec<Workload>,
    providers: Vec<Provider>,
    gate: Option<dataset::Gate>,
    off: bool,
    /// The ids of the dataset terms it supersedes.
    supersedes: Vec<&'static str>,
    lapses: &'static [dataset::Lapse],
}

fn listed<T: Copy>(all: &[T], mask: u8) -> Vec<T> {
    all.iter().enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, x)| *x).collect()
}

fn ref_clauses(ds: &Dataset, s: &Scenario) -> Vec<RefClause> {
    let mut out: Vec<RefClause> = ds
        .terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let e = s.clause_edit(TermIx(u16::try_from(i).unwrap()));
            RefClause {
                id: t.id.to_owned(),
                effect: t.effect,
                from: e.from.unwrap_or(t.from.map_or(NaiveDate::MIN, |f| f.date)),
                until: match e.until {
                    Some(Until::Open) => NaiveDate::MAX,
                    Some(Until::On(d)) => d,
                    None => t.until.unwrap_or(NaiveDate::MAX),
                },
                workloads: e.workloads.map_or(t.workloads.to_vec(), |m| listed(Workload::ALL, m)),
                providers: e.providers.map_or(t.providers.to_vec(), |m| listed(Provider::ALL, m)),
                gate: t.only_if,
                off: e.off,
                supersedes: t.supersedes.iter().map(|x| ds.term(*x).id).collect(),
                lapses: t.lapses,
            }
        })
        .collect();
    for (slot, a) in s.edits().added() {
        out.push(RefClause {
            id: format!("added-{slot}"),
            effect: a.effect,
            from: a.from.unwrap_or(NaiveDate::MIN),
            until: a.until.unwrap_or(NaiveDate::MAX),
            workloads: listed(Workload::ALL, a.workloads),
            providers: listed(Provider::ALL, a.providers),
            gate: None,
            off: false,
            supersedes: (0..ds.terms.len()).filter(|i| a.supersedes >> i & 1 == 1).map(|i| ds.terms[i].id).collect(),
            lapses: &[],
        });
    }
    out
}

/// The id the engine's reason names: a dataset term's id, or `added-<slot>`.
fn reason_id(ds: &Dataset, ix: TermIx) -> String {
    if ix.0 >= ADDED_BASE {
        format!("added-{}", ix.0 - ADDED_BASE)
    } else {
        ds.term(ix).id.to_owned()
    }
}

/// The reference model: for every clause, is it alive for this cell on this day under this
/// scenario, and what does it say? Then: any "blocked" wins, then any "conditional",
/// else "allowed". Returns the outcome and the ids of the clauses saying it.
fn reference(ds: &Dataset, q: &Query) -> (Outcome, Vec<String>) {
    // Gates compared the naive way, by wire names (the engine compares numbers).
    let gate_ok = |g: Option<dataset::Gate>| g.is_none_or(|g| q.scenario.get(g.key.as_str()) == Some(g.wire()));
    let clauses = ref_clauses(ds, &q.scenario);
    let mut said: Vec<(Outcome, String)> = Vec::new();
    for t in &clauses {
        if t.effect == Effect::None || t.off || !(t.from <= q.date && q.date < t.until) {
            continue;
        }
        if !t.workloads.contains(&q.workload) || !t.providers.contains(&q.provider) || !gate_ok(t.gate) {
            continue;
        }
        let replaced = clauses.iter().any(|s| {
            s.supersedes.contains(&t.id.as_str())
                && !s.off
                && s.workloads.contains(&q.workload)
                && s.providers.contains(&q.provider)
                && gate_ok(s.gate)
                && s.from <= q.date
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
        said.push((says, t.id.clone()));
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
        let ids: Vec<String> = v.reasons.iter().map(|r| reason_id(ds, r.term)).collect();
        let (outcome, expected) = reference(ds, &q);
        prop_assert_eq!(v.outcome, outcome, "{:?}", q);
        prop_assert_eq!(ids, expected, "{:?}", q);
    }

    #[test]
    fn edited_scenarios_agree_with_the_reference_model(q in any_edited_query()) {
        let ds = dataset::dataset();
        let v = verdict(ds, &q).unwrap();
        let ids: Vec<String> = v.reasons.iter().map(|r| reason_id(ds, r.term)).collect();
        let (outcome, expected) = reference(ds, &q);
        prop_assert_eq!(v.outcome, outcome, "{}", q.scenario);
        prop_assert_eq!(ids, expected, "{} on {}", q.scenario, q.date);
    }
}

/// Days where edits matter: the data's breakpoints, the days either side, and any day.
fn interesting_date() -> impl Strategy<Value = NaiveDate> {
    let days = engine::breakpoints(dataset::dataset());
    prop_oneof![(0..days.len(), -1i64..=1).prop_map(move |(i, d)| days[i] + Duration::days(d)), any_date(),]
        .prop_map(|d| d.clamp(FIRST_DAY, LAST_DAY))
}

fn any_edit() -> impl Strategy<Value = ClauseEdit> {
    let until = prop_oneof![Just(None), Just(Some(Until::Open)), interesting_date().prop_map(|d| Some(Until::On(d)))];
    (
        0..6u8,
        proptest::option::of(interesting_date()),
        until,
        proptest::option::of(1..16u8),
        proptest::option::of(1..128u8),
    )
        .prop_map(|(kind, from, until, workloads, providers)| {
            if kind == 0 {
                ClauseEdit::OFF
            } else {
                ClauseEdit { off: false, from, until, workloads, providers }
            }
        })
}

fn any_added() -> impl Strategy<Value = AddedClause> {
    // Added clauses supersede compute clauses only (what the URL and the JS API accept).
    let compute = edits::compute_clauses(dataset::dataset()).fold(0u64, |m, (ix, _)| m | 1 << ix.get());
    let effects = [Effect::AzureOnly, Effect::Allowed, Effect::Rofr];
    (
        0..3usize,
        proptest::option::of(interesting_date()),
        proptest::option::of(interesting_date()),
        1..16u8,
        1..128u8,
        any::<u16>(),
        "[ -~é✓]{0,70}",
    )
        .prop_map(move |(e, from, until, workloads, providers, supersedes, title)| AddedClause {
            effect: effects[e],
            from,
            until,
            workloads,
            providers,
            supersedes: u64::from(supersedes) & compute,
            title: Title::new(&title),
        })
}

/// A scenario with up to five clause edits and up to two added clauses, on top of any keys.
fn any_edited_scenario() -> impl Strategy<Value = Scenario> {
    let all = Scenario::all();
    let compute: Vec<TermIx> = edits::compute_clauses(dataset::dataset()).map(|(ix, _)| ix).collect();
    let n = compute.len();
    (0..all.len(), proptest::collection::vec((0..n, any_edit()), 0..=5), proptest::collection::vec(any_added(), 0..=2))
        .prop_map(move |(s, edits, added)| {
            let mut scenario = edits.into_iter().fold(all[s], |s, (i, e)| s.with_clause_edit(compute[i], e));
            for a in added {
                scenario.add_clause(a).ok();
            }
            scenario
        })
}

fn any_edited_query() -> impl Strategy<Value = Query> {
    (interesting_date(), 0..Workload::ALL.len(), 0..Provider::ALL.len(), any_edited_scenario()).prop_map(
        |(date, w, p, scenario)| Query { date, workload: Workload::ALL[w], provider: Provider::ALL[p], scenario },
    )
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
        let _ = ViewState::from_query(&format!("c.azure-first={url}&add={url}&vs.add=allowed,{url}&c.{key}={value}"));
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Edited dates are breakpoints: timelines under edits still tile the range with bands
    /// that agree with the verdicts, and the next change is real.
    #[test]
    fn edited_timelines_and_next_changes_are_right(q in any_edited_query()) {
        let ds = dataset::dataset();
        let bands = timeline(ds, q.workload, q.provider, q.scenario);
        prop_assert_eq!(bands.first().unwrap().from, FIRST_DAY);
        prop_assert_eq!(bands.last().unwrap().until, range_end());
        for band in &bands {
            // First and last day of each band: the verdict the band says.
            for day in [band.from, band.until.pred_opt().unwrap()] {
                prop_assert_eq!(&verdict(ds, &q.on(day)).unwrap(), &band.verdict, "{} on {}", q.scenario, day);
            }
        }
        let now = verdict(ds, &q).unwrap();
        if let Some(c) = next_change(ds, &q).unwrap() {
            prop_assert!(c.date > q.date);
            prop_assert_ne!(&verdict(ds, &q.on(c.date)).unwrap(), &now);
            prop_assert_eq!(&verdict(ds, &q.on(c.date.pred_opt().unwrap())).unwrap(), &now);
        }
        let paths = paths_to_yes(ds, &q).unwrap();
        for set in &paths.toggles {
            prop_assert_eq!(verdict(ds, &q.under(q.scenario.with_settings(set))).unwrap().outcome, Outcome::Allowed);
        }
    }

    /// Links round-trip exactly: any valid edited A and B, written and read back, are the same
    /// scenarios, with no notice.
    #[test]
    fn edited_links_round_trip(a in any_edited_scenario(), b in any_edited_scenario(), date in any_date()) {
        let ds = dataset::dataset();
        let valid = |s: Scenario| {
            s.edits().edited().fold(s, |out, (ix, e)| {
                if edits::check_edit(ds.term(ix), e).is_ok() { out } else { out.with_clause_edit(ix, ClauseEdit::NONE) }
            })
        };
        let view = ViewState { date, scenario: valid(a), base: valid(b), ..ViewState::default() };
        let (back, notices) = ViewState::from_query(&view.to_query());
        prop_assert!(notices.is_empty(), "{:?} from {}", notices, view.to_query());
        prop_assert_eq!(back, view);
    }

    /// A difference between two edited scenarios is blamed on settings or edits that, set
    /// back alone, remove it (or on all of them together).
    #[test]
    fn edited_diffs_blame_real_causes(a in any_edited_scenario(), b in any_edited_scenario()) {
        let ds = dataset::dataset();
        for cell in engine::diff_between(ds, a, b).into_iter().take(4) {
            for span in cell.spans.iter().take(3) {
                let q = Query { date: span.from, workload: cell.workload, provider: cell.provider, scenario: a };
                prop_assert_eq!(verdict(ds, &q).unwrap().outcome, span.scenario);
                prop_assert_eq!(verdict(ds, &q.under(b)).unwrap().outcome, span.baseline);
                prop_assert!(!span.causes.is_empty() || !span.edits.is_empty());
                prop_assert_eq!(span.edits.len(), span.edits_text.len());
            }
        }
    }
}

/// Every day on which something can change for `s` (first day of each stretch, and its last).
fn all_days(s: &Scenario) -> Vec<NaiveDate> {
    let ds = dataset::dataset();
    let starts: Vec<NaiveDate> = std::iter::once(FIRST_DAY).chain(engine::breakpoints_for(ds, s)).collect();
    let mut days = starts.clone();
    days.extend(starts.iter().skip(1).map(|d| d.pred_opt().unwrap()));
    days.push(LAST_DAY);
    days
}

/// Two scenarios answer alike on every day and cell: verdicts, deciding clauses and moot keys;
/// and the diff between them is empty.
fn assert_alike(a: Scenario, b: Scenario, what: &str) {
    let ds = dataset::dataset();
    let mut days = all_days(&a);
    days.extend(all_days(&b));
    for day in days {
        assert_eq!(engine::matrix(ds, day, a).unwrap(), engine::matrix(ds, day, b).unwrap(), "{what} on {day}");
        for key in vocab::ScenarioKey::ALL {
            assert_eq!(
                engine::moot(ds, day, a, *key).is_some(),
                engine::moot(ds, day, b, *key).is_some(),
                "{what}: moot {key:?} on {day}"
            );
        }
    }
    assert!(engine::diff_between(ds, a, b).is_empty(), "{what}: diff not empty");
}

/// Switching a clause off behaves exactly like the prepared key that removes it: for every key
/// whose values differ only by gating terms in or out (no lapse hangs on it), setting the key
/// from `v` to `w` is the same as keeping `v` and switching off every term gated on `key=v`
/// — provided no term is gated on `key=w` — in every scenario of the other keys.
#[test]
fn switching_a_clause_off_is_the_prepared_key_that_removes_it() {
    let ds = dataset::dataset();
    let mut pairs = 0;
    for key in vocab::ScenarioKey::ALL {
        let on_lapse = ds.terms.iter().flat_map(|t| t.lapses).any(|l| l.only_if.is_some_and(|g| g.key == *key));
        if on_lapse {
            continue;
        }
        for v in 0..key.values().len() {
            for w in (0..key.values().len()).filter(|w| *w != v) {
                let gated = |value: usize| -> Vec<TermIx> {
                    edits::compute_clauses(ds)
                        .filter(|(_, t)| t.only_if.is_some_and(|g| g.key == *key && usize::from(g.value) == value))
                        .map(|(ix, _)| ix)
                        .collect()
                };
                let (removed, brought) = (gated(v), gated(w));
                if removed.is_empty() || !brought.is_empty() {
                    continue;
                }
                let set = |s: Scenario, value: usize| s.with(key.as_str(), key.values()[value]);
                for base in Scenario::all().into_iter().filter(|s| s.setting(*key).value == 0) {
                    let keyed = set(base, w);
                    let off = removed.iter().fold(set(base, v), |s, ix| s.with_clause_edit(*ix, ClauseEdit::OFF));
                    assert_alike(off, keyed, &format!("{} ({key:?}={})", off, key.values()[w]));
                }
                pairs += 1;
            }
        }
    }
    // amendment_2026_04, exclusive_since, rofr_after_2025_10, frontier_on_aws at least.
    assert!(pairs >= 4, "only {pairs} pairs checked");
    // The issue's own example, by name.
    let off = Scenario::AS_HAPPENED.with_clause_edit(ds.term_by_id("azure-first").unwrap(), ClauseEdit::OFF);
    assert_alike(off, Scenario::AS_HAPPENED.with("amendment_2026_04", "false"), "azure-first off");
}

/// An edit that restates a clause's own values (its dates, open end, coverage) changes nothing.
#[test]
fn an_edit_restating_a_clause_changes_nothing() {
    let ds = dataset::dataset();
    for (ix, term) in edits::compute_clauses(ds) {
        let restated = ClauseEdit {
            off: false,
            from: term.from.map(|f| f.date),
            until: Some(term.until.map_or(Until::Open, Until::On)),
            workloads: Some(edits::workload_mask(term.workloads)),
            providers: Some(edits::provider_mask(term.providers)),
        };
        for base in [
            Scenario::AS_HAPPENED,
            Scenario::AS_HAPPENED.with("amendment_2026_04", "false").with("rofr_after_2025_10", "loosened"),
        ] {
            assert_alike(base.with_clause_edit(ix, restated), base, term.id);
        }
        assert!(edits::describe_edit(term, &restated).is_empty(), "{}", term.id);
    }
}
