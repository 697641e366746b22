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
    pub quote: Option<&'static str>,
}

/// A determining clause.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Clause {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
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
            Clause {
                id: term.id,
                title: term.title,
                summary: term.summary,
                says: r.outcome.as_str(),
                condition: r.condition.map(|c| describe_condition(ds, query, &c)),
                confirmed: ds.confirmed(term.sources),
                sources: sources(ds, term.sources),
            }
        })
        .collect()
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
                quote: c.quote,
            }
        })
        .collect()
}

/// A partial date as text at its precision.
pub fn partial(date: PartialDate) -> String {
    format_partial(date.date, date.precision)
}

/// A source's outlet or author as a reader sees it: as the data names it; where the research
/// named none (`unknown (news report)`), what it is ("Unnamed news report"); a bare user name
/// (a blog's handle, all lower-case letters) names nobody a reader can look up: "Unnamed
/// website".
pub fn source_name(publisher: &str) -> String {
    if let Some(what) = publisher.strip_prefix("unknown (").and_then(|rest| rest.strip_suffix(')')) {
        return format!("Unnamed {what}");
    }
    if publisher.is_empty() || publisher == "unknown" {
        return "Unnamed source".to_owned();
    }
    if publisher.bytes().all(|b| b.is_ascii_lowercase()) {
        return "Unnamed website".to_owned();
    }
    publisher.to_owned()
}

/// A source's name inside a sentence: the outlet alone ("All Things Geek" for "All Things Geek
/// (Craig Nash), source TechRadar"), or "an unnamed news report".
fn short_name(publisher: &str) -> String {
    let name = source_name(publisher);
    if let Some(what) = name.strip_prefix("Unnamed ") {
        return format!("an unnamed {what}");
    }
    name.split([',', '(']).next().unwrap_or_default().trim_end().to_owned()
}

/// The data's prose in a reader's words: a seed article named by its number ("seed 003",
/// "Seed 003's reading" — how the research refers to the articles it started from) becomes
/// its outlet ("All Things Geek's reading"), and a scenario key named by its wire name
/// ("scenario key frontier_on_aws") becomes its what-if ("the what-if “Frontier on AWS before
/// the amendment”"), and a conflict named by its id ("see conflict azure-first-wording")
/// becomes its claim. Text without any is returned as it is.
pub fn reader_words(ds: &Dataset, text: &str) -> String {
    reader_words_with(ds, text, &|name| name)
}

/// [`reader_words`], with each name written through `write` (markup escapes it).
pub fn reader_words_with(ds: &Dataset, text: &str, write: &dyn Fn(String) -> String) -> String {
    // Byte by byte, slicing only with `get` (a substring search and a slice that can panic
    // cost the wasm ~5 KB of searcher and panic-formatting code).
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let seed = (rest.starts_with(b"seed ") || rest.starts_with(b"Seed "))
            && rest.get(5..8).is_some_and(|n| n.iter().all(u8::is_ascii_digit));
        let name = if seed {
            let id = format!("seed-{}", text.get(i + 5..i + 8).unwrap_or_default());
            let mut name = ds
                .sources
                .iter()
                .find(|s| s.id == id)
                .map_or_else(|| "a secondary article".to_owned(), |s| short_name(s.publisher));
            if rest.starts_with(b"S") && name.starts_with("an ") {
                name.replace_range(..1, "A");
            }
            Some((name, 8))
        } else if rest.starts_with(b"scenario key ") {
            crate::vocab::ScenarioKey::ALL
                .iter()
                .find(|k| rest.get(13..).is_some_and(|r| r.starts_with(k.as_str().as_bytes())))
                .map(|k| (format!("the what-if “{}”", k.label()), 13 + k.as_str().len()))
        } else if rest.starts_with(b"conflict ") {
            ds.conflicts
                .iter()
                .find(|c| rest.get(9..).is_some_and(|r| r.starts_with(c.id.as_bytes())))
                .map(|c| (format!("“{}”, under “Where sources disagree”", c.claim), 9 + c.id.len()))
        } else {
            None
        };
        match name {
            Some((name, len)) => {
                out.push_str(text.get(from..i).unwrap_or_default());
                out.push_str(&write(name));
                i += len;
                from = i;
            }
            None => i += 1,
        }
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;

    #[test]
    fn sources_are_named_as_a_reader_can_look_them_up() {
        assert_eq!(source_name("unknown (news report)"), "Unnamed news report");
        assert_eq!(source_name("unknown (secondary reporting)"), "Unnamed secondary reporting");
        assert_eq!(source_name("amynicole"), "Unnamed website", "a handle names nobody");
        assert_eq!(source_name("i10x"), "i10x", "an outlet's name, digits and all");
        assert_eq!(source_name("Financial Times (relayed by Reuters)"), "Financial Times (relayed by Reuters)");
        assert_eq!(short_name("All Things Geek (Craig Nash), source TechRadar"), "All Things Geek");
        assert_eq!(short_name("unknown (news report)"), "an unnamed news report");
    }

    #[test]
    fn the_data_s_prose_names_seed_articles_by_their_outlet() {
        let ds = dataset();
        assert_eq!(
            reader_words(ds, "Seed 003's reading, and seed 004 (May 2026); seeds 1 and seed x stay"),
            "All Things Geek's reading, and an unnamed news report (May 2026); seeds 1 and seed x stay"
        );
        assert_eq!(
            reader_words(ds, "until the amendment (scenario key frontier_on_aws)."),
            "until the amendment (the what-if “Frontier on AWS before the amendment”)."
        );
        assert_eq!(reader_words(ds, "plain"), "plain");
        let conflict = &ds.conflicts[0];
        assert_eq!(
            reader_words(ds, &format!("(see conflict {}).", conflict.id)),
            format!("(see “{}”, under “Where sources disagree”).", conflict.claim)
        );
    }
}
