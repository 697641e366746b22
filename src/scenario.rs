//! Scenarios: the what-ifs a reader toggles. One type and one parser, used by the URL, the
//! JS API, the engine and the tests.
//!
//! A scenario holds a value for every key in [`SCENARIO_KEYS`]; the first value of each key
//! is its default, and the all-defaults scenario is *as happened*.

use crate::vocab::SCENARIO_KEYS;
use std::fmt;

/// How many scenario keys there are.
pub const KEY_COUNT: usize = 7;

/// Index of each key in [`SCENARIO_KEYS`].
pub mod key {
    pub const MICROSOFT_DECLINES: usize = 0;
    pub const AGI_VERIFIED: usize = 1;
    pub const AMENDMENT_2026_04: usize = 2;
    pub const API_EXCLUSIVE_UNTIL: usize = 3;
    pub const EXCLUSIVE_SINCE: usize = 4;
    pub const ROFR_AFTER_2025_10: usize = 5;
    pub const FRONTIER_ON_AWS: usize = 6;
}

/// A value for every scenario key (stored as the index of the value in its key's list).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scenario([u8; KEY_COUNT]);

/// A scenario key or value that is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("unknown scenario key \"{key}\"; accepted: {}", key_names().join(", "))]
    UnknownKey { key: String },
    #[error("scenario.{key}: {got} is not accepted; accepted: {}", accepted.join(", "))]
    BadValue { key: &'static str, got: String, accepted: &'static [&'static str] },
}

fn key_names() -> Vec<&'static str> {
    SCENARIO_KEYS.iter().map(|(k, _)| *k).collect()
}

impl Scenario {
    /// The scenario as happened: every key at its default.
    pub const AS_HAPPENED: Scenario = Scenario([0; KEY_COUNT]);

    /// The value of key `index` (see [`key`]).
    pub fn value(&self, index: usize) -> &'static str {
        SCENARIO_KEYS[index].1[usize::from(self.0[index])]
    }

    /// The value of a key by name, if the key exists.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        SCENARIO_KEYS.iter().position(|(k, _)| *k == name).map(|i| self.value(i))
    }

    /// Whether key `index` is at its default.
    pub fn is_default(&self, index: usize) -> bool {
        self.0[index] == 0
    }

    /// Sets a key from its wire value ("true", "2032", …).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ScenarioError> {
        let index = SCENARIO_KEYS
            .iter()
            .position(|(k, _)| *k == name)
            .ok_or_else(|| ScenarioError::UnknownKey { key: name.to_owned() })?;
        let (key, values) = SCENARIO_KEYS[index];
        let position = values.iter().position(|v| *v == value).ok_or_else(|| ScenarioError::BadValue {
            key,
            got: value.to_owned(),
            accepted: values,
        })?;
        self.0[index] = u8::try_from(position).unwrap_or(0);
        Ok(())
    }

    /// Returns a copy with one key set (an unknown key or value leaves it unchanged).
    #[must_use]
    pub fn with(mut self, name: &str, value: &str) -> Self {
        let _ = self.set(name, value);
        self
    }

    /// Returns a copy with key `index` back at its default.
    #[must_use]
    pub fn reset(mut self, index: usize) -> Self {
        self.0[index] = 0;
        self
    }

    /// Whether a gate `key=value` admits this scenario.
    pub fn admits(&self, key: &str, value: &str) -> bool {
        self.get(key) == Some(value)
    }

    /// `microsoft_declines`: `None` means "as recorded in the dataset".
    pub fn microsoft_declines(&self) -> Option<bool> {
        match self.value(key::MICROSOFT_DECLINES) {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    /// `agi_verified`.
    pub fn agi_verified(&self) -> bool {
        self.value(key::AGI_VERIFIED) == "true"
    }

    /// The keys that differ from as-happened, with their values.
    pub fn changes(&self) -> Vec<(&'static str, &'static str)> {
        (0..KEY_COUNT).filter(|&i| !self.is_default(i)).map(|i| (SCENARIO_KEYS[i].0, self.value(i))).collect()
    }

    /// Reads `key=value` pairs, keeping what is valid and reporting the rest.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<ScenarioError>) {
        let mut scenario = Scenario::AS_HAPPENED;
        let errors = pairs.into_iter().filter_map(|(k, v)| scenario.set(k, v).err()).collect();
        (scenario, errors)
    }

    /// Applies `key=value;key=value` (the form the page's buttons carry), ignoring pairs that
    /// are not valid: the spec comes from the page's own markup, never from the reader.
    #[must_use]
    pub fn with_spec(mut self, spec: &str) -> Self {
        for (key, value) in spec.split(';').filter_map(|kv| kv.split_once('=')) {
            let _ = self.set(key, value);
        }
        self
    }

    /// Every scenario there is (the product of all keys' values).
    pub fn all() -> Vec<Scenario> {
        let mut all = vec![Scenario::AS_HAPPENED];
        for (index, (_, values)) in SCENARIO_KEYS.iter().enumerate() {
            all = all
                .into_iter()
                .flat_map(|s| {
                    (0..values.len()).map(move |v| {
                        let mut next = s;
                        next.0[index] = u8::try_from(v).unwrap_or(0);
                        next
                    })
                })
                .collect();
        }
        all
    }
}

/// The famous what-ifs: a name and the changes it makes (as a `key=value;…` spec).
pub const PRESETS: &[(&str, &str)] = &[
    ("Microsoft declines the capacity", "microsoft_declines=true"),
    ("AGI verified in 2026", "agi_verified=true"),
    ("No 2026 amendment", "amendment_2026_04=false"),
    ("Seed 003's reading: API exclusive until 2032", "api_exclusive_until=2032"),
    ("Microsoft's reading of Frontier on AWS", "frontier_on_aws=blocked"),
];

