//! The rules engine: date × workload × provider × scenario → a [`Verdict`] with the terms
//! that decided it, the conditions they depend on, and where each condition stands.
//!
//! Pure: no I/O, no web types. Decisions are data, never bare booleans.
//!
//! How terms combine (the whole rule, in four steps):
//! 1. A term *applies* to a cell on a day when it is in force (`from <= day < until`), covers
//!    the workload and provider, is admitted by the scenario (`only_if`), has not lapsed,
//!    and is not superseded — a term that supersedes it, covers the cell and is admitted,
//!    has started by that day.
//! 2. Each applying term says allowed, blocked, or — for the right of first refusal —
//!    whatever Microsoft's answer makes it (open answer: conditional).
//! 3. Any blocked → blocked; else any conditional → conditional; else allowed.
//! 4. The determining terms are those that say the final outcome. With no term at all, the
//!    cell is allowed: nothing in the dataset restricts it.

mod diff;
mod paths;
mod timeline;

pub use diff::{diff, diff_between, CellDiff, DiffSpan};
pub use paths::{paths_to_yes, PathsToYes};
pub use timeline::{
    breakpoints, breakpoints_for, last_day, next_change, next_change_after, next_verdict_change, range_end, timeline,
    verdict_bands, Band, Change, VerdictBand,
};

use crate::dataset::{Dataset, DecisionIx, Effect, Lapse, LapseKind, Moot, Term, TermIx};
use crate::edits::{self, Mask, Until, ADDED_BASE};
use crate::scenario::Scenario;
use crate::vocab::{self, Condition, Decision, Provider, ScenarioKey, Workload};
use chrono::NaiveDate;

/// Adds `item` to a sorted, duplicate-free list, keeping it so. The lists here are short (tens
/// of items); this costs a fraction of the code a general sort adds to the wasm bundle.
fn insert_sorted<T: Ord>(list: &mut Vec<T>, item: T) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}

/// One question: may OpenAI run `workload` on `provider` on `date` under `scenario`?
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Query {
    pub date: NaiveDate,
    pub workload: Workload,
    pub provider: Provider,
    pub scenario: Scenario,
}

/// What is wrong with a question.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("date: {0}")]
    Date(#[from] vocab::DateError),
    #[error("workload: {0}")]
    Workload(vocab::VocabError),
    #[error("provider: {0}")]
    Provider(vocab::VocabError),
    #[error("{0}")]
    Scenario(#[from] crate::scenario::ScenarioError),
}

impl Query {
    /// Parses the wire form of a question; every error names its field and what is accepted.
    pub fn parse(date: &str, workload: &str, provider: &str, scenario: Scenario) -> Result<Query, QueryError> {
        Ok(Query {
            date: vocab::parse_day_in_range(date)?,
            workload: Workload::parse(workload).map_err(QueryError::Workload)?,
            provider: Provider::parse(provider).map_err(QueryError::Provider)?,
            scenario,
        })
    }

    /// The same question on another day.
    #[must_use]
    pub fn on(self, date: NaiveDate) -> Query {
        Query { date, ..self }
    }

    /// The same question under another scenario.
    #[must_use]
    pub fn under(self, scenario: Scenario) -> Query {
        Query { scenario, ..self }
    }
}

/// The answer. Serialised as its word: "allowed", "blocked", "conditional".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Allowed,
    Blocked,
    /// Allowed only if an open fact turns out one way.
    Conditional,
}

impl Outcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Blocked => "blocked",
            Outcome::Conditional => "conditional",
        }
    }
    /// A symbol that carries the verdict without colour.
    pub const fn symbol(self) -> &'static str {
        match self {
            Outcome::Allowed => "✓",
            Outcome::Blocked => "✗",
            Outcome::Conditional => "?",
        }
    }
}

/// Whether a condition a term depends on holds, on the day asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactState {
    Holds,
    Fails,
    Open,
}

/// What settled (or left open) a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The reader's scenario set it.
    Scenario,
    /// A decision recorded in the dataset.
    Record(DecisionIx),
    /// Nothing recorded by that day.
    NotRecorded,
    /// The scenario's default (e.g. AGI not verified).
    Default,
}

/// A condition a determining term depends on, and where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConditionCheck {
    pub condition: Condition,
    pub state: FactState,
    pub basis: Basis,
}

/// One term's say on the cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Reason {
    pub term: TermIx,
    pub outcome: Outcome,
    pub condition: Option<ConditionCheck>,
}

/// The engine's answer: the outcome and the determining terms with their conditions.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Verdict {
    pub outcome: Outcome,
    /// The terms that decided the outcome (empty: nothing restricts the cell).
    pub reasons: Vec<Reason>,
}

