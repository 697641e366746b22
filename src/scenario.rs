//! Scenarios: the what-ifs a reader toggles. One type and one parser, used by the URL, the
//! JS API, the engine and the tests.
//!
//! A scenario holds a value for every [`ScenarioKey`] (declared once, with its values,
//! labels and preset, in `dealscope_data::vocab`); the first value of each key is its
//! default, and the all-defaults scenario is *as happened*.

use crate::vocab::{ScenarioKey, Setting, KEY_COUNT};
use std::fmt;

pub use crate::vocab::{ScenarioError, PRESETS};

/// A value for every scenario key (the index of the value in its key's list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scenario([u8; KEY_COUNT]);

impl Scenario {
    /// The scenario as happened: every key at its default.
    pub const AS_HAPPENED: Scenario = Scenario([0; KEY_COUNT]);

    /// The setting of `key` in this scenario.
    pub fn setting(&self, key: ScenarioKey) -> Setting {
        Setting { key, value: self.0[key.index()] }
    }

    /// The wire value of `key` (`"true"`, `"2032"`, …).
    pub fn value(&self, key: ScenarioKey) -> &'static str {
        self.setting(key).wire()
    }

    /// The wire value of a key by name, if the key exists.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        ScenarioKey::parse(name).ok().map(|key| self.value(key))
    }

    /// Whether `key` is at its default.
    pub fn is_default(&self, key: ScenarioKey) -> bool {
        self.0[key.index()] == 0
    }

    /// Whether this scenario has `setting` (a term's gate, a preset): a comparison of numbers.
    pub fn admits(&self, setting: Setting) -> bool {
        self.0[setting.key.index()] == setting.value
    }

    /// Sets a key from wire names ("amendment_2026_04", "false").
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ScenarioError> {
        let setting = Setting::parse(name, value)?;
        *self = self.with_setting(setting);
        Ok(())
    }

    /// A copy with one setting applied.
    #[must_use]
    pub fn with_setting(mut self, setting: Setting) -> Self {
        self.0[setting.key.index()] = setting.value;
        self
    }

    /// A copy with these settings applied.
    #[must_use]
    pub fn with_settings(self, settings: &[Setting]) -> Self {
        settings.iter().fold(self, |s, setting| s.with_setting(*setting))
    }

    /// A copy with one key set from wire names (an unknown key or value leaves it unchanged;
    /// for tests and literals — readers' input goes through [`Scenario::set`]).
    #[must_use]
    pub fn with(self, name: &str, value: &str) -> Self {
        Setting::parse(name, value).map_or(self, |setting| self.with_setting(setting))
    }

    /// A copy with `key` back at its default.
    #[must_use]
    pub fn reset(mut self, key: ScenarioKey) -> Self {
        self.0[key.index()] = 0;
        self
    }

    /// `microsoft_declines`: `None` means "as recorded in the dataset".
    pub fn microsoft_declines(&self) -> Option<bool> {
        match self.0[ScenarioKey::MicrosoftDeclines.index()] {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }

    /// `agi_verified`.
    pub fn agi_verified(&self) -> bool {
        self.0[ScenarioKey::AgiVerified.index()] == 1
    }

    /// The settings that differ from as happened, in key order.
    pub fn changes(&self) -> Vec<Setting> {
        ScenarioKey::ALL.iter().filter(|k| !self.is_default(**k)).map(|k| self.setting(*k)).collect()
    }

    /// Reads `key=value` pairs, keeping what is valid and reporting the rest.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<ScenarioError>) {
        let mut scenario = Scenario::AS_HAPPENED;
        let errors = pairs.into_iter().filter_map(|(k, v)| scenario.set(k, v).err()).collect();
        (scenario, errors)
    }

    /// Every scenario there is (the product of all keys' values).
    pub fn all() -> Vec<Scenario> {
        let mut all = vec![Scenario::AS_HAPPENED];
        for &key in ScenarioKey::ALL {
            all = all
                .into_iter()
                .flat_map(|s| {
                    (0..key.values().len())
                        .map(move |v| s.with_setting(Setting { key, value: u8::try_from(v).unwrap_or(0) }))
                })
                .collect();
        }
        all
    }

    /// The scenario in a reader's words: "as happened", or each change's label and value
    /// ("No 2026 amendment" reads "2026-04-27 amendment happened: no").
    pub fn describe(&self) -> String {
        let changes = self.changes();
        if changes.is_empty() {
            return "as happened".to_owned();
        }
        changes.iter().map(|s| s.describe()).collect::<Vec<_>>().join("; ")
    }
}

