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

impl DiffSpan {
    /// What made the span differ, in a reader's words: "2026-04-27 amendment happened: no".
    pub fn causes_text(&self) -> String {
        self.causes.iter().map(|s| s.describe()).collect::<Vec<_>>().join(" and ")
    }
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
    // The settings in which the two scenarios differ.
    let changed: Vec<Setting> =
        ScenarioKey::ALL.iter().map(|k| scenario.setting(*k)).filter(|s| baseline.setting(s.key) != *s).collect();
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
            let mut causes: Vec<Setting> = changed
                .iter()
                .filter(|s| {
                    evaluate(ds, &query.under(scenario.with_setting(baseline.setting(s.key)))).outcome == base.outcome
                })
                .copied()
                .collect();
            if causes.is_empty() {
                causes.clone_from(&changed);
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
