//! Why: the explanation of one cell's verdict.

use super::contract::Action;
use super::{html, markup, sources_list, Html};
use crate::answer::{answer, projection_note, Answer, REPORTED};
use crate::dataset::Dataset;
use crate::engine::{considered, paths_to_yes, range_end, timeline, Query, Standing};
use crate::vocab::FIRST_DAY;

/// What the "Why" panel shows: a hint without a selected cell, the explanation with one, or
/// the error that stopped it.
pub fn content(ds: &Dataset, query: Option<&Query>) -> Html {
    match query {
        None => markup!("<p class=\"hint\">Pick a cell in the grid to see why.</p>"),
        Some(q) => match answer(ds, q) {
            Ok(a) => why(ds, q, &a),
            Err(e) => markup!("<p class=\"error\" role=\"alert\">{}</p>", e.to_string()),
        },
    }
}

/// The explanation of one answer: verdict, determining clauses with their sources, open
/// conditions, caveats, what-ifs that change nothing, next change, paths to yes, verdict bands
/// over 2016–2035, and every term considered. Every button and link carries an [`Action`].
pub fn why(ds: &Dataset, query: &Query, answer: &Answer) -> Html {
    let mut out = markup!(
        "<h2>{} on {} on <time>{}</time>: <span class=\"badge {}\"><span class=\"symbol\" aria-hidden=\"true\">{}</span> {}</span></h2>",
        query.workload.label(),
        query.provider.label(),
        answer.date,
        answer.verdict,
        answer.verdict.symbol(),
        answer.verdict
    );
    if answer.projection {
        html!(out, "<p class=\"projection\" data-testid=\"projection-note\">{}</p>", projection_note(ds));
    }
    if !answer.confirmed {
        html!(
            out,
            "<p class=\"reported\" data-testid=\"reported\">This answer rests on reports: {}. See the marks on the sources below.</p>",
            REPORTED
        );
    }
    if answer.clauses.is_empty() {
        html!(out, "<p>No term in the dataset restricts this on that day.</p>");
    }
    html!(out, "<ul class=\"clauses\">");
    for c in &answer.clauses {
        html!(
            out,
            "<li data-testid=\"clause-{}\"><h3><a{}>{}</a> — {}",
            c.id,
            Action::Follow(format!("term-{}", c.id)).html(),
            c.title,
            says(c.says)
        );
        if !c.confirmed {
            html!(out, " <span class=\"rel unconfirmed\">{}</span>", REPORTED);
        }
        html!(out, "</h3><p>{}</p>", c.summary);
        if let Some(condition) = &c.condition {
            html!(out, "<p class=\"condition\">{}</p>", condition);
        }
        sources_list(&mut out, &c.sources);
        html!(out, "</li>");
    }
    html!(out, "</ul>");
    list_section(&mut out, "open", "Still open", answer.conditions.iter().map(String::as_str));
    list_section(&mut out, "notes", "But note", answer.notes.iter().copied());
    list_section(&mut out, "moot", "What-ifs that change nothing on this day", answer.moot.iter().map(String::as_str));
    html!(out, "<p class=\"next\" data-testid=\"next-change\">");
    let next = answer.next_change.as_deref().and_then(|d| crate::vocab::parse_day(d).ok());
    if let (Some(day), Some(v)) = (next, answer.next_verdict) {
        html!(out, "Next change: {} (then {})", date_button(day, &day.to_string()), v);
    } else {
        html!(out, "No change before 2036 under this scenario.");
    }
    html!(out, "</p>");
    html!(
        out,
        "<p class=\"cite\"><button type=\"button\" data-testid=\"cite\"{}>Cite this answer</button> <span class=\"cite-status\" role=\"status\"></span></p>",
        Action::Cite.html()
    );
    paths(&mut out, ds, query);
    bands(&mut out, ds, query);
    considered_terms(&mut out, ds, query);
    super::in_reader_words(ds, &out)
}

/// What a determining clause does to the cell, in a reader's words.
fn says(outcome: &str) -> &'static str {
    match outcome {
        "allowed" => "allows it",
        "blocked" => "blocks it",
        _ => "leaves it open",
    }
}

fn list_section<'a>(out: &mut Html, class: &str, title: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        return;
    }
    html!(out, "<section class=\"{}\"><h3>{}</h3><ul>", class, title);
    super::list_items(out, items);
    html!(out, "</ul></section>");
}

/// A link-styled button to a day.
fn date_button(day: chrono::NaiveDate, label: &str) -> Html {
    markup!("<button type=\"button\" class=\"link\"{}>{}</button>", Action::Date(day).html(), label)
}

