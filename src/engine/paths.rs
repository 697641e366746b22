//! Paths to yes: what would make a blocked or conditional cell allowed — the smallest sets
//! of scenario changes, and the earliest day it becomes allowed as things stand.

use super::timeline::breakpoints_for;
use super::{evaluate, Outcome, Query, QueryError};
use crate::dataset::Dataset;
use crate::scenario::Scenario;
use crate::vocab::{self, ScenarioKey, Setting, KEY_COUNT};
use chrono::NaiveDate;

/// Ways to an allowed verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathsToYes {
    /// Minimal sets of scenario changes that make the cell allowed on the day asked (the
    /// reader's edits kept); no set contains another. Empty when no scenario does.
    pub toggles: Vec<Vec<Setting>>,
    /// The first day on or after the day asked on which the cell is allowed under the same
    /// scenario (`None`: not before 2036).
    pub earliest: Option<NaiveDate>,
}

/// Paths to an allowed verdict for `query` (already allowed: no toggles needed, earliest = the day).
pub fn paths_to_yes(ds: &Dataset, query: &Query) -> Result<PathsToYes, QueryError> {
    vocab::check_range(query.date)?;
    let candidates: Vec<Vec<Setting>> = Scenario::all()
        .into_iter()
        .map(|s| query.scenario.with_keys_of(s))
        .filter(|s| evaluate(ds, &query.under(*s)).outcome == Outcome::Allowed)
        .map(|s| changed_keys(query.scenario, s))
        .collect();
    let mut toggles: Vec<Vec<Setting>> = Vec::new();
    // Smallest sets first (a stable order by size, without a sort).
    for candidate in (0..=KEY_COUNT).flat_map(|n| candidates.iter().filter(move |c| c.len() == n)).cloned() {
        if !toggles.iter().any(|kept| kept.iter().all(|change| candidate.contains(change))) {
            toggles.push(candidate);
        }
    }
    let earliest = std::iter::once(query.date)
        .chain(breakpoints_for(ds, &query.scenario).into_iter().filter(|d| *d > query.date))
        .find(|d| evaluate(ds, &query.on(*d)).outcome == Outcome::Allowed);
    Ok(PathsToYes { toggles, earliest })
}

fn changed_keys(from: Scenario, to: Scenario) -> Vec<Setting> {
    ScenarioKey::ALL.iter().map(|k| to.setting(*k)).filter(|s| from.setting(s.key) != *s).collect()
}