/// Why a term did or did not take part in a verdict (for "show all terms considered").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    Applies(Reason),
    NotInForce,
    DoesNotCover,
    NotInScenario,
    Lapsed,
    SupersededBy(TermIx),
    NotACompute,
}

impl Verdict {
    /// The conditions still open (what would settle a conditional verdict).
    pub fn open_conditions(&self) -> impl Iterator<Item = &Reason> {
        self.reasons.iter().filter(|r| r.condition.is_some_and(|c| c.state == FactState::Open))
    }
}

/// Answers one question.
pub fn verdict(ds: &Dataset, query: &Query) -> Result<Verdict, QueryError> {
    vocab::check_range(query.date)?;
    Ok(evaluate(ds, query))
}

/// A clause as a scenario has it: a dataset term with the reader's edits applied, or a
/// clause the reader added (`ix` from [`ADDED_BASE`] on). The engine reads only these.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Live {
    pub ix: TermIx,
    pub effect: Effect,
    /// The first day in force (`NaiveDate::MIN`: since before the range).
    pub start: NaiveDate,
    /// The first day no longer in force (`None`: open-ended).
    pub until: Option<NaiveDate>,
    pub workloads: Mask,
    pub providers: Mask,
    /// Part of the scenario: its gate admits it and the reader did not switch it off.
    pub admitted: bool,
    /// The dataset terms it supersedes, one bit per index.
    pub supersedes: u64,
    pub lapses: &'static [Lapse],
}

impl Live {
    pub fn covers(&self, workload: Workload, provider: Provider) -> bool {
        edits::has_workload(self.workloads, workload) && edits::has_provider(self.providers, provider)
    }
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.start <= date && self.until.is_none_or(|until| date < until)
    }
    /// Whether this is a clause the reader added.
    pub fn is_added(&self) -> bool {
        self.ix.0 >= ADDED_BASE
    }
}

/// Every clause as `scenario` has it: the dataset's terms in order, then the added clauses.
pub fn live_clauses(ds: &Dataset, scenario: &Scenario) -> Vec<Live> {
    let mut out = Vec::with_capacity(ds.terms.len() + edits::MAX_ADDED);
    for (i, term) in ds.terms.iter().enumerate() {
        let ix = index(i);
        let edit = scenario.clause_edit(ix);
        out.push(Live {
            ix,
            effect: term.effect,
            start: edit.from.unwrap_or_else(|| term.start()),
            until: edit.until.map_or(term.until, Until::date),
            workloads: edit.workloads.unwrap_or_else(|| edits::workload_mask(term.workloads)),
            providers: edit.providers.unwrap_or_else(|| edits::provider_mask(term.providers)),
            admitted: !edit.off && admitted(term, *scenario),
            supersedes: term.supersedes.iter().fold(0, |m, s| m | 1u64.checked_shl(u32::from(s.0)).unwrap_or(0)),
            lapses: term.lapses,
        });
    }
    for (slot, added) in scenario.edits().added() {
        out.push(Live {
            ix: TermIx(ADDED_BASE + u16::try_from(slot).unwrap_or(0)),
            effect: added.effect,
            start: added.from.unwrap_or(NaiveDate::MIN),
            until: added.until,
            workloads: added.workloads,
            providers: added.providers,
            admitted: true,
            supersedes: added.supersedes,
            lapses: &[],
        });
    }
    out
}

/// Answers a question already known to be in range.
pub(crate) fn evaluate(ds: &Dataset, query: &Query) -> Verdict {
    evaluate_with(ds, &live_clauses(ds, &query.scenario), query)
}

/// Answers a question against clauses already made live for its scenario.
pub(crate) fn evaluate_with(ds: &Dataset, lives: &[Live], query: &Query) -> Verdict {
    let mut reasons: Vec<Reason> = Vec::new();
    for live in lives {
        if let Standing::Applies(reason) = standing_of(ds, live, lives, query) {
            reasons.push(reason);
        }
    }
    let outcome = [Outcome::Blocked, Outcome::Conditional]
        .into_iter()
        .find(|o| reasons.iter().any(|r| r.outcome == *o))
        .unwrap_or(Outcome::Allowed);
    reasons.retain(|r| r.outcome == outcome);
    Verdict { outcome, reasons }
}

/// How every term stands for this question, in dataset order.
pub fn considered(ds: &Dataset, query: &Query) -> Result<Vec<(TermIx, Standing)>, QueryError> {
    vocab::check_range(query.date)?;
    let lives = live_clauses(ds, &query.scenario);
    Ok(lives.iter().map(|live| (live.ix, standing_of(ds, live, &lives, query))).collect())
}

