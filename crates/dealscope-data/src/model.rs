//! The dataset as the engine and the views read it: plain `'static` data, baked into the
//! binary by `build.rs` from `data/` after validation, so loading costs nothing at start-up
//! and the bundle carries no parser.
//!
//! Cross-references are indices into the dataset's tables (`SourceIx`, `TermIx`, …), checked
//! at build time, so a lookup can never fail at run time.

use crate::vocab::{
    Condition, Decision as DecisionKind, Precision, Provider, Reliability, ScenarioKey, Setting, Workload,
};
use chrono::NaiveDate;

pub use crate::vocab::{Effect, Qualifier, Scale, Unit};

macro_rules! index {
    ($($(#[$meta:meta])* $name:ident;)+) => {$(
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u16);
        impl $name {
            /// The position in its table.
            pub const fn get(self) -> usize { self.0 as usize }
        }
    )+};
}

index! {
    /// A source in `Dataset::sources`.
    SourceIx;
    /// A term in `Dataset::terms`.
    TermIx;
    /// A figure in `Dataset::figures`.
    FigureIx;
    /// A decision in `Dataset::decisions`.
    DecisionIx;
    /// A party in `Dataset::parties`.
    PartyIx;
}

/// A date as precisely as the sources give it (`date` is the first day of the period).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartialDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

/// A citation: the source and, for seed articles, the sentence quoted from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub source: SourceIx,
    pub quote: Option<&'static str>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub publisher: &'static str,
    pub title: &'static str,
    /// `None`: the source carries no date (unknown is a value).
    pub date: Option<PartialDate>,
    /// Primary (the companies), press, or secondary (aggregators, blogs, the seeds).
    pub reliability: Reliability,
    /// Whether the companies themselves published what this source reports (always for
    /// primary sources).
    pub confirmed: bool,
    pub url: Option<&'static str>,
    /// For seed articles: the file under `data/seeds/`.
    pub seed: Option<&'static str>,
    pub locator: &'static str,
}

