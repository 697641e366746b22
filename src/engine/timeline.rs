//! Time: the days on which any answer can change, the next change for one question (of its
//! answer, or of its verdict alone), and a cell's bands from 2016 to 2035 — one a change of the
//! answer ([`timeline`]), or merged to one a change of the verdict ([`verdict_bands`]), as a
//! reader sees them.

use super::{evaluate, evaluate_with, live_clauses, Outcome, Query, QueryError, Verdict};
use crate::dataset::{Dataset, LapseKind};
use crate::scenario::Scenario;
use crate::vocab::{self, Provider, Workload, FIRST_DAY, LAST_DAY};
use chrono::NaiveDate;

/// Every day inside the range on which some term, lapse or recorded decision starts or ends,
/// sorted, without duplicates. Between two of them, every answer is constant.
pub fn breakpoints(ds: &Dataset) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = Vec::new();
    let mut add = |day: NaiveDate| {
        if day > FIRST_DAY && day <= LAST_DAY {
            super::insert_sorted(&mut days, day);
        }
    };
    for t in ds.terms {
        t.from.map(|f| f.date).into_iter().chain(t.until).for_each(&mut add);
        for lapse in t.lapses {
            match lapse.kind {
                LapseKind::On(day) | LapseKind::When { from: day, .. } => add(day),
            }
        }
    }
    for d in ds.decisions {
        add(d.known_from);
    }
    days
}

/// The breakpoints of `scenario`: the dataset's, and the days the reader's edits and added
/// clauses start or end.
pub fn breakpoints_for(ds: &Dataset, scenario: &Scenario) -> Vec<NaiveDate> {
    let mut days = breakpoints(ds);
    let edits = scenario.edits();
    let mut add = |day: Option<NaiveDate>| {
        if let Some(day) = day.filter(|d| crate::edits::in_range(*d)) {
            super::insert_sorted(&mut days, day);
        }
    };
    // A clause left as the sources have it has neither date.
    for e in &edits.clauses {
        add(e.from);
        add(e.until.and_then(crate::edits::Until::date));
    }
    for a in edits.added.iter().flatten() {
        add(a.from);
        add(a.until);
    }
    days
}

/// The next day the answer changes, with the answer from then on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub date: NaiveDate,
    pub verdict: Verdict,
}

/// When the answer to `query` next changes under the same scenario (`None`: not before 2036).
pub fn next_change(ds: &Dataset, query: &Query) -> Result<Option<Change>, QueryError> {
    vocab::check_range(query.date)?;
    Ok(next_change_after(ds, query, &evaluate(ds, query)))
}

/// The same, for a caller that already has the answer `now` to `query` (in range).
pub fn next_change_after(ds: &Dataset, query: &Query, now: &Verdict) -> Option<Change> {
    let lives = live_clauses(ds, &query.scenario);
    breakpoints_for(ds, &query.scenario)
        .into_iter()
        .filter(|d| *d > query.date)
        .map(|date| Change { date, verdict: evaluate_with(ds, &lives, &query.on(date)) })
        .find(|change| change.verdict != *now)
}

/// When the *verdict* for `query` next changes (allowed, blocked, conditional), skipping the
/// days on which only the deciding clauses change; `now` is the verdict on `query.date`.
pub fn next_verdict_change(ds: &Dataset, query: &Query, now: Outcome) -> Option<Change> {
    let lives = live_clauses(ds, &query.scenario);
    breakpoints(ds)
        .into_iter()
        .filter(|d| *d > query.date)
        .map(|date| Change { date, verdict: evaluate_with(ds, &lives, &query.on(date)) })
        .find(|change| change.verdict.outcome != now)
}

/// The last day of a half-open interval ending at `until` (what a reader is shown).
pub fn last_day(until: NaiveDate) -> NaiveDate {
    until.pred_opt().unwrap_or(until)
}

/// A stretch of days with one verdict: `[from, until)`; `until` is at most 2036-01-01.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub verdict: Verdict,
}

/// The day after the range: the exclusive end of the last band.
pub fn range_end() -> NaiveDate {
    LAST_DAY.succ_opt().unwrap_or(LAST_DAY)
}

/// A cell's verdict over the whole range, as bands that tile it with no gap or overlap.
pub fn timeline(ds: &Dataset, workload: Workload, provider: Provider, scenario: Scenario) -> Vec<Band> {
    timeline_over(ds, &breakpoints_for(ds, &scenario), workload, provider, scenario)
}

pub(crate) fn timeline_over(
    ds: &Dataset,
    days: &[NaiveDate],
    workload: Workload,
    provider: Provider,
    scenario: Scenario,
) -> Vec<Band> {
    let query = Query { date: FIRST_DAY, workload, provider, scenario };
    let lives = live_clauses(ds, &scenario);
    let mut bands: Vec<Band> = Vec::new();
    for from in std::iter::once(FIRST_DAY).chain(days.iter().copied()) {
        let verdict = evaluate_with(ds, &lives, &query.on(from));
        match bands.last_mut() {
            Some(last) if last.verdict == verdict => {}
            Some(last) => {
                last.until = from;
                bands.push(Band { from, until: range_end(), verdict });
            }
            None => bands.push(Band { from, until: range_end(), verdict }),
        }
    }
    bands
}

/// A stretch of days with one verdict as a reader sees it: `[from, until)`, merged over the
/// days on which only the deciding clauses change (`clause_changes`, inside the stretch).
/// `no_terms`: no term of the deal applies at all (allowed because nothing restricts it yet),
/// which a reader is shown apart from "allowed by a clause".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictBand {
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub outcome: Outcome,
    pub no_terms: bool,
    pub clause_changes: Vec<NaiveDate>,
}

