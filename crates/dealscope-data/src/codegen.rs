//! Bakes a checked `RawDataset` into Rust source: one `static DATASET` whose tables are
//! `'static` slices, ids resolved to indices. Used by the app's `build.rs` only.
//!
//! Measured alternative (see README "Data in the bundle"): embedding the data and parsing it
//! at start-up costs a parser in the bundle; baking costs only the data itself.

use crate::authoring::{expand, parse_gate, RawCitation, RawDataset};
use crate::vocab::{parse_partial, Precision, Provider, Reliability, ScenarioKey, Workload};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Rust source for the `DATASET` static.
pub fn bake(raw: &RawDataset) -> String {
    let index = |ids: Vec<&str>| -> HashMap<String, usize> {
        ids.into_iter().enumerate().map(|(i, id)| (id.to_owned(), i)).collect()
    };
    let baker = Baker {
        raw,
        sources: index(raw.sources.iter().map(|i| i.value.id.as_str()).collect()),
        parties: index(raw.parties.iter().map(|i| i.value.id.as_str()).collect()),
        figures: index(raw.figures.iter().map(|i| i.value.id.as_str()).collect()),
        terms: index(raw.terms.iter().map(|i| i.value.id.as_str()).collect()),
        decisions: index(raw.decisions.iter().map(|i| i.value.id.as_str()).collect()),
        publishers: raw.sources.iter().map(|i| (i.value.id.as_str(), i.value.publisher.as_str())).collect(),
        claims: raw.conflicts.iter().map(|i| (i.value.id.as_str(), i.value.claim.as_str())).collect(),
    };
    let mut out = format!(
        "/// How many terms the dataset has (the app's edit table holds one slot per term).\npub const TERM_COUNT: usize = {};\n",
        raw.terms.len()
    );
    out.push_str("/// The dataset, baked from data/ by build.rs.\npub static DATASET: Dataset = Dataset {\n");
    baker.meta(&mut out);
    baker.sources(&mut out);
    baker.parties(&mut out);
    baker.events(&mut out);
    baker.figures(&mut out);
    baker.terms(&mut out);
    baker.decisions(&mut out);
    baker.conflicts(&mut out);
    out.push_str("};\n");
    out
}

/// Id → index maps for resolving references while writing each table.
struct Baker<'a> {
    raw: &'a RawDataset,
    sources: HashMap<String, usize>,
    parties: HashMap<String, usize>,
    figures: HashMap<String, usize>,
    terms: HashMap<String, usize>,
    decisions: HashMap<String, usize>,
    /// (source id, publisher) and (conflict id, claim), for [`Baker::w`].
    publishers: Vec<(&'a str, &'a str)>,
    claims: Vec<(&'a str, &'a str)>,
}