fn index(i: usize) -> TermIx {
    TermIx(u16::try_from(i).unwrap_or(u16::MAX))
}

/// Whether a term is admitted by the scenario's gates.
pub(crate) fn admitted(term: &Term, scenario: Scenario) -> bool {
    term.only_if.is_none_or(|g| scenario.admits(g))
}

fn standing_of(ds: &Dataset, term: &Live, lives: &[Live], q: &Query) -> Standing {
    let ix = term.ix;
    if term.effect == Effect::None {
        return Standing::NotACompute;
    }
    if !term.covers(q.workload, q.provider) {
        return Standing::DoesNotCover;
    }
    if !term.admitted {
        return Standing::NotInScenario;
    }
    if !term.in_force(q.date) {
        return Standing::NotInForce;
    }
    if let Some(by) = superseded_by(lives, ix, q) {
        return Standing::SupersededBy(by);
    }
    let mut agi_check = None;
    for lapse in term.lapses {
        if lapse.only_if.is_some_and(|g| !q.scenario.admits(g)) {
            continue;
        }
        match lapse.kind {
            LapseKind::On(day) if q.date >= day => return Standing::Lapsed,
            LapseKind::When { condition: Condition::AgiVerified, from } if q.date >= from => {
                if q.scenario.agi_verified() {
                    return Standing::Lapsed;
                }
                let basis =
                    if q.scenario.is_default(ScenarioKey::AgiVerified) { Basis::Default } else { Basis::Scenario };
                agi_check = Some(ConditionCheck { condition: Condition::AgiVerified, state: FactState::Fails, basis });
            }
            _ => {}
        }
    }
    let reason = match (term.effect, q.provider) {
        (Effect::Allowed, _) | (Effect::AzureOnly | Effect::Rofr, Provider::Azure) => {
            Reason { term: ix, outcome: Outcome::Allowed, condition: None }
        }
        (Effect::AzureOnly, _) => Reason { term: ix, outcome: Outcome::Blocked, condition: agi_check },
        _ => {
            let check = microsoft_answer(ds, q);
            let outcome = match check.state {
                FactState::Holds => Outcome::Allowed,
                FactState::Fails => Outcome::Blocked,
                FactState::Open => Outcome::Conditional,
            };
            Reason { term: ix, outcome, condition: Some(check) }
        }
    };
    Standing::Applies(reason)
}

/// The first clause (in dataset order, then the added ones) that supersedes `ix` for this
/// cell by this day.
fn superseded_by(lives: &[Live], ix: TermIx, q: &Query) -> Option<TermIx> {
    let bit = 1u64.checked_shl(u32::from(ix.0)).unwrap_or(0);
    lives
        .iter()
        .find(|other| {
            other.supersedes & bit != 0
                && other.covers(q.workload, q.provider)
                && other.admitted
                && other.start <= q.date
        })
        .map(|other| other.ix)
}

/// Microsoft's answer to capacity on this provider for this workload, as of the day asked.
fn microsoft_answer(ds: &Dataset, q: &Query) -> ConditionCheck {
    let record = ds
        .decisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.provider == q.provider && d.workloads.contains(&q.workload) && d.known_from <= q.date)
        .max_by_key(|(_, d)| d.known_from)
        .map(|(i, d)| (DecisionIx(u16::try_from(i).unwrap_or(u16::MAX)), d.decision));
    let check = |state, basis| ConditionCheck { condition: Condition::MicrosoftDeclines, state, basis };
    if let Some((ix, Decision::Approved)) = record {
        return check(FactState::Holds, Basis::Record(ix));
    }
    match (q.scenario.microsoft_declines(), record) {
        (Some(true), _) => check(FactState::Holds, Basis::Scenario),
        (Some(false), _) => check(FactState::Fails, Basis::Scenario),
        (None, Some((ix, Decision::Declined | Decision::Approved))) => check(FactState::Holds, Basis::Record(ix)),
        (None, Some((ix, Decision::Accepted))) => check(FactState::Fails, Basis::Record(ix)),
        (None, Some((ix, Decision::Unknown))) => check(FactState::Open, Basis::Record(ix)),
        (None, None) => check(FactState::Open, Basis::NotRecorded),
    }
}

