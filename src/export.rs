//! Exports with citations: the grid for a day, a cell's timeline, the difference between two
//! scenarios, and the whole dataset, as
//! CSV (RFC 4180 quoting) and as serialisable values (JSON in the browser via
//! `JSON.stringify`, so the bundle carries no JSON writer).

use crate::answer::{answer, partial, sources, Answer, SourceRef};
use crate::dataset::{Citation, Dataset};
use crate::engine::{last_day, questions, timeline, QueryError};
use crate::scenario::Scenario;
use crate::vocab::{Provider, Workload};
use chrono::NaiveDate;
use serde::Serialize;

/// Every cell's answer on `date`.
pub fn grid(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> Result<Vec<Answer>, QueryError> {
    questions(date, scenario).map(|q| answer(ds, &q)).collect()
}

/// One band of a cell's timeline, with its clauses and their sources.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BandRow {
    pub workload: &'static str,
    pub provider: &'static str,
    pub from: String,
    /// Last day of the band (inclusive).
    pub to: String,
    pub verdict: &'static str,
    pub clauses: Vec<&'static str>,
    pub sources: Vec<SourceRef>,
    /// The day the data was last researched; days after it are projections.
    pub data_as_of: String,
}

/// A cell's verdict bands over 2016–2035.
pub fn cell_timeline(ds: &Dataset, workload: Workload, provider: Provider, scenario: Scenario) -> Vec<BandRow> {
    timeline(ds, workload, provider, scenario)
        .into_iter()
        .map(|b| BandRow {
            workload: workload.as_str(),
            provider: provider.as_str(),
            from: b.from.to_string(),
            to: last_day(b.until).to_string(),
            verdict: b.verdict.outcome.as_str(),
            clauses: b.verdict.reasons.iter().map(|r| ds.term(r.term).id).collect(),
            sources: b.verdict.reasons.iter().flat_map(|r| sources(ds, ds.term(r.term).sources)).collect(),
            data_as_of: ds.researched.to_string(),
        })
        .collect()
}

/// One item of the dataset, flattened for export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub kind: &'static str,
    pub id: &'static str,
    /// The date at its precision, an interval for terms, or empty.
    pub date: String,
    pub text: String,
    pub sources: Vec<SourceRef>,
}

/// The dataset's "as of" row first, then every source, event, figure, term, decision and
/// conflict reading, with its citations.
pub fn dataset_rows(ds: &Dataset) -> Vec<Row> {
    let row = |kind, id, date: String, text: String, cites: &[Citation]| Row {
        kind,
        id,
        date,
        text,
        sources: sources(ds, cites),
    };
    let mut rows = vec![row(
        "dataset",
        "dealscope",
        ds.researched.to_string(),
        format!("Data as of {}; latest event {}. {}", ds.researched, partial(ds.latest_event), ds.research_note),
        ds.research_sources,
    )];
    for s in ds.sources {
        let date = s.date.map(partial).unwrap_or_default();
        let address = crate::answer::address(s.url);
        rows.push(Row {
            kind: "source",
            id: s.id,
            date,
            text: format!(
                "{}: {} ({}; {}){address}",
                crate::answer::source_name(s.publisher),
                s.title,
                s.reliability_label(),
                s.locator
            ),
            sources: Vec::new(),
        });
    }
    for e in ds.events {
        rows.push(row("event", e.id, partial(e.date), e.what.to_owned(), e.sources));
    }
    for f in ds.figures {
        let date = f.as_of.map(partial).unwrap_or_default();
        rows.push(row("figure", f.id, date, format!("{}: {}", f.display(), f.measures), f.sources));
    }
    for t in ds.terms {
        let from = t.from.map(partial).unwrap_or_default();
        let until = t.until.map(|u| u.to_string()).unwrap_or_default();
        rows.push(row("term", t.id, format!("{from}/{until}"), format!("{}: {}", t.title, t.summary), t.sources));
    }
    for d in ds.decisions {
        rows.push(row(
            "decision",
            d.id,
            partial(d.date),
            format!("{} ({}): {}", d.provider, d.decision.label(), d.what),
            d.sources,
        ));
    }
    for c in ds.conflicts {
        for r in c.readings {
            let default = if r.value == c.default { " (default)" } else { "" };
            rows.push(row(
                "conflict-reading",
                c.id,
                String::new(),
                format!("{} — {}{default}: {}", c.claim, r.value, r.says),
                r.sources,
            ));
        }
    }
    rows
}

/// One span of a difference between two scenarios, for programs, with reader words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DiffRow {
    pub workload: &'static str,
    pub provider: &'static str,
    pub from: String,
    /// Last day of the span, or `null` when it runs on to the end of the range.
    pub to: Option<String>,
    /// The verdict under scenario A and under B.
    pub a: &'static str,
    pub b: &'static str,
    /// A's settings that make the difference (`key=value`) and the same in a reader's words.
    pub causes: Vec<String>,
    pub causes_text: String,
    /// The clauses that decide one side and not the other: ids and titles.
    pub clauses: Vec<&'static str>,
    pub clause_titles: Vec<&'static str>,
}

