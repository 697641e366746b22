//! One scenario against another (as happened, by default): which cells differ, over which
//! days, and why.

use super::timeline::{breakpoints_for, range_end};
use super::{cells, evaluate, evaluate_with, live_clauses, Outcome, Query, TermIx};
use crate::dataset::Dataset;
use crate::edits::EditRef;
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
    /// The reader's edits that, each set back to the baseline's alone, remove the difference
    /// (with `causes`, all the differing edits when only their combination does).
    pub edits: Vec<EditRef>,
    /// Those edits in a reader's words ("your edit of “…”: switched off …").
    pub edits_text: Vec<String>,
    /// The terms that determine one side and not the other.
    pub terms: Vec<TermIx>,
}

impl DiffSpan {
    /// What made the span differ, in a reader's words: "2026-04-27 amendment happened: no".
    pub fn causes_text(&self) -> String {
        let settings = self.causes.iter().map(|s| s.describe());
        settings.chain(self.edits_text.iter().cloned()).collect::<Vec<_>>().join(" and ")
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
    let mut days: Vec<NaiveDate> = std::iter::once(FIRST_DAY).chain(breakpoints_for(ds, &scenario)).collect();
    for day in breakpoints_for(ds, &baseline) {
        super::insert_sorted(&mut days, day);
    }
    // The settings and the edits in which the two scenarios differ.
    let changed: Vec<Setting> =
        ScenarioKey::ALL.iter().map(|k| scenario.setting(*k)).filter(|s| baseline.setting(s.key) != *s).collect();
    let changed_edits = scenario.edits_differing(&baseline);
    // Each scenario's clauses, made once rather than for each of the cells' days.
    let (lives, base_lives) = (live_clauses(ds, &scenario), live_clauses(ds, &baseline));
    let mut out = Vec::new();
    for (workload, provider) in cells() {
        let mut spans: Vec<DiffSpan> = Vec::new();
        for (i, &from) in days.iter().enumerate() {
            let until = days.get(i + 1).copied().unwrap_or_else(range_end);
            let query = Query { date: from, workload, provider, scenario };
            let base = evaluate_with(ds, &base_lives, &query.under(baseline));
            let what_if = evaluate_with(ds, &lives, &query);
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
            let mut edits: Vec<EditRef> = changed_edits
                .iter()
                .filter(|e| evaluate(ds, &query.under(scenario.with_edit_of(&baseline, **e))).outcome == base.outcome)
                .copied()
                .collect();
            if causes.is_empty() && edits.is_empty() {
                causes.clone_from(&changed);
                edits.clone_from(&changed_edits);
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
                        && last.edits == edits
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
                    edits_text: edits.iter().map(|e| describe(ds, &scenario, &baseline, *e)).collect(),
                    edits,
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

/// An edit blamed for a difference, in a reader's words, from the side that has it.
fn describe(ds: &Dataset, a: &Scenario, b: &Scenario, which: EditRef) -> String {
    let in_a = match which {
        EditRef::Clause(ix) => !a.clause_edit(ix).is_none(),
        EditRef::Added(slot) => a.added(usize::from(slot)).is_some(),
    };
    if in_a {
        a.describe_edit(ds, which)
    } else {
        format!("B has {}", b.describe_edit(ds, which))
    }
}
