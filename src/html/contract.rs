//! The page's contract, typed: every `data-action` a reader can click ([`Action`]), every
//! control the page reads ([`Control`]), and the ids of the elements the page patches
//! ([`ids`]). The HTML writers put them into the page with [`Action::html`] and
//! [`Control::html`]; the listeners read them back with [`Action::read`] and
//! [`Control::read`]; the element handles are looked up by [`Action::selector`] and the ids.
//! A name exists once, here, so a typo does not compile instead of silently doing nothing.

use super::{escape, Html};
use crate::permalink::{Panel, TimeRange};
use crate::scenario::{parse_settings, write_settings};
use crate::vocab::{parse_day, Provider, ScenarioKey, Setting, Workload};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// A grid cell: a workload on a provider.
pub type Cell = (Workload, Provider);

/// `workload.provider`, as `data-cell` and the URL write a cell.
pub fn cell_name((workload, provider): Cell) -> String {
    format!("{workload}.{provider}")
}

/// Reads `workload.provider`.
pub fn parse_cell(text: &str) -> Result<Cell, String> {
    let (w, p) = text.split_once('.').ok_or("expected workload.provider, e.g. training.coreweave")?;
    Ok((Workload::parse(w).map_err(|e| e.to_string())?, Provider::parse(p).map_err(|e| e.to_string())?))
}

/// Which way "previous / next change" goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Back,
    On,
}

/// What an export button exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Grid,
    Timeline,
    /// Every span on which the scenario (A) and the one it is compared with (B) differ.
    Diff,
    Dataset,
}

/// What a picture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    Grid,
    Overview,
    Diff,
}

/// The file format of a picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
}

/// What "Share this view" copies: the view's link, or the iframe snippet that embeds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Share {
    Link,
    Embed,
}

/// The file format of an export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Declares a closed set of wire names for a small enum.
macro_rules! wire {
    ($t:ident { $($v:ident = $w:literal),+ $(,)? }) => {
        impl $t {
            pub const ALL: &'static [$t] = &[$($t::$v),+];
            pub const fn as_str(self) -> &'static str {
                match self { $($t::$v => $w,)+ }
            }
            pub fn parse(text: &str) -> Option<$t> {
                match text { $($w => Some($t::$v),)+ _ => None }
            }
        }
    };
}
wire!(Dir { Back = "back", On = "on" });
wire!(Export { Grid = "grid", Timeline = "timeline", Diff = "diff", Dataset = "dataset" });
wire!(Picture { Grid = "grid", Overview = "overview", Diff = "diff" });
wire!(Image { Svg = "svg", Png = "png" });
wire!(Format { Csv = "csv", Json = "json" });
wire!(Share { Link = "link", Embed = "embed" });

/// Everything a click on the page can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Select a grid cell and open "Why".
    Select(Cell),
    /// Select a cell on a day (the diff list, the story link).
    CellOn(Cell, NaiveDate),
    /// Go to a day.
    Date(NaiveDate),
    /// Go to the previous / next day on which a term changes.
    Step(Dir),
    /// Apply these settings to the current scenario (a path to yes).
    Scenario(Vec<Setting>),
    /// As happened plus these settings (a preset; none: the reset).
    Preset(Vec<Setting>),
    /// Open a panel.
    Panel(Panel),
    /// Follow a link into the dataset, to the element with this id.
    Follow(String),
    /// Back from the dataset to the explanation.
    Back,
    Export(Export, Format),
    /// Download a picture of the grid, the overview or the difference.
    Picture(Picture, Image),
    /// Compare with the current scenario: B becomes A.
    Pin,
    /// Swap the scenario (A) and the one it is compared with (B).
    Swap,
    /// Cite the answer shown in the explanation.
    Cite,
    /// Dismiss the notice.
    Dismiss,
    /// Copy this view's link, or the snippet that embeds it.
    Share(Share),
    /// Show the overview over these years.
    Range(TimeRange),
}

/// An attribute that does not say what the page wrote.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{attribute}: {problem}")]
pub struct ContractError {
    pub attribute: &'static str,
    pub problem: String,
}

fn bad(attribute: &'static str, problem: impl Into<String>) -> ContractError {
    ContractError { attribute, problem: problem.into() }
}

