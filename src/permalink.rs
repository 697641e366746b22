//! The view state a reader shares: date, scenario, the scenario it is compared with, selected
//! cell, open panel, embed flag — to and from the URL query string. A malformed or outdated URL yields the default view
//! for whatever could not be read, plus a notice naming what was ignored; never a panic.
//!
//! A link also carries the 28 verdicts its sharer saw (`v=`, 2 bits a cell). Opened after the
//! data changed, [`drift`] says which answers differ now, from what to what, and why.

use crate::dataset::Dataset;
use crate::engine::{self, cells, Outcome};
use crate::scenario::Scenario;
use crate::vocab::{self, Provider, Workload};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// The landing's day: CoreWeave training on 2025-03-15, the day Microsoft's right of first
/// refusal was the question — a day when the doors differ (allowed on Azure, waiting on
/// Microsoft's answer elsewhere, the API blocked), so a first look shows what a verdict is.
pub const STORY_DATE: NaiveDate = vocab::ymd(2025, 3, 15);
/// The cell of that story.
pub const STORY_CELL: (Workload, Provider) = (Workload::Training, Provider::Coreweave);

/// Which panel is open beside the grid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Why,
    Dataset,
    Diff,
    /// Every cell over time.
    Overview,
}

impl Panel {
    pub const ALL: &'static [Panel] = &[Panel::Why, Panel::Dataset, Panel::Diff, Panel::Overview];
    pub const fn as_str(self) -> &'static str {
        match self {
            Panel::Why => "why",
            Panel::Dataset => "dataset",
            Panel::Diff => "diff",
            Panel::Overview => "overview",
        }
    }

    /// The panel with this name (`why`, `dataset`, `diff`, `overview`).
    pub fn parse(name: &str) -> Option<Panel> {
        Panel::ALL.iter().copied().find(|p| p.as_str() == name)
    }
}

/// The years the overview and its picture span: "the deal so far" (from 2019 to the year
/// after the data's "as of", the default) or all of 2016–2035. In a link as `range=all`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeRange {
    #[default]
    SoFar,
    All,
}

impl TimeRange {
    pub const ALL: &'static [TimeRange] = &[TimeRange::SoFar, TimeRange::All];
    pub const fn as_str(self) -> &'static str {
        match self {
            TimeRange::SoFar => "so-far",
            TimeRange::All => "all",
        }
    }

    /// The range with this name (`so-far`, `all`).
    pub fn parse(name: &str) -> Option<TimeRange> {
        TimeRange::ALL.iter().copied().find(|r| r.as_str() == name)
    }
}

/// Everything a shared link reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub date: NaiveDate,
    /// The what-if the grid answers for (A).
    pub scenario: Scenario,
    /// The what-if it is compared with (B; as happened unless the reader chose another): the
    /// grid's marks, the diff strip and panel, the overview and the diff export are A vs B.
    /// In the URL as `vs.key=value`.
    pub base: Scenario,
    pub selected: Option<(Workload, Provider)>,
    pub panel: Panel,
    /// Hide the page chrome (for iframes).
    pub embed: bool,
    /// The years the overview spans.
    pub range: TimeRange,
}

impl Default for ViewState {
    /// The landing: the view a link without a date opens and the release build prerenders
    /// (one definition, whatever the reader's clock says): [`STORY_CELL`] on [`STORY_DATE`],
    /// as happened, "Why" open.
    fn default() -> Self {
        ViewState {
            date: STORY_DATE,
            scenario: Scenario::AS_HAPPENED,
            base: Scenario::AS_HAPPENED,
            selected: Some(STORY_CELL),
            panel: Panel::Why,
            embed: false,
            range: TimeRange::SoFar,
        }
    }
}

/// What a link says: the view, what was ignored, and the verdicts its sharer saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub view: ViewState,
    /// One notice per ignored parameter.
    pub notices: Vec<String>,
    /// The verdicts the sharer saw (`v=`), if the link carries them and they could be read.
    pub seen: Option<Marks>,
}

impl ViewState {
    /// Reads a query string (`?date=…&cell=training.coreweave&microsoft_declines=true`,
    /// `vs.amendment_2026_04=false` for the scenario compared with)
    /// against the data's "as of" day. Returns the state and one notice per ignored parameter.
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let link = Link::parse(query);
        (link.view, link.notices)
    }
}