/// Every span on which scenario `a` and scenario `b` answer differently, cell by cell.
pub fn diff_rows(ds: &Dataset, a: Scenario, b: Scenario) -> Vec<DiffRow> {
    // Plain loops: a flat_map over the cells' spans costs ~1.5 KB of iterator code in the wasm.
    let mut rows = Vec::new();
    for cell in crate::engine::diff_between(ds, a, b) {
        for s in cell.spans {
            let mut causes: Vec<String> = s.causes.iter().map(ToString::to_string).collect();
            for e in &s.edits {
                causes.push(edit_cause(ds, &a, &b, *e));
            }
            rows.push(DiffRow {
                workload: cell.workload.as_str(),
                provider: cell.provider.as_str(),
                from: s.from.to_string(),
                to: (s.until < crate::engine::range_end()).then(|| last_day(s.until).to_string()),
                a: s.scenario.as_str(),
                b: s.baseline.as_str(),
                causes,
                causes_text: s.causes_text(),
                clauses: s.terms.iter().map(|t| ds.term(*t).id).collect(),
                clause_titles: s.terms.iter().map(|t| ds.term(*t).title).collect(),
            });
        }
    }
    rows
}

/// An edit blamed for a difference, as the URL writes it (`c.compute-free=off`; `vs.…` when
/// only B has it).
fn edit_cause(ds: &Dataset, a: &Scenario, b: &Scenario, which: crate::edits::EditRef) -> String {
    let param = |s: &Scenario| -> Option<String> {
        match which {
            crate::edits::EditRef::Clause(ix) => {
                let edit = s.clause_edit(ix);
                (!edit.is_none()).then(|| format!("c.{}={}", ds.term(ix).id, crate::edits::write_edit(&edit)))
            }
            crate::edits::EditRef::Added(slot) => {
                s.added(usize::from(slot)).map(|c| format!("add={}", crate::edits::write_added(ds, c)))
            }
        }
    };
    param(a).or_else(|| param(b).map(|p| format!("vs.{p}"))).unwrap_or_default()
}

