//! Why: the explanation of one cell's verdict.

use super::{escape, sources_list};
use crate::answer::{answer, projection_note, Answer, REPORTED};
use crate::dataset::Dataset;
use crate::engine::{considered, last_day, paths_to_yes, range_end, timeline, Query, Standing};
use crate::scenario::describe_change;
use crate::vocab::FIRST_DAY;
use std::fmt::Write as _;

/// What the "Why" panel shows: a hint without a selected cell, the explanation with one, or
/// the error that stopped it.
pub fn content(ds: &Dataset, query: Option<&Query>) -> String {
    match query {
        None => "<p class=\"hint\">Pick a cell in the grid to see why.</p>".to_owned(),
        Some(q) => match answer(ds, q) {
            Ok(a) => why(ds, q, &a),
            Err(e) => format!("<p class=\"error\" role=\"alert\">{}</p>", escape(&e.to_string())),
        },
    }
}

/// The explanation of one answer: verdict, determining clauses with their sources, open
/// conditions, caveats, next change, paths to yes, verdict bands over 2016–2035, and every term
/// considered. Buttons carry `data-action` (`date` with `data-date`, `scenario` with
/// `data-set="key=value;…"`) and links into the dataset view `data-action="follow"`; the page
/// handles them with one listener.
pub fn why(ds: &Dataset, query: &Query, answer: &Answer) -> String {
    let mut out = String::with_capacity(4096);
    let (outcome, symbol) = (answer.verdict.as_str(), answer.verdict.symbol());
    let _ = write!(
        out,
        "<h2>{} on {} on <time>{}</time>: <span class=\"badge {outcome}\"><span class=\"symbol\" aria-hidden=\"true\">{symbol}</span> {outcome}</span></h2>",
        escape(query.workload.label()),
        escape(query.provider.label()),
        answer.date
    );
    if answer.projection {
        let _ =
            write!(out, "<p class=\"projection\" data-testid=\"projection-note\">{}</p>", escape(&projection_note(ds)));
    }
    if !answer.confirmed {
        let _ = write!(
            out,
            "<p class=\"reported\" data-testid=\"reported\">This answer rests on reports: {REPORTED}. See the marks on the sources below.</p>"
        );
    }
    if answer.clauses.is_empty() {
        out.push_str("<p>No term in the dataset restricts this on that day.</p>");
    }
    out.push_str("<ul class=\"clauses\">");
    for c in &answer.clauses {
        let _ = write!(
            out,
            "<li data-testid=\"clause-{id}\"><h3><a href=\"#term-{id}\" data-action=\"follow\">{}</a> <code>{id}</code> — says {}{}</h3><p>{}</p>",
            escape(c.title),
            c.says,
            if c.confirmed { String::new() } else { format!(" <span class=\"rel unconfirmed\">{REPORTED}</span>") },
            escape(c.summary),
            id = escape(c.id)
        );
        if let Some(condition) = &c.condition {
            let _ = write!(out, "<p class=\"condition\">{}</p>", escape(condition));
        }
        sources_list(&mut out, &c.sources);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    list_section(&mut out, "open", "Still open", answer.conditions.iter().map(String::as_str));
    list_section(&mut out, "notes", "But note", answer.notes.iter().copied());
    list_section(&mut out, "moot", "What-ifs that change nothing on this day", answer.moot.iter().map(String::as_str));
    out.push_str("<p class=\"next\" data-testid=\"next-change\">");
    match (&answer.next_change, answer.next_verdict) {
        (Some(day), Some(v)) => {
            let _ = write!(out, "Next change: {} (then {})", date_button(day, day), v.as_str());
        }
        _ => out.push_str("No change before 2036 under this scenario."),
    }
    out.push_str("</p>");
    paths(&mut out, ds, query);
    bands(&mut out, ds, query);
    considered_terms(&mut out, ds, query);
    out
}

fn list_section<'a>(out: &mut String, class: &str, title: &str, items: impl Iterator<Item = &'a str>) {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = write!(out, "<section class=\"{class}\"><h3>{title}</h3><ul>");
    for item in items {
        let _ = write!(out, "<li>{}</li>", escape(item));
    }
    out.push_str("</ul></section>");
}

fn date_button(day: &str, label: &str) -> String {
    format!(
        "<button type=\"button\" class=\"link\" data-action=\"date\" data-date=\"{day}\">{}</button>",
        escape(label)
    )
}

