//! The authoring side of the dataset: reads the TOML files in `data/`, checks them, and
//! reports every problem with file, line, item and what to fix.
//!
//! Used by the app's `build.rs`, by `check-data` (`cargo run -p dealscope-data`) and by the
//! native validation tests. Never compiled into the wasm bundle (feature `authoring`): the
//! page gets the checked data baked into statics.

use crate::error::{DataError, DataErrorKind};
use crate::vocab::{
    self, parse_partial, Condition, Decision, Effect, Precision, Provider, Qualifier, Reliability, Scale, ScenarioKey,
    Setting, Unit, Workload, FIRST_DAY, LAST_DAY,
};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The files of a dataset, in the order they are read.
pub const FILES: &[&str] = &[
    "dataset.toml",
    "sources.toml",
    "parties.toml",
    "figures.toml",
    "terms.toml",
    "decisions.toml",
    "events.toml",
    "conflicts.toml",
    "stories.toml",
];

/// A citation as written: `"id"` or `{ id = "…", quote = "…" }`.
#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
pub enum RawCitation {
    Id(String),
    Quoted { id: String, quote: String },
}

impl RawCitation {
    pub fn id(&self) -> &str {
        match self {
            RawCitation::Id(id) | RawCitation::Quoted { id, .. } => id,
        }
    }
    pub fn quote(&self) -> Option<&str> {
        match self {
            RawCitation::Id(_) => None,
            RawCitation::Quoted { quote, .. } => Some(quote),
        }
    }
}

/// `data/dataset.toml`: the dataset as a whole.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    /// The day the research was last brought up to date.
    pub researched: String,
    /// A few words beside "data as of": what the research found since (e.g. "no change to the
    /// terms found July–December 2026").
    pub as_of_note: String,
    pub note: String,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub date: String,
    /// Optional here so that a missing one gets a message saying what to write.
    pub reliability: Option<Reliability>,
    pub confirmed: Option<bool>,
    pub url: Option<String>,
    pub seed: Option<String>,
    pub locator: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    pub id: String,
    pub name: String,
    pub provider: Option<Provider>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub date: String,
    pub reported: Option<String>,
    pub parties: Vec<String>,
    #[serde(default)]
    pub providers: Vec<Provider>,
    pub what: String,
    #[serde(default)]
    pub figures: Vec<String>,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub measures: String,
    pub amount: String,
    pub unit: Unit,
    #[serde(default)]
    pub scale: Scale,
    #[serde(default)]
    pub qualifier: Qualifier,
    pub as_of: String,
    pub note: Option<String>,
    #[serde(default)]
    pub same_quantity_as: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLapse {
    pub when: Option<Condition>,
    pub from: Option<String>,
    pub on: Option<String>,
    pub only_if: Option<String>,
    pub summary: String,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMoot {
    pub key: String,
    pub why: String,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTerm {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub from: Option<String>,
    pub until: Option<String>,
    pub workloads: Vec<String>,
    pub providers: Vec<String>,
    pub effect: Effect,
    pub only_if: Option<String>,
    #[serde(default)]
    pub supersedes: Vec<String>,
    pub caveat: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
    #[serde(default)]
    pub lapse: Vec<RawLapse>,
    #[serde(default)]
    pub moot: Vec<RawMoot>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDecision {
    pub id: String,
    pub provider: Provider,
    pub workloads: Vec<Workload>,
    pub decision: Decision,
    pub date: String,
    pub known_from: String,
    pub what: String,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawReading {
    pub value: String,
    pub says: String,
    #[serde(default)]
    pub terms: Vec<String>,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

/// A step of the guided story (`stories.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: String,
    pub title: String,
    pub date: String,
    /// Settings `key=value`; none: as happened.
    #[serde(default)]
    pub scenario: Vec<String>,
    /// `workload.provider`.
    pub cell: String,
    pub text: String,
    /// The what-if the text asks the reader to try (`key=value`), offered in the step's card.
    #[serde(default)]
    pub toggle: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawCitation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConflict {
    pub id: String,
    pub claim: String,
    pub scenario_key: Option<String>,
    pub default: String,
    pub why_default: String,
    #[serde(default)]
    pub figures: Vec<String>,
    pub reading: Vec<RawReading>,
}

/// Anything with an id in the data files.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),+) => {$(impl Identified for $t { fn id(&self) -> &str { &self.id } })+};
}
identified!(RawSource, RawParty, RawFigure, RawTerm, RawDecision, RawEvent, RawConflict, RawStep);

/// An item with the line it starts on.
#[derive(Debug)]
pub struct Item<T> {
    pub line: usize,
    pub value: T,
}

/// The whole dataset as written, before baking.
#[derive(Debug, Default)]
pub struct RawDataset {
    /// `dataset.toml` (`None` only when it could not be read; that is an error).
    pub meta: Option<Item<RawMeta>>,
    pub sources: Vec<Item<RawSource>>,
    pub parties: Vec<Item<RawParty>>,
    pub figures: Vec<Item<RawFigure>>,
    pub terms: Vec<Item<RawTerm>>,
    pub decisions: Vec<Item<RawDecision>>,
    pub events: Vec<Item<RawEvent>>,
    pub conflicts: Vec<Item<RawConflict>>,
    pub steps: Vec<Item<RawStep>>,
    /// Seed file name → its text.
    pub seeds: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File<T> {
    #[serde(
        default = "Vec::new",
        alias = "source",
        alias = "party",
        alias = "figure",
        alias = "term",
        alias = "decision",
        alias = "event",
        alias = "conflict",
        alias = "step"
    )]
    items: Vec<Spanned<T>>,
}

/// Reads and checks the dataset in `dir` (normally `data/`). Returns every problem found.
pub fn load(dir: &Path) -> Result<RawDataset, Vec<DataError>> {
    let mut errors = Vec::new();
    let label = |name: &str| {
        format!(
            "{}/{name}",
            dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned())
        )
    };
    let mut raw = RawDataset {
        meta: read_table(dir, "dataset.toml", &label, &mut errors),
        sources: read(dir, "sources.toml", &label, &mut errors),
        parties: read(dir, "parties.toml", &label, &mut errors),
        figures: read(dir, "figures.toml", &label, &mut errors),
        terms: read(dir, "terms.toml", &label, &mut errors),
        decisions: read(dir, "decisions.toml", &label, &mut errors),
        events: read(dir, "events.toml", &label, &mut errors),
        conflicts: read(dir, "conflicts.toml", &label, &mut errors),
        steps: read(dir, "stories.toml", &label, &mut errors),
        seeds: HashMap::new(),
    };
    for source in &raw.sources {
        if let Some(seed) = &source.value.seed {
            if let Ok(text) = fs::read_to_string(dir.join("seeds").join(seed)) {
                raw.seeds.insert(seed.clone(), text);
            }
        }
    }
    let mut check = Checker { raw: &raw, errors: &mut errors, label: &label };
    check.all();
    if errors.is_empty() {
        Ok(raw)
    } else {
        Err(errors)
    }
}

/// The files a build depends on (for `cargo:rerun-if-changed`).
pub fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = FILES.iter().map(|f| dir.join(f)).collect();
    paths.push(dir.join("seeds"));
    paths
}

/// Reads a file of `[[item]]` tables.
fn read<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    name: &str,
    label: &dyn Fn(&str) -> String,
    errors: &mut Vec<DataError>,
) -> Vec<Item<T>> {
    parse::<File<T>>(dir, name, label, errors).map_or_else(Vec::new, |(text, parsed)| {
        parsed
            .items
            .into_iter()
            .map(|spanned| Item { line: line_of(&text, spanned.span().start), value: spanned.into_inner() })
            .collect()
    })
}