impl Link {
    /// Reads a query string; what it does not say is the landing's ([`ViewState::default`]).
    pub fn parse(query: &str) -> Link {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        let mut seen = None;
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(raw_key), decode(raw_value));
            let result = match key.as_str() {
                "date" => vocab::parse_day_in_range(&value).map(|d| state.date = d).map_err(|e| e.to_string()),
                "cell" => parse_cell(&value).map(|c| state.selected = c),
                "panel" => Panel::parse(&value)
                    .map(|p| state.panel = p)
                    .ok_or_else(|| "accepted: why, dataset, diff, overview".to_owned()),
                "embed" => match value.as_str() {
                    "1" | "true" | "0" | "false" => {
                        state.embed = matches!(value.as_str(), "1" | "true");
                        Ok(())
                    }
                    _ => Err("accepted: 1, 0".to_owned()),
                },
                "range" => {
                    TimeRange::parse(&value).map(|r| state.range = r).ok_or_else(|| "accepted: so-far, all".to_owned())
                }
                "v" => Marks::parse(&value).map(|m| seen = Some(m)),
                _ => {
                    let (target, name) = match key.strip_prefix(BASE_PREFIX) {
                        Some(name) => (&mut state.base, name),
                        None => (&mut state.scenario, key.as_str()),
                    };
                    match target.set_edit_param(crate::dataset::dataset(), name, &value) {
                        Ok(true) => Ok(()),
                        Ok(false) => target.set(name, &value).map_err(|e| e.to_string()),
                        Err(why) => Err(why),
                    }
                }
            };
            if let Err(why) = result {
                notices.push(format!("Ignored {key}={value}: {why}"));
            }
        }
        Link { view: state, notices, seen }
    }
}

impl ViewState {
    /// The query string for this state (only what differs from the default view, plus the
    /// date and the verdicts shown, so a later reader can tell if an answer changed).
    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("date={}", self.date)];
        let ds = crate::dataset::dataset();
        parts.extend(self.scenario.changes().iter().map(ToString::to_string));
        parts.extend(self.scenario.edit_params(ds).iter().map(|(k, v)| format!("{k}={}", encode(v))));
        parts.extend(self.base.changes().iter().map(|s| format!("{BASE_PREFIX}{s}")));
        parts.extend(self.base.edit_params(ds).iter().map(|(k, v)| format!("{BASE_PREFIX}{k}={}", encode(v))));
        match self.selected {
            Some((w, p)) => parts.push(format!("cell={w}.{p}")),
            None => parts.push("cell=none".to_owned()),
        }
        if self.panel != Panel::Why {
            parts.push(format!("panel={}", self.panel.as_str()));
        }
        if self.embed {
            parts.push("embed=1".to_owned());
        }
        if self.range != TimeRange::default() {
            parts.push(format!("range={}", self.range.as_str()));
        }
        let shown = engine::matrix(crate::dataset::dataset(), self.date, self.scenario).ok();
        if let Some(cells) = shown {
            parts.push(format!("v={}", Marks::of(cells.iter().map(|c| c.verdict.outcome)).encode()));
        }
        format!("?{}", parts.join("&"))
    }
}

/// The prefix of the compared scenario's keys in a link (`vs.microsoft_declines=true`).
pub const BASE_PREFIX: &str = "vs.";

/// The 28 verdicts of a grid, 2 bits a cell (allowed 0, blocked 1, conditional 2), written
/// as 10 URL-safe base64 characters, three cells to a character, row by row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks([Outcome; CELLS]);

const CELLS: usize = Workload::ALL.len() * Provider::ALL.len();
const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl Marks {
    /// The marks of outcomes given row by row (missing cells count as allowed).
    pub fn of(outcomes: impl IntoIterator<Item = Outcome>) -> Marks {
        let mut marks = [Outcome::Allowed; CELLS];
        for (slot, outcome) in marks.iter_mut().zip(outcomes) {
            *slot = outcome;
        }
        Marks(marks)
    }

    /// The outcome of each cell, row by row.
    pub fn outcomes(&self) -> &[Outcome; CELLS] {
        &self.0
    }

    pub fn encode(&self) -> String {
        self.0
            .chunks(3)
            .map(|chunk| {
                let bits = chunk.iter().enumerate().fold(0, |acc, (i, o)| acc | (code(*o) << (2 * i)));
                char::from(DIGITS[usize::from(bits)])
            })
            .collect()
    }

    /// Reads marks; the error says what is wrong (the link then shows no drift notice).
    pub fn parse(text: &str) -> Result<Marks, String> {
        let want = CELLS.div_ceil(3);
        if text.len() != want {
            return Err(format!("the recorded verdicts must be {want} characters, got {}", text.chars().count()));
        }
        let mut marks = [Outcome::Allowed; CELLS];
        for (i, byte) in text.bytes().enumerate() {
            let bits = DIGITS
                .iter()
                .position(|d| *d == byte)
                .ok_or_else(|| "the recorded verdicts use only letters, digits, '-' and '_'".to_owned())?;
            for j in 0..3 {
                let Some(slot) = marks.get_mut(i * 3 + j) else { break };
                *slot = match (bits >> (2 * j)) & 3 {
                    0 => Outcome::Allowed,
                    1 => Outcome::Blocked,
                    2 => Outcome::Conditional,
                    _ => return Err("the recorded verdicts hold a value that is no verdict".to_owned()),
                };
            }
            if i * 3 + 3 > CELLS && bits >> (2 * (CELLS - i * 3)) != 0 {
                return Err("the recorded verdicts have stray bits at the end".to_owned());
            }
        }
        Ok(Marks(marks))
    }
}

