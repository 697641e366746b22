//! A reader's own what-if: edits of the dataset's compute clauses (switch one off, move its
//! start or end, narrow or widen what it covers) and clauses the reader adds.
//!
//! Everything here is fixed-size and `Copy`, so a [`crate::scenario::Scenario`] that carries
//! edits stays `Copy + Eq + Hash` and no memory grows per edit: one [`ClauseEdit`] slot per
//! dataset term (by index) and [`MAX_ADDED`] slots for added clauses, each with an inline
//! title buffer.
//!
//! The text form (one URL parameter per edit, also read by the JS API's tests):
//!
//! - an edit: `off`, or fields joined by `,`: `from:YYYY-MM-DD`, `until:YYYY-MM-DD` or
//!   `until:open`, `w:` workloads and `p:` providers (wire names joined by `.`, or `all`);
//!   a field left out keeps the sources' value (`until:2025-03-01`, `w:api.products,p:all`);
//! - an added clause: its effect first (`azure-only`, `allowed`, `rofr`), then `from:`,
//!   `until:` (absent: open-ended), `w:`, `p:`, `sup:` (clause ids joined by `.`) and last
//!   `t:` with its title (the rest of the text; it may hold commas):
//!   `azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:API stays on Azure`.

use crate::dataset::{Dataset, Effect, Term, TermIx};
use crate::vocab::{self, DateError, Provider, Workload, FIRST_DAY, LAST_DAY};
use chrono::NaiveDate;
use std::fmt::{self, Write as _};

/// How many dataset terms the edit table holds: one slot per term of the baked data.
pub const MAX_TERMS: usize = crate::dataset::TERM_COUNT;
// Added clauses supersede terms by bit (`u64`), and their indices start at `ADDED_BASE`.
const _: () = assert!(
    MAX_TERMS <= 64,
    "data/terms.toml has more than 64 terms: an added clause's `supersedes` (u64 in src/edits.rs) cannot name them all"
);
/// How many clauses a reader can add to one scenario.
pub const MAX_ADDED: usize = 4;
/// The longest title of an added clause, in bytes (longer titles are cut at a character).
pub const TITLE_CAP: usize = 60;
/// Added clauses take term indices from here on (`TermIx(ADDED_BASE + slot)`); the dataset's
/// own terms are below.
pub const ADDED_BASE: u16 = 0x4000;

/// A set of workloads or providers, one bit per entry of `ALL`.
pub type Mask = u8;

// A workload's or provider's bit is its position in `ALL`, which is its declaration order.
const _: () = assert!(Workload::ALL.len() <= 8 && Provider::ALL.len() <= 8, "a Mask is a u8");

/// The workloads as a mask.
pub fn workload_mask(list: &[Workload]) -> Mask {
    list.iter().fold(0, |m, w| m | 1 << *w as u8)
}

/// The providers as a mask.
pub fn provider_mask(list: &[Provider]) -> Mask {
    list.iter().fold(0, |m, p| m | 1 << *p as u8)
}

/// Whether `mask` holds `workload`.
pub fn has_workload(mask: Mask, workload: Workload) -> bool {
    (mask >> workload as u8) & 1 != 0
}

/// Whether `mask` holds `provider`.
pub fn has_provider(mask: Mask, provider: Provider) -> bool {
    (mask >> provider as u8) & 1 != 0
}

/// The wire names of the workloads (`workloads`) or of the providers, in bit order.
fn wire_names(workloads: bool) -> &'static [&'static str] {
    if workloads {
        Workload::NAMES
    } else {
        Provider::NAMES
    }
}

/// The bit of the workload (`workloads`) or provider with this wire name (0: none such).
pub fn bit_of(workloads: bool, wire: &str) -> Mask {
    wire_names(workloads).iter().position(|n| *n == wire).map_or(0, |i| 1 << i)
}

/// The mask of every workload (`workloads`) or of every provider.
pub fn all_of(workloads: bool) -> Mask {
    u8::MAX >> (8 - wire_names(workloads).len())
}

/// The mask of every workload / provider.
pub fn all_workloads() -> Mask {
    all_of(true)
}
pub fn all_providers() -> Mask {
    all_of(false)
}

/// An edited end: open-ended, or the first day no longer in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Until {
    Open,
    On(NaiveDate),
}