fn paths(out: &mut String, ds: &Dataset, query: &Query) {
    let Ok(paths) = paths_to_yes(ds, query) else { return };
    if paths.toggles.first().is_some_and(Vec::is_empty) {
        return;
    }
    out.push_str("<section class=\"paths\" data-testid=\"paths-to-yes\"><h3>Paths to yes</h3><ul>");
    for set in &paths.toggles {
        let spec: Vec<String> = set.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let text: Vec<String> = set.iter().map(|(k, v)| describe_change(k, v)).collect();
        let _ = write!(
            out,
            "<li><button type=\"button\" class=\"link\" data-action=\"scenario\" data-set=\"{}\">Try: {}</button></li>",
            escape(&spec.join(";")),
            escape(&text.join(" and "))
        );
    }
    match paths.earliest {
        Some(day) if day > query.date => {
            let _ = write!(
                out,
                "<li>{}</li>",
                date_button(&day.to_string(), &format!("Or wait: allowed from {day} as things stand"))
            );
        }
        Some(_) => {}
        None => out.push_str("<li>Not allowed on any later day under this scenario.</li>"),
    }
    out.push_str("</ul></section>");
}

fn bands(out: &mut String, ds: &Dataset, query: &Query) {
    let total = range_end().signed_duration_since(FIRST_DAY).num_days().max(1);
    out.push_str("<section class=\"bands\"><h3>Over time</h3><ol class=\"band-strip\" data-testid=\"bands\">");
    for b in timeline(ds, query.workload, query.provider, query.scenario) {
        let width = b.until.signed_duration_since(b.from).num_days() * 1000 / total;
        let current = if b.from <= query.date && query.date < b.until { " current" } else { "" };
        let outcome = b.verdict.outcome;
        let label = format!("{} to {}: {}", b.from, last_day(b.until), outcome.as_str());
        let _ = write!(
            out,
            "<li style=\"flex-grow:{width}\" class=\"band {}{current}\"><button type=\"button\" title=\"{label}\" aria-label=\"{label}\" data-action=\"date\" data-date=\"{}\"><span aria-hidden=\"true\">{}</span></button></li>",
            outcome.as_str(),
            b.from,
            outcome.symbol()
        );
    }
    out.push_str("</ol><div class=\"band-axis\" aria-hidden=\"true\"><span>2016</span><span>2025</span><span>2035</span></div></section>");
}

fn considered_terms(out: &mut String, ds: &Dataset, query: &Query) {
    out.push_str("<details class=\"considered\"><summary>All terms considered</summary><ul>");
    for (ix, standing) in considered(ds, query).unwrap_or_default() {
        let why = match standing {
            Standing::Applies(r) => format!("applies: {}", r.outcome.as_str()),
            Standing::NotInForce => "not in force on this day".to_owned(),
            Standing::DoesNotCover => "does not cover this workload and provider".to_owned(),
            Standing::NotInScenario => "not part of this scenario".to_owned(),
            Standing::Lapsed => "lapsed".to_owned(),
            Standing::SupersededBy(by) => format!("superseded by {}", ds.term(by).id),
            Standing::NotACompute => "not a compute clause".to_owned(),
        };
        let _ = write!(out, "<li><code>{}</code>: {why}</li>", escape(ds.term(ix).id));
    }
    out.push_str("</ul></details>");
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
        let html = why(ds, &q, &answer(ds, &q).unwrap());
        assert!(html.contains("data-testid=\"reported\""), "{html}");
        assert!(html.contains("press · not confirmed"), "the source's mark");
        // The CoreWeave decision is reported by Semafor, not confirmed.
        let q = Query::parse("2025-04-01", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap());
        assert!(html.contains("reported, not confirmed by the companies"), "{html}");
        // A primary clause: no warning; a day after the as-of date: a projection.
        let q = Query::parse("2027-01-01", "api", "aws", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap());
        assert!(!html.contains("data-testid=\"reported\""));
        assert!(html.contains("data-testid=\"projection-note\""));
        assert!(html.contains("What-ifs that change nothing on this day"), "AGI is moot after the amendment");
    }

    #[test]
    fn explanation_has_clauses_actions_and_bands() {
        let ds = dataset();
        let q = Query::parse("2025-03-15", "training", "coreweave", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap());
        assert!(html.contains("data-testid=\"clause-rofr-new-capacity\""));
        assert!(html.contains("href=\"#term-rofr-new-capacity\" data-action=\"follow\""));
        assert!(html.contains("data-action=\"date\" data-date=\"2025-03-20\""), "next change button");
        assert!(html.contains("data-set=\"microsoft_declines=true\""), "path to yes");
        assert!(html.contains("aria-label=\"2019-07-22 to 2025-01-20: blocked\""), "bands");
        assert!(html.contains("<code>azure-exclusive</code>: not in force on this day"), "considered");
    }
}
