//! The dataset, readable: the events (filterable: each carries its parties and providers),
//! the terms with their intervals, the conflicts with their readings side by side, the figures
//! and the sources, every entry with an anchor that clauses and citations link to.

use super::contract::{Action, Control, Filter};
use super::{html, markup, reliability_mark, sources_list, Html};
use crate::answer::{partial, sources};
use crate::dataset::{Citation, Dataset, Figure, Term};
use crate::vocab::{Provider, Reliability};

fn cites(out: &mut Html, ds: &Dataset, citations: &[Citation]) {
    sources_list(out, &sources(ds, citations));
}

fn interval(term: &Term) -> String {
    let from = term.from.map_or_else(|| "(start not recorded)".to_owned(), partial);
    let until =
        term.until.map_or_else(|| "open-ended (or until superseded)".to_owned(), |u| format!("until {u} (exclusive)"));
    format!("{from} → {until}")
}

fn back() -> Html {
    markup!("<button type=\"button\" class=\"link\"{}>Back to the verdict</button>", Action::Back.html())
}

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

/// The dataset panel: counts, the filterable timeline of events ([`Control::Filter`]), and
/// the reference lists.
pub fn view(ds: &Dataset) -> Html {
    let mut out = markup!(
        "<section class=\"dataset\" data-testid=\"dataset-view\" aria-labelledby=\"dataset-heading\"><h2 id=\"dataset-heading\">The dataset</h2><p>{} events, {} terms, {} figures, {} sources ({}), {} conflicts between sources. {}</p><p class=\"as-of\">Data as of <time>{}</time>; latest event {}. {}</p><h3>Timeline of events</h3><div class=\"filters\"><label>Party <select data-testid=\"filter-party\"{}><option value=\"\">all</option>",
        ds.events.len(),
        ds.terms.len(),
        ds.figures.len(),
        ds.sources.len(),
        source_counts(ds),
        ds.conflicts.len(),
        back(),
        ds.researched,
        partial(ds.latest_event),
        ds.research_note,
        Control::Filter(Filter::Parties).html()
    );
    for p in ds.parties {
        html!(out, "<option value=\"{}\">{}</option>", p.id, p.name);
    }
    html!(
        out,
        "</select></label><label>Provider <select data-testid=\"filter-provider\"{}><option value=\"\">all</option>",
        Control::Filter(Filter::Providers).html()
    );
    for p in Provider::ALL {
        html!(out, "<option value=\"{}\">{}</option>", p.as_str(), p.label());
    }
    html!(out, "</select></label></div>{}{}</section>", events(ds), reference(ds));
    out
}

/// The timeline of events. Each `li` carries `data-parties` and `data-providers` for filtering.
pub fn events(ds: &Dataset) -> Html {
    let mut out = markup!("<ol class=\"events\" data-testid=\"events\">");
    for e in ds.events {
        let parties: Vec<&str> = e.parties.iter().map(|p| ds.party(*p).id).collect();
        let providers: Vec<&str> = e.providers.iter().map(|p| p.as_str()).collect();
        let date = match e.reported {
            Some(r) => format!("{} (reported {})", partial(e.date), partial(r)),
            None => partial(e.date),
        };
        html!(
            out,
            "<li id=\"event-{}\" data-parties=\"{}\" data-providers=\"{}\"><time datetime=\"{}\">{}</time> — {}",
            e.id,
            parties.join(" "),
            providers.join(" "),
            partial(e.date),
            date,
            e.what
        );
        for f in e.figures {
            let fig = ds.figure(*f);
            html!(out, " <a class=\"fig\" href=\"#figure-{}\">{}</a>", fig.id, fig.display());
        }
        cites(&mut out, ds, e.sources);
        html!(out, "</li>");
    }
    html!(out, "</ol>");
    out
}

/// Terms, conflicts, figures and sources, each entry with an anchor (`term-…`, `conflict-…`,
/// `figure-…`, `source-…`).
pub fn reference(ds: &Dataset) -> Html {
    let mut out = Html::new();
    terms(&mut out, ds);
    conflicts(&mut out, ds);
    figures(&mut out, ds);
    source_entries(&mut out, ds);
    out
}

fn terms(out: &mut Html, ds: &Dataset) {
    html!(out, "<h3>Terms</h3><ul class=\"terms\">");
    for t in ds.terms {
        html!(
            out,
            "<li id=\"term-{}\" tabindex=\"-1\"><h4>{}</h4><p class=\"meta\">{} · effect: {}",
            t.id,
            t.title,
            interval(t),
            t.effect.label()
        );
        if let Some(g) = t.only_if {
            html!(out, " · only if {}", g.describe());
        }
        if !t.supersedes.is_empty() {
            let titles: Vec<String> = t.supersedes.iter().map(|s| format!("“{}”", ds.term(*s).title)).collect();
            html!(out, " · supersedes {}", titles.join(", "));
        }
        html!(out, "</p><p>{}</p>", t.summary);
        if let Some(c) = t.caveat {
            html!(out, "<p class=\"caveat\">{}</p>", c);
        }
        for l in t.lapses {
            html!(out, "<p class=\"lapse\">Lapse: {}</p>", l.summary);
            cites(out, ds, l.sources);
        }
        for m in t.moots {
            html!(out, "<p class=\"moot\">While in force, “{}” changes nothing: {}</p>", m.key.label(), m.why);
            cites(out, ds, m.sources);
        }
        cites(out, ds, t.sources);
        html!(out, "{}</li>", back());
    }
    html!(out, "</ul>");
}