impl VerdictBand {
    /// Whether `day` is in the band.
    pub fn holds(&self, day: NaiveDate) -> bool {
        self.from <= day && day < self.until
    }
}

/// A timeline's bands merged where the verdict (and whether any term applies) stays the same.
pub fn verdict_bands(bands: &[Band]) -> Vec<VerdictBand> {
    let mut out: Vec<VerdictBand> = Vec::new();
    for b in bands {
        let (outcome, no_terms) = (b.verdict.outcome, b.verdict.reasons.is_empty());
        match out.last_mut() {
            Some(last) if last.outcome == outcome && last.no_terms == no_terms => {
                last.clause_changes.push(b.from);
                last.until = b.until;
            }
            _ => out.push(VerdictBand { from: b.from, until: b.until, outcome, no_terms, clause_changes: Vec::new() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    fn merged(workload: Workload, provider: Provider, scenario: Scenario) -> Vec<VerdictBand> {
        verdict_bands(&timeline(dataset(), workload, provider, scenario))
    }

    #[test]
    fn bands_with_the_same_verdict_merge_and_keep_the_clause_changes_as_ticks() {
        let ds = dataset();
        for (workload, provider) in super::super::cells() {
            for scenario in [Scenario::AS_HAPPENED, Scenario::AS_HAPPENED.with("microsoft_declines", "true")] {
                let fine = timeline(ds, workload, provider, scenario);
                let bands = verdict_bands(&fine);
                assert_eq!(bands.first().map(|b| b.from), Some(FIRST_DAY));
                assert_eq!(bands.last().map(|b| b.until), Some(range_end()));
                for pair in bands.windows(2) {
                    assert_eq!(pair[0].until, pair[1].from, "they tile the range");
                    assert_ne!(
                        (pair[0].outcome, pair[0].no_terms),
                        (pair[1].outcome, pair[1].no_terms),
                        "{workload}.{provider}"
                    );
                }
                // Every boundary of the fine timeline is a band edge or a tick, nothing else.
                let edges =
                    bands.iter().map(|b| b.from).chain(bands.iter().flat_map(|b| b.clause_changes.iter().copied()));
                assert_eq!(edges.count(), fine.len());
                for b in &bands {
                    assert!(b.clause_changes.iter().all(|d| b.from < *d && *d < b.until));
                    assert!(!b.no_terms || b.outcome == Outcome::Allowed, "no terms: nothing restricts it");
                }
            }
        }
        // The API on AWS, as happened: blocked from 2019-07-22 to the 2026-04-27 amendment,
        // whichever clause said so — one band, the changes of clause as ticks.
        let aws = merged(Workload::Api, Provider::Aws, Scenario::AS_HAPPENED);
        let blocked = aws.iter().find(|b| b.outcome == Outcome::Blocked).unwrap();
        assert_eq!((blocked.from, blocked.until), (ymd(2019, 7, 22), ymd(2026, 4, 27)));
        assert_eq!(blocked.clause_changes, [ymd(2025, 1, 21), ymd(2025, 10, 28), ymd(2026, 2, 27)]);
        assert_eq!(aws.len(), 4, "no terms, allowed, blocked, allowed: {aws:?}");
    }

    #[test]
    fn before_any_term_the_cell_has_no_deal_terms_yet() {
        for (workload, provider) in super::super::cells() {
            let bands = merged(workload, provider, Scenario::AS_HAPPENED);
            let first = &bands[0];
            assert!(first.no_terms, "{workload}.{provider}: {first:?}");
            assert_eq!((first.from, first.outcome), (FIRST_DAY, Outcome::Allowed));
            assert!(first.until <= ymd(2016, 11, 15), "the first terms are of 2016-11-15: {first:?}");
        }
    }

    #[test]
    fn the_next_verdict_change_skips_changes_of_the_deciding_clause() {
        let ds = dataset();
        for (workload, provider) in super::super::cells() {
            let query = Query { date: FIRST_DAY, workload, provider, scenario: Scenario::AS_HAPPENED };
            let now = evaluate(ds, &query).outcome;
            let bands = merged(workload, provider, Scenario::AS_HAPPENED);
            // The next change of verdict is where the first band of another verdict starts.
            let expected = bands.iter().find(|b| b.outcome != now).map(|b| b.from);
            let got = next_verdict_change(ds, &query, now);
            assert_eq!(got.as_ref().map(|c| c.date), expected, "{workload}.{provider}");
            if let Some(c) = got {
                assert_ne!(c.verdict.outcome, now);
            }
            // "Next change" of the answer may come earlier: the first terms, allowed → allowed.
            let any = next_change(ds, &query).ok().flatten().map(|c| c.date);
            assert!(any <= expected || expected.is_none(), "{workload}.{provider}");
        }
        // The reported bug: on 2016-01-01 Azure training's next change was "2016-11-01 (then
        // allowed)"; its verdict never changes.
        let azure = Query {
            date: FIRST_DAY,
            workload: Workload::Training,
            provider: Provider::Azure,
            scenario: Scenario::AS_HAPPENED,
        };
        assert!(next_change(ds, &azure).unwrap().is_some_and(|c| c.verdict.outcome == Outcome::Allowed));
        assert_eq!(next_verdict_change(ds, &azure, Outcome::Allowed), None);
    }
}