/// Quotes a CSV field when it needs it (RFC 4180).
pub fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn csv(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut out = header.join(",");
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Sources as one field: `id: publisher, title (date; reliability) <address> “quote”` joined
/// by ` | ` (the address where the publisher's own is known).
fn cite(sources: &[SourceRef]) -> String {
    sources
        .iter()
        .map(|s| {
            let mut text = format!(
                "{}: {}, {} ({}; {}{})",
                s.id,
                s.publisher,
                s.title,
                s.date.as_deref().unwrap_or("undated"),
                s.reliability,
                if s.confirmed { "" } else { ", not confirmed" }
            );
            text.push_str(&crate::answer::address(s.url));
            if let Some(q) = s.quote {
                text.push_str(" “");
                text.push_str(q);
                text.push('”');
            }
            text
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The grid as CSV.
pub fn grid_csv(answers: &[Answer]) -> String {
    csv(
        &[
            "date",
            "workload",
            "provider",
            "verdict",
            "clauses",
            "conditions",
            "notes",
            "next_change",
            "scenario",
            "scenario_text",
            "confirmed",
            "projection",
            "data_as_of",
            "sources",
        ],
        answers
            .iter()
            .map(|a| {
                let sources: Vec<SourceRef> = a.clauses.iter().flat_map(|c| c.sources.clone()).collect();
                vec![
                    a.date.clone(),
                    a.workload.to_owned(),
                    a.provider.to_owned(),
                    a.verdict.as_str().to_owned(),
                    a.clauses.iter().map(|c| c.id).collect::<Vec<_>>().join(" "),
                    a.conditions.join(" | "),
                    a.notes.join(" | "),
                    a.next_change.clone().unwrap_or_default(),
                    a.scenario.clone(),
                    a.scenario_text.clone(),
                    a.confirmed.to_string(),
                    a.projection.to_string(),
                    a.data_as_of.clone(),
                    cite(&sources),
                ]
            })
            .collect(),
    )
}

/// A timeline as CSV.
pub fn timeline_csv(bands: &[BandRow]) -> String {
    csv(
        &["workload", "provider", "from", "to", "verdict", "clauses", "data_as_of", "sources"],
        bands
            .iter()
            .map(|b| {
                vec![
                    b.workload.to_owned(),
                    b.provider.to_owned(),
                    b.from.clone(),
                    b.to.clone(),
                    b.verdict.to_owned(),
                    b.clauses.join(" "),
                    b.data_as_of.clone(),
                    cite(&b.sources),
                ]
            })
            .collect(),
    )
}

/// A difference between two scenarios as CSV (`to` empty: to the end of the range).
pub fn diff_csv(rows: &[DiffRow]) -> String {
    csv(
        &["workload", "provider", "from", "to", "a", "b", "causes", "causes_text", "clauses", "clause_titles"],
        rows.iter()
            .map(|r| {
                vec![
                    r.workload.to_owned(),
                    r.provider.to_owned(),
                    r.from.clone(),
                    r.to.clone().unwrap_or_default(),
                    r.a.to_owned(),
                    r.b.to_owned(),
                    r.causes.join(" "),
                    r.causes_text.clone(),
                    r.clauses.join(" "),
                    r.clause_titles.join(" | "),
                ]
            })
            .collect(),
    )
}

/// The dataset as CSV.
pub fn dataset_csv(rows: &[Row]) -> String {
    csv(
        &["kind", "id", "date", "text", "sources"],
        rows.iter()
            .map(|r| vec![r.kind.to_owned(), r.id.to_owned(), r.date.clone(), r.text.clone(), cite(&r.sources)])
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    #[test]
    fn any_two_scenarios_compare_with_reader_words() {
        let ds = dataset();
        let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let both = declines.with("amendment_2026_04", "false");
        let rows = diff_rows(ds, both, declines);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.causes == ["amendment_2026_04=false"]), "only the amendment differs");
        let api = rows.iter().find(|r| r.workload == "api" && r.provider == "aws").unwrap();
        assert_eq!((api.from.as_str(), api.to.as_deref(), api.a, api.b), ("2026-04-27", None, "blocked", "allowed"));
        assert_eq!(api.causes_text, "2026-04-27 amendment happened: no");
        assert!(api.clause_titles.contains(&"Any cloud, but new products launch on Azure first"));
        assert!(diff_rows(ds, both, both).is_empty(), "a scenario against itself");
        let csv = diff_csv(&rows);
        assert!(csv.starts_with("workload,provider,from,to,a,b,causes,causes_text,clauses,clause_titles\r\n"));
        assert_eq!(csv.lines().count(), rows.len() + 1);
        assert!(
            csv.contains(
                "api,aws,2026-04-27,,blocked,allowed,amendment_2026_04=false,2026-04-27 amendment happened: no,"
            ),
            "{csv}"
        );
        // Against as happened, the same as the page's diff.
        assert_eq!(
            diff_rows(ds, both, Scenario::AS_HAPPENED).len(),
            crate::engine::diff(ds, both).iter().map(|c| c.spans.len()).sum::<usize>()
        );
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn grid_export_has_every_cell_with_citations() {
        let answers =
            grid(dataset(), ymd(2025, 3, 15), Scenario::AS_HAPPENED.with("microsoft_declines", "true")).unwrap();
        let text = grid_csv(&answers);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + 28);
        let coreweave = lines.iter().find(|l| l.contains("training,coreweave")).unwrap();
        assert!(coreweave.contains(",allowed,rofr-new-capacity,"), "{coreweave}");
        assert!(coreweave.contains("ms-2025-01-21: Microsoft"), "{coreweave}");
        assert!(coreweave.contains("(2025-01-21; primary)"), "reliability in the citation: {coreweave}");
        assert!(
            coreweave.contains("(2025-01-21; primary) <https://blogs.microsoft.com/blog/2025/01/21/"),
            "the publisher's address: {coreweave}"
        );
        assert!(
            coreweave.contains("microsoft_declines=true,Microsoft’s answer to new capacity: declined,"),
            "{coreweave}"
        );
    }

    #[test]
    fn timeline_export_tiles_the_range() {
        let bands = cell_timeline(dataset(), Workload::Api, Provider::Aws, Scenario::AS_HAPPENED);
        assert_eq!(bands.first().unwrap().from, "2016-01-01");
        assert_eq!(bands.last().unwrap().to, "2035-12-31");
        let text = timeline_csv(&bands);
        assert!(text.contains("api,aws,2026-04-27,2035-12-31,allowed,azure-first,2026-12-07,"), "{text}");
    }

    #[test]
    fn dataset_export_cites_every_item() {
        let ds = dataset();
        let rows = dataset_rows(ds);
        let conflict_readings: usize = ds.conflicts.iter().map(|c| c.readings.len()).sum();
        assert_eq!(rows[0].kind, "dataset");
        assert_eq!(rows[0].date, ds.researched.to_string());
        assert_eq!(
            rows.len(),
            1 + ds.sources.len()
                + ds.events.len()
                + ds.figures.len()
                + ds.terms.len()
                + ds.decisions.len()
                + conflict_readings
        );
        assert!(rows.iter().filter(|r| r.kind != "source").all(|r| !r.sources.is_empty()));
        let semafor = rows.iter().find(|r| r.kind == "source" && r.id == "semafor-2025-03-20").unwrap();
        assert!(
            semafor.text.ends_with(
                " <https://semafor.com/article/03/20/2025/microsoft-chose-not-to-exercise-12-billion-coreweave-option>"
            ),
            "{}",
            semafor.text
        );
        let text = dataset_csv(&rows);
        assert!(text.contains("API products remain Azure-exclusive until 2032"));
    }
}