impl Until {
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Until::Open => None,
            Until::On(d) => Some(d),
        }
    }
}

/// A reader's edit of one dataset clause; `None` fields keep the sources' value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClauseEdit {
    pub off: bool,
    pub from: Option<NaiveDate>,
    pub until: Option<Until>,
    pub workloads: Option<Mask>,
    pub providers: Option<Mask>,
}

impl ClauseEdit {
    /// No edit.
    pub const NONE: ClauseEdit = ClauseEdit { off: false, from: None, until: None, workloads: None, providers: None };
    /// Switched off.
    pub const OFF: ClauseEdit = ClauseEdit { off: true, ..ClauseEdit::NONE };

    pub fn is_none(&self) -> bool {
        *self == ClauseEdit::NONE
    }
}

/// An added clause's title: a fixed buffer (no allocation per edit).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Title {
    bytes: [u8; TITLE_CAP],
    len: u8,
}

impl Title {
    pub const EMPTY: Title = Title { bytes: [0; TITLE_CAP], len: 0 };

    /// The title, trimmed and cut to [`TITLE_CAP`] bytes at a character boundary.
    pub fn new(text: &str) -> Title {
        let text = text.trim();
        let mut end = text.len().min(TITLE_CAP);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let text = text.get(..end).unwrap_or_default().trim_end();
        let mut title = Title::EMPTY;
        for (slot, b) in title.bytes.iter_mut().zip(text.bytes()) {
            *slot = b;
        }
        title.len = u8::try_from(text.len()).unwrap_or(0);
        title
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for Title {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A clause the reader added: in no source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AddedClause {
    /// Azure only, allowed, or Microsoft's first refusal (never `none`).
    pub effect: Effect,
    /// `None`: since before the explorer's range.
    pub from: Option<NaiveDate>,
    /// `None`: open-ended.
    pub until: Option<NaiveDate>,
    pub workloads: Mask,
    pub providers: Mask,
    /// The dataset terms it supersedes, one bit per term index.
    pub supersedes: u64,
    pub title: Title,
}

impl AddedClause {
    /// The dataset terms it supersedes.
    pub fn superseded(&self) -> impl Iterator<Item = TermIx> + '_ {
        (0..64u16).filter(|i| self.supersedes & (1 << i) != 0).map(TermIx)
    }

    /// Its title, or a description when the reader gave none ("Azure only: OpenAI API on all providers").
    pub fn name(&self) -> String {
        if self.title.len > 0 {
            return self.title.as_str().to_owned();
        }
        let what = match self.effect {
            Effect::AzureOnly => "Azure only",
            Effect::Rofr => "Microsoft's first refusal",
            _ => "Allowed",
        };
        format!("{what}: {} on {}", coverage_text(self.workloads, true), coverage_text(self.providers, false))
    }
}

/// The edits of a scenario: one slot per dataset term, and the added clauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edits {
    pub clauses: [ClauseEdit; MAX_TERMS],
    pub added: [Option<AddedClause>; MAX_ADDED],
}

impl Edits {
    pub const NONE: Edits = Edits { clauses: [ClauseEdit::NONE; MAX_TERMS], added: [None; MAX_ADDED] };

    pub fn is_empty(&self) -> bool {
        *self == Edits::NONE
    }

    /// The edited clauses, by term index.
    pub fn edited(&self) -> impl Iterator<Item = (TermIx, &ClauseEdit)> {
        self.clauses.iter().enumerate().filter(|(_, e)| !e.is_none()).map(|(i, e)| (TermIx(index(i)), e))
    }

    /// The added clauses with their slots.
    pub fn added(&self) -> impl Iterator<Item = (usize, &AddedClause)> {
        self.added.iter().enumerate().filter_map(|(i, a)| a.as_ref().map(|a| (i, a)))
    }

    /// Adds a clause in the first free slot.
    pub fn push(&mut self, clause: AddedClause) -> Result<(), EditError> {
        let slot = self.added.iter_mut().find(|a| a.is_none()).ok_or(EditError::TooMany)?;
        *slot = Some(clause);
        Ok(())
    }

