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

/// A value outside a closed vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{got}\"; accepted: {}", accepted.join(", "))]
pub struct VocabError {
    pub what: &'static str,
    pub got: String,
    pub accepted: &'static [&'static str],
}

/// Scenario keys and the values each accepts; the first value is the default (as happened).
/// `microsoft_declines = "recorded"` means: use the decisions recorded in the dataset.
/// Conflicts between sources that change a verdict are keys here too.
pub const SCENARIO_KEYS: &[(&str, &[&str])] = &[
    ("microsoft_declines", &["recorded", "true", "false"]),
    ("agi_verified", &["false", "true"]),
    ("amendment_2026_04", &["true", "false"]),
    ("api_exclusive_until", &["agi", "2032"]),
    ("exclusive_since", &["2019", "2016"]),
    ("rofr_after_2025_10", &["ended", "loosened"]),
    ("frontier_on_aws", &["allowed", "blocked"]),
];

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
    fn vocabulary_errors_list_what_is_accepted() {
        let err = Provider::parse("ibm").unwrap_err().to_string();
        assert!(err.contains("unknown provider \"ibm\""), "{err}");
        assert!(err.contains("azure, coreweave"), "{err}");
        for p in Provider::ALL {
            assert_eq!(Provider::parse(p.as_str()), Ok(*p));
        }
    }
}
