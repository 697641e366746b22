//! The deal's vocabulary: workloads, providers, conditions, scenario keys and dates.
//!
//! Shared by the dataset (authoring and baked), the engine, the scenario parser, the JS API
//! and the app's build script, so every layer spells a provider or a date the same way and
//! rejects the same bad input with the same message.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares a closed vocabulary: a C-like enum with its wire name (used in data files, URLs
/// and the JS API), a reader's label, `ALL` in display order, and a parser whose error lists
/// what is accepted.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $wire:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant,)+
        }

        impl $name {
            /// Every value, in the order a reader sees them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every wire name, in the order of `ALL`.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];
            /// What this vocabulary is called in error messages.
            pub const WHAT: &'static str = $what;

            /// The wire name: data files, URLs and the JS API use it.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ }
            }

            /// The name a reader sees.
            pub const fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// Parses a wire name; the error names every accepted value.
            pub fn parse(text: &str) -> Result<Self, VocabError> {
                match text {
                    $($wire => Ok($name::$variant),)+
                    _ => Err(VocabError {
                        what: $what,
                        got: text.to_owned(),
                        accepted: Self::NAMES,
                    }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary!(
    /// What OpenAI wants to run; the terms treat these differently.
    Workload, "workload" {
        Training = "training", "Research & training";
        Products = "products", "Own products (ChatGPT…)";
        Api = "api", "OpenAI API";
        ApiNatsec = "api-natsec", "API for US national security";
    }
);

vocabulary!(
    /// Where OpenAI might run it.
    Provider, "provider" {
        Azure = "azure", "Microsoft Azure";
        Coreweave = "coreweave", "CoreWeave";
        Oracle = "oracle", "Oracle (OCI)";
        Aws = "aws", "Amazon Web Services";
        Google = "google", "Google Cloud";
        Stargate = "stargate", "Stargate";
        Other = "other", "Any other cloud";
    }
);

vocabulary!(
    /// A fact a term depends on that may be open (unrecorded) on a date.
    Condition, "condition" {
        MicrosoftDeclines = "microsoft_declines", "Microsoft declines the capacity";
        AgiVerified = "agi_verified", "AGI declared and verified by the expert panel";
    }
);

impl Condition {
    /// The conditions a `[[term.lapse]]` may name in `when`: the only ones the engine acts on
    /// there (`standing_of` in the app's `src/engine`). The checker rejects any other, so a
    /// lapse the engine would skip fails the build instead. (Microsoft's answer is not a
    /// lapse: a term that depends on it has `effect = "rofr"`.)
    pub const LAPSE: &'static [Condition] = &[Condition::AgiVerified];
}

vocabulary!(
    /// What a Microsoft decision on offered capacity was, as recorded.
    Decision, "decision" {
        Declined = "declined", "declined";
        Accepted = "accepted", "accepted";
        Approved = "approved", "approved OpenAI's own build";
        Unknown = "unknown", "not reported";
    }
);

vocabulary!(
    /// How reliable a source is (facts.md, "Corrections and additions"): the companies' own
    /// posts and filings, the press, or aggregators and blogs that relay the press.
    Reliability, "reliability" {
        Primary = "primary", "primary";
        Press = "press", "press";
        Secondary = "secondary", "secondary";
    }
);

vocabulary!(
    /// What a term does to the providers it covers.
    Effect, "effect" {
        AzureOnly = "azure-only", "Azure allowed, every other covered provider blocked";
        Allowed = "allowed", "every covered provider allowed";
        Rofr = "rofr", "Azure allowed; another provider only if Microsoft declines the capacity";
        None = "none", "not a compute clause";
    }
);

vocabulary!(
    /// How a figure's amount is measured.
    Unit, "unit" {
        Usd = "usd", "US dollars";
        Gw = "gw", "gigawatts";
        Mw = "mw", "megawatts";
        Percent = "percent", "per cent";
        Count = "count", "count";
    }
);

vocabulary!(
    /// The scale of a figure's amount.
    Scale, "scale" {
        One = "", "";
        Million = "million", "million";
        Billion = "billion", "billion";
        Trillion = "trillion", "trillion";
    }
);

vocabulary!(
    /// How exact a figure's amount is.
    Qualifier, "qualifier" {
        Exact = "exact", "";
        Approx = "approx", "about";
        UpTo = "up-to", "up to";
        MoreThan = "more-than", "more than";
        AtLeast = "at-least", "at least";
    }
);

// The vocabulary! macro cannot mark a default variant.
#[allow(clippy::derivable_impls)]
impl Default for Scale {
    fn default() -> Self {
        Scale::One
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Qualifier {
    fn default() -> Self {
        Qualifier::Exact
    }
}

/// A value outside a closed vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{got}\"; accepted: {}", accepted.join(", "))]
pub struct VocabError {
    pub what: &'static str,
    pub got: String,
    pub accepted: &'static [&'static str],
}

/// Declares the what-ifs, each in one entry: its URL and JS-API name, a reader's label, a
/// plain explanation, its values (wire name and label; the first is the default, "as
/// happened"), and optionally a preset button. Everything else — the key enum, parsers,
/// labels, the "accepted:" lists, the presets, the scenario panel — follows from here.
macro_rules! scenario_keys {
    ($(
        $(#[$meta:meta])*
        $key:ident = $wire:literal, $label:literal, $explain:literal,
            values { $($vwire:literal => $vlabel:literal),+ $(,)? }
            $(, preset $preset:literal => $pvalue:literal)?;
    )+) => {
        /// A what-if a reader can toggle: one key of a scenario.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ScenarioKey {
            $($(#[$meta])* $key,)+
        }

        impl ScenarioKey {
            /// Every key, in the order the scenario panel shows them.
            pub const ALL: &'static [ScenarioKey] = &[$(ScenarioKey::$key),+];
            /// Every key's wire name (URL, JS API, data files), in the order of `ALL`.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The wire name (`microsoft_declines`).
            pub const fn as_str(self) -> &'static str {
                match self { $(ScenarioKey::$key => $wire,)+ }
            }
            /// The name a reader sees.
            pub const fn label(self) -> &'static str {
                match self { $(ScenarioKey::$key => $label,)+ }
            }
            /// What the key means, in plain words.
            pub const fn explain(self) -> &'static str {
                match self { $(ScenarioKey::$key => $explain,)+ }
            }
            /// The wire names of its values; the first is the default (as happened).
            pub const fn values(self) -> &'static [&'static str] {
                match self { $(ScenarioKey::$key => &[$($vwire),+],)+ }
            }
            /// A reader's words for its values, in the order of `values`.
            pub const fn value_labels(self) -> &'static [&'static str] {
                match self { $(ScenarioKey::$key => &[$($vlabel),+],)+ }
            }
            /// Its position in `ALL` (and in a scenario's values).
            pub const fn index(self) -> usize {
                self as usize
            }
            /// Parses a wire name; the error lists every key.
            pub fn parse(text: &str) -> Result<Self, ScenarioError> {
                match text {
                    $($wire => Ok(ScenarioKey::$key),)+
                    _ => Err(ScenarioError::UnknownKey { key: text.to_owned() }),
                }
            }
        }

        /// The presets: a name and the one setting it makes.
        pub const PRESETS: &[(&str, Setting)] = &[
            $($((
                $preset,
                Setting { key: ScenarioKey::$key, value: value_index(ScenarioKey::$key, $pvalue) },
            ),)?)+
        ];
    };
}

scenario_keys! {
    MicrosoftDeclines = "microsoft_declines", "Microsoft’s answer to new capacity",
        "What Microsoft did when OpenAI offered it new capacity under its right of first refusal: \"as reported\" uses what the sources report; \"declined\" and \"took the capacity\" ask what if it had answered that way.",
        values { "recorded" => "as reported", "true" => "declined", "false" => "took the capacity" },
        preset "Microsoft declines the capacity" => "true";
    AgiVerified = "agi_verified", "AGI verified",
        "Whether OpenAI has declared AGI and the independent expert panel has verified it.",
        values { "false" => "no", "true" => "yes" },
        preset "AGI verified in 2026" => "true";
    Amendment2026 = "amendment_2026_04", "2026-04-27 amendment happened",
        "Whether the 2026-04-27 amendment (any cloud, Azure first for new products) happened.",
        values { "true" => "yes", "false" => "no" },
        preset "No 2026 amendment" => "false";
    ApiExclusiveUntil = "api_exclusive_until", "API exclusivity lasts",
        "How long API exclusivity lasts: until verified AGI (Microsoft, 2025-10-28) or until 2032 (All Things Geek, relaying TechRadar).",
        values { "agi" => "until verified AGI", "2032" => "until 2032" },
        preset "All Things Geek's reading: API exclusive until 2032" => "2032";
    ExclusiveSince = "exclusive_since", "Azure exclusive since",
        "When Azure became exclusive: 2019 (the announcements) or 2016 (All Things Geek, relaying TechRadar).",
        values { "2019" => "2019", "2016" => "2016" };
    RofrAfter2025 = "rofr_after_2025_10", "ROFR after October 2025",
        "Whether Microsoft's right of first refusal ended in October 2025 (Microsoft) or was only loosened (i10x).",
        values { "ended" => "ended", "loosened" => "only loosened" };
    FrontierOnAws = "frontier_on_aws", "Frontier on AWS before the amendment",
        "Between 2026-02-27 and the 2026-04-27 amendment, whether AWS could distribute OpenAI Frontier: allowed (OpenAI and Amazon: a stateful runtime is not an API product) or blocked (Microsoft, as reported by the FT: it is API access reserved to Azure).",
        values { "allowed" => "allowed (OpenAI and Amazon)", "blocked" => "blocked (Microsoft, as reported)" },
        preset "Microsoft's reading of Frontier on AWS" => "blocked";
    ApiOnGoogle = "api_on_google", "OpenAI API on Google Cloud before the amendment",
        "From 2025-07-16 to the 2026-04-27 amendment, whether Google Cloud could serve the OpenAI API: no, Azure only (Microsoft's posts of 2025-01-21 and 2025-10-28) or yes (OpenAI's sub-processor list, updated 2025-07-16, names Google Cloud as cloud infrastructure for the API).",
        values { "azure-only" => "Azure only (Microsoft’s posts)", "sub-processor-list" => "allowed from 2025-07-16 (OpenAI’s sub-processor list)" },
        preset "OpenAI's sub-processor list: the API on Google Cloud" => "sub-processor-list";
}

/// How many scenario keys there are.
pub const KEY_COUNT: usize = ScenarioKey::ALL.len();

/// The position of `wire` among `key`'s values, at compile time: a preset naming a value
/// the key does not have fails the build.
const fn value_index(key: ScenarioKey, wire: &str) -> u8 {
    let values = key.values();
    let mut i = 0;
    while i < values.len() {
        let (a, b) = (values[i].as_bytes(), wire.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                #[allow(clippy::cast_possible_truncation)]
                return i as u8;
            }
        }
        i += 1;
    }
    panic!("a preset names a value its key does not have")
}