impl Source {
    /// The kind of publication, as the JS API has always named it: `primary`, `news`
    /// (press and secondary reporting) or `seed` (one of the five seed articles).
    pub const fn kind(&self) -> &'static str {
        match (self.seed, self.reliability) {
            (Some(_), _) => "seed",
            (None, Reliability::Primary) => "primary",
            (None, _) => "news",
        }
    }

    /// How a reader sees its reliability: `primary`, `press · not confirmed by the companies`, …
    pub fn reliability_label(&self) -> String {
        let mut out = self.reliability.label().to_owned();
        if self.seed.is_some() {
            out.push_str(" · seed article");
        }
        if !self.confirmed {
            out.push_str(" · not confirmed by the companies");
        }
        out
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Party {
    pub id: &'static str,
    pub name: &'static str,
    pub provider: Option<Provider>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Event {
    pub id: &'static str,
    pub date: PartialDate,
    pub reported: Option<PartialDate>,
    pub parties: &'static [PartyIx],
    pub providers: &'static [Provider],
    pub what: &'static str,
    pub figures: &'static [FigureIx],
    pub terms: &'static [TermIx],
    pub decisions: &'static [DecisionIx],
    pub sources: &'static [Citation],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: &'static str,
    pub measures: &'static str,
    /// A decimal as written in the data, or `None` when undisclosed.
    pub amount: Option<&'static str>,
    pub unit: Unit,
    pub scale: Scale,
    pub qualifier: Qualifier,
    pub as_of: Option<PartialDate>,
    pub note: Option<&'static str>,
    pub same_quantity_as: &'static [FigureIx],
    pub sources: &'static [Citation],
}

impl Figure {
    /// The amount as a reader sees it: "~$11.9B", "up to 4.5 GW", "undisclosed".
    pub fn display(&self) -> String {
        let Some(amount) = self.amount else {
            return "undisclosed".to_owned();
        };
        let scaled = match (self.unit, self.scale) {
            (Unit::Usd, Scale::Trillion) => format!("${amount}T"),
            (Unit::Usd, Scale::Billion) => format!("${amount}B"),
            (Unit::Usd, Scale::Million) => format!("${amount}M"),
            (Unit::Usd, Scale::One) => format!("${amount}"),
            (Unit::Gw, _) => format!("{amount} GW"),
            (Unit::Mw, _) => format!("{amount} MW"),
            (Unit::Percent, _) => format!("{amount}%"),
            (Unit::Count, Scale::One) => amount.to_owned(),
            (Unit::Count, scale) => format!("{amount} {}", scale.as_str()),
        };
        match self.qualifier {
            Qualifier::Exact => scaled,
            Qualifier::Approx => format!("~{scaled}"),
            Qualifier::UpTo => format!("up to {scaled}"),
            Qualifier::MoreThan => format!("more than {scaled}"),
            Qualifier::AtLeast => format!("at least {scaled}"),
        }
    }
}

/// A scenario gate: the thing exists only in scenarios with this setting.
pub type Gate = Setting;

/// How a term stops applying besides its `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LapseKind {
    /// From `from` on, the term lapses in scenarios where the condition holds.
    When { condition: Condition, from: NaiveDate },
    /// The term lapses on this day.
    On(NaiveDate),
}

#[derive(Debug, PartialEq, Eq)]
pub struct Lapse {
    pub kind: LapseKind,
    pub only_if: Option<Gate>,
    pub summary: &'static str,
    pub sources: &'static [Citation],
}

/// A scenario key that changes no verdict while the term is in force.
#[derive(Debug, PartialEq, Eq)]
pub struct Moot {
    /// The scenario key.
    pub key: ScenarioKey,
    /// Why it changes nothing, in a reader's words.
    pub why: &'static str,
    pub sources: &'static [Citation],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Term {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    /// In force from (inclusive); `None` = since before the dataset's range.
    pub from: Option<PartialDate>,
    /// In force until (exclusive); `None` = open-ended.
    pub until: Option<NaiveDate>,
    pub workloads: &'static [Workload],
    pub providers: &'static [Provider],
    pub effect: Effect,
    pub only_if: Option<Gate>,
    pub supersedes: &'static [TermIx],
    pub lapses: &'static [Lapse],
    pub moots: &'static [Moot],
    pub caveat: Option<&'static str>,
    pub sources: &'static [Citation],
}

impl Term {
    /// Whether the term speaks about this workload on this provider.
    pub fn covers(&self, workload: Workload, provider: Provider) -> bool {
        self.workloads.contains(&workload) && self.providers.contains(&provider)
    }

    /// The first day in force, or the day before the range for an open start.
    pub fn start(&self) -> NaiveDate {
        self.from.map_or(NaiveDate::MIN, |from| from.date)
    }

    /// Whether `date` is inside `[from, until)`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.start() <= date && self.until.is_none_or(|until| date < until)
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct DecisionRecord {
    pub id: &'static str,
    pub provider: Provider,
    pub workloads: &'static [Workload],
    pub decision: DecisionKind,
    pub date: PartialDate,
    pub known_from: NaiveDate,
    pub what: &'static str,
    pub sources: &'static [Citation],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Reading {
    pub value: &'static str,
    pub says: &'static str,
    pub terms: &'static [TermIx],
    pub sources: &'static [Citation],
}

#[derive(Debug, PartialEq, Eq)]
pub struct Conflict {
    pub id: &'static str,
    pub claim: &'static str,
    pub scenario_key: Option<&'static str>,
    pub default: &'static str,
    pub why_default: &'static str,
    pub figures: &'static [FigureIx],
    pub readings: &'static [Reading],
}

/// What [`Dataset::term`] gives for a clause a reader added: it is in no source.
pub static ADDED_TERM: Term = Term {
    id: "your-clause",
    title: "Your clause \u{2014} in no source",
    summary: "A clause added in this what-if; it is in no source.",
    from: None,
    until: None,
    workloads: &[],
    providers: &[],
    effect: crate::vocab::Effect::None,
    only_if: None,
    supersedes: &[],
    lapses: &[],
    moots: &[],
    caveat: None,
    sources: &[],
};

/// Everything in `data/`, validated.
#[derive(Debug, PartialEq, Eq)]
pub struct Dataset {
    /// The day the research was last brought up to date ("data as of").
    pub researched: NaiveDate,
    /// A few words readers see beside "data as of": what the research found since the terms
    /// last changed ("no change to the terms found July–December 2026": none found, not
    /// confirmed as none).
    pub as_of_note: &'static str,
    /// What the last research round found (or did not).
    pub research_note: &'static str,
    pub research_sources: &'static [Citation],
    /// The date of the latest event, at its precision.
    pub latest_event: PartialDate,
    pub sources: &'static [Source],
    pub parties: &'static [Party],
    pub events: &'static [Event],
    pub figures: &'static [Figure],
    pub terms: &'static [Term],
    pub decisions: &'static [DecisionRecord],
    pub conflicts: &'static [Conflict],
}

impl Dataset {
    /// Whether `date` lies after the data's "as of" day: answers for it apply the terms as
    /// agreed then; they are projections, not a record.
    pub fn is_projection(&self, date: NaiveDate) -> bool {
        date > self.researched
    }

    pub fn source(&self, ix: SourceIx) -> &'static Source {
        &self.sources[ix.get()]
    }
    /// The term at `ix`; an index outside the table (a clause a reader added to a what-if,
    /// which has no term in the data) gives [`ADDED_TERM`], never a panic.
    pub fn term(&self, ix: TermIx) -> &'static Term {
        self.terms.get(ix.get()).unwrap_or(&ADDED_TERM)
    }
    pub fn figure(&self, ix: FigureIx) -> &'static Figure {
        &self.figures[ix.get()]
    }
    pub fn decision(&self, ix: DecisionIx) -> &'static DecisionRecord {
        &self.decisions[ix.get()]
    }
    pub fn party(&self, ix: PartyIx) -> &'static Party {
        &self.parties[ix.get()]
    }
    /// Whether any of these citations is confirmed by the companies (false for none).
    pub fn confirmed(&self, citations: &[Citation]) -> bool {
        citations.iter().any(|c| self.source(c.source).confirmed)
    }
    /// Looks a term up by id.
    pub fn term_by_id(&self, id: &str) -> Option<TermIx> {
        self.terms.iter().position(|t| t.id == id).and_then(|i| u16::try_from(i).ok()).map(TermIx)
    }
}
