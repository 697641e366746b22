//! Answers as readers and programs receive them: the engine's verdict with each determining
//! clause's title and sources, the open conditions in plain words, the caveats, and the next
//! change. One shape for the page, `window.dealscope` and the exports.

use crate::dataset::{Citation, Dataset, PartialDate};
use crate::engine::{
    self, describe_condition, describe_moot, next_change_after, next_verdict_change, Basis, FactState, Outcome, Query,
    QueryError, Verdict,
};
use crate::vocab::format_partial;
use serde::Serialize;

/// A source as cited by a clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    pub id: &'static str,
    pub title: &'static str,
    /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or `null` when the source is undated.
    pub date: Option<String>,
    /// The outlet or author as a reader sees it ([`source_name`]: "Unnamed news report" where
    /// the research named none).
    pub publisher: String,
    /// `primary`, `news` or `seed` (kept for programs written against earlier versions).
    pub kind: &'static str,
    /// `primary`, `press` or `secondary`.
    pub reliability: &'static str,
    /// Whether the companies themselves published what the source reports.
    pub confirmed: bool,
    pub locator: &'static str,
    /// The publisher's own address of the source (`https://…`), or `null` where none was
    /// found; never another site's copy or report of it.
    pub url: Option<&'static str>,
    pub quote: Option<&'static str>,
}

/// A determining clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// The dataset's id (`your-clause` for a clause the reader added).
    pub id: &'static str,
    pub title: String,
    pub summary: String,
    /// True for a clause the reader added in this what-if: it is in no source and has none.
    pub hypothetical: bool,
    /// True when the reader edited this clause in this what-if (`changes` says how).
    pub edited: bool,
    /// What the what-if changed, each beside what the sources say ("until 2025-03-01 in this
    /// what-if; the sources say until 2025-10-28").
    pub changes: Vec<String>,
    /// What this clause says for the cell: allowed, blocked or conditional.
    pub says: &'static str,
    /// Where the condition it depends on stands, in plain words.
    pub condition: Option<String>,
    /// False when every source of the clause is a report the companies did not confirm.
    pub confirmed: bool,
    pub sources: Vec<SourceRef>,
}

/// The full answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub date: String,
    pub workload: &'static str,
    pub provider: &'static str,
    pub verdict: Outcome,
    pub clauses: Vec<Clause>,
    /// What is still open when the verdict is conditional.
    pub conditions: Vec<String>,
    /// Qualifications of an allowed verdict (e.g. Azure first for new products).
    pub notes: Vec<&'static str>,
    /// The next day the answer changes under the same scenario.
    pub next_change: Option<String>,
    /// The verdict from `next_change` on.
    pub next_verdict: Option<Outcome>,
    /// The next day the *verdict* changes (allowed, blocked, conditional) under the same
    /// scenario, with the verdict from then on; days on which only the deciding clauses change
    /// are skipped (`next_change` counts them).
    pub next_verdict_change: Option<VerdictChange>,
    /// The scenario, as `key=value` changes from as-happened ("as happened" when none).
    pub scenario: String,
    /// The scenario in a reader's words ("2026-04-27 amendment happened: no").
    pub scenario_text: String,
    /// True when the scenario contains the reader's own clause edits or added clauses.
    pub scenario_edited: bool,
    /// False when a determining clause, or the recorded decision that settles its condition,
    /// rests only on reports the companies did not confirm.
    pub confirmed: bool,
    /// What-ifs that change nothing on this day, and why (e.g. AGI after the 2026 amendment).
    pub moot: Vec<String>,
    /// The day the data was last researched (`YYYY-MM-DD`).
    pub data_as_of: String,
    /// True when `date` is after `data_as_of`: the answer applies the terms as agreed then;
    /// it is a projection, not a record.
    pub projection: bool,
}

/// When the verdict changes, and to what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct VerdictChange {
    pub date: String,
    pub verdict: Outcome,
}

/// What the reader is told when an answer rests on unconfirmed reports.
pub const REPORTED: &str = "reported, not confirmed by the companies";

/// What the reader is told about an answer for a day after the data's "as of".
pub fn projection_note(ds: &Dataset) -> String {
    format!(
        "Projection, not a record: this day is after the data was last researched ({}), so the answer applies the terms as agreed by then.",
        ds.researched
    )
}