fn paths(out: &mut Html, ds: &Dataset, query: &Query) {
    let Ok(paths) = paths_to_yes(ds, query) else { return };
    if paths.toggles.first().is_some_and(Vec::is_empty) {
        return;
    }
    html!(out, "<section class=\"paths\" data-testid=\"paths-to-yes\"><h3>Paths to yes</h3><ul>");
    for set in &paths.toggles {
        let text: Vec<String> = set.iter().map(|s| s.describe()).collect();
        html!(
            out,
            "<li><button type=\"button\" class=\"link\"{}>Try: {}</button></li>",
            Action::Scenario(set.clone()).html(),
            text.join(" and ")
        );
    }
    match paths.earliest {
        Some(day) if day > query.date => {
            html!(out, "<li>{}</li>", date_button(day, &format!("Or wait: allowed from {day} as things stand")));
        }
        Some(_) => {}
        None => html!(out, "<li>Not allowed on any later day under this scenario.</li>"),
    }
    html!(out, "</ul></section>");
}

fn bands(out: &mut Html, ds: &Dataset, query: &Query) {
    let total = range_end().signed_duration_since(FIRST_DAY).num_days().max(1);
    html!(out, "<section class=\"bands\"><h3>Over time</h3><ol class=\"band-strip\" data-testid=\"bands\">");
    for b in timeline(ds, query.workload, query.provider, query.scenario) {
        let width = b.until.signed_duration_since(b.from).num_days() * 1000 / total;
        let current = if b.from <= query.date && query.date < b.until { " current" } else { "" };
        let outcome = b.verdict.outcome;
        let label = format!("{}: {}", super::diff::span_text(b.from, b.until), outcome.as_str());
        html!(
            out,
            "<li style=\"flex-grow:{}\" class=\"band {}{}\"><button type=\"button\" title=\"{}\" aria-label=\"{}\"{}><span aria-hidden=\"true\">{}</span></button></li>",
            width,
            outcome,
            current,
            label,
            label,
            Action::Date(b.from).html(),
            outcome.symbol()
        );
    }
    html!(out, "</ol><div class=\"band-axis\" aria-hidden=\"true\"><span>2016</span><span>2025</span><span>2035</span></div></section>");
}

fn considered_terms(out: &mut Html, ds: &Dataset, query: &Query) {
    html!(out, "<details class=\"considered\"><summary>All terms considered</summary><ul>");
    for (ix, standing) in considered(ds, query).unwrap_or_default() {
        let why = match standing {
            Standing::Applies(r) => format!("applies: {}", r.outcome.as_str()),
            Standing::NotInForce => "not in force on this day".to_owned(),
            Standing::DoesNotCover => "does not cover this workload and provider".to_owned(),
            Standing::NotInScenario => "not part of this scenario".to_owned(),
            Standing::Lapsed => "lapsed".to_owned(),
            Standing::SupersededBy(by) => format!("superseded by “{}”", ds.term(by).title),
            Standing::NotACompute => "not a compute clause".to_owned(),
        };
        html!(out, "<li>{}: {}</li>", ds.term(ix).title, why);
    }
    html!(out, "</ul></details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::scenario::Scenario;

    #[test]
    fn reports_and_projections_are_said() {
        let ds = dataset();
        // Microsoft's reading of Frontier on AWS rests on the FT alone.
        let s = Scenario::AS_HAPPENED.with("frontier_on_aws", "blocked");
        let q = Query::parse("2026-03-01", "products", "aws", s).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap()).into_string();
        assert!(html.contains("data-testid=\"reported\""), "{html}");
        assert!(html.contains("press · not confirmed"), "the source's mark");
        // The CoreWeave decision is reported by Semafor, not confirmed.
        let q = Query::parse("2025-04-01", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap()).into_string();
        assert!(html.contains("reported, not confirmed by the companies"), "{html}");
        // A primary clause: no warning; a day after the as-of date: a projection.
        let q = Query::parse("2027-01-01", "api", "aws", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap()).into_string();
        assert!(!html.contains("data-testid=\"reported\""));
        assert!(html.contains("data-testid=\"projection-note\""));
        assert!(html.contains("What-ifs that change nothing on this day"), "AGI is moot after the amendment");
    }

    #[test]
    fn explanation_has_clauses_actions_and_bands() {
        let ds = dataset();
        let q = Query::parse("2025-03-15", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap()).into_string();
        assert!(html.contains("data-testid=\"clause-rofr-new-capacity\""));
        assert!(html.contains("data-action=\"follow\" href=\"#term-rofr-new-capacity\""));
        assert!(html.contains("data-action=\"date\" data-date=\"2025-03-20\""), "next change button");
        assert!(html.contains("data-set=\"microsoft_declines=true\""), "path to yes");
        assert!(html.contains("aria-label=\"2019-07-22 to 2025-01-20: blocked\""), "bands");
        assert!(html.contains("<li>Azure is OpenAI&#39;s exclusive cloud: not in force on this day"), "considered");
        assert!(html.contains("— leaves it open"), "what the clause does, in words");
        assert!(!html.contains("<code>"), "no machine names in the reader's explanation");
    }
}
