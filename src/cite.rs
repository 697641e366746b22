//! A citation of one answer, to paste into an article: the question in a reader's words, the
//! verdict, the clauses that decided it with their sources, dates and reliability, the
//! data's "as of", and the permalink. The page's "Cite" button and `dealscope.cite` give the
//! same text.

use crate::answer::{answer, REPORTED};
use crate::dataset::Dataset;
use crate::engine::{Query, QueryError};
use crate::permalink::ViewState;
use std::fmt::Write as _;

/// The permalink of an answer: `base` (the page's address without its query) with the view
/// that shows this cell on this day under this scenario.
pub fn permalink(base: &str, query: &Query) -> String {
    let view = ViewState {
        date: query.date,
        scenario: query.scenario,
        selected: Some((query.workload, query.provider)),
        ..ViewState::default()
    };
    format!("{base}{}", view.to_query())
}

/// The link to `view` on `base` (the page's address without its query): what "Copy link"
/// copies.
pub fn view_link(base: &str, view: &ViewState) -> String {
    format!("{base}{}", view.to_query())
}

/// The HTML that embeds `view` in an article (README, "Links and embedding"): an iframe of the
/// view with `embed=1` (only the grid and the open panel), titled with what it shows.
pub fn embed_snippet(base: &str, view: &ViewState) -> String {
    let embedded = ViewState { embed: true, ..*view };
    let mut title = format!("dealscope: where OpenAI may run each workload on {}", view.date);
    if view.scenario != crate::scenario::Scenario::AS_HAPPENED {
        let _ = write!(title, " ({})", view.scenario.describe());
    }
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"900\" height=\"700\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe>",
        crate::html::escape(&view_link(base, &embedded)),
        crate::html::escape(&title)
    )
}

/// The citation of the answer to `query`, with its permalink on `base`.
pub fn cite(ds: &Dataset, query: &Query, base: &str) -> Result<String, QueryError> {
    let a = answer(ds, query)?;
    let mut out = format!(
        "dealscope: may OpenAI run {} on {} on {} ({})? {}.",
        query.workload.label(),
        query.provider.label(),
        a.date,
        query.scenario.describe(),
        capitalised(a.verdict.as_str())
    );
    if a.projection {
        let _ = write!(out, " A projection from the terms as agreed, not a record.");
    }
    if a.scenario_edited {
        let _ = write!(out, " This what-if contains the reader's own clause edits: not what the sources say.");
    }
    if !a.confirmed {
        let _ = write!(out, " Rests on reports: {REPORTED}.");
    }
    for clause in &a.clauses {
        if clause.hypothetical {
            let _ =
                write!(out, "\nDecided by “{}” ({}): {}.", clause.title, crate::answer::YOUR_CLAUSE, clause.summary);
            continue;
        }
        let since = ds
            .term_by_id(clause.id)
            .and_then(|ix| ds.term(ix).from)
            .map(|f| format!(", from {}", crate::answer::partial(f)))
            .unwrap_or_default();
        let _ = write!(out, "\nDecided by “{}”{since}. Sources: ", clause.title);
        let sources: Vec<String> = clause
            .sources
            .iter()
            .map(|s| {
                let confirmed = if s.confirmed { "" } else { ", not confirmed" };
                let address = crate::answer::address(s.url);
                format!(
                    "{}, “{}” ({}; {}{confirmed}){address}",
                    s.publisher,
                    s.title,
                    s.date.as_deref().unwrap_or("undated"),
                    s.reliability
                )
            })
            .collect();
        out.push_str(&sources.join("; "));
        out.push('.');
        if clause.edited {
            let _ = write!(out, " Edited in this what-if: {}.", clause.changes.join("; "));
        }
    }
    if a.clauses.is_empty() {
        out.push_str("\nNo term in the dataset restricts it on that day.");
    }
    for condition in &a.conditions {
        let _ = write!(out, "\nStill open: {condition}.");
    }
    let _ = write!(
        out,
        "\nData as of {} ({}; dealscope {}). {}",
        a.data_as_of,
        ds.as_of_note,
        crate::VERSION,
        permalink(base, query)
    );
    Ok(out)
}