/// One key set to one of its values (`amendment_2026_04=false`): what terms are gated on,
/// what presets and paths to yes set. Compared as numbers, never as strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Setting {
    pub key: ScenarioKey,
    /// The position of the value in `key.values()`.
    pub value: u8,
}

impl Setting {
    /// Parses `key` and `value` wire names; errors list what is accepted.
    pub fn parse(key: &str, value: &str) -> Result<Setting, ScenarioError> {
        let key = ScenarioKey::parse(key)?;
        let position = key.values().iter().position(|v| *v == value).ok_or_else(|| ScenarioError::BadValue {
            key: key.as_str(),
            got: value.to_owned(),
            accepted: key.values(),
        })?;
        Ok(Setting { key, value: u8::try_from(position).unwrap_or(0) })
    }

    /// Parses `key=value`.
    pub fn parse_pair(text: &str) -> Result<Setting, ScenarioError> {
        let (key, value) = text.split_once('=').unwrap_or((text, ""));
        Setting::parse(key.trim(), value.trim())
    }

    /// The value's wire name (`false`).
    pub fn wire(self) -> &'static str {
        self.key.values().get(usize::from(self.value)).copied().unwrap_or_default()
    }

    /// The value in a reader's words (`no`).
    pub fn value_label(self) -> &'static str {
        self.key.value_labels().get(usize::from(self.value)).copied().unwrap_or_default()
    }

    /// The setting in a reader's words: `2026-04-27 amendment happened: no`.
    pub fn describe(self) -> String {
        format!("{}: {}", self.key.label(), self.value_label())
    }
}