/// Reads a file that is one table.
fn read_table<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    name: &str,
    label: &dyn Fn(&str) -> String,
    errors: &mut Vec<DataError>,
) -> Option<Item<T>> {
    parse::<T>(dir, name, label, errors).map(|(_, value)| Item { line: 1, value })
}

/// The text of a data file and what it deserialises to; problems go to `errors`.
fn parse<T: for<'de> Deserialize<'de>>(
    dir: &Path,
    name: &str,
    label: &dyn Fn(&str) -> String,
    errors: &mut Vec<DataError>,
) -> Option<(String, T)> {
    let file = label(name);
    let text = match fs::read_to_string(dir.join(name)) {
        Ok(text) => text,
        Err(e) => {
            errors.push(DataError { file, line: None, item: None, kind: DataErrorKind::Unreadable(e.to_string()) });
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(parsed) => Some((text, parsed)),
        Err(e) => {
            let line = e.span().map(|span| line_of(&text, span.start));
            let item = e.span().and_then(|span| item_at(&text, span.start));
            errors.push(DataError { file, line, item, kind: DataErrorKind::Syntax(e.message().trim().to_owned()) });
            None
        }
    }
}

/// The item (`source `semafor-2025-03-20``) an offset of a data file falls in: the `[[kind]]`
/// table around it and the `id` it declares — so a value of the wrong kind is reported with
/// the item it is in, like every other problem.
fn item_at(text: &str, offset: usize) -> Option<String> {
    let before = text.get(..offset)?;
    let start = before.rfind("[[").filter(|&i| i == 0 || before[..i].ends_with('\n'))?;
    let kind = text[start + 2..].split("]]").next()?.split('.').next()?;
    let end = text[start + 2..].find("\n[[").map_or(text.len(), |i| start + 2 + i);
    let id = text[start..end].lines().find_map(|l| l.strip_prefix("id = \""))?.trim_end_matches('"');
    Some(format!("{kind} `{id}`"))
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |before| before.matches('\n').count()) + 1
}