/// The verdict word with a capital (ASCII only: `char::to_uppercase` pulls Unicode case
/// tables into the wasm, measured at 11 KB gzip).
fn capitalised(word: &str) -> String {
    let mut out = word.to_owned();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::scenario::Scenario;

    #[test]
    fn a_view_is_shared_as_its_link_or_an_embed_snippet() {
        let view = ViewState {
            date: crate::vocab::ymd(2025, 3, 15),
            scenario: Scenario::AS_HAPPENED.with("microsoft_declines", "true"),
            selected: Some((crate::vocab::Workload::Training, crate::vocab::Provider::Coreweave)),
            ..ViewState::default()
        };
        let base = "https://example.org/dealscope/";
        let link = view_link(base, &view);
        assert!(
            link.starts_with(
                "https://example.org/dealscope/?date=2025-03-15&microsoft_declines=true&cell=training.coreweave&v="
            ),
            "{link}"
        );
        assert!(!link.contains("embed=1"));
        let snippet = embed_snippet(base, &view);
        assert!(snippet.starts_with("<iframe src=\"https://example.org/dealscope/?date=2025-03-15&amp;microsoft_declines=true&amp;cell=training.coreweave&amp;"), "{snippet}");
        assert!(snippet.contains("&amp;embed=1&amp;v="), "only the grid and the open panel: {snippet}");
        assert!(snippet.contains(" title=\"dealscope: where OpenAI may run each workload on 2025-03-15 (Microsoft’s answer to new capacity: declined)\""), "{snippet}");
        assert!(snippet.ends_with("></iframe>"));
    }

    #[test]
    fn a_citation_has_the_question_verdict_clauses_sources_as_of_and_link() {
        let q = Query::parse("2026-03-01", "products", "aws", Scenario::AS_HAPPENED.with("frontier_on_aws", "blocked"))
            .unwrap();
        let text = cite(dataset(), &q, "https://example.org/dealscope/").unwrap();
        assert!(text.starts_with("dealscope: may OpenAI run Own products (ChatGPT…) on Amazon Web Services on 2026-03-01 (Frontier on AWS before the amendment: blocked (Microsoft, as reported))? Blocked."), "{text}");
        assert!(text.contains("Rests on reports: reported, not confirmed by the companies."), "{text}");
        assert!(text.contains("Decided by “Microsoft's reported reading: Frontier on AWS is API access, reserved to Azure”, from 2026-02-27."), "{text}");
        assert!(text.contains("Financial Times (relayed by Reuters), “Microsoft considers legal action against OpenAI and Amazon over Frontier on AWS” (2026-03-18; press, not confirmed)"), "{text}");
        assert!(text.contains("Data as of 2026-12-07"), "{text}");
        let link = "\nData as of 2026-12-07 (no change to the terms found July–December 2026; dealscope 0.1.0). https://example.org/dealscope/?date=2026-03-01&frontier_on_aws=blocked&cell=products.aws&v=";
        assert!(text.contains(link), "the permalink, with the verdicts it shows: {text}");
        // A source with the publisher's own address carries it, to open from the article.
        let q = Query::parse(
            "2025-03-15",
            "training",
            "coreweave",
            Scenario::AS_HAPPENED.with("microsoft_declines", "true"),
        )
        .unwrap();
        let text = cite(dataset(), &q, "").unwrap();
        assert!(text.contains("“Microsoft and OpenAI evolve partnership to drive the next phase of AI” (2025-01-21; primary) <https://blogs.microsoft.com/blog/2025/01/21/microsoft-and-openai-evolve-partnership-to-drive-the-next-phase-of-ai/>"), "{text}");
        let open = Query::parse("2025-03-15", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
        let text = cite(dataset(), &open, "").unwrap();
        assert!(
            text.contains("? Conditional.") && text.contains("Still open: Allowed only if Microsoft declines"),
            "{text}"
        );
    }
}
