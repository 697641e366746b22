//! Static HTML for the read-only views (the dataset, the explanation, the scenario diff). Rendering these long lists as one string,
//! instead of as reactive views, keeps ~40 KB of view code out of the wasm bundle (measured
//! with twiggy); the page inserts the string once. Every text is escaped.

use crate::answer::{partial, sources, Answer, SourceRef};
use crate::dataset::{Citation, Dataset, Figure, Term};
use crate::engine::{considered, last_day, paths_to_yes, range_end, timeline, CellDiff, DiffSpan, Query, Standing};
use crate::scenario::describe_change;
use crate::vocab::FIRST_DAY;
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A list of sources: publisher, title (linked to its entry), date, kind, quote.
pub fn sources_list(out: &mut String, list: &[SourceRef]) {
    out.push_str("<ul class=\"sources\">");
    for s in list {
        let _ = write!(
            out,
            "<li><a href=\"#source-{}\" data-action=\"follow\">{}, <cite>{}</cite></a> ({}, {})",
            escape(s.id),
            escape(s.publisher),
            escape(s.title),
            escape(s.date.as_deref().unwrap_or("undated")),
            s.kind
        );
        if let Some(q) = s.quote {
            let _ = write!(out, "<blockquote>“{}”</blockquote>", escape(q));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn cites(out: &mut String, ds: &Dataset, citations: &[Citation]) {
    sources_list(out, &sources(ds, citations));
}

fn interval(term: &Term) -> String {
    let from = term.from.map_or_else(|| "(start not recorded)".to_owned(), partial);
    let until =
        term.until.map_or_else(|| "open-ended (or until superseded)".to_owned(), |u| format!("until {u} (exclusive)"));
    format!("{from} → {until}")
}

const BACK: &str = "<button type=\"button\" class=\"link\" data-action=\"back\">Back to the verdict</button>";

/// The timeline of events. Each `li` carries `data-parties` and `data-providers` for filtering.
pub fn events(ds: &Dataset) -> String {
    let mut out = String::from("<ol class=\"events\" data-testid=\"events\">");
    for e in ds.events {
        let parties: Vec<&str> = e.parties.iter().map(|p| ds.party(*p).id).collect();
        let providers: Vec<&str> = e.providers.iter().map(|p| p.as_str()).collect();
        let date = match e.reported {
            Some(r) => format!("{} (reported {})", partial(e.date), partial(r)),
            None => partial(e.date),
        };
        let _ = write!(
            out,
            "<li id=\"event-{}\" data-parties=\"{}\" data-providers=\"{}\"><time>{}</time> — {}",
            escape(e.id),
            parties.join(" "),
            providers.join(" "),
            escape(&date),
            escape(e.what)
        );
        for f in e.figures {
            let fig = ds.figure(*f);
            let _ = write!(out, " <a class=\"fig\" href=\"#figure-{}\">{}</a>", escape(fig.id), escape(&fig.display()));
        }
        cites(&mut out, ds, e.sources);
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// Terms, conflicts, figures and sources, each entry with an anchor (`term-…`, `conflict-…`,
/// `figure-…`, `source-…`).
pub fn reference(ds: &Dataset) -> String {
    let mut out = String::new();
    terms(&mut out, ds);
    conflicts(&mut out, ds);
    figures(&mut out, ds);
    source_entries(&mut out, ds);
    out
}

fn terms(out: &mut String, ds: &Dataset) {
    out.push_str("<h3>Terms</h3><ul class=\"terms\">");
    for t in ds.terms {
        let _ = write!(
            out,
            "<li id=\"term-{id}\" tabindex=\"-1\"><h4>{} <code>{id}</code></h4><p class=\"meta\">{} · effect: {}",
            escape(t.title),
            escape(&interval(t)),
            t.effect.as_str(),
            id = escape(t.id)
        );
        if let Some(g) = t.only_if {
            let _ = write!(out, " · only if {}={}", g.key, g.value);
        }
        if !t.supersedes.is_empty() {
            let ids: Vec<&str> = t.supersedes.iter().map(|s| ds.term(*s).id).collect();
            let _ = write!(out, " · supersedes {}", ids.join(", "));
        }
        let _ = write!(out, "</p><p>{}</p>", escape(t.summary));
        if let Some(c) = t.caveat {
            let _ = write!(out, "<p class=\"caveat\">{}</p>", escape(c));
        }
        for l in t.lapses {
            let _ = write!(out, "<p class=\"lapse\">Lapse: {}</p>", escape(l.summary));
            cites(out, ds, l.sources);
        }
        cites(out, ds, t.sources);
        out.push_str(BACK);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn conflicts(out: &mut String, ds: &Dataset) {
    out.push_str("<h3>Where sources disagree</h3><ul class=\"conflicts\">");
    for c in ds.conflicts {
        let switch = c.scenario_key.map_or_else(
            || "Changes no verdict.".to_owned(),
            |k| format!("Switch the reading with the scenario key {k}."),
        );
        let _ = write!(
            out,
            "<li id=\"conflict-{}\"><h4>{}</h4><p class=\"meta\">{} Default: {}. {}</p><div class=\"readings\">",
            escape(c.id),
            escape(c.claim),
            escape(&switch),
            escape(c.default),
            escape(c.why_default)
        );
        for r in c.readings {
            let default = r.value == c.default;
            let _ = write!(
                out,
                "<div class=\"reading{}\"><h5>{}{}</h5><p>{}</p>",
                if default { " default" } else { "" },
                escape(r.value),
                if default { " (default)" } else { "" },
                escape(r.says)
            );
            cites(out, ds, r.sources);
            out.push_str("</div>");
        }
        out.push_str("</div></li>");
    }
    out.push_str("</ul>");
}

fn figures(out: &mut String, ds: &Dataset) {
    out.push_str("<h3>Figures</h3><ul class=\"figures\">");
    for f in ds.figures {
        let _ = write!(
            out,
            "<li id=\"figure-{}\"><strong>{}</strong> — {}",
            escape(f.id),
            escape(&f.display()),
            escape(f.measures)
        );
        if let Some(d) = f.as_of {
            let _ = write!(out, " (as of {})", partial(d));
        }
        if let Some(n) = f.note {
            let _ = write!(out, " <span class=\"note\">{}</span>", escape(n));
        }
        // Linked both ways: this figure's links and the figures that link to it.
        let also: Vec<&Figure> = f
            .same_quantity_as
            .iter()
            .map(|x| ds.figure(*x))
            .chain(ds.figures.iter().filter(|o| o.same_quantity_as.iter().any(|x| std::ptr::eq(ds.figure(*x), f))))
            .collect();
        if !also.is_empty() {
            let links: Vec<String> = also
                .iter()
                .map(|o| {
                    format!(
                        "<a href=\"#figure-{}\">{}</a> ({})",
                        escape(o.id),
                        escape(&o.display()),
                        escape(o.measures)
                    )
                })
                .collect();
            let _ = write!(out, " Also reported as: {}.", links.join("; "));
        }
        cites(out, ds, f.sources);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

fn source_entries(out: &mut String, ds: &Dataset) {
    out.push_str("<h3>Sources</h3><ul class=\"source-list\">");
    for s in ds.sources {
        let date = s.date.map_or_else(|| "undated".to_owned(), partial);
        let _ = write!(
            out,
            "<li id=\"source-{}\" tabindex=\"-1\">{}, <cite>{}</cite> — {} · {} · {}",
            escape(s.id),
            escape(s.publisher),
            escape(s.title),
            escape(&date),
            s.kind.as_str(),
            escape(s.locator)
        );
        if let Some(u) = s.url {
            let _ = write!(out, " <a href=\"{u}\" rel=\"noopener\">{u}</a>", u = escape(u));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
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
    if answer.clauses.is_empty() {
        out.push_str("<p>No term in the dataset restricts this on that day.</p>");
    }
    out.push_str("<ul class=\"clauses\">");
    for c in &answer.clauses {
        let _ = write!(
            out,
            "<li data-testid=\"clause-{id}\"><h3><a href=\"#term-{id}\" data-action=\"follow\">{}</a> <code>{id}</code> — says {}</h3><p>{}</p>",
            escape(c.title),
            c.says,
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

/// Every cell whose verdict differs from as happened, with the spans, causes and terms. Each
/// span's dates are a button (`data-action="cell"`) that selects the cell on its first day.
pub fn diff_list(ds: &Dataset, cells: &[CellDiff]) -> String {
    let mut out = String::from("<ul>");
    for c in cells {
        let _ =
            write!(out, "<li><strong>{} on {}</strong><ul>", escape(c.workload.label()), escape(c.provider.label()));
        for s in &c.spans {
            let terms: Vec<&str> = s.terms.iter().map(|t| ds.term(*t).id).collect();
            let _ = write!(
                out,
                "<li><button type=\"button\" class=\"link\" data-action=\"cell\" data-cell=\"{}.{}\" data-date=\"{}\">{} to {}</button>: {} → {} because of {}",
                c.workload,
                c.provider,
                s.from,
                s.from,
                last_day(s.until),
                s.baseline.as_str(),
                s.scenario.as_str(),
                escape(&s.causes.join(" + "))
            );
            if !terms.is_empty() {
                let _ = write!(out, " (terms: {})", escape(&terms.join(", ")));
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul>");
    out
}

/// The strip above the grid: how many cells the scenario changes on `day` and on any day,
/// and the first three spans.
pub fn diff_strip(cells: &[CellDiff], day: NaiveDate) -> String {
    let today = cells.iter().filter(|c| c.spans.iter().any(|s| s.from <= day && day < s.until)).count();
    let mut out = format!(
        "<p>◆ This scenario changes {today} cell(s) on {day} and {} cell(s) on some day from 2016 to 2035. <button type=\"button\" class=\"link\" data-action=\"panel\" data-panel=\"diff\">See every difference</button></p><ul>",
        cells.len()
    );
    let spans: Vec<(&CellDiff, &DiffSpan)> = cells.iter().flat_map(|c| c.spans.iter().map(move |s| (c, s))).collect();
    for (c, s) in spans.iter().take(3) {
        let _ = write!(
            out,
            "<li>{} on {}: {} from {} to {} (as happened: {}) — {}</li>",
            escape(c.workload.label()),
            escape(c.provider.label()),
            s.scenario.as_str(),
            s.from,
            last_day(s.until),
            s.baseline.as_str(),
            escape(&s.causes.join(" + "))
        );
    }
    if spans.len() > 3 {
        let _ = write!(out, "<li>… and {} more</li>", spans.len() - 3);
    }
    out.push_str("</ul>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }

    #[test]
    fn every_entry_has_its_anchor() {
        let ds = dataset();
        let html = format!("{}{}", events(ds), reference(ds));
        for t in ds.terms {
            assert!(html.contains(&format!("id=\"term-{}\"", t.id)));
        }
        for s in ds.sources {
            assert!(html.contains(&format!("id=\"source-{}\"", s.id)));
        }
        for e in ds.events {
            assert!(html.contains(&format!("id=\"event-{}\"", e.id)));
        }
        // Figures reporting one quantity link each other, whichever side declared the link.
        let rpo = &html[html.find("id=\"figure-ms-commercial-rpo\"").unwrap()..];
        assert!(rpo[..rpo.find("</li>").unwrap()].contains("href=\"#figure-ms-backlog-seed-003\""));
        // Every source link points at an entry that exists.
        for link in html.split("href=\"#").skip(1) {
            let target = &link[..link.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{target}\"")), "dangling link #{target}");
        }
    }
}

#[cfg(test)]
mod why_tests {
    use super::*;
    use crate::answer::answer;
    use crate::dataset::dataset;
    use crate::scenario::Scenario;

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
