//! The dataset, readable: the events (filterable: each carries its parties and providers),
//! the terms with their intervals, the conflicts with their readings side by side, the figures
//! and the sources, every entry with an anchor that clauses and citations link to.

use super::{escape, sources_list};
use crate::answer::{partial, sources};
use crate::dataset::{Citation, Dataset, Figure, Term};
use crate::vocab::{Provider, Reliability};
use std::fmt::Write as _;

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

/// How many sources of each reliability, and how many are unconfirmed.
pub fn source_counts(ds: &Dataset) -> String {
    let count = |r: Reliability| ds.sources.iter().filter(|s| s.reliability == r).count();
    format!(
        "{} primary, {} press, {} secondary; {} not confirmed by the companies",
        count(Reliability::Primary),
        count(Reliability::Press),
        count(Reliability::Secondary),
        ds.sources.iter().filter(|s| !s.confirmed).count()
    )
}

/// The dataset panel: counts, the filterable timeline of events (`data-filter` selects), and
/// the reference lists.
pub fn view(ds: &Dataset) -> String {
    let mut out = format!(
        "<section class=\"dataset\" data-testid=\"dataset-view\" aria-labelledby=\"dataset-heading\"><h2 id=\"dataset-heading\">The dataset</h2><p>{} events, {} terms, {} figures, {} sources ({}), {} conflicts between sources. {BACK}</p><p class=\"as-of\">Data as of <time>{}</time>; latest event {}. {}</p><h3>Timeline of events</h3><div class=\"filters\"><label>Party <select data-testid=\"filter-party\" data-filter=\"parties\"><option value=\"\">all</option>",
        ds.events.len(),
        ds.terms.len(),
        ds.figures.len(),
        ds.sources.len(),
        source_counts(ds),
        ds.conflicts.len(),
        ds.researched,
        partial(ds.latest_event),
        escape(ds.research_note)
    );
    for p in ds.parties {
        let _ = write!(out, "<option value=\"{}\">{}</option>", escape(p.id), escape(p.name));
    }
    out.push_str("</select></label><label>Provider <select data-testid=\"filter-provider\" data-filter=\"providers\"><option value=\"\">all</option>");
    for p in Provider::ALL {
        let _ = write!(out, "<option value=\"{p}\">{}</option>", escape(p.label()));
    }
    out.push_str("</select></label></div>");
    out.push_str(&events(ds));
    out.push_str(&reference(ds));
    out.push_str("</section>");
    out
}

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
            super::reliability_mark(s.reliability.as_str(), s.confirmed),
            escape(s.locator)
        );
        if let Some(u) = s.url {
            let _ = write!(out, " <a href=\"{u}\" rel=\"noopener\">{u}</a>", u = escape(u));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;

    #[test]
    fn every_entry_has_its_anchor() {
        let ds = dataset();
        let html = view(ds);
        assert!(html.contains("data-filter=\"parties\"") && html.contains("data-filter=\"providers\""));
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
        let rpo = &html[html.find("id=\"figure-openai-rpo-fy2026-q2\"").unwrap()..];
        assert!(rpo[..rpo.find("</li>").unwrap()].contains("href=\"#figure-ms-backlog-seed-003\""));
        // Every source link points at an entry that exists.
        for link in html.split("href=\"#").skip(1) {
            let target = &link[..link.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{target}\"")), "dangling link #{target}");
        }
    }
}