fn code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Allowed => 0,
        Outcome::Blocked => 1,
        Outcome::Conditional => 2,
    }
}

/// One cell whose answer differs from what a shared link recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drift {
    pub workload: Workload,
    pub provider: Provider,
    pub was: Outcome,
    pub now: Outcome,
    /// Why, in a reader's words: the clauses that decide it now.
    pub why: String,
}

/// The cells whose answer for the link's day and scenario differs from the verdicts the
/// sharer saw (empty when nothing changed).
pub fn drift(ds: &Dataset, view: &ViewState, seen: &Marks) -> Vec<Drift> {
    let Ok(now) = engine::matrix(ds, view.date, view.scenario) else { return Vec::new() };
    cells()
        .zip(&now)
        .zip(seen.outcomes())
        .filter(|((_, cell), was)| cell.verdict.outcome != **was)
        .map(|(((workload, provider), cell), was)| {
            let mut why = String::new();
            for (i, reason) in cell.verdict.reasons.iter().enumerate() {
                let term = ds.term(reason.term);
                let since = term.from.map(|f| format!(", from {}", crate::answer::partial(f))).unwrap_or_default();
                let _ = write!(why, "{}“{}”{since}", if i == 0 { "" } else { "; " }, term.title);
            }
            if why.is_empty() {
                why.push_str("no term in the dataset restricts it");
            }
            Drift { workload, provider, was: *was, now: cell.verdict.outcome, why }
        })
        .collect()
}

/// A drift as a reader reads it.
pub fn describe_drift(ds: &Dataset, d: &Drift) -> String {
    format!(
        "{} on {}: {} when shared, {} now (data as of {}) — now decided by {}",
        d.workload.label(),
        d.provider.label(),
        d.was.as_str(),
        d.now.as_str(),
        ds.researched,
        d.why
    )
}

/// A selected cell as links write it: `workload.provider`, or `none`.
pub fn parse_cell(value: &str) -> Result<Option<(Workload, Provider)>, String> {
    if value == "none" {
        return Ok(None);
    }
    crate::html::contract::parse_cell(value).map(Some)
}