/// Writes attributes as ` name="value"`, escaped.
fn write_attrs(attrs: &[(&'static str, String)]) -> Html {
    let mut out = String::new();
    for (name, value) in attrs {
        let _ = write!(out, " {name}=\"{}\"", escape(value));
    }
    Html(out)
}

/// A CSS selector matching exactly these attributes.
fn selector_of(attrs: &[(&'static str, String)]) -> String {
    let mut out = String::new();
    for (name, value) in attrs {
        let _ = write!(out, "[{name}=\"{}\"]", value.replace(['"', '\\'], ""));
    }
    out
}

impl Action {
    /// The wire name in `data-action`.
    pub fn name(&self) -> &'static str {
        match self {
            Action::Select(_) => "select",
            Action::CellOn(..) => "cell",
            Action::Date(_) => "date",
            Action::Step(_) => "step",
            Action::Scenario(_) => "scenario",
            Action::Preset(_) => "preset",
            Action::Panel(_) => "panel",
            Action::Follow(_) => "follow",
            Action::Back => "back",
            Action::Export(..) => "export",
            Action::Picture(..) => "picture",
            Action::Pin => "pin",
            Action::Swap => "swap",
            Action::Cite => "cite",
            Action::Dismiss => "dismiss",
            Action::Share(_) => "share",
            Action::Range(_) => "range",
        }
    }

    /// The attributes that carry this action (the one writer of them).
    pub fn attrs(&self) -> Vec<(&'static str, String)> {
        let mut attrs = vec![("data-action", self.name().to_owned())];
        match self {
            Action::Select(cell) => attrs.push(("data-cell", cell_name(*cell))),
            Action::CellOn(cell, day) => {
                attrs.push(("data-cell", cell_name(*cell)));
                attrs.push(("data-date", day.to_string()));
            }
            Action::Date(day) => attrs.push(("data-date", day.to_string())),
            Action::Step(dir) => attrs.push(("data-dir", dir.as_str().to_owned())),
            Action::Scenario(settings) | Action::Preset(settings) => attrs.push(("data-set", write_settings(settings))),
            Action::Panel(panel) => attrs.push(("data-panel", panel.as_str().to_owned())),
            Action::Follow(id) => attrs.push(("href", format!("#{id}"))),
            Action::Export(what, format) => {
                attrs.push(("data-what", what.as_str().to_owned()));
                attrs.push(("data-format", format.as_str().to_owned()));
            }
            Action::Picture(what, image) => {
                attrs.push(("data-what", what.as_str().to_owned()));
                attrs.push(("data-format", image.as_str().to_owned()));
            }
            Action::Share(what) => attrs.push(("data-what", what.as_str().to_owned())),
            Action::Range(range) => attrs.push(("data-range", range.as_str().to_owned())),
            Action::Back | Action::Cite | Action::Dismiss | Action::Pin | Action::Swap => {}
        }
        attrs
    }

    /// The attributes as HTML (` data-action="select" data-cell="…"`), escaped.
    pub fn html(&self) -> Html {
        write_attrs(&self.attrs())
    }

    /// A selector for the element carrying exactly this action.
    pub fn selector(&self) -> String {
        selector_of(&self.attrs())
    }

    /// Reads the action of an element from its attributes (`attr(name)`).
    pub fn read(attr: &dyn Fn(&str) -> Option<String>) -> Result<Action, ContractError> {
        let get = |name: &'static str| attr(name).ok_or_else(|| bad(name, "missing"));
        let day = || {
            let text = get("data-date")?;
            parse_day(&text).map_err(|e| bad("data-date", e.to_string()))
        };
        let cell = || parse_cell(&get("data-cell")?).map_err(|e| bad("data-cell", e));
        let settings = || parse_settings(&get("data-set")?).map_err(|e| bad("data-set", e.to_string()));
        let name = get("data-action")?;
        Ok(match name.as_str() {
            "select" => Action::Select(cell()?),
            "cell" => Action::CellOn(cell()?, day()?),
            "date" => Action::Date(day()?),
            "step" => Action::Step(Dir::parse(&get("data-dir")?).ok_or_else(|| bad("data-dir", "accepted: back, on"))?),
            "scenario" => Action::Scenario(settings()?),
            "preset" => Action::Preset(settings()?),
            "panel" => Action::Panel(
                Panel::parse(&get("data-panel")?)
                    .ok_or_else(|| bad("data-panel", "accepted: why, dataset, diff, overview"))?,
            ),
            "follow" => {
                Action::Follow(get("href")?.strip_prefix('#').ok_or_else(|| bad("href", "expected #id"))?.to_owned())
            }
            "back" => Action::Back,
            "export" => Action::Export(
                Export::parse(&get("data-what")?)
                    .ok_or_else(|| bad("data-what", "accepted: grid, timeline, diff, dataset"))?,
                Format::parse(&get("data-format")?).ok_or_else(|| bad("data-format", "accepted: csv, json"))?,
            ),
            "picture" => Action::Picture(
                Picture::parse(&get("data-what")?).ok_or_else(|| bad("data-what", "accepted: grid, overview, diff"))?,
                Image::parse(&get("data-format")?).ok_or_else(|| bad("data-format", "accepted: svg, png"))?,
            ),
            "pin" => Action::Pin,
            "swap" => Action::Swap,
            "cite" => Action::Cite,
            "dismiss" => Action::Dismiss,
            "share" => Action::Share(
                Share::parse(&get("data-what")?).ok_or_else(|| bad("data-what", "accepted: link, embed"))?,
            ),
            "range" => Action::Range(
                TimeRange::parse(&get("data-range")?).ok_or_else(|| bad("data-range", "accepted: so-far, all"))?,
            ),
            other => return Err(bad("data-action", format!("unknown action \"{other}\""))),
        })
    }
}

impl From<Action> for Html {
    fn from(action: Action) -> Html {
        action.html()
    }
}

impl From<Control> for Html {
    fn from(control: Control) -> Html {
        control.html()
    }
}

/// The dataset's event filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Filter {
    Parties,
    Providers,
}
wire!(Filter { Parties = "parties", Providers = "providers" });

/// Every control whose value the page reads (`data-control`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// The date field.
    DateField,
    /// The slider over 2016–2035.
    Slider,
    /// The Microsoft-decision what-if beside the grid: three radios (as reported / declined /
    /// took the capacity), each with its wire value.
    Declines,
    /// A scenario key's select.
    Key(ScenarioKey),
    /// A filter of the dataset's events (by `data-parties` / `data-providers` of each event).
    Filter(Filter),
    /// "Jump to an event": the slider's event marks as a list a keyboard reaches.
    EventJump,
    /// The scenario compared with (B): as happened or a preset, as a settings list.
    Compare,
}

impl Control {
    /// The wire value of `data-control`.
    pub fn name(self) -> String {
        match self {
            Control::DateField => "date".to_owned(),
            Control::Slider => "slider".to_owned(),
            Control::Declines => "declines".to_owned(),
            Control::EventJump => "event".to_owned(),
            Control::Compare => "compare".to_owned(),
            Control::Key(key) => format!("key.{}", key.as_str()),
            Control::Filter(filter) => format!("filter.{}", filter.as_str()),
        }
    }

    /// ` data-control="…"`.
    pub fn html(self) -> Html {
        write_attrs(&[("data-control", self.name())])
    }

    /// A selector for the element that is this control.
    pub fn selector(self) -> String {
        selector_of(&[("data-control", self.name())])
    }

    /// Reads `data-control`.
    pub fn read(attr: &dyn Fn(&str) -> Option<String>) -> Result<Control, ContractError> {
        let name = attr("data-control").ok_or_else(|| bad("data-control", "missing"))?;
        let unknown = || bad("data-control", format!("unknown control \"{name}\""));
        Ok(match name.split_once('.') {
            None => match name.as_str() {
                "date" => Control::DateField,
                "slider" => Control::Slider,
                "declines" => Control::Declines,
                "event" => Control::EventJump,
                "compare" => Control::Compare,
                _ => return Err(unknown()),
            },
            Some(("key", key)) => {
                Control::Key(ScenarioKey::parse(key).map_err(|e| bad("data-control", e.to_string()))?)
            }
            Some(("filter", f)) => Control::Filter(Filter::parse(f).ok_or_else(unknown)?),
            Some(_) => return Err(unknown()),
        })
    }

    /// Every control there is, for tests and for looking the page's handles up.
    pub fn all() -> Vec<Control> {
        let mut all =
            vec![Control::DateField, Control::Slider, Control::Declines, Control::EventJump, Control::Compare];
        all.extend(ScenarioKey::ALL.iter().map(|k| Control::Key(*k)));
        all.extend(Filter::ALL.iter().map(|f| Control::Filter(*f)));
        all
    }
}

/// The ids of the elements the page patches.
pub mod ids {
    /// The page's root (prerendered or inserted); `data-view` holds the view it shows.
    pub const APP: &str = "app";
    pub const PANEL: &str = "panel";
    pub const NOTICE: &str = "notice-slot";
    pub const DIFF_STRIP: &str = "diff-strip-slot";
    pub const DATE_ERROR: &str = "date-error";
    pub const GRID_CAPTION: &str = "grid-caption";
    /// The "compared with" list's entry for a B that is neither as happened nor a preset.
    pub const COMPARE_CUSTOM: &str = "compare-custom";
    /// The three-way Microsoft choice beside the grid, and its "changes nothing today" line.
    pub const DECLINES_CHOICES: &str = "declines-choices";
    pub const DECLINES_NOTE: &str = "declines-note";
    /// What became of the last picture download (drawn, or why not).
    pub const EXPORT_STATUS: &str = "export-status";
}

/// The attribute marking the overview chart (one tab stop; the arrow keys move through it).
pub const OVERVIEW: &str = "data-overview";

/// The attribute marking a scenario key's "changes nothing now" note.
pub const MOOT: &str = "data-moot";
/// The attribute marking the open panel's content slot.
pub const SLOT: &str = "data-slot";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::ymd;
    use std::collections::HashMap;

    /// Every variant, with typical values.
    fn every_action() -> Vec<Action> {
        let cell = (Workload::Api, Provider::Aws);
        let settings = vec![Setting::parse("amendment_2026_04", "false").unwrap()];
        let mut all = vec![
            Action::Select(cell),
            Action::CellOn(cell, ymd(2026, 4, 27)),
            Action::Date(ymd(2025, 3, 15)),
            Action::Scenario(settings.clone()),
            Action::Preset(settings),
            Action::Preset(Vec::new()),
            Action::Follow("term-azure-first".to_owned()),
            Action::Back,
            Action::Cite,
            Action::Dismiss,
            Action::Pin,
            Action::Swap,
        ];
        for what in Picture::ALL {
            all.extend(Image::ALL.iter().map(|i| Action::Picture(*what, *i)));
        }
        all.extend(Dir::ALL.iter().map(|d| Action::Step(*d)));
        all.extend(Share::ALL.iter().map(|s| Action::Share(*s)));
        all.extend(TimeRange::ALL.iter().map(|r| Action::Range(*r)));
        all.extend(Panel::ALL.iter().map(|p| Action::Panel(*p)));
        for what in Export::ALL {
            all.extend(Format::ALL.iter().map(|f| Action::Export(*what, *f)));
        }
        all
    }

    #[test]
    fn every_action_round_trips_through_its_attributes() {
        let all = every_action();
        let names: std::collections::BTreeSet<&str> = all.iter().map(Action::name).collect();
        assert_eq!(names.len(), 17, "every variant is exercised");
        for action in all {
            let attrs: HashMap<&str, String> = action.attrs().into_iter().collect();
            let back = Action::read(&|name| attrs.get(name).cloned());
            assert_eq!(back.as_ref(), Ok(&action), "{}", action.html());
            let html = action.html();
            assert!(html.as_str().starts_with(&format!(" data-action=\"{}\"", action.name())), "{html}");
            assert!(action.selector().starts_with(&format!("[data-action=\"{}\"]", action.name())));
        }
    }

    #[test]
    fn every_control_round_trips() {
        for control in Control::all() {
            let name = control.name();
            assert_eq!(Control::read(&|a| (a == "data-control").then(|| name.clone())), Ok(control));
        }
    }

    #[test]
    fn unknown_or_broken_attributes_are_errors_not_guesses() {
        let read = |pairs: &[(&str, &str)]| {
            let map: HashMap<String, String> = pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
            Action::read(&|name| map.get(name).cloned())
        };
        assert_eq!(read(&[("data-action", "selct")]).unwrap_err().attribute, "data-action");
        assert_eq!(read(&[("data-action", "select")]).unwrap_err().to_string(), "data-cell: missing");
        assert!(read(&[("data-action", "select"), ("data-cell", "api.ibm")]).unwrap_err().problem.contains("ibm"));
        assert!(read(&[("data-action", "date"), ("data-date", "2025-02-30")]).is_err());
        assert!(read(&[("data-action", "scenario"), ("data-set", "agi=true")]).is_err());
        assert!(Control::read(&|_| Some("key.agi".to_owned())).is_err());
        assert!(Control::read(&|_| None).is_err());
    }

    #[test]
    fn attribute_values_are_escaped() {
        let html = Action::Follow("x\"><script>".to_owned()).html();
        assert!(html.as_str().contains("href=\"#x&quot;&gt;&lt;script&gt;\""), "{html}");
    }
}