/// Folds typographic quotes and runs of white space, so a quote copied from a seed matches
/// however the seed spells its apostrophes and line breaks.
pub fn normalise_quote(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            other => other,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses a gate `key=value` against the scenario keys.
pub fn parse_gate(text: &str) -> Result<Setting, String> {
    if !text.contains('=') {
        return Err("expected key=value".to_owned());
    }
    Setting::parse_pair(text).map_err(|e| match e {
        vocab::ScenarioError::UnknownKey { key } => {
            format!("scenario key {key:?} is unknown; accepted: {}", ScenarioKey::NAMES.join(", "))
        }
        vocab::ScenarioError::BadValue { got, accepted, .. } => {
            format!("value {got:?} is not one of {}", accepted.join(", "))
        }
    })
}

/// Expands `["all"]` or a list of wire names.
pub fn expand<T: Copy>(
    names: &[String],
    all: &[T],
    parse: impl Fn(&str) -> Result<T, vocab::VocabError>,
) -> Result<Vec<T>, vocab::VocabError> {
    if names.len() == 1 && names[0] == "all" {
        return Ok(all.to_vec());
    }
    names.iter().map(|n| parse(n)).collect()
}

/// The outcome class a term gives a provider, for the overlap check.
pub fn effect_on(effect: Effect, provider: Provider) -> &'static str {
    match (effect, provider) {
        (Effect::None, _) => "none",
        (Effect::Allowed, _) | (Effect::AzureOnly | Effect::Rofr, Provider::Azure) => "allowed",
        (Effect::AzureOnly, _) => "blocked",
        (Effect::Rofr, _) => "rofr",
    }
}

struct Checker<'a> {
    raw: &'a RawDataset,
    errors: &'a mut Vec<DataError>,
    label: &'a dyn Fn(&str) -> String,
}

/// Where an item is, for messages.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'static str,
    line: usize,
    kind: &'static str,
    id: &'a str,
}

