//! Why: the explanation of one cell's verdict.

use super::contract::Action;
use super::overview::{clause_changes, NO_TERMS};
use super::scale::Scale;
use super::{html, markup, sources_list, Html};
use crate::answer::{answer, projection_note, Answer, REPORTED};
use crate::dataset::Dataset;
use crate::engine::{considered, paths_to_yes, timeline, verdict_bands, Query, Standing};
use crate::permalink::TimeRange;
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
        html!(
            out,
            "<p class=\"no-terms\" data-testid=\"no-terms\">No deal terms yet: no term in the dataset applies on that day, so nothing restricts it.</p>"
        );
    }
    html!(out, "<ul class=\"clauses\">");
    for c in &answer.clauses {
        if c.hypothetical {
            // A reader's clause: no link into the dataset, no sources — it is in none.
            html!(
                out,
                "<li class=\"hypothetical\" data-testid=\"clause-your-clause\"><h3>{} — <em>{}</em> — says {}</h3><p>{}</p></li>",
                c.title,
                crate::answer::YOUR_CLAUSE,
                c.says,
                c.summary
            );
            continue;
        }
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
        if c.edited {
            html!(
                out,
                "<p class=\"edited\" data-testid=\"edited-{}\">Your edit: {}. The sources below are for the clause as they give it.</p>",
                c.id,
                c.changes.join("; ")
            );
        }
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
    next_change(&mut out, answer);
    html!(
        out,
        "<p class=\"cite\"><button type=\"button\" data-testid=\"cite\"{}>Cite this answer</button> <span class=\"cite-status\" role=\"status\"></span></p>",
        Action::Cite.html()
    );
    paths(&mut out, ds, query);
    bands(&mut out, ds, query);
    considered_terms(&mut out, ds, query);
    out
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

/// Tenths of a percent as CSS: `37.5%`.
fn percent(permille: i64) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// The cell's verdict over 2016–2035 as a strip of bands merged by verdict, on the scale the
/// slider uses: each band a button to its first day, a thin tick where only what decides it
/// changes, a mark on the chosen day, and the years under the bands at their true dates.
fn bands(out: &mut Html, ds: &Dataset, query: &Query) {
    let scale = Scale::new(ds, TimeRange::All);
    let labels = scale.labels(1000, 100);
    html!(out, "<section class=\"bands\"><h3>Over time</h3><ol class=\"band-strip\" data-testid=\"bands\">");
    for b in verdict_bands(&timeline(ds, query.workload, query.provider, query.scenario)) {
        let (from, until) = (scale.at(b.from), scale.at(b.until));
        let width = (until - from).max(1);
        // Where a day sits inside this band, in tenths of a percent of its width.
        let inside = |at: i64| percent((at - from) * 1000 / width);
        let class = if b.no_terms { "none" } else { b.outcome.as_str() };
        let current = if b.holds(query.date) { " current" } else { "" };
        let verdict = if b.no_terms { NO_TERMS } else { b.outcome.as_str() };
        let label = format!("{}: {verdict}{}", super::diff::span_text(b.from, b.until), clause_changes(&b));
        html!(
            out,
            "<li style=\"flex-grow:{}\" class=\"band {}{}\"><button type=\"button\" title=\"{}\" aria-label=\"{}\"{}><span aria-hidden=\"true\">{}</span></button>",
            width,
            class,
            current,
            label,
            label,
            Action::Date(b.from).html(),
            if b.no_terms { "" } else { b.outcome.symbol() }
        );
        for day in &b.clause_changes {
            html!(out, "<span class=\"clause\" style=\"left:{}\"></span>", inside(scale.at(*day)));
        }
        if b.holds(query.date) {
            html!(out, "<span class=\"day\" style=\"left:{}\"></span>", inside(scale.at(query.date)));
        }
        for (year, _) in labels.iter().filter(|(y, _)| (from..until).contains(&scale.at(jan1(*y)))) {
            html!(
                out,
                "<span class=\"yr\" aria-hidden=\"true\" style=\"left:{}\">{}</span>",
                inside(scale.at(jan1(*year))),
                *year
            );
        }
        html!(out, "</li>");
    }
    html!(out, "</ol></section>");
}

fn jan1(year: i32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(FIRST_DAY)
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

/// "Next change: …": the next change of verdict, and before it, a change of what decides it,
/// said as such.
fn next_change(out: &mut Html, answer: &Answer) {
    html!(out, "<p class=\"next\" data-testid=\"next-change\">");
    let day = |text: Option<&str>| text.and_then(|d| crate::vocab::parse_day(d).ok());
    let verdict_change = answer.next_verdict_change.as_ref().and_then(|c| Some((day(Some(&c.date))?, c.verdict)));
    if let Some((on, v)) = verdict_change {
        html!(out, "Next change: {} (then {})", date_button(on, &on.to_string()), v);
    } else {
        html!(out, "No change of verdict before 2036 under this scenario.");
    }
    // A change of what decides the verdict, before the verdict changes, is said as such.
    if let Some(on) = day(answer.next_change.as_deref()).filter(|d| verdict_change.is_none_or(|(v, _)| *d < v)) {
        html!(
            out,
            " {} {}, {}; it stays {}.",
            if verdict_change.is_some() { "Before that, on" } else { "On" },
            date_button(on, &on.to_string()),
            if answer.clauses.is_empty() {
                "the first terms of the deal apply"
            } else {
                "what decides it (a clause, or its condition) changes"
            },
            answer.verdict
        );
    }
    html!(out, "</p>");
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

    #[test]
    fn the_next_change_is_of_the_verdict_and_a_change_of_clause_is_said_as_such() {
        let ds = dataset();
        let text = |q: &Query| why(ds, q, &answer(ds, q).unwrap()).into_string();
        // The API on AWS on 2025-03-15: blocked until the 2026-04-27 amendment, though the
        // clause saying so changes on 2025-10-28.
        let q = Query::parse("2025-03-15", "api", "aws", Scenario::AS_HAPPENED).unwrap();
        let a = answer(ds, &q).unwrap();
        assert_eq!(a.next_change.as_deref(), Some("2025-10-28"), "the JS API's next_change keeps its meaning");
        assert_eq!(a.next_verdict, Some(crate::engine::Outcome::Blocked));
        let change = a.next_verdict_change.as_ref().unwrap();
        assert_eq!((change.date.as_str(), change.verdict), ("2026-04-27", crate::engine::Outcome::Allowed));
        let html = text(&q);
        assert!(html.contains("Next change: <button type=\"button\" class=\"link\" data-action=\"date\" data-date=\"2026-04-27\">2026-04-27</button> (then allowed)"), "{html}");
        assert!(html.contains("Before that, on <button type=\"button\" class=\"link\" data-action=\"date\" data-date=\"2025-10-28\">2025-10-28</button>, what decides it (a clause, or its condition) changes; it stays blocked."));
        // The reported bug: "Next change: 2016-11-01 (then allowed)" for allowed → allowed.
        let q = Query::parse("2016-01-01", "training", "azure", Scenario::AS_HAPPENED).unwrap();
        let html = text(&q);
        assert!(!html.contains("Next change:"), "{html}");
        assert!(html.contains("No change of verdict before 2036"));
        assert!(html.contains("2016-11-15</button>, the first terms of the deal apply; it stays allowed."), "{html}");
        assert!(html.contains("data-testid=\"no-terms\">No deal terms yet"), "not 'allowed by a clause'");
    }

    #[test]
    fn the_strip_merges_bands_by_verdict_and_labels_years_at_their_dates() {
        let ds = dataset();
        let q = Query::parse("2025-03-15", "api", "aws", Scenario::AS_HAPPENED).unwrap();
        let html = why(ds, &q, &answer(ds, &q).unwrap()).into_string();
        let strip = &html[html.find("data-testid=\"bands\"").unwrap()..html.find("</ol>").unwrap()];
        assert_eq!(strip.matches("<li ").count(), 4, "no terms, allowed, blocked, allowed: {strip}");
        assert!(strip.contains("class=\"band none\""), "hatched: no deal terms yet");
        assert!(strip.contains("aria-label=\"2016-01-01 to 2016-11-14: no deal terms yet\""));
        assert!(strip.contains("aria-label=\"2019-07-22 to 2026-04-26: blocked (what decides it changes on 2025-01-21, 2025-10-28, 2026-02-27)\""));
        assert_eq!(strip.matches("class=\"clause\"").count(), 3);
        assert!(strip.contains("class=\"band blocked current\""));
        assert_eq!(strip.matches("class=\"day\"").count(), 1, "the chosen day, once");
        // Years at their true dates: 2016 at the strip's start, 2025 inside the blocked band
        // where 2025-01-01 falls on the shared scale, 2026 inside it too.
        let scale = Scale::new(ds, TimeRange::All);
        let (from, until) = (scale.at(crate::vocab::ymd(2019, 7, 22)), scale.at(crate::vocab::ymd(2026, 4, 27)));
        let at = |y: i32| percent((scale.at(jan1(y)) - from) * 1000 / (until - from));
        assert!(strip.contains(&format!("style=\"left:{}\">2025</span>", at(2025))), "{strip}");
        assert!(strip.contains(&format!("style=\"left:{}\">2026</span>", at(2026))));
        assert!(strip.contains("style=\"left:0.0%\">2016</span>"));
        assert!(!html.contains("band-axis"), "no evenly spaced axis");
    }
}