impl fmt::Display for Scenario {
    /// `as happened`, or the changed keys: `microsoft_declines=true agi_verified=true`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let changes = self.changes();
        if changes.is_empty() {
            return f.write_str("as happened");
        }
        let parts: Vec<String> = changes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        f.write_str(&parts.join(" "))
    }
}

/// Plain-language explanation of each key, for the scenario panel and the docs.
pub fn explain_key(name: &str) -> &'static str {
    match name {
        "microsoft_declines" => "Whether Microsoft, offered new capacity under its right of first refusal, turns it down. \"Recorded\" uses what the sources report.",
        "agi_verified" => "Whether OpenAI has declared AGI and the independent expert panel has verified it.",
        "amendment_2026_04" => "Whether the 2026-04-27 amendment (any cloud, Azure first for new products) happened.",
        "api_exclusive_until" => "How long API exclusivity lasts: until verified AGI (Microsoft, 2025-10-28) or until 2032 (seed 003).",
        "exclusive_since" => "When Azure became exclusive: 2019 (the announcements) or 2016 (seed 003).",
        "rofr_after_2025_10" => "Whether Microsoft's right of first refusal ended in October 2025 (Microsoft) or was only loosened (seed 001).",
        "frontier_on_aws" => "Between 2026-02-27 and the 2026-04-27 amendment, whether AWS could distribute OpenAI Frontier: allowed (OpenAI and Amazon: a stateful runtime is not an API product) or blocked (Microsoft, as reported by the FT: it is API access reserved to Azure).",
        _ => "",
    }
}

/// A reader's word for a scenario value.
pub fn value_label(key: &str, value: &str) -> &'static str {
    match (key, value) {
        ("microsoft_declines", "recorded") => "as recorded",
        ("microsoft_declines", "true") => "declines",
        ("microsoft_declines", "false") => "takes the capacity",
        (_, "true") => "yes",
        (_, "false") => "no",
        ("api_exclusive_until", "agi") => "until verified AGI",
        ("api_exclusive_until", "2032") => "until 2032",
        ("exclusive_since", "2019") => "2019",
        ("exclusive_since", "2016") => "2016",
        ("rofr_after_2025_10", "ended") => "ended",
        ("rofr_after_2025_10", "loosened") => "only loosened",
        ("frontier_on_aws", "allowed") => "allowed (OpenAI and Amazon)",
        ("frontier_on_aws", "blocked") => "blocked (Microsoft, as reported)",
        _ => "",
    }
}

/// A reader's name for a scenario key.
pub fn key_label(key: &str) -> &'static str {
    match key {
        "microsoft_declines" => "Microsoft declines offered capacity",
        "agi_verified" => "AGI verified",
        "amendment_2026_04" => "2026-04-27 amendment happened",
        "api_exclusive_until" => "API exclusivity lasts",
        "exclusive_since" => "Azure exclusive since",
        "rofr_after_2025_10" => "ROFR after October 2025",
        "frontier_on_aws" => "Frontier on AWS before the amendment",
        _ => "",
    }
}

/// A change in plain words: `2026-04-27 amendment happened: no`.
pub fn describe_change(key: &str, value: &str) -> String {
    format!("{}: {}", key_label(key), value_label(key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_indices_match_the_vocabulary() {
        assert_eq!(SCENARIO_KEYS.len(), KEY_COUNT);
        assert_eq!(SCENARIO_KEYS[key::MICROSOFT_DECLINES].0, "microsoft_declines");
        assert_eq!(SCENARIO_KEYS[key::AGI_VERIFIED].0, "agi_verified");
        assert_eq!(SCENARIO_KEYS[key::AMENDMENT_2026_04].0, "amendment_2026_04");
        assert_eq!(SCENARIO_KEYS[key::API_EXCLUSIVE_UNTIL].0, "api_exclusive_until");
        assert_eq!(SCENARIO_KEYS[key::EXCLUSIVE_SINCE].0, "exclusive_since");
        assert_eq!(SCENARIO_KEYS[key::ROFR_AFTER_2025_10].0, "rofr_after_2025_10");
        assert_eq!(SCENARIO_KEYS[key::FRONTIER_ON_AWS].0, "frontier_on_aws");
        for (name, values) in SCENARIO_KEYS {
            assert!(!explain_key(name).is_empty(), "{name} needs an explanation");
            assert!(!key_label(name).is_empty(), "{name} needs a label");
            for value in *values {
                assert!(!value_label(name, value).is_empty(), "{name}={value} needs a label");
            }
        }
    }

    #[test]
    fn specs_apply_valid_pairs_only() {
        let s = Scenario::AS_HAPPENED.with_spec("microsoft_declines=true;nonsense=1;agi_verified=maybe;");
        assert_eq!(s, Scenario::AS_HAPPENED.with("microsoft_declines", "true"));
        assert_eq!(Scenario::AS_HAPPENED.with_spec(""), Scenario::AS_HAPPENED);
        for (name, spec) in PRESETS {
            assert_ne!(Scenario::AS_HAPPENED.with_spec(spec), Scenario::AS_HAPPENED, "preset {name} changes something");
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
    }

    #[test]
    fn set_and_errors() {
        let mut s = Scenario::AS_HAPPENED;
        s.set("microsoft_declines", "true").unwrap();
        assert_eq!(s.microsoft_declines(), Some(true));
        assert_eq!(s.to_string(), "microsoft_declines=true");
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
        assert_eq!(all.len(), 3 * 2 * 2 * 2 * 2 * 2 * 2);
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
    }
}