impl Baker<'_> {
    /// The data's prose in a reader's words ([`crate::words::reader_words`]), baked so.
    fn w(&self, text: &str) -> String {
        crate::words::reader_words(text, &self.publishers, &self.claims)
    }

    /// [`Self::w`] of an optional text, as a Rust literal.
    fn opt_w(&self, text: Option<&str>) -> String {
        opt_str(text.map(|t| self.w(t)).as_deref())
    }

    fn cites(&self, cs: &[RawCitation]) -> String {
        let items: Vec<String> = cs
            .iter()
            .map(|c| {
                format!("Citation {{ source: SourceIx({}), quote: {} }}", self.sources[c.id()], opt_str(c.quote()))
            })
            .collect();
        format!("&[{}]", items.join(", "))
    }

    /// `researched`, the as-of note, the research note and its sources, and the latest event's
    /// date.
    fn meta(&self, out: &mut String) {
        let meta = &self.raw.meta.as_ref().expect("checked by authoring::load").value;
        let latest = self
            .raw
            .events
            .iter()
            .map(|e| e.value.date.as_str())
            .max_by_key(|d| parse_partial(d).map(|(date, _)| date).ok())
            .expect("the dataset has events");
        let _ = writeln!(
            out,
            "    researched: {},\n    as_of_note: {:?},\n    research_note: {:?},\n    research_sources: {},\n    latest_event: {},",
            day(&meta.researched),
            self.w(&meta.as_of_note),
            self.w(&meta.note),
            self.cites(&meta.sources),
            partial(latest)
        );
    }

    fn sources(&self, out: &mut String) {
        out.push_str("    sources: &[\n");
        for s in self.raw.sources.iter().map(|i| &i.value) {
            let reliability = format!("{:?}", s.reliability.unwrap_or(Reliability::Secondary));
            let _ = writeln!(
                out,
                "        Source {{ id: {:?}, publisher: {:?}, title: {:?}, date: {}, reliability: Reliability::{reliability}, confirmed: {}, url: {}, seed: {}, locator: {:?} }},",
                s.id,
                s.publisher,
                self.w(&s.title),
                opt_partial(&s.date),
                s.confirmed.unwrap_or(false),
                opt_str(s.url.as_deref()),
                opt_str(s.seed.as_deref()),
                self.w(&s.locator)
            );
        }
        out.push_str("    ],\n");
    }

    fn parties(&self, out: &mut String) {
        out.push_str("    parties: &[\n");
        for p in self.raw.parties.iter().map(|i| &i.value) {
            let provider = p.provider.map_or("None".to_owned(), |p| format!("Some({})", provider(p)));
            let _ = writeln!(out, "        Party {{ id: {:?}, name: {:?}, provider: {provider} }},", p.id, p.name);
        }
        out.push_str("    ],\n");
    }

    fn events(&self, out: &mut String) {
        out.push_str("    events: &[\n");
        for e in self.raw.events.iter().map(|i| &i.value) {
            let providers: Vec<String> = e.providers.iter().map(|p| provider(*p)).collect();
            let _ = writeln!(
                out,
                "        Event {{ id: {:?}, date: {}, reported: {}, parties: {}, providers: &[{}], what: {:?}, figures: {}, terms: {}, decisions: {}, sources: {} }},",
                e.id,
                partial(&e.date),
                e.reported.as_deref().map_or("None".to_owned(), |r| format!("Some({})", partial(r))),
                ix(&self.parties, "PartyIx", &e.parties),
                providers.join(", "),
                self.w(&e.what),
                ix(&self.figures, "FigureIx", &e.figures),
                ix(&self.terms, "TermIx", &e.terms),
                ix(&self.decisions, "DecisionIx", &e.decisions),
                self.cites(&e.sources)
            );
        }
        out.push_str("    ],\n");
    }

    fn figures(&self, out: &mut String) {
        out.push_str("    figures: &[\n");
        for f in self.raw.figures.iter().map(|i| &i.value) {
            let (unit, scale, qualifier) =
                (format!("{:?}", f.unit), format!("{:?}", f.scale), format!("{:?}", f.qualifier));
            let amount = if f.amount == "undisclosed" { None } else { Some(f.amount.as_str()) };
            let _ = writeln!(
                out,
                "        Figure {{ id: {:?}, measures: {:?}, amount: {}, unit: Unit::{unit}, scale: Scale::{scale}, qualifier: Qualifier::{qualifier}, as_of: {}, note: {}, same_quantity_as: {}, sources: {} }},",
                f.id,
                self.w(&f.measures),
                opt_str(amount),
                opt_partial(&f.as_of),
                self.opt_w(f.note.as_deref()),
                ix(&self.figures, "FigureIx", &f.same_quantity_as),
                self.cites(&f.sources)
            );
        }
        out.push_str("    ],\n");
    }

    fn terms(&self, out: &mut String) {
        out.push_str("    terms: &[\n");
        for t in self.raw.terms.iter().map(|i| &i.value) {
            let workloads: Vec<String> = expand(&t.workloads, Workload::ALL, Workload::parse)
                .unwrap_or_default()
                .into_iter()
                .map(workload)
                .collect();
            let providers: Vec<String> = expand(&t.providers, Provider::ALL, Provider::parse)
                .unwrap_or_default()
                .into_iter()
                .map(provider)
                .collect();
            let effect = format!("{:?}", t.effect);
            let lapses: Vec<String> = t
                .lapse
                .iter()
                .map(|l| {
                    let kind = match (&l.when, &l.from, &l.on) {
                        (Some(condition), Some(from), _) => {
                            format!("LapseKind::When {{ condition: Condition::{condition:?}, from: {} }}", day(from))
                        }
                        (_, _, Some(on)) => format!("LapseKind::On({})", day(on)),
                        _ => unreachable!("checked by authoring::load"),
                    };
                    format!(
                        "Lapse {{ kind: {kind}, only_if: {}, summary: {:?}, sources: {} }}",
                        gate(l.only_if.as_deref()),
                        self.w(&l.summary),
                        self.cites(&l.sources)
                    )
                })
                .collect();
            let moots: Vec<String> = t
                .moot
                .iter()
                .map(|m| {
                    let key = ScenarioKey::parse(&m.key).expect("checked by authoring::load");
                    format!(
                        "Moot {{ key: ScenarioKey::{key:?}, why: {:?}, sources: {} }}",
                        self.w(&m.why),
                        self.cites(&m.sources)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "        Term {{ id: {:?}, title: {:?}, summary: {:?}, from: {}, until: {}, workloads: &[{}], providers: &[{}], effect: Effect::{effect}, only_if: {}, supersedes: {}, lapses: &[{}], moots: &[{}], caveat: {}, sources: {} }},",
                t.id,
                self.w(&t.title),
                self.w(&t.summary),
                t.from.as_deref().map_or("None".to_owned(), |f| format!("Some({})", partial(f))),
                t.until.as_deref().map_or("None".to_owned(), |u| format!("Some({})", day(u))),
                workloads.join(", "),
                providers.join(", "),
                gate(t.only_if.as_deref()),
                ix(&self.terms, "TermIx", &t.supersedes),
                lapses.join(", "),
                moots.join(", "),
                self.opt_w(t.caveat.as_deref()),
                self.cites(&t.sources)
            );
        }
        out.push_str("    ],\n");
    }

    fn decisions(&self, out: &mut String) {
        out.push_str("    decisions: &[\n");
        for d in self.raw.decisions.iter().map(|i| &i.value) {
            let workloads: Vec<String> = d.workloads.iter().map(|w| workload(*w)).collect();
            let _ = writeln!(
                out,
                "        DecisionRecord {{ id: {:?}, provider: {}, workloads: &[{}], decision: DecisionKind::{:?}, date: {}, known_from: {}, what: {:?}, sources: {} }},",
                d.id,
                provider(d.provider),
                workloads.join(", "),
                d.decision,
                partial(&d.date),
                day(&d.known_from),
                self.w(&d.what),
                self.cites(&d.sources)
            );
        }
        out.push_str("    ],\n");
    }

    fn conflicts(&self, out: &mut String) {
        out.push_str("    conflicts: &[\n");
        for c in self.raw.conflicts.iter().map(|i| &i.value) {
            let readings: Vec<String> = c
                .reading
                .iter()
                .map(|r| {
                    format!(
                        "Reading {{ value: {:?}, says: {:?}, terms: {}, sources: {} }}",
                        r.value,
                        self.w(&r.says),
                        ix(&self.terms, "TermIx", &r.terms),
                        self.cites(&r.sources)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "        Conflict {{ id: {:?}, claim: {:?}, scenario_key: {}, default: {:?}, why_default: {:?}, figures: {}, readings: &[{}] }},",
                c.id,
                self.w(&c.claim),
                opt_str(c.scenario_key.as_deref()),
                c.default,
                self.w(&c.why_default),
                ix(&self.figures, "FigureIx", &c.figures),
                readings.join(", ")
            );
        }
        out.push_str("    ],\n");
    }
}

fn ix(map: &HashMap<String, usize>, ty: &str, ids: &[String]) -> String {
    let items: Vec<String> = ids.iter().map(|id| format!("{ty}({})", map[id])).collect();
    format!("&[{}]", items.join(", "))
}

fn opt_str(text: Option<&str>) -> String {
    text.map_or("None".to_owned(), |t| format!("Some({t:?})"))
}

fn date_literal(date: NaiveDate) -> String {
    format!("ymd({}, {}, {})", date.year(), date.month(), date.day())
}

fn day(text: &str) -> String {
    let (date, _) = parse_partial(text).expect("checked by authoring::load");
    date_literal(date)
}

fn partial(text: &str) -> String {
    let (date, precision) = parse_partial(text).expect("checked by authoring::load");
    let precision = match precision {
        Precision::Day => "Day",
        Precision::Month => "Month",
        Precision::Year => "Year",
    };
    format!("PartialDate {{ date: {}, precision: Precision::{precision} }}", date_literal(date))
}

fn opt_partial(text: &str) -> String {
    if text == "unknown" {
        "None".to_owned()
    } else {
        format!("Some({})", partial(text))
    }
}

fn gate(text: Option<&str>) -> String {
    match text.map(parse_gate) {
        Some(Ok(setting)) => {
            format!("Some(Setting {{ key: ScenarioKey::{:?}, value: {} }})", setting.key, setting.value)
        }
        _ => "None".to_owned(),
    }
}

fn workload(w: Workload) -> String {
    format!("Workload::{w:?}")
}

fn provider(p: Provider) -> String {
    format!("Provider::{p:?}")
}