impl fmt::Display for Setting {
    /// `key=value`, as URLs and data files write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.key.as_str(), self.wire())
    }
}

/// A scenario key or value that is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScenarioError {
    #[error("unknown scenario key \"{key}\"; accepted: {}", ScenarioKey::NAMES.join(", "))]
    UnknownKey { key: String },
    #[error("scenario.{key}: {got} is not accepted; accepted: {}", accepted.join(", "))]
    BadValue { key: &'static str, got: String, accepted: &'static [&'static str] },
}

/// The first date the explorer answers for.
pub const FIRST_DAY: NaiveDate = ymd(2016, 1, 1);
/// The last date the explorer answers for.
pub const LAST_DAY: NaiveDate = ymd(2035, 12, 31);

/// A date known at compile time. A bad literal fails the build (const evaluation), never at run time.
pub const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date literal"),
    }
}

/// Why a date was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" is not a date; expected YYYY-MM-DD, e.g. 2025-03-15")]
    Malformed(String),
    #[error("\"{0}\" is not a calendar date (no such day)")]
    NoSuchDay(String),
    #[error("{0} is outside the explorer's range {FIRST_DAY} to {LAST_DAY}")]
    OutOfRange(NaiveDate),
}

/// How precisely a source dates something: "2025-03-10", "2025-03" or "2021".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// Parses `YYYY-MM-DD` exactly (no chrono parser: it costs ~8 KB of wasm).
pub fn parse_day(text: &str) -> Result<NaiveDate, DateError> {
    let (date, precision) = parse_partial(text)?;
    if precision == Precision::Day {
        Ok(date)
    } else {
        Err(DateError::Malformed(text.to_owned()))
    }
}