/// The term that makes scenario key `key` change nothing on `date` under `scenario`, with
/// the reason (data: `[[term.moot]]`; the tests check the claim against the engine). With
/// the reader's edits, the claim (made for the clauses as the sources have them) is kept only
/// if it still holds: every value of the key gives every cell the same outcome that day.
pub fn moot(
    ds: &Dataset,
    date: NaiveDate,
    scenario: Scenario,
    key: ScenarioKey,
) -> Option<(&'static Term, &'static Moot)> {
    let lives = live_clauses(ds, &scenario);
    let claim = ds
        .terms
        .iter()
        .zip(&lives)
        .filter(|(_, live)| live.admitted && live.in_force(date))
        .find_map(|(t, _)| t.moots.iter().find(|m| m.key == key).map(|m| (t, m)))?;
    if !scenario.has_edits() {
        return Some(claim);
    }
    let date = date.clamp(vocab::FIRST_DAY, vocab::LAST_DAY);
    let holds = questions(date, scenario).all(|q| {
        let outcome = evaluate_with(ds, &lives, &q).outcome;
        (0..key.values().len()).all(|v| {
            let other = scenario.with_setting(vocab::Setting { key, value: u8::try_from(v).unwrap_or(0) });
            evaluate(ds, &q.under(other)).outcome == outcome
        })
    });
    holds.then_some(claim)
}

/// A reader's sentence for a moot key: what it is, and why it changes nothing.
pub fn describe_moot(term: &Term, moot: &Moot) -> String {
    let since = term.from.map(|f| format!(" (from {})", f.date)).unwrap_or_default();
    format!("Not offered while \u{201c}{}\u{201d} is in force{since}: {}", term.title, moot.why)
}

/// One cell of the grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub workload: Workload,
    pub provider: Provider,
    pub verdict: Verdict,
}

/// Every workload × provider on one day.
pub fn matrix(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> Result<Vec<Cell>, QueryError> {
    vocab::check_range(date)?;
    let lives = live_clauses(ds, &scenario);
    Ok(questions(date, scenario)
        .map(|q| Cell { workload: q.workload, provider: q.provider, verdict: evaluate_with(ds, &lives, &q) })
        .collect())
}

/// The question for every cell on one day, row by row.
pub fn questions(date: NaiveDate, scenario: Scenario) -> impl Iterator<Item = Query> {
    cells().map(move |(workload, provider)| Query { date, workload, provider, scenario })
}

/// The outcome of one cell on a day known to be in range (clamped otherwise).
pub fn evaluate_cell(
    ds: &Dataset,
    date: NaiveDate,
    workload: Workload,
    provider: Provider,
    scenario: Scenario,
) -> Outcome {
    let date = date.clamp(vocab::FIRST_DAY, vocab::LAST_DAY);
    evaluate(ds, &Query { date, workload, provider, scenario }).outcome
}

/// Every workload × provider, row by row.
pub fn cells() -> impl Iterator<Item = (Workload, Provider)> {
    // By index rather than a flat_map (whose iterator state costs wasm at every use).
    let (ws, ps) = (Workload::ALL, Provider::ALL);
    (0..ws.len() * ps.len()).map(move |i| (ws[i / ps.len()], ps[i % ps.len()]))
}

/// A reader's sentence for a condition check.
pub fn describe_condition(ds: &Dataset, query: &Query, check: &ConditionCheck) -> String {
    let provider = query.provider.label();
    match (check.condition, check.state, check.basis) {
        (Condition::MicrosoftDeclines, FactState::Open, Basis::Record(ix)) => {
            format!("Allowed only if Microsoft declines the capacity on {provider}: {}", ds.decision(ix).what)
        }
        (Condition::MicrosoftDeclines, FactState::Open, _) => {
            format!(
                "Allowed only if Microsoft declines the capacity on {provider} (no decision recorded by {})",
                query.date
            )
        }
        (Condition::MicrosoftDeclines, FactState::Holds, Basis::Record(ix)) => {
            let d = ds.decision(ix);
            let reported = if ds.confirmed(d.sources) { "" } else { " — reported, not confirmed by the companies" };
            format!(
                "Condition met as recorded ({}, known from {}{reported}): {}",
                d.decision.label(),
                d.known_from,
                d.what
            )
        }
        (Condition::MicrosoftDeclines, FactState::Holds, _) => {
            "Condition met in this scenario: Microsoft declines the capacity".to_owned()
        }
        (Condition::MicrosoftDeclines, FactState::Fails, Basis::Record(ix)) => {
            format!("Microsoft took the capacity, as recorded: {}", ds.decision(ix).what)
        }
        (Condition::MicrosoftDeclines, FactState::Fails, _) => {
            "In this scenario Microsoft takes the capacity itself".to_owned()
        }
        (Condition::AgiVerified, _, Basis::Scenario) => {
            "Would lapse once AGI is declared and verified; this scenario says it is not".to_owned()
        }
        (Condition::AgiVerified, _, _) => {
            "Would lapse once AGI is declared and verified by the expert panel (not verified)".to_owned()
        }
    }
}
