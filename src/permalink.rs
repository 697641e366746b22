//! The view state a reader shares: date, scenario, selected cell, open panel, embed flag —
//! to and from the URL query string. A malformed or outdated URL yields the default view
//! for whatever could not be read, plus a notice naming what was ignored; never a panic.

use crate::scenario::Scenario;
use crate::vocab::{self, Provider, Workload};
use chrono::NaiveDate;

/// The day the explorer opens on when the URL names none.
pub const DEFAULT_DATE: NaiveDate = vocab::ymd(2025, 3, 15);

/// Which panel is open beside the grid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Why,
    Dataset,
    Diff,
}

impl Panel {
    pub const ALL: &'static [Panel] = &[Panel::Why, Panel::Dataset, Panel::Diff];
    pub const fn as_str(self) -> &'static str {
        match self {
            Panel::Why => "why",
            Panel::Dataset => "dataset",
            Panel::Diff => "diff",
        }
    }

    /// The panel with this name (`why`, `dataset`, `diff`).
    pub fn parse(name: &str) -> Option<Panel> {
        Panel::ALL.iter().copied().find(|p| p.as_str() == name)
    }
}

/// Everything a shared link reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewState {
    pub date: NaiveDate,
    pub scenario: Scenario,
    pub selected: Option<(Workload, Provider)>,
    pub panel: Panel,
    /// Hide the page chrome (for iframes).
    pub embed: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            date: DEFAULT_DATE,
            scenario: Scenario::AS_HAPPENED,
            selected: Some((Workload::Training, Provider::Coreweave)),
            panel: Panel::Why,
            embed: false,
        }
    }
}

impl ViewState {
    /// Reads a query string (`?date=…&cell=training.coreweave&microsoft_declines=true`).
    /// Returns the state and one notice per ignored parameter.
    pub fn from_query(query: &str) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let mut notices = Vec::new();
        for pair in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(raw_key), decode(raw_value));
            let result = match key.as_str() {
                "date" => vocab::parse_day_in_range(&value).map(|d| state.date = d).map_err(|e| e.to_string()),
                "cell" => parse_cell(&value).map(|c| state.selected = c),
                "panel" => Panel::parse(&value)
                    .map(|p| state.panel = p)
                    .ok_or_else(|| "accepted: why, dataset, diff".to_owned()),
                "embed" => match value.as_str() {
                    "1" | "true" | "0" | "false" => {
                        state.embed = matches!(value.as_str(), "1" | "true");
                        Ok(())
                    }
                    _ => Err("accepted: 1, 0".to_owned()),
                },
                _ => state.scenario.set(&key, &value).map_err(|e| e.to_string()),
            };
            if let Err(why) = result {
                notices.push(format!("Ignored {key}={value}: {why}"));
            }
        }
        (state, notices)
    }

    /// The query string for this state (only what differs from the default view, plus the date).
    pub fn to_query(&self) -> String {
        let mut parts = vec![format!("date={}", self.date)];
        parts.extend(self.scenario.changes().into_iter().map(|(k, v)| format!("{k}={v}")));
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
        format!("?{}", parts.join("&"))
    }
}

fn parse_cell(value: &str) -> Result<Option<(Workload, Provider)>, String> {
    if value == "none" {
        return Ok(None);
    }
    let (w, p) = value.split_once('.').ok_or("expected workload.provider, e.g. training.coreweave")?;
    Ok(Some((Workload::parse(w).map_err(|e| e.to_string())?, Provider::parse(p).map_err(|e| e.to_string())?)))
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
            selected: Some((Workload::Api, Provider::Aws)),
            panel: Panel::Diff,
            embed: true,
        };
        let (back, notices) = ViewState::from_query(&state.to_query());
        assert_eq!(back, state);
        assert!(notices.is_empty(), "{notices:?}");
    }

    #[test]
    fn malformed_parts_are_ignored_with_a_notice() {
        let (state, notices) = ViewState::from_query(
            "?date=2040-01-01&cell=training.ibm&agi_verified=maybe&panel=x&zzz=1&microsoft_declines=true&%ZZ=%",
        );
        assert_eq!(state.date, DEFAULT_DATE);
        assert_eq!(state.scenario.microsoft_declines(), Some(true));
        assert_eq!(notices.len(), 6, "{notices:?}");
        assert!(notices[0].contains("date=2040-01-01") && notices[0].contains("outside"), "{}", notices[0]);
        assert!(notices[1].contains("unknown provider \"ibm\""), "{}", notices[1]);
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