    /// Removes added clause `slot`, keeping the others in order (no holes).
    pub fn remove(&mut self, slot: usize) {
        let mut kept = self.added.iter().enumerate().filter(|(i, _)| *i != slot).filter_map(|(_, a)| *a);
        self.added = std::array::from_fn(|_| kept.next());
    }
}

fn index(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Which edit a difference is blamed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EditRef {
    /// The reader's edit of a dataset clause.
    Clause(TermIx),
    /// An added clause, by slot.
    Added(u8),
}

/// What is wrong with an edit; every message names the clause or field and what is accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("clauses: unknown clause \"{id}\"; accepted: {accepted}")]
    UnknownClause { id: String, accepted: String },
    #[error("supersedes: unknown clause \"{id}\"; accepted: {accepted}")]
    UnknownSuperseded { id: String, accepted: String },
    #[error("{field}: {error}")]
    Date { field: &'static str, error: DateError },
    #[error("until {until} is before from {from}")]
    EndBeforeStart { from: NaiveDate, until: NaiveDate },
    #[error("until {until} is the same day as from: the clause would never be in force")]
    Empty { until: NaiveDate },
    #[error("{field}: empty; accepted: {} or all", accepted.join(", "))]
    EmptyCoverage { field: &'static str, accepted: &'static [&'static str] },
    #[error("{field}: unknown {what} \"{got}\"; accepted: {}, all", accepted.join(", "))]
    Unknown { field: &'static str, what: &'static str, got: String, accepted: &'static [&'static str] },
    #[error("effect: unknown effect \"{got}\"; accepted: azure-only, allowed, rofr")]
    Effect { got: String },
    #[error("unknown field \"{got}\"; accepted: {accepted}")]
    Field { got: String, accepted: &'static str },
    #[error("add: at most {MAX_ADDED} clauses")]
    TooMany,
}

impl EditError {
    /// The same error, said of one clause: `clauses.compute-free: until … is before from …`.
    pub fn within(self, context: &str) -> String {
        match self {
            EditError::UnknownClause { .. } | EditError::TooMany => self.to_string(),
            other => format!("{context}: {other}"),
        }
    }
}

/// The dataset's compute clauses (every term whose effect is not `none`), in data order.
pub fn compute_clauses(ds: &Dataset) -> impl Iterator<Item = (TermIx, &'static Term)> {
    ds.terms
        .iter()
        .enumerate()
        .filter(|(i, t)| t.effect != Effect::None && *i < MAX_TERMS)
        .map(|(i, t)| (TermIx(index(i)), t))
}

fn accepted_clauses(ds: &Dataset) -> String {
    compute_clauses(ds).map(|(_, t)| t.id).collect::<Vec<_>>().join(", ")
}

/// The compute clause with this id.
pub fn clause_by_id(ds: &Dataset, id: &str) -> Result<TermIx, EditError> {
    compute_clauses(ds)
        .find(|(_, t)| t.id == id)
        .map(|(ix, _)| ix)
        .ok_or_else(|| EditError::UnknownClause { id: id.to_owned(), accepted: accepted_clauses(ds) })
}

/// A date inside the explorer's range.
pub fn parse_date(field: &'static str, text: &str) -> Result<NaiveDate, EditError> {
    vocab::parse_day_in_range(text).map_err(|error| EditError::Date { field, error })
}

/// Checks that `[from, until)` is a real interval.
pub fn check_interval(from: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<(), EditError> {
    match (from, until) {
        (Some(from), Some(until)) if until < from => Err(EditError::EndBeforeStart { from, until }),
        (Some(from), Some(until)) if until == from => Err(EditError::Empty { until }),
        _ => Ok(()),
    }
}

/// A text form's list: the names joined by `.`.
fn list(value: &str) -> Vec<String> {
    value.split('.').map(str::to_owned).collect()
}

/// Workloads (`workloads`) or providers from wire names (or `all`), for the field `workloads`
/// or `providers`.
pub fn parse_mask(workloads: bool, names: &[String]) -> Result<Mask, EditError> {
    let (field, what) = if workloads { ("workloads", "workload") } else { ("providers", "provider") };
    let accepted = wire_names(workloads);
    let mut mask = 0;
    for name in names {
        mask |= match bit_of(workloads, name) {
            0 if name == "all" => all_of(workloads),
            0 => return Err(EditError::Unknown { field, what, got: name.clone(), accepted }),
            bit => bit,
        };
    }
    if mask == 0 {
        return Err(EditError::EmptyCoverage { field, accepted });
    }
    Ok(mask)
}

/// An added clause's effect (`none` is not one).
pub fn parse_effect(text: &str) -> Result<Effect, EditError> {
    match Effect::parse(text) {
        Ok(effect) if effect != Effect::None => Ok(effect),
        _ => Err(EditError::Effect { got: text.to_owned() }),
    }
}

/// The superseded clauses from ids.
pub fn parse_supersedes(ds: &Dataset, ids: &[String]) -> Result<u64, EditError> {
    let mut mask = 0u64;
    for id in ids {
        let ix = clause_by_id(ds, id)
            .map_err(|_| EditError::UnknownSuperseded { id: id.clone(), accepted: accepted_clauses(ds) })?;
        mask |= 1 << ix.get();
    }
    Ok(mask)
}

/// Checks an edit of `term` (its resulting interval and coverage).
pub fn check_edit(term: &Term, edit: &ClauseEdit) -> Result<(), EditError> {
    let from = edit.from.or(term.from.map(|f| f.date));
    let until = edit.until.map_or(term.until, Until::date);
    check_interval(from, until)?;
    if edit.workloads == Some(0) {
        return Err(EditError::EmptyCoverage { field: "workloads", accepted: Workload::NAMES });
    }
    if edit.providers == Some(0) {
        return Err(EditError::EmptyCoverage { field: "providers", accepted: Provider::NAMES });
    }
    Ok(())
}

/// Checks an added clause.
pub fn check_added(clause: &AddedClause) -> Result<(), EditError> {
    check_interval(clause.from, clause.until)?;
    if clause.effect == Effect::None {
        return Err(EditError::Effect { got: "none".to_owned() });
    }
    if clause.workloads == 0 {
        return Err(EditError::EmptyCoverage { field: "workloads", accepted: Workload::NAMES });
    }
    if clause.providers == 0 {
        return Err(EditError::EmptyCoverage { field: "providers", accepted: Provider::NAMES });
    }
    Ok(())
}

/// Reads an edit's text form (`off`, `until:2025-03-01,w:api`), checked against `term`.
pub fn parse_edit(term: &Term, text: &str) -> Result<ClauseEdit, EditError> {
    if text == "off" {
        return Ok(ClauseEdit::OFF);
    }
    // Read into the fields the JS API fills, and checked by the same code.
    let mut f = Fields::default();
    for field in text.split(',') {
        let (name, value) = field.split_once(':').unwrap_or((field, ""));
        match name {
            "from" => f.from = Some(Some(value.to_owned())),
            "until" => f.until = Some((value != "open").then(|| value.to_owned())),
            "w" => f.workloads = Some(list(value)),
            "p" => f.providers = Some(list(value)),
            _ => return Err(EditError::Field { got: name.to_owned(), accepted: "off, from:, until:, w:, p:" }),
        }
    }
    edit_from_fields(term, &f)
}

/// Writes an edit's text form (what [`parse_edit`] reads).
pub fn write_edit(edit: &ClauseEdit) -> String {
    if edit.off {
        return "off".to_owned();
    }
    let mut out = String::new();
    if let Some(from) = edit.from {
        let _ = write!(out, ",from:{from}");
    }
    match edit.until {
        Some(Until::Open) => out.push_str(",until:open"),
        Some(Until::On(d)) => {
            let _ = write!(out, ",until:{d}");
        }
        None => {}
    }
    write_coverage(&mut out, edit.workloads, edit.providers);
    out.strip_prefix(',').unwrap_or(&out).to_owned()
}

/// `,w:…,p:…` for the coverage given.
fn write_coverage(out: &mut String, workloads: Option<Mask>, providers: Option<Mask>) {
    for (field, mask, of_workloads) in [(",w:", workloads, true), (",p:", providers, false)] {
        if let Some(mask) = mask {
            out.push_str(field);
            out.push_str(&listed(mask, of_workloads, false));
        }
    }
}

/// Reads an added clause's text form.
pub fn parse_added(ds: &Dataset, text: &str) -> Result<AddedClause, EditError> {
    // The title is the rest of the text after the first `,t:` (a byte scan: `,` is ASCII).
    let at = text.as_bytes().windows(3).position(|w| w == b",t:");
    let (head, title) = match at.and_then(|i| Some((text.get(..i)?, text.get(i + 3..)?))) {
        Some((head, title)) => (head, Some(title.to_owned())),
        None => (text.strip_suffix(',').unwrap_or(text), None),
    };
    let mut fields = head.split(',');
    // Read into the fields the JS API fills, and checked by the same code.
    let mut f = Fields { effect: Some(fields.next().unwrap_or_default().to_owned()), title, ..Fields::default() };
    for field in fields {
        let (name, value) = field.split_once(':').unwrap_or((field, ""));
        match name {
            "from" => f.from = Some(Some(value.to_owned())),
            "until" => f.until = Some(Some(value.to_owned())),
            "w" => f.workloads = Some(list(value)),
            "p" => f.providers = Some(list(value)),
            "sup" => f.supersedes = Some(list(value)),
            _ => return Err(EditError::Field { got: name.to_owned(), accepted: "from:, until:, w:, p:, sup:, t:" }),
        }
    }
    added_from_fields(ds, &f)
}

/// Writes an added clause's text form (what [`parse_added`] reads).
pub fn write_added(ds: &Dataset, clause: &AddedClause) -> String {
    let mut out = clause.effect.as_str().to_owned();
    if let Some(from) = clause.from {
        let _ = write!(out, ",from:{from}");
    }
    if let Some(until) = clause.until {
        let _ = write!(out, ",until:{until}");
    }
    write_coverage(&mut out, Some(clause.workloads), Some(clause.providers));
    if clause.supersedes != 0 {
        let ids: Vec<&str> = clause.superseded().map(|ix| ds.term(ix).id).collect();
        let _ = write!(out, ",sup:{}", ids.join("."));
    }
    if clause.title.len > 0 {
        let _ = write!(out, ",t:{}", clause.title.as_str());
    }
    out
}

/// The workloads (`workloads`) or providers in a mask: their wire names joined by `.` or
/// `all` (`labels` false), or in a reader's words joined by `, ` ("all workloads", "OpenAI API,
/// Own products (ChatGPT…)").
fn listed(mask: Mask, workloads: bool, labels: bool) -> String {
    if mask == all_of(workloads) {
        return match (labels, workloads) {
            (false, _) => "all",
            (true, true) => "all workloads",
            (true, false) => "all providers",
        }
        .to_owned();
    }
    let mut out = String::new();
    for (i, wire) in wire_names(workloads).iter().enumerate().filter(|(i, _)| (mask >> i) & 1 != 0) {
        if !out.is_empty() {
            out.push_str(if labels { ", " } else { "." });
        }
        let label =
            if workloads { Workload::ALL.get(i).map(|w| w.label()) } else { Provider::ALL.get(i).map(|p| p.label()) };
        out.push_str(if labels { label.unwrap_or(wire) } else { wire });
    }
    out
}

/// Workloads (`workloads`) or providers in a reader's words ("all workloads", "OpenAI API, Own
/// products (ChatGPT…)").
pub fn coverage_text(mask: Mask, workloads: bool) -> String {
    listed(mask, workloads, true)
}

/// What an edit changes about `term`, one phrase per changed field, each with what the sources
/// say ("until 2025-03-01 in this what-if; the sources say until 2025-10-28"). Fields that
/// restate the sources' value say nothing.
pub fn describe_edit(term: &Term, edit: &ClauseEdit) -> Vec<String> {
    let mut out = Vec::new();
    if edit.off {
        out.push("switched off in this what-if; the sources say it applies".to_owned());
        return out;
    }
    let start = term.from.map(|f| f.date);
    if let Some(from) = edit.from.filter(|f| Some(*f) != start) {
        let said = start.map_or_else(|| "no start".to_owned(), |d| format!("from {d}"));
        out.push(format!("from {from} in this what-if; the sources say {said}"));
    }
    if let Some(until) = edit.until.filter(|u| u.date() != term.until) {
        let said = term.until.map_or_else(|| "open-ended".to_owned(), |d| format!("until {d}"));
        let now = until.date().map_or_else(|| "open-ended".to_owned(), |d| format!("until {d}"));
        out.push(format!("{now} in this what-if; the sources say {said}"));
    }
    let own_w = workload_mask(term.workloads);
    if let Some(w) = edit.workloads.filter(|w| *w != own_w) {
        out.push(format!(
            "covers {} in this what-if; the sources say {}",
            coverage_text(w, true),
            coverage_text(own_w, true)
        ));
    }
    let own_p = provider_mask(term.providers);
    if let Some(p) = edit.providers.filter(|p| *p != own_p) {
        out.push(format!(
            "on {} in this what-if; the sources say {}",
            coverage_text(p, false),
            coverage_text(own_p, false)
        ));
    }
    out
}

/// An edit or an added clause as the JS API (and the golden cases) give it, field by field:
/// `Some(None)` is an explicit `null` (open-ended), `None` a field left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fields {
    pub effect: Option<String>,
    pub from: Option<Option<String>>,
    pub until: Option<Option<String>>,
    pub workloads: Option<Vec<String>>,
    pub providers: Option<Vec<String>>,
    pub title: Option<String>,
    pub supersedes: Option<Vec<String>>,
}

/// A date field that may be left out (`None`), `null` (`Some(Bound::Open)`) or a date.
#[derive(Clone, Copy)]
enum Bound {
    Open,
    On(NaiveDate),
}

fn date_field(field: &'static str, value: Option<&Option<String>>) -> Result<Option<Bound>, EditError> {
    value
        .map(|v| match v.as_deref() {
            None => Ok(Bound::Open),
            Some(text) => parse_date(field, text).map(Bound::On),
        })
        .transpose()
}

fn bound_date(bound: Bound) -> Option<NaiveDate> {
    match bound {
        Bound::Open => None,
        Bound::On(d) => Some(d),
    }
}

/// An edit of `term` from fields (`effect`, `title` and `supersedes` are not edits).
pub fn edit_from_fields(term: &Term, f: &Fields) -> Result<ClauseEdit, EditError> {
    for (name, given) in
        [("effect", f.effect.is_some()), ("title", f.title.is_some()), ("supersedes", f.supersedes.is_some())]
    {
        if given {
            return Err(EditError::Field { got: name.to_owned(), accepted: "from, until, workloads, providers" });
        }
    }
    let edit = ClauseEdit {
        off: false,
        // `from: null`: since the start of the range.
        from: date_field("from", f.from.as_ref())?.map(|d| bound_date(d).unwrap_or(FIRST_DAY)),
        until: date_field("until", f.until.as_ref())?.map(|d| bound_date(d).map_or(Until::Open, Until::On)),
        workloads: f.workloads.as_deref().map(|l| parse_mask(true, l)).transpose()?,
        providers: f.providers.as_deref().map(|l| parse_mask(false, l)).transpose()?,
    };
    check_edit(term, &edit)?;
    Ok(edit)
}

/// An added clause from fields: `effect` is required; coverage defaults to all, dates to
/// open.
pub fn added_from_fields(ds: &Dataset, f: &Fields) -> Result<AddedClause, EditError> {
    let effect = parse_effect(f.effect.as_deref().ok_or(EditError::Effect { got: String::new() })?)?;
    let clause = AddedClause {
        effect,
        from: date_field("from", f.from.as_ref())?.and_then(bound_date),
        until: date_field("until", f.until.as_ref())?.and_then(bound_date),
        workloads: f.workloads.as_deref().map_or(Ok(all_workloads()), |l| parse_mask(true, l))?,
        providers: f.providers.as_deref().map_or(Ok(all_providers()), |l| parse_mask(false, l))?,
        supersedes: f.supersedes.as_deref().map_or(Ok(0), |l| parse_supersedes(ds, l))?,
        title: f.title.as_deref().map_or(Title::EMPTY, Title::new),
    };
    check_added(&clause)?;
    Ok(clause)
}

/// The first day inside the range of an interval's bounds (for breakpoints).
pub fn in_range(day: NaiveDate) -> bool {
    day > FIRST_DAY && day <= LAST_DAY
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;

    #[test]
    fn a_scenario_stays_small_enough_to_copy() {
        // clippy.toml's pass-by-value limit is set from this (a view state holds two).
        assert!(std::mem::size_of::<crate::scenario::Scenario>() <= 1024);
    }

    #[test]
    fn the_edit_table_holds_every_term() {
        assert!(dataset().terms.len() <= MAX_TERMS, "raise MAX_TERMS");
        assert!(dataset().terms.len() < usize::from(ADDED_BASE));
    }

    #[test]
    fn text_forms_round_trip() {
        let ds = dataset();
        let term = ds.term(clause_by_id(ds, "rofr-new-capacity").unwrap());
        for text in ["off", "until:2025-03-01", "from:2025-02-01,until:open,w:products.api,p:all", "p:azure.aws"] {
            let edit = parse_edit(term, text).unwrap();
            assert_eq!(write_edit(&edit), text);
        }
        for text in [
            "azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:API stays on Azure, for good",
            "rofr,w:all,p:coreweave.oracle",
            "allowed,from:2025-01-01,until:2026-01-01,w:training,p:google",
        ] {
            let added = parse_added(ds, text).unwrap();
            assert_eq!(write_added(ds, &added), text);
        }
    }

    #[test]
    fn bad_edits_say_what_is_accepted() {
        let ds = dataset();
        let err = clause_by_id(ds, "no-such-clause").unwrap_err().to_string();
        assert!(err.starts_with("clauses: unknown clause \"no-such-clause\"; accepted: azure-preferred,"), "{err}");
        assert!(!err.contains("ms-ip-license"), "a clause without effect is not editable: {err}");
        let term = ds.term(clause_by_id(ds, "azure-first").unwrap());
        let err = parse_edit(term, "until:2020-01-01").unwrap_err().to_string();
        assert_eq!(err, "until 2020-01-01 is before from 2026-04-27");
        assert_eq!(
            parse_added(ds, "sometimes").unwrap_err().to_string(),
            "effect: unknown effect \"sometimes\"; accepted: azure-only, allowed, rofr"
        );
        assert!(parse_added(ds, "none").is_err());
        let err = parse_edit(term, "w:").unwrap_err().to_string();
        assert!(err.starts_with("workloads: unknown workload \"\""), "{err}");
        let err = parse_edit(term, "p:ibm").unwrap_err().to_string();
        assert!(err.contains("unknown provider \"ibm\"; accepted: azure,"), "{err}");
        assert!(parse_edit(term, "from:2040-01-01")
            .unwrap_err()
            .to_string()
            .starts_with("from: 2040-01-01 is outside"));
        assert!(parse_edit(term, "colour:red").is_err());
        assert!(parse_added(ds, "allowed,sup:nope")
            .unwrap_err()
            .to_string()
            .starts_with("supersedes: unknown clause \"nope\""));
        assert!(parse_added(ds, "allowed,from:2026-01-01,until:2026-01-01").is_err());
    }

    #[test]
    fn titles_are_cut_at_a_character() {
        let long = "é".repeat(40);
        let title = Title::new(&long);
        assert_eq!(title.as_str().len(), TITLE_CAP);
        assert!(long.starts_with(title.as_str()));
        assert_eq!(Title::new("  Mine ").as_str(), "Mine");
    }

    #[test]
    fn added_clauses_keep_their_order_when_one_goes() {
        let ds = dataset();
        let mut edits = Edits::NONE;
        for t in ["a", "b", "c"] {
            edits.push(parse_added(ds, &format!("allowed,t:{t}")).unwrap()).unwrap();
        }
        edits.remove(1);
        let titles: Vec<&str> = edits.added().map(|(_, a)| a.title.as_str()).collect();
        assert_eq!(titles, ["a", "c"]);
        edits.push(parse_added(ds, "allowed").unwrap()).unwrap();
        edits.push(parse_added(ds, "allowed").unwrap()).unwrap();
        assert_eq!(edits.push(parse_added(ds, "allowed").unwrap()), Err(EditError::TooMany));
    }

    #[test]
    fn describing_an_edit_names_what_the_sources_say() {
        let ds = dataset();
        let term = ds.term(clause_by_id(ds, "compute-free").unwrap());
        let edit = parse_edit(term, "until:2026-01-01,w:training.products").unwrap();
        assert_eq!(describe_edit(term, &edit), ["until 2026-01-01 in this what-if; the sources say open-ended"]);
    }
}