/// Parses `YYYY-MM-DD` within the explorer's range.
pub fn parse_day_in_range(text: &str) -> Result<NaiveDate, DateError> {
    let date = parse_day(text)?;
    check_range(date)
}

/// Rejects dates outside `FIRST_DAY..=LAST_DAY`.
pub fn check_range(date: NaiveDate) -> Result<NaiveDate, DateError> {
    if (FIRST_DAY..=LAST_DAY).contains(&date) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange(date))
    }
}

/// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns the first day of the period and its precision.
pub fn parse_partial(text: &str) -> Result<(NaiveDate, Precision), DateError> {
    let malformed = || DateError::Malformed(text.to_owned());
    let parts: Vec<&str> = text.split('-').collect();
    let widths_ok = match parts.as_slice() {
        [y] => y.len() == 4,
        [y, m] => y.len() == 4 && m.len() == 2,
        [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
        _ => false,
    };
    if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(malformed());
    }
    let num = |i: usize| parts.get(i).map(|p| p.parse::<u32>().map_err(|_| malformed()));
    let year = i32::try_from(num(0).ok_or_else(malformed)??).map_err(|_| malformed())?;
    let month = num(1).transpose()?;
    let day = num(2).transpose()?;
    let precision = match (month, day) {
        (None, _) => Precision::Year,
        (Some(_), None) => Precision::Month,
        (Some(_), Some(_)) => Precision::Day,
    };
    NaiveDate::from_ymd_opt(year, month.unwrap_or(1), day.unwrap_or(1))
        .map(|date| (date, precision))
        .ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
}