/// Settings as a list `key=value;key=value` (the form the page's buttons carry).
pub fn write_settings(settings: &[Setting]) -> String {
    settings.iter().map(ToString::to_string).collect::<Vec<_>>().join(";")
}

/// Reads `key=value;key=value`; any pair that is not a valid setting is an error.
pub fn parse_settings(text: &str) -> Result<Vec<Setting>, ScenarioError> {
    text.split(';').filter(|pair| !pair.is_empty()).map(Setting::parse_pair).collect()
}

impl fmt::Display for Scenario {
    /// `as happened`, or the changed keys: `microsoft_declines=true agi_verified=true`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let changes = self.changes();
        if changes.is_empty() {
            return f.write_str("as happened");
        }
        let parts: Vec<String> = changes.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_lists_round_trip_and_reject_garbage() {
        let s =
            [Setting::parse("microsoft_declines", "true").unwrap(), Setting::parse("agi_verified", "true").unwrap()];
        assert_eq!(parse_settings(&write_settings(&s)), Ok(s.to_vec()));
        assert_eq!(parse_settings(""), Ok(Vec::new()));
        assert!(parse_settings("microsoft_declines=true;nonsense=1").is_err());
        assert!(parse_settings("agi_verified=maybe").is_err());
        for (name, setting) in PRESETS {
            assert_ne!(Scenario::AS_HAPPENED.with_setting(*setting), Scenario::AS_HAPPENED, "preset {name}");
        }
    }

    #[test]
    fn defaults_are_as_happened() {
        let s = Scenario::AS_HAPPENED;
        assert_eq!(s.microsoft_declines(), None);
        assert!(!s.agi_verified());
        assert_eq!(s.get("amendment_2026_04"), Some("true"));
        assert_eq!(s.get("api_exclusive_until"), Some("agi"));
        assert_eq!(s.to_string(), "as happened");
        assert_eq!(s.describe(), "as happened");
    }

    #[test]
    fn set_and_errors() {
        let mut s = Scenario::AS_HAPPENED;
        s.set("microsoft_declines", "true").unwrap();
        assert_eq!(s.microsoft_declines(), Some(true));
        assert_eq!(s.to_string(), "microsoft_declines=true");
        assert_eq!(s.describe(), "Microsoft’s answer to new capacity: declined");
        s.set("microsoft_declines", "false").unwrap();
        assert_eq!(s.microsoft_declines(), Some(false));
        let err = s.set("api_exclusive_until", "2030").unwrap_err().to_string();
        assert!(err.contains("scenario.api_exclusive_until: 2030 is not accepted; accepted: agi, 2032"), "{err}");
        let err = s.set("agi", "true").unwrap_err().to_string();
        assert!(err.contains("unknown scenario key \"agi\""), "{err}");
    }

    #[test]
    fn from_pairs_keeps_the_valid_part() {
        let (s, errors) =
            Scenario::from_pairs([("agi_verified", "true"), ("bogus", "1"), ("amendment_2026_04", "maybe")]);
        assert!(s.agi_verified());
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn all_scenarios_are_distinct() {
        let all = Scenario::all();
        assert_eq!(all.len(), ScenarioKey::ALL.iter().map(|k| k.values().len()).product::<usize>());
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
    }
}
