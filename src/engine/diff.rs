//! One scenario against another (as happened, by default): which cells differ, over which
//! days, and why.

use super::timeline::{breakpoints, range_end};
use super::{cells, evaluate, Outcome, Query, TermIx};
use crate::dataset::Dataset;
use crate::scenario::Scenario;
use crate::vocab::{Provider, ScenarioKey, Setting, Workload, FIRST_DAY};
use chrono::NaiveDate;

/// A stretch of days on which a cell's outcome differs from as-happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffSpan {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub baseline: Outcome,
    pub scenario: Outcome,
    /// The scenario's settings that, each reset alone, remove the difference (all its
    /// changes when only their combination does).
    pub causes: Vec<Setting>,
    /// The terms that determine one side and not the other.
    pub terms: Vec<TermIx>,
}

/// One cell's differences.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellDiff {
    pub workload: Workload,
    pub provider: Provider,
    pub spans: Vec<DiffSpan>,
}

/// Every cell whose outcome differs between `scenario` and as happened, over the whole range.
pub fn diff(ds: &Dataset, scenario: Scenario) -> Vec<CellDiff> {
    diff_between(ds, scenario, Scenario::AS_HAPPENED)
}

/// Every cell whose outcome differs between scenario `a` and scenario `b` (the baseline),
/// over the whole range; each span's causes are `a`'s settings that, set back to `b`'s alone,
/// remove the difference.
pub fn diff_between(ds: &Dataset, scenario: Scenario, baseline: Scenario) -> Vec<CellDiff> {
    let days: Vec<NaiveDate> = std::iter::once(FIRST_DAY).chain(breakpoints(ds)).collect();
    let mut out = Vec::new();
    for (workload, provider) in cells() {
        let mut spans: Vec<DiffSpan> = Vec::new();
        for (i, &from) in days.iter().enumerate() {
            let until = days.get(i + 1).copied().unwrap_or_else(range_end);
            let query = Query { date: from, workload, provider, scenario };
            let base = evaluate(ds, &query.under(baseline));
            let what_if = evaluate(ds, &query);
            if base.outcome == what_if.outcome {
                continue;
            }
            let mut causes: Vec<Setting> = ScenarioKey::ALL
                .iter()
                .filter(|&&k| scenario.setting(k) != baseline.setting(k))
                .filter(|&&k| {
                    evaluate(ds, &query.under(scenario.with_setting(baseline.setting(k)))).outcome == base.outcome
                })
                .map(|&k| scenario.setting(k))
                .collect();
            if causes.is_empty() {
                causes = ScenarioKey::ALL
                    .iter()
                    .map(|k| scenario.setting(*k))
                    .filter(|s| baseline.setting(s.key) != *s)
                    .collect();
            }
            let mut terms: Vec<TermIx> = Vec::new();
            for term in base.reasons.iter().chain(&what_if.reasons).map(|r| r.term) {
                if !(base.reasons.iter().any(|r| r.term == term) && what_if.reasons.iter().any(|r| r.term == term)) {
                    super::insert_sorted(&mut terms, term);
                }
            }
            match spans.last_mut() {
                Some(last)
                    if last.until == from
                        && last.baseline == base.outcome
                        && last.scenario == what_if.outcome
                        && last.causes == causes
                        && last.terms == terms =>
                {
                    last.until = until;
                }
                _ => spans.push(DiffSpan {
                    from,
                    until,
                    baseline: base.outcome,
                    scenario: what_if.outcome,
                    causes,
                    terms,
                }),
            }
        }
        if !spans.is_empty() {
            out.push(CellDiff { workload, provider, spans });
        }
    }
    out
}
