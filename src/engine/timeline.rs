//! Time: the days on which any answer can change, the next change for one question, and a
//! cell's verdict bands from 2016 to 2035.

use super::{evaluate, Query, QueryError, Verdict};
use crate::dataset::{Dataset, LapseKind};
use crate::scenario::Scenario;
use crate::vocab::{self, Provider, Workload, FIRST_DAY, LAST_DAY};
use chrono::NaiveDate;

/// Every day inside the range on which some term, lapse or recorded decision starts or ends,
/// sorted, without duplicates. Between two of them, every answer is constant.
pub fn breakpoints(ds: &Dataset) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = Vec::new();
    let lapses = ds.terms.iter().flat_map(|t| t.lapses).map(|lapse| match lapse.kind {
        LapseKind::On(day) | LapseKind::When { from: day, .. } => day,
    });
    let all = ds.terms.iter().flat_map(|t| t.from.map(|f| f.date).into_iter().chain(t.until));
    for day in all.chain(lapses).chain(ds.decisions.iter().map(|d| d.known_from)) {
        if day > FIRST_DAY && day <= LAST_DAY {
            super::insert_sorted(&mut days, day);
        }
    }
    days
}

/// The breakpoints of `scenario`: the dataset's, and the days the reader's edits and added
/// clauses start or end.
pub fn breakpoints_for(ds: &Dataset, scenario: &Scenario) -> Vec<NaiveDate> {
    let mut days = breakpoints(ds);
    if scenario.has_edits() {
        let edits = scenario.edits();
        let edited =
            edits.edited().flat_map(|(_, e)| e.from.into_iter().chain(e.until.and_then(crate::edits::Until::date)));
        let added = edits.added().flat_map(|(_, a)| a.from.into_iter().chain(a.until));
        for day in edited.chain(added).filter(|d| crate::edits::in_range(*d)) {
            super::insert_sorted(&mut days, day);
        }
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
    breakpoints_for(ds, &query.scenario)
        .into_iter()
        .filter(|d| *d > query.date)
        .map(|date| Change { date, verdict: evaluate(ds, &query.on(date)) })
        .find(|change| change.verdict != *now)
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
    let mut bands: Vec<Band> = Vec::new();
    for from in std::iter::once(FIRST_DAY).chain(days.iter().copied()) {
        let verdict = evaluate(ds, &query.on(from));
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