/// Builds the answer to `query`.
pub fn answer(ds: &Dataset, query: &Query) -> Result<Answer, QueryError> {
    let verdict = engine::verdict(ds, query)?;
    let next = next_change_after(ds, query, &verdict);
    let clauses = clauses(ds, query, &verdict);
    // A recorded decision that settles a condition counts like a clause's sources.
    let records_confirmed = verdict.reasons.iter().filter_map(|r| r.condition).all(|c| match c.basis {
        Basis::Record(ix) if c.state != FactState::Open => ds.confirmed(ds.decision(ix).sources),
        _ => true,
    });
    Ok(Answer {
        confirmed: clauses.iter().all(|c| c.confirmed) && records_confirmed,
        date: query.date.to_string(),
        workload: query.workload.as_str(),
        provider: query.provider.as_str(),
        verdict: verdict.outcome,
        clauses,
        conditions: verdict
            .open_conditions()
            .filter_map(|r| r.condition.map(|c| describe_condition(ds, query, &c)))
            .collect(),
        notes: notes(ds, &verdict),
        next_change: next.as_ref().map(|c| c.date.to_string()),
        next_verdict: next.as_ref().map(|c| c.verdict.outcome),
        next_verdict_change: match next {
            // The common case: the next change of the answer is one of its verdict.
            Some(c) if c.verdict.outcome != verdict.outcome => Some(c),
            Some(_) => next_verdict_change(ds, query, verdict.outcome),
            None => None,
        }
        .map(|c| VerdictChange { date: c.date.to_string(), verdict: c.verdict.outcome }),
        scenario: query.scenario.to_string(),
        scenario_text: query.scenario.describe(),
        scenario_edited: query.scenario.has_edits(),
        moot: crate::vocab::ScenarioKey::ALL
            .iter()
            .filter_map(|key| engine::moot(ds, query.date, query.scenario, *key))
            .map(|(term, moot)| describe_moot(term, moot))
            .collect(),
        data_as_of: ds.researched.to_string(),
        projection: ds.is_projection(query.date),
    })
}

/// The determining clauses of a verdict, with their sources.
pub fn clauses(ds: &Dataset, query: &Query, verdict: &Verdict) -> Vec<Clause> {
    verdict
        .reasons
        .iter()
        .map(|r| {
            let term = ds.term(r.term);
            let slot = r.term.0.checked_sub(crate::edits::ADDED_BASE).map(usize::from);
            if let Some(added) = slot.and_then(|slot| query.scenario.added(slot)) {
                return Clause {
                    id: term.id,
                    title: added.name(),
                    summary: format!("{YOUR_CLAUSE}: {}", describe_added(added)),
                    hypothetical: true,
                    edited: false,
                    changes: Vec::new(),
                    says: r.outcome.as_str(),
                    condition: r.condition.map(|c| describe_condition(ds, query, &c)),
                    confirmed: false,
                    sources: Vec::new(),
                };
            }
            let changes = crate::edits::describe_edit(term, &query.scenario.clause_edit(r.term));
            Clause {
                id: term.id,
                title: term.title.to_owned(),
                summary: term.summary.to_owned(),
                hypothetical: false,
                edited: !changes.is_empty(),
                changes,
                says: r.outcome.as_str(),
                condition: r.condition.map(|c| describe_condition(ds, query, &c)),
                confirmed: ds.confirmed(term.sources),
                sources: sources(ds, term.sources),
            }
        })
        .collect()
}

/// What a reader is told about a clause they added.
pub const YOUR_CLAUSE: &str = "your clause \u{2014} in no source";

/// An added clause's terms in a reader's words: "Azure only for OpenAI API on all providers,
/// from 2026-04-27, open-ended; supersedes “…”".
pub fn describe_added(added: &crate::edits::AddedClause) -> String {
    use crate::dataset::Effect;
    let ds = crate::dataset::dataset();
    let what = match added.effect {
        Effect::AzureOnly => "Azure only",
        Effect::Rofr => "Microsoft's first refusal",
        _ => "allowed",
    };
    let from = added.from.map_or_else(|| "from the start".to_owned(), |d| format!("from {d}"));
    let until = added.until.map_or_else(|| "open-ended".to_owned(), |d| format!("until {d}"));
    let mut out = format!(
        "{what} for {} on {}, {from}, {until}",
        crate::edits::coverage_text(added.workloads, true),
        crate::edits::coverage_text(added.providers, false)
    );
    let superseded: Vec<String> =
        added.superseded().map(|ix| format!("\u{201c}{}\u{201d}", ds.term(ix).title)).collect();
    if !superseded.is_empty() {
        let _ = std::fmt::Write::write_fmt(&mut out, format_args!("; supersedes {}", superseded.join(", ")));
    }
    out
}

/// The caveats of the determining terms of an allowed verdict.
pub fn notes(ds: &Dataset, verdict: &Verdict) -> Vec<&'static str> {
    verdict.reasons.iter().filter_map(|r| ds.term(r.term).caveat).collect()
}

/// Citations resolved to sources.
pub fn sources(ds: &Dataset, citations: &[Citation]) -> Vec<SourceRef> {
    citations
        .iter()
        .map(|c| {
            let s = ds.source(c.source);
            SourceRef {
                id: s.id,
                title: s.title,
                date: s.date.map(partial),
                publisher: source_name(s.publisher),
                kind: s.kind(),
                reliability: s.reliability.as_str(),
                confirmed: s.confirmed,
                locator: s.locator,
                url: s.url,
                quote: c.quote,
            }
        })
        .collect()
}

/// A source's address as plain-text citations write it after the source: ` <https://…>`, or
/// nothing where the publisher's own address is not known (Cite and the exports).
pub fn address(url: Option<&str>) -> String {
    url.map(|u| format!(" <{u}>")).unwrap_or_default()
}

/// A partial date as text at its precision.
pub fn partial(date: PartialDate) -> String {
    format_partial(date.date, date.precision)
}

pub use dealscope_data::words::source_name;