impl Checker<'_> {
    fn push(&mut self, at: At<'_>, kind: DataErrorKind) {
        self.errors.push(DataError {
            file: (self.label)(at.file),
            line: Some(at.line),
            item: Some(format!("{} `{}`", at.kind, at.id)),
            kind,
        });
    }

    fn all(&mut self) {
        let raw = self.raw;
        let source_ids = self.ids("sources.toml", "source", &raw.sources);
        let party_ids = self.ids("parties.toml", "party", &raw.parties);
        let figure_ids = self.ids("figures.toml", "figure", &raw.figures);
        let term_ids = self.ids("terms.toml", "term", &raw.terms);
        let decision_ids = self.ids("decisions.toml", "decision", &raw.decisions);
        self.ids("events.toml", "event", &raw.events);
        self.ids("conflicts.toml", "conflict", &raw.conflicts);
        let known = Known {
            sources: &source_ids,
            parties: &party_ids,
            figures: &figure_ids,
            terms: &term_ids,
            decisions: &decision_ids,
        };

        for item in &raw.sources {
            self.check_source(item);
        }
        for item in &raw.figures {
            self.check_figure(item, known);
        }
        for item in &raw.terms {
            self.term(item, known);
        }
        for item in &raw.decisions {
            self.check_decision(item, known);
        }
        let researched = raw.meta.as_ref().and_then(|meta| self.check_meta(meta, known));
        let mut previous: Option<(&str, &str, NaiveDate)> = None;
        for item in &raw.events {
            let date = self.check_event(item, known);
            if let Some(date) = date {
                let e = &item.value;
                let at = At { file: "events.toml", line: item.line, kind: "event", id: &e.id };
                if let Some((previous_id, previous_text, previous_date)) = previous {
                    if date < previous_date {
                        self.push(
                            at,
                            DataErrorKind::OutOfOrder {
                                date: e.date.clone(),
                                previous: previous_id.to_owned(),
                                previous_date: previous_text.to_owned(),
                            },
                        );
                    }
                }
                if let Some(researched) = researched.filter(|r| date > *r) {
                    self.push(
                        at,
                        DataErrorKind::AfterResearched { date: e.date.clone(), researched: researched.to_string() },
                    );
                }
                previous = Some((&e.id, &e.date, date));
            }
        }
        for item in &raw.conflicts {
            self.check_conflict(item, known);
        }
        self.ids("stories.toml", "story step", &raw.steps);
        for item in &raw.steps {
            self.check_step(item, known);
        }
        if !(7..=9).contains(&raw.steps.len()) {
            self.errors.push(DataError {
                file: (self.label)("stories.toml"),
                line: None,
                item: None,
                kind: DataErrorKind::BadValue {
                    field: "step",
                    got: format!("{} steps", raw.steps.len()),
                    accepted: "7 to 9 steps: a story a first-time reader walks through".into(),
                },
            });
        }
        if self.errors.is_empty() {
            self.overlaps();
        }
    }

    /// `dataset.toml`; returns the day it was researched.
    fn check_meta(&mut self, item: &Item<RawMeta>, known: Known<'_>) -> Option<NaiveDate> {
        let m = &item.value;
        let at = At { file: "dataset.toml", line: item.line, kind: "dataset", id: "researched" };
        self.citations(at, &m.sources, known);
        // A whole day (a month or year is rejected like any exclusive end).
        self.date(at, "researched", &m.researched, true)
    }

    fn check_source(&mut self, item: &Item<RawSource>) {
        let s = &item.value;
        let at = At { file: "sources.toml", line: item.line, kind: "source", id: &s.id };
        if s.date != "unknown" {
            self.date(at, "date", &s.date, false);
        }
        if s.reliability.is_none() {
            self.push(
                at,
                DataErrorKind::Missing {
                    field: "reliability",
                    fix: "add `reliability = \"primary\"` (the companies' own post or filing), \"press\" (Reuters, FT, WSJ…) or \"secondary\" (aggregators and blogs)",
                },
            );
        }
        match (s.confirmed, s.reliability) {
            (None, _) => self.push(
                at,
                DataErrorKind::Missing {
                    field: "confirmed",
                    fix: "add `confirmed = true` if the companies themselves published what it reports, `confirmed = false` if not",
                },
            ),
            (Some(false), Some(Reliability::Primary)) => self.push(
                at,
                DataErrorKind::BadValue {
                    field: "confirmed",
                    got: "false".into(),
                    accepted: "true for a primary source (it is the companies' own word); if the companies did not publish it, its reliability is press or secondary".into(),
                },
            ),
            _ => {}
        }
        if let Some(why) = s.url.as_deref().and_then(url_problem) {
            self.push(at, DataErrorKind::BadUrl { url: s.url.clone().unwrap_or_default(), why });
        }
        if let Some(seed) = &s.seed {
            if !self.raw.seeds.contains_key(seed) {
                self.push(at, DataErrorKind::SeedFileMissing { seed: seed.clone() });
            }
        }
    }

    fn check_figure(&mut self, item: &Item<RawFigure>, known: Known<'_>) {
        let f = &item.value;
        let at = At { file: "figures.toml", line: item.line, kind: "figure", id: &f.id };
        if f.amount != "undisclosed" && !is_decimal(&f.amount) {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "amount",
                    got: f.amount.clone(),
                    accepted: "a decimal such as \"11.9\", or \"undisclosed\"".into(),
                },
            );
        }
        if f.as_of != "unknown" {
            self.date(at, "as_of", &f.as_of, false);
        }
        self.refs(at, "same_quantity_as", "figure", "data/figures.toml", &f.same_quantity_as, known.figures);
        self.citations(at, &f.sources, known);
    }

    fn check_decision(&mut self, item: &Item<RawDecision>, known: Known<'_>) {
        let d = &item.value;
        let at = At { file: "decisions.toml", line: item.line, kind: "decision", id: &d.id };
        self.date(at, "date", &d.date, false);
        self.date(at, "known_from", &d.known_from, false);
        self.citations(at, &d.sources, known);
        // The engine reads Microsoft's answer only where a right-of-first-refusal term covers
        // the cell, and never for Azure (a ROFR always allows Azure itself).
        let read_for = |w: Workload| {
            d.provider != Provider::Azure
                && self
                    .raw
                    .terms
                    .iter()
                    .map(CheckedTerm::new)
                    .any(|t| t.raw.value.effect == Effect::Rofr && t.covers(w, d.provider))
        };
        let ignored: Vec<&str> = d.workloads.iter().filter(|w| !read_for(**w)).map(|w| w.as_str()).collect();
        if !ignored.is_empty() {
            let read: Vec<&str> = Workload::ALL.iter().filter(|w| read_for(**w)).map(|w| w.as_str()).collect();
            self.push(
                at,
                DataErrorKind::Ignored {
                    field: "workloads",
                    got: format!("{} on {}", ignored.join(", "), d.provider),
                    why: "no term with `effect = \"rofr\"` covers it, so the engine never reads Microsoft's answer there",
                    accepted: if read.is_empty() {
                        format!("none on {} (no right of first refusal covers it)", d.provider)
                    } else {
                        format!("{} on {}", read.join(", "), d.provider)
                    },
                },
            );
        }
    }

    /// Checks an event; returns the first day of its date if that is valid.
    fn check_event(&mut self, item: &Item<RawEvent>, known: Known<'_>) -> Option<NaiveDate> {
        let e = &item.value;
        let at = At { file: "events.toml", line: item.line, kind: "event", id: &e.id };
        let date = self.date(at, "date", &e.date, false);
        if let Some(reported) = &e.reported {
            self.date(at, "reported", reported, false);
        }
        self.refs(at, "parties", "party", "data/parties.toml", &e.parties, known.parties);
        self.refs(at, "figures", "figure", "data/figures.toml", &e.figures, known.figures);
        self.refs(at, "terms", "term", "data/terms.toml", &e.terms, known.terms);
        self.refs(at, "decisions", "decision", "data/decisions.toml", &e.decisions, known.decisions);
        self.citations(at, &e.sources, known);
        date
    }

    fn check_step(&mut self, item: &Item<RawStep>, known: Known<'_>) {
        let s = &item.value;
        let at = At { file: "stories.toml", line: item.line, kind: "story step", id: &s.id };
        if let Some(day) = self.date(at, "date", &s.date, true) {
            if !(FIRST_DAY..=LAST_DAY).contains(&day) {
                self.push(at, DataErrorKind::BadDate { field: "date", error: vocab::DateError::OutOfRange(day) });
            }
        }
        for setting in &s.scenario {
            self.gate(at, "scenario", Some(setting));
        }
        self.gate(at, "toggle", s.toggle.as_deref());
        // A step that tells the reader to toggle or switch a what-if offers it in its card.
        let asks = ["toggle \"", "switch \""].iter().any(|w| s.text.to_lowercase().contains(w));
        if asks && s.toggle.is_none() {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "toggle",
                    got: "none".into(),
                    accepted: "the key=value the text asks the reader to toggle (its card offers it)".into(),
                },
            );
        }
        let cell = s.cell.split_once('.').and_then(|(w, p)| Some((Workload::parse(w).ok()?, Provider::parse(p).ok()?)));
        if cell.is_none() {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "cell",
                    got: s.cell.clone(),
                    accepted: "workload.provider, e.g. training.coreweave".into(),
                },
            );
        }
        self.citations(at, &s.sources, known);
    }

    fn check_conflict(&mut self, item: &Item<RawConflict>, known: Known<'_>) {
        let c = &item.value;
        let at = At { file: "conflicts.toml", line: item.line, kind: "conflict", id: &c.id };
        self.refs(at, "figures", "figure", "data/figures.toml", &c.figures, known.figures);
        let values: Vec<&str> = c.reading.iter().map(|r| r.value.as_str()).collect();
        if !values.contains(&c.default.as_str()) {
            self.push(
                at,
                DataErrorKind::BadValue { field: "default", got: c.default.clone(), accepted: values.join(", ") },
            );
        }
        if let Some(key) = &c.scenario_key {
            for reading in &c.reading {
                if let Err(why) = parse_gate(&format!("{key}={}", reading.value)) {
                    self.push(
                        at,
                        DataErrorKind::BadValue {
                            field: "scenario_key",
                            got: format!("{key}={}", reading.value),
                            accepted: why,
                        },
                    );
                }
            }
        }
        if c.reading.len() < 2 {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "reading",
                    got: format!("{} reading(s)", c.reading.len()),
                    accepted: "at least two readings".into(),
                },
            );
        }
        for reading in &c.reading {
            self.refs(at, "reading.terms", "term", "data/terms.toml", &reading.terms, known.terms);
            self.citations(at, &reading.sources, known);
        }
    }

    fn term(&mut self, item: &Item<RawTerm>, known: Known<'_>) {
        let t = &item.value;
        let at = At { file: "terms.toml", line: item.line, kind: "term", id: &t.id };
        let from = t.from.as_ref().and_then(|f| self.date(at, "from", f, false));
        let until = t.until.as_ref().and_then(|u| self.date(at, "until", u, true));
        if let (Some(from), Some(until)) = (from, until) {
            if until <= from {
                self.push(
                    at,
                    DataErrorKind::BadInterval {
                        from: t.from.clone().unwrap_or_default(),
                        until: t.until.clone().unwrap_or_default(),
                    },
                );
            }
        }
        if let Err(e) = expand(&t.workloads, Workload::ALL, Workload::parse) {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "workloads",
                    got: e.got,
                    accepted: format!("all, {}", e.accepted.join(", ")),
                },
            );
        }
        if let Err(e) = expand(&t.providers, Provider::ALL, Provider::parse) {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "providers",
                    got: e.got,
                    accepted: format!("all, {}", e.accepted.join(", ")),
                },
            );
        }
        self.coverage(at, t);
        self.gate(at, "only_if", t.only_if.as_deref());
        self.refs(at, "supersedes", "term", "data/terms.toml", &t.supersedes, known.terms);
        if t.supersedes.contains(&t.id) {
            self.push(
                at,
                DataErrorKind::BadValue {
                    field: "supersedes",
                    got: t.id.clone(),
                    accepted: "other terms (a term cannot supersede itself)".into(),
                },
            );
        }
        self.citations(at, &t.sources, known);
        self.lapses(at, &t.lapse, known);
        for moot in &t.moot {
            if ScenarioKey::parse(&moot.key).is_err() {
                self.push(
                    at,
                    DataErrorKind::BadValue {
                        field: "moot.key",
                        got: moot.key.clone(),
                        accepted: ScenarioKey::NAMES.join(", "),
                    },
                );
            }
            self.citations(at, &moot.sources, known);
        }
    }

    /// A compute clause must cover something: one that covers nothing never applies. A clause
    /// kept for the record (`effect = "none"`) never decides a cell, so the engine would skip
    /// any lapse it carries, and its `supersedes` would act on nothing.
    fn coverage(&mut self, at: At<'_>, t: &RawTerm) {
        if t.effect == Effect::None {
            let acting = [
                ("lapse", (!t.lapse.is_empty()).then(|| format!("{} lapse(s)", t.lapse.len()))),
                ("supersedes", (!t.supersedes.is_empty()).then(|| t.supersedes.join(", "))),
            ];
            for (field, got) in acting {
                if let Some(got) = got {
                    self.push(
                        at,
                        DataErrorKind::Ignored {
                            field,
                            got,
                            why: "a clause with `effect = \"none\"` never decides a cell",
                            accepted: format!("no `{field}` on it, or a compute `effect` (azure-only, allowed, rofr) with the cells it covers"),
                        },
                    );
                }
            }
        } else {
            for (field, names) in [("workloads", &t.workloads), ("providers", &t.providers)] {
                if names.is_empty() {
                    self.push(
                        at,
                        DataErrorKind::Ignored {
                            field,
                            got: "[]".into(),
                            why: "a compute clause that covers nothing never applies",
                            accepted: format!(
                                "at least one of the {field} (or [\"all\"]), or `effect = \"none\"` for a clause kept for the record"
                            ),
                        },
                    );
                }
            }
        }
    }

    fn lapses(&mut self, at: At<'_>, lapses: &[RawLapse], known: Known<'_>) {
        for lapse in lapses {
            self.gate(at, "lapse.only_if", lapse.only_if.as_deref());
            match (&lapse.when, &lapse.from, &lapse.on) {
                (Some(when), Some(from), None) => {
                    if !Condition::LAPSE.contains(when) {
                        self.push(
                            at,
                            DataErrorKind::Ignored {
                                field: "lapse.when",
                                got: when.as_str().to_owned(),
                                why: "the engine lapses a term only on these conditions (a term that depends on Microsoft's answer has `effect = \"rofr\"` instead)",
                                accepted: Condition::LAPSE.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", "),
                            },
                        );
                    }
                    self.date(at, "lapse.from", from, false);
                }
                (None, None, Some(on)) => {
                    self.date(at, "lapse.on", on, true);
                }
                _ => self.push(
                    at,
                    DataErrorKind::BadValue {
                        field: "lapse",
                        got: "an incomplete lapse".into(),
                        accepted: "`when` + `from`, or `on`".into(),
                    },
                ),
            }
            self.citations(at, &lapse.sources, known);
        }
    }

    /// Registers ids, reporting duplicates; returns id → position.
    fn ids<T: Identified>(
        &mut self,
        file: &'static str,
        kind: &'static str,
        items: &[Item<T>],
    ) -> HashMap<String, (usize, usize)> {
        let mut seen: HashMap<String, (usize, usize)> = HashMap::new();
        for (position, item) in items.iter().enumerate() {
            let (line, id) = (item.line, item.value.id());
            if !is_id(id) {
                self.push(
                    At { file, line, kind, id },
                    DataErrorKind::BadId { id: id.to_owned(), suggestion: to_id(id) },
                );
            }
            if let Some(&(_, first_line)) = seen.get(id) {
                self.push(At { file, line, kind, id }, DataErrorKind::DuplicateId { first_line });
            } else {
                seen.insert(id.to_owned(), (position, line));
            }
        }
        seen
    }

    fn date(&mut self, at: At<'_>, field: &'static str, text: &str, exact_end: bool) -> Option<NaiveDate> {
        match parse_partial(text) {
            Ok((_, precision)) if exact_end && precision != Precision::Day => {
                self.push(at, DataErrorKind::BadDate { field, error: vocab::DateError::Malformed(text.to_owned()) });
                None
            }
            Ok((date, _)) if exact_end => {
                // An exclusive end may be the day after the range.
                if date <= FIRST_DAY || date > LAST_DAY.succ_opt().unwrap_or(LAST_DAY) {
                    self.push(at, DataErrorKind::BadDate { field, error: vocab::DateError::OutOfRange(date) });
                }
                Some(date)
            }
            Ok((date, _)) => Some(date),
            Err(error) => {
                self.push(at, DataErrorKind::BadDate { field, error });
                None
            }
        }
    }

    fn gate(&mut self, at: At<'_>, field: &'static str, gate: Option<&str>) {
        if let Some(gate) = gate {
            if let Err(why) = parse_gate(gate) {
                self.push(
                    at,
                    DataErrorKind::BadValue {
                        field,
                        got: gate.to_owned(),
                        accepted: format!("key=value with a scenario key and value ({why})"),
                    },
                );
            }
        }
    }

    fn refs(
        &mut self,
        at: At<'_>,
        field: &'static str,
        what: &'static str,
        defined_in: &'static str,
        ids: &[String],
        known: &HashMap<String, (usize, usize)>,
    ) {
        for id in ids {
            if !known.contains_key(id) {
                self.push(at, DataErrorKind::UnknownRef { what, field, id: id.clone(), defined_in });
            }
        }
    }

    fn citations(&mut self, at: At<'_>, citations: &[RawCitation], known: Known<'_>) {
        if citations.is_empty() {
            self.push(at, DataErrorKind::NoSource);
        }
        for citation in citations {
            let Some(&(position, _)) = known.sources.get(citation.id()) else {
                self.push(
                    at,
                    DataErrorKind::UnknownRef {
                        what: "source",
                        field: "sources",
                        id: citation.id().to_owned(),
                        defined_in: "data/sources.toml",
                    },
                );
                continue;
            };
            let source = &self.raw.sources[position].value;
            let Some(seed) = &source.seed else { continue };
            match citation.quote() {
                None => self.push(at, DataErrorKind::SeedNeedsQuote { source_id: source.id.clone() }),
                Some(quote) => {
                    if let Some(text) = self.raw.seeds.get(seed) {
                        if quote.trim().is_empty() || !normalise_quote(text).contains(&normalise_quote(quote)) {
                            self.push(
                                at,
                                DataErrorKind::QuoteNotInSeed {
                                    source_id: source.id.clone(),
                                    seed: seed.clone(),
                                    quote: quote.to_owned(),
                                },
                            );
                        }
                    }
                }
            }
        }
    }

    /// Two terms may not both decide a cell differently on the same day in the same scenario.
    /// Checked the way the engine applies terms: in force, admitted by the scenario, and not
    /// superseded (a term that supersedes another covers the cell and has started).
    fn overlaps(&mut self) {
        let terms: Vec<CheckedTerm<'_>> = self.raw.terms.iter().map(CheckedTerm::new).collect();
        let mut days: BTreeSet<NaiveDate> = BTreeSet::from([FIRST_DAY]);
        for t in &terms {
            days.extend(t.from.iter().chain(t.until.iter()).copied().filter(|d| (FIRST_DAY..=LAST_DAY).contains(d)));
        }
        let mut reported = BTreeSet::new();
        for scenario in gate_combinations() {
            for &day in &days {
                for &workload in Workload::ALL {
                    for &provider in Provider::ALL {
                        let alive: Vec<&CheckedTerm<'_>> =
                            terms.iter().filter(|t| t.alive(day, workload, provider, &scenario, &terms)).collect();
                        for (i, a) in alive.iter().enumerate() {
                            for b in &alive[i + 1..] {
                                let (ea, eb) =
                                    (effect_on(a.raw.value.effect, provider), effect_on(b.raw.value.effect, provider));
                                if ea != eb
                                    && !self.conflict_linked(&a.raw.value.id, &b.raw.value.id)
                                    && reported.insert((a.raw.value.id.clone(), b.raw.value.id.clone()))
                                {
                                    let at =
                                        At { file: "terms.toml", line: b.raw.line, kind: "term", id: &b.raw.value.id };
                                    self.push(
                                        at,
                                        DataErrorKind::Overlap {
                                            other: a.raw.value.id.clone(),
                                            workload: workload.as_str(),
                                            provider: provider.as_str(),
                                            date: day.to_string(),
                                            scenario: scenario
                                                .iter()
                                                .map(ToString::to_string)
                                                .collect::<Vec<_>>()
                                                .join(" "),
                                            effect: eb,
                                            other_effect: ea,
                                        },
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn conflict_linked(&self, a: &str, b: &str) -> bool {
        self.raw.conflicts.iter().any(|c| {
            let reading_of = |id: &str| c.value.reading.iter().position(|r| r.terms.iter().any(|t| t == id));
            matches!((reading_of(a), reading_of(b)), (Some(x), Some(y)) if x != y)
        })
    }
}

#[derive(Clone, Copy)]
struct Known<'a> {
    sources: &'a HashMap<String, (usize, usize)>,
    parties: &'a HashMap<String, (usize, usize)>,
    figures: &'a HashMap<String, (usize, usize)>,
    terms: &'a HashMap<String, (usize, usize)>,
    decisions: &'a HashMap<String, (usize, usize)>,
}

/// A term with its dates and coverage parsed (only built once every field checked out).
struct CheckedTerm<'a> {
    raw: &'a Item<RawTerm>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    workloads: Vec<Workload>,
    providers: Vec<Provider>,
    gate: Option<Setting>,
}

impl<'a> CheckedTerm<'a> {
    fn new(raw: &'a Item<RawTerm>) -> Self {
        let t = &raw.value;
        let day = |d: &Option<String>| d.as_deref().and_then(|d| parse_partial(d).ok()).map(|(d, _)| d);
        CheckedTerm {
            raw,
            from: day(&t.from),
            until: day(&t.until),
            workloads: expand(&t.workloads, Workload::ALL, Workload::parse).unwrap_or_default(),
            providers: expand(&t.providers, Provider::ALL, Provider::parse).unwrap_or_default(),
            gate: t.only_if.as_deref().and_then(|g| parse_gate(g).ok()),
        }
    }

    fn covers(&self, workload: Workload, provider: Provider) -> bool {
        self.workloads.contains(&workload) && self.providers.contains(&provider)
    }

    fn admitted(&self, scenario: &[Setting]) -> bool {
        self.gate.is_none_or(|gate| scenario.contains(&gate))
    }

    fn alive(
        &self,
        day: NaiveDate,
        workload: Workload,
        provider: Provider,
        scenario: &[Setting],
        all: &[CheckedTerm<'_>],
    ) -> bool {
        let in_force = self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day < u);
        in_force
            && self.covers(workload, provider)
            && self.admitted(scenario)
            && !all.iter().any(|other| {
                other.raw.value.supersedes.contains(&self.raw.value.id)
                    && other.covers(workload, provider)
                    && other.admitted(scenario)
                    && other.from.is_none_or(|f| f <= day)
            })
    }
}

/// Every combination of values of the scenario keys.
fn gate_combinations() -> Vec<Vec<Setting>> {
    let mut combos: Vec<Vec<Setting>> = vec![Vec::new()];
    for &key in ScenarioKey::ALL {
        combos = combos
            .into_iter()
            .flat_map(|combo| {
                (0..key.values().len()).map(move |value| {
                    let mut next = combo.clone();
                    next.push(Setting { key, value: u8::try_from(value).unwrap_or(0) });
                    next
                })
            })
            .collect();
    }
    combos
}

/// What is wrong with a source's `url`, if anything: a reader opens it from the page (in a new
/// tab), so it must be a whole `https://` address with a host, and nothing in it may need
/// quoting (white space, quotes, angle brackets, back-ticks or control characters).
pub fn url_problem(url: &str) -> Option<&'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some(if url.is_empty() { "it is empty" } else { "it does not start with https://" });
    };
    if url.chars().any(char::is_whitespace) {
        return Some("it contains white space");
    }
    if url.chars().any(|c| c.is_control() || matches!(c, '"' | '<' | '>' | '`' | '\\')) {
        return Some("it contains a character an address cannot hold (\", <, >, `, \\ or a control character)");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let name = host.rsplit_once(':').map_or(host, |(name, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            name
        } else {
            host
        }
    });
    let labels_ok = name.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !name.contains('.') || !labels_ok {
        return Some("it names no host (such as openai.com) after https://");
    }
    None
}

/// Whether `id` is safe in `id="…"`, `href="#…"` and selectors: `[a-z0-9-]+`, not starting
/// or ending with '-'.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A suggestion for a bad id: lower case, anything else turned into '-'.
fn to_id(id: &str) -> String {
    let mapped: String =
        id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    mapped.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
}

fn is_decimal(text: &str) -> bool {
    let mut parts = text.splitn(2, '.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::url_problem;

    #[test]
    fn a_url_is_a_whole_https_address_without_spaces() {
        for good in [
            "https://openai.com/index/march-funding-updates",
            "https://blogs.microsoft.com/blog/2025/01/21/microsoft-and-openai-evolve-partnership-to-drive-the-next-phase-of-ai/",
            "https://aidispatch.news/?p=1773",
            "https://the-decoder.com/openai-adds-ai-capacity-in-the-oracle-cloud/?amp=1",
            "https://example.org:8443/a#b",
        ] {
            assert_eq!(url_problem(good), None, "{good}");
        }
        for (bad, why) in [
            ("", "it is empty"),
            ("http://www.finanznachrichten.de/x.htm", "it does not start with https://"),
            ("openai.com/index/x", "it does not start with https://"),
            (" https://openai.com/", "it does not start with https://"),
            ("https://openai.com/index/next chapter", "it contains white space"),
            ("https://openai.com/\"onmouseover=x", "it contains a character"),
            ("https://openai.com/<b>", "it contains a character"),
            ("https:///index", "it names no host"),
            ("https://localhost/x", "it names no host"),
            ("https://open_ai.com/x", "it names no host"),
        ] {
            let got = url_problem(bad).unwrap_or_else(|| panic!("{bad:?} must be rejected"));
            assert!(got.starts_with(why), "{bad:?}: {got}");
        }
    }
}