fn conflicts(out: &mut Html, ds: &Dataset) {
    html!(out, "<h3>Where sources disagree</h3><ul class=\"conflicts\">");
    for c in ds.conflicts {
        let key = c.scenario_key.and_then(|k| crate::vocab::ScenarioKey::parse(k).ok());
        // A reading's value in the what-if's words ("2032" → "until 2032").
        let value = |wire: &'static str| {
            key.and_then(|k| k.values().iter().position(|v| *v == wire).and_then(|i| k.value_labels().get(i).copied()))
                .unwrap_or(wire)
        };
        let switch = key.map_or_else(
            || "Changes no verdict.".to_owned(),
            |k| format!("Switch the reading with the what-if “{}”.", k.label()),
        );
        html!(
            out,
            "<li id=\"conflict-{}\"><h4>{}</h4><p class=\"meta\">{} Default: {}. {}</p><div class=\"readings\">",
            c.id,
            c.claim,
            switch,
            value(c.default),
            c.why_default
        );
        for r in c.readings {
            let default = r.value == c.default;
            html!(
                out,
                "<div class=\"reading{}\"><h5>{}{}</h5><p>{}</p>",
                if default { " default" } else { "" },
                value(r.value),
                if default { " (default)" } else { "" },
                r.says
            );
            cites(out, ds, r.sources);
            html!(out, "</div>");
        }
        html!(out, "</div></li>");
    }
    html!(out, "</ul>");
}

fn figures(out: &mut Html, ds: &Dataset) {
    html!(out, "<h3>Figures</h3><ul class=\"figures\">");
    for f in ds.figures {
        html!(out, "<li id=\"figure-{}\"><strong>{}</strong> — {}", f.id, f.display(), f.measures);
        if let Some(d) = f.as_of {
            html!(out, " (as of {})", partial(d));
        }
        if let Some(n) = f.note {
            html!(out, " <span class=\"note\">{}</span>", n);
        }
        // Linked both ways: this figure's links and the figures that link to it.
        let also: Vec<&Figure> = f
            .same_quantity_as
            .iter()
            .map(|x| ds.figure(*x))
            .chain(ds.figures.iter().filter(|o| o.same_quantity_as.iter().any(|x| std::ptr::eq(ds.figure(*x), f))))
            .collect();
        if !also.is_empty() {
            html!(out, " Also reported as: ");
            for (i, o) in also.iter().enumerate() {
                html!(
                    out,
                    "{}<a href=\"#figure-{}\">{}</a> ({})",
                    if i == 0 { "" } else { "; " },
                    o.id,
                    o.display(),
                    o.measures
                );
            }
            html!(out, ".");
        }
        cites(out, ds, f.sources);
        html!(out, "</li>");
    }
    html!(out, "</ul>");
}

fn source_entries(out: &mut Html, ds: &Dataset) {
    html!(out, "<h3>Sources</h3><ul class=\"source-list\">");
    for s in ds.sources {
        let date = s.date.map_or_else(|| "undated".to_owned(), partial);
        html!(
            out,
            "<li id=\"source-{}\" tabindex=\"-1\">{}, {} — {} · {} · {}</li>",
            s.id,
            crate::answer::source_name(s.publisher),
            super::source_title(s.title, s.url),
            date,
            reliability_mark(s.reliability.as_str(), s.confirmed),
            s.locator
        );
    }
    html!(out, "</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;

    #[test]
    fn every_entry_has_its_anchor() {
        let ds = dataset();
        let html = view(ds).into_string();
        assert!(html.contains("data-control=\"filter.parties\"") && html.contains("data-control=\"filter.providers\""));
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
        // A source with the publisher's address has its title linked to it, opened in a new
        // tab; the address itself is not written out as text.
        for s in ds.sources {
            let entry = &html[html.find(&format!("id=\"source-{}\"", s.id)).unwrap()..];
            let entry = &entry[..entry.find("</li>").unwrap()];
            match s.url {
                Some(url) => assert!(
                    entry.contains(&format!(
                        "<cite><a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\"",
                        super::super::escape(url)
                    )),
                    "{entry}"
                ),
                None => assert!(!entry.contains("<a "), "{entry}"),
            }
            assert!(!entry.contains(">https://"), "an address as text: {entry}");
        }
        assert!(ds.sources.iter().filter(|s| s.url.is_some()).count() >= 30);
        // Every source link points at an entry that exists.
        for link in html.split("href=\"#").skip(1) {
            let target = &link[..link.find('"').unwrap()];
            assert!(html.contains(&format!("id=\"{target}\"")), "dangling link #{target}");
        }
    }
}