/// Formats a date at its precision: `2025-03-10`, `2025-03` or `2021`.
pub fn format_partial(date: NaiveDate, precision: Precision) -> String {
    match precision {
        Precision::Day => date.to_string(),
        Precision::Month => format!("{:04}-{:02}", date.year(), date.month()),
        Precision::Year => format!("{:04}", date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_days_only() {
        assert_eq!(parse_day("2025-03-15"), Ok(ymd(2025, 3, 15)));
        for bad in ["2025-3-15", "2025-03", "15/03/2025", "", "2025-03-15x", "+025-03-15", "2025--3-15"] {
            assert!(matches!(parse_day(bad), Err(DateError::Malformed(_))), "{bad}");
        }
        assert_eq!(parse_day("2025-02-30"), Err(DateError::NoSuchDay("2025-02-30".into())));
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(parse_partial("2025-06"), Ok((ymd(2025, 6, 1), Precision::Month)));
        assert_eq!(parse_partial("2021"), Ok((ymd(2021, 1, 1), Precision::Year)));
        assert_eq!(format_partial(ymd(2025, 6, 1), Precision::Month), "2025-06");
    }

    #[test]
    fn range_is_enforced() {
        assert_eq!(parse_day_in_range("2015-12-31"), Err(DateError::OutOfRange(ymd(2015, 12, 31))));
        assert!(parse_day_in_range("2035-12-31").is_ok());
    }

    #[test]
    fn scenario_keys_are_declared_once_and_whole() {
        assert_eq!(ScenarioKey::ALL.len(), KEY_COUNT);
        for (i, key) in ScenarioKey::ALL.iter().enumerate() {
            assert_eq!(key.index(), i);
            assert_eq!(ScenarioKey::parse(key.as_str()), Ok(*key));
            assert!(!key.label().is_empty() && !key.explain().is_empty());
            assert!(key.values().len() >= 2, "{key:?} needs a default and an alternative");
            assert_eq!(key.values().len(), key.value_labels().len());
            for (v, wire) in key.values().iter().enumerate() {
                let setting = Setting::parse(key.as_str(), wire).unwrap();
                assert_eq!(usize::from(setting.value), v);
                assert_eq!(Setting::parse_pair(&setting.to_string()), Ok(setting));
            }
        }
        for (name, setting) in PRESETS {
            assert!(!name.is_empty());
            assert_ne!(setting.value, 0, "preset {name} must change something");
        }
        let err = Setting::parse("api_exclusive_until", "2030").unwrap_err().to_string();
        assert_eq!(err, "scenario.api_exclusive_until: 2030 is not accepted; accepted: agi, 2032");
        let err = Setting::parse_pair("agi=true").unwrap_err().to_string();
        assert!(err.starts_with("unknown scenario key \"agi\"; accepted: microsoft_declines"), "{err}");
        assert!(err.ends_with("frontier_on_aws, api_on_google"), "{err}");
    }

    #[test]
    fn vocabulary_errors_list_what_is_accepted() {
        let err = Provider::parse("ibm").unwrap_err().to_string();
        assert!(err.contains("unknown provider \"ibm\""), "{err}");
        assert!(err.contains("azure, coreweave"), "{err}");
        for p in Provider::ALL {
            assert_eq!(Provider::parse(p.as_str()), Ok(*p));
        }
    }
}