/// Percent-encodes what a query value cannot hold as it is (an added clause's title: spaces,
/// `&`, `#`, `+`, `%`, non-ASCII); the edit syntax's own `:`, `,` and `.` stay readable.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:,!*'()/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Decodes `%XX` and `+`; undecodable bytes stay as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let state = ViewState {
            date: vocab::ymd(2026, 5, 1),
            scenario: Scenario::AS_HAPPENED.with("amendment_2026_04", "false").with("microsoft_declines", "true"),
            base: Scenario::AS_HAPPENED.with("microsoft_declines", "true"),
            selected: Some((Workload::Api, Provider::Aws)),
            panel: Panel::Diff,
            embed: true,
            range: TimeRange::All,
        };
        assert!(state.to_query().contains("&vs.microsoft_declines=true"), "{}", state.to_query());
        let (back, notices) = ViewState::from_query(&state.to_query());
        assert_eq!(back, state);
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn the_overview_s_range_round_trips_and_a_bad_one_is_ignored_with_a_notice() {
        let all = ViewState { panel: Panel::Overview, range: TimeRange::All, ..ViewState::default() };
        assert!(all.to_query().contains("&panel=overview&range=all"), "{}", all.to_query());
        assert_eq!(ViewState::from_query(&all.to_query()), (all, Vec::new()));
        let so_far = ViewState { range: TimeRange::SoFar, ..all };
        assert!(!so_far.to_query().contains("range="), "the default range is not written");
        assert_eq!(ViewState::from_query("?panel=overview&range=so-far").0.range, TimeRange::SoFar);
        let (state, notices) = ViewState::from_query("?panel=overview&range=2016-2035&cell=training.aws");
        assert_eq!((state.range, state.panel), (TimeRange::SoFar, Panel::Overview), "the rest of the link stands");
        assert_eq!(notices, ["Ignored range=2016-2035: accepted: so-far, all"]);
    }

    #[test]
    fn malformed_parts_are_ignored_with_a_notice() {
        let (state, notices) = ViewState::from_query(
            "?date=2040-01-01&cell=training.ibm&agi_verified=maybe&panel=x&zzz=1&microsoft_declines=true&%ZZ=%",
        );
        assert_eq!(state.date, STORY_DATE, "no usable date: the landing's");
        assert_eq!(state.scenario.microsoft_declines(), Some(true));
        assert_eq!(notices.len(), 6, "{notices:?}");
        assert!(notices[0].contains("date=2040-01-01") && notices[0].contains("outside"), "{}", notices[0]);
        assert!(notices[1].contains("unknown provider \"ibm\""), "{}", notices[1]);
    }

    #[test]
    fn the_compared_scenario_is_read_like_the_scenario_and_its_errors_say_so() {
        let (state, notices) =
            ViewState::from_query("?date=2026-05-01&microsoft_declines=true&vs.microsoft_declines=true&vs.agi=1&vs.amendment_2026_04=maybe&vs.amendment_2026_04=false");
        assert_eq!(state.scenario, Scenario::AS_HAPPENED.with("microsoft_declines", "true"));
        assert_eq!(
            state.base,
            Scenario::AS_HAPPENED.with("microsoft_declines", "true").with("amendment_2026_04", "false")
        );
        assert_eq!(notices.len(), 2, "{notices:?}");
        assert!(notices[0].starts_with("Ignored vs.agi=1: unknown scenario key \"agi\""), "{}", notices[0]);
        assert!(
            notices[1].contains("vs.amendment_2026_04=maybe") && notices[1].contains("accepted: true, false"),
            "{}",
            notices[1]
        );
    }

    #[test]
    fn without_a_date_the_page_opens_on_the_landing() {
        let landing = Link::parse("").view;
        assert_eq!((landing.date, landing.selected), (STORY_DATE, Some(STORY_CELL)));
        assert_eq!(landing, ViewState::default());
        assert_eq!(Link::parse("?cell=none").view.date, STORY_DATE);
        assert_eq!(Link::parse("?date=2027-02-03").view.date, vocab::ymd(2027, 2, 3), "a date in the link wins");
        // The landing shows all three verdicts: a first look sees what they mean.
        let shown = engine::matrix(crate::dataset::dataset(), STORY_DATE, Scenario::AS_HAPPENED).unwrap();
        for outcome in [Outcome::Allowed, Outcome::Blocked, Outcome::Conditional] {
            assert!(shown.iter().any(|c| c.verdict.outcome == outcome), "{outcome:?}");
        }
    }

    #[test]
    fn marks_round_trip_and_reject_garbage() {
        let ds = crate::dataset::dataset();
        let cells = engine::matrix(ds, STORY_DATE, Scenario::AS_HAPPENED).unwrap();
        let marks = Marks::of(cells.iter().map(|c| c.verdict.outcome));
        let text = marks.encode();
        assert_eq!(text.len(), 10);
        assert!(text.bytes().all(|b| DIGITS.contains(&b)));
        assert_eq!(Marks::parse(&text), Ok(marks));
        for bad in ["", "AAAA", "AAAAAAAAAAA", "AAAAAAAAA!", "AAAAAAAAA/", "AAAAAAAAAE", "/AAAAAAAAA", "AAAAAAAAAé"] {
            assert!(Marks::parse(bad).is_err(), "{bad}");
        }
        // 3 = no verdict: "D" is 0b11 in the first cell.
        assert!(Marks::parse("DAAAAAAAAA").unwrap_err().contains("no verdict"));
        // A garbled marker is ignored with a notice; the rest of the link stands.
        let link = Link::parse("?date=2025-03-15&v=zz%3Cb%3E&microsoft_declines=true");
        assert_eq!(link.seen, None);
        assert_eq!(link.view.scenario.microsoft_declines(), Some(true));
        assert_eq!(link.notices.len(), 1);
        assert!(link.notices[0].starts_with("Ignored v=zz<b>:"), "{:?}", link.notices);
    }

    #[test]
    fn a_link_notices_drift_and_says_why() {
        let ds = crate::dataset::dataset();
        let view = ViewState { date: vocab::ymd(2024, 9, 1), ..ViewState::default() };
        // Unchanged: the link carries what the data says today.
        let link = Link::parse(&view.to_query());
        assert_eq!(link.view, view);
        assert!(drift(ds, &link.view, &link.seen.unwrap()).is_empty());
        // A link shared when the 2024 Oracle capacity was read as a licence: Oracle training
        // and products were "allowed".
        let mut outcomes: Vec<Outcome> =
            engine::matrix(ds, view.date, view.scenario).unwrap().iter().map(|c| c.verdict.outcome).collect();
        let oracle = Provider::ALL.iter().position(|p| *p == Provider::Oracle).unwrap();
        outcomes[oracle] = Outcome::Allowed;
        let old = Marks::of(outcomes);
        let changed = drift(ds, &view, &old);
        assert_eq!(changed.len(), 1);
        assert_eq!((changed[0].workload, changed[0].provider), (Workload::Training, Provider::Oracle));
        assert_eq!((changed[0].was, changed[0].now), (Outcome::Allowed, Outcome::Blocked));
        let text = describe_drift(ds, &changed[0]);
        assert!(text.contains("allowed when shared, blocked now"), "{text}");
        assert!(text.contains("counts as Azure"), "names the clause that decides it now: {text}");
    }

    #[test]
    fn edits_round_trip_in_both_scenarios() {
        let ds = crate::dataset::dataset();
        let mut scenario = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        scenario.set_edit_param(ds, "c.rofr-new-capacity", "until:2025-03-01").unwrap();
        scenario.set_edit_param(ds, "c.compute-free", "off").unwrap();
        scenario
            .set_edit_param(
                ds,
                "add",
                "azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:API & 50% on Azure #1 — ✓",
            )
            .unwrap();
        let mut base = Scenario::AS_HAPPENED;
        base.set_edit_param(ds, "c.azure-first", "from:2026-06-01,until:open,w:api,p:azure.aws").unwrap();
        base.set_edit_param(ds, "add", "rofr,w:all,p:all").unwrap();
        let state = ViewState { date: vocab::ymd(2026, 5, 1), scenario, base, ..ViewState::default() };
        let query = state.to_query();
        assert!(query.contains("&c.rofr-new-capacity=until:2025-03-01&c.compute-free=off&add=azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:API%20%26%2050%25"), "{query}");
        assert!(
            query.contains("&vs.c.azure-first=from:2026-06-01,until:open,w:api,p:azure.aws&vs.add=rofr,w:all,p:all&"),
            "{query}"
        );
        let (back, notices) = ViewState::from_query(&query);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(back, state);
        assert_eq!(back.to_query(), query);
    }

    #[test]
    fn malformed_edits_are_ignored_with_a_notice_naming_them() {
        let (state, notices) = ViewState::from_query(
            "?date=2026-05-01&c.no-such-clause=off&c.azure-first=until:2020-01-01&c.compute-free=from:2040-01-01\
             &c.rofr-new-capacity=w:&add=sometimes&vs.c.natsec-api=p:ibm&c.oci-as-azure=off&c.ms-ip-license=off",
        );
        let ds = crate::dataset::dataset();
        let expected = Scenario::AS_HAPPENED
            .with_clause_edit(ds.term_by_id("oci-as-azure").unwrap(), crate::edits::ClauseEdit::OFF);
        assert_eq!(state.scenario, expected, "the good edit stands");
        assert_eq!(state.base, Scenario::AS_HAPPENED);
        assert_eq!(notices.len(), 7, "{notices:?}");
        assert!(
            notices[0]
                .starts_with("Ignored c.no-such-clause=off: clauses: unknown clause \"no-such-clause\"; accepted: "),
            "{}",
            notices[0]
        );
        assert_eq!(
            notices[1],
            "Ignored c.azure-first=until:2020-01-01: clauses.azure-first: until 2020-01-01 is before from 2026-04-27"
        );
        assert!(notices[2].contains("clauses.compute-free: from: 2040-01-01 is outside"), "{}", notices[2]);
        assert!(notices[3].contains("clauses.rofr-new-capacity: workloads: unknown workload"), "{}", notices[3]);
        assert!(
            notices[4].contains("add: effect: unknown effect \"sometimes\"; accepted: azure-only, allowed, rofr"),
            "{}",
            notices[4]
        );
        assert!(
            notices[5]
                .starts_with("Ignored vs.c.natsec-api=p:ibm: clauses.natsec-api: providers: unknown provider \"ibm\""),
            "{}",
            notices[5]
        );
        assert!(notices[6].contains("unknown clause \"ms-ip-license\""), "not a compute clause: {}", notices[6]);
    }

    #[test]
    fn decodes_percent_escapes_without_panicking() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%2"), "%2");
        assert_eq!(decode("%e2%9c%93"), "✓");
        assert_eq!(decode("%ff"), "\u{fffd}");
    }
}
