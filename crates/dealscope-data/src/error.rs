//! What can be wrong with `data/`: every error names the file, the line where it can, the
//! item, and what to fix. The build script prints these and fails; the validation tests
//! assert on their kinds.

use crate::vocab::DateError;
use std::fmt;

/// One problem in one data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    /// The file, relative to the data folder's parent (e.g. `data/terms.toml`).
    pub file: String,
    /// 1-based line of the item (or of the syntax error), where known.
    pub line: Option<usize>,
    /// The item, e.g. "term `azure-exclusive`".
    pub item: Option<String>,
    pub kind: DataErrorKind,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        f.write_str(": ")?;
        if let Some(item) = &self.item {
            write!(f, "{item}: ")?;
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for DataError {}

/// The kinds of problem, each with what to do about it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DataErrorKind {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("not valid: {0}")]
    Syntax(String),
    #[error("`{field}`: {error}")]
    BadDate { field: &'static str, error: DateError },
    #[error("interval ends ({until}) before or when it starts ({from}); `until` is the first day no longer in force and must come after `from`")]
    BadInterval { from: String, until: String },
    #[error("unknown {what} `{id}` in `{field}`: define it in {defined_in} or fix the id")]
    UnknownRef { what: &'static str, field: &'static str, id: String, defined_in: &'static str },
    #[error("has no source: add `sources = [\"<id from data/sources.toml>\"]`")]
    NoSource,
    #[error("cites seed `{source_id}` without a quote: write `{{ id = \"{source_id}\", quote = \"<sentence from the seed>\" }}`")]
    SeedNeedsQuote { source_id: String },
    #[error("the quote cited from `{source_id}` is not in data/seeds/{seed}: \"{quote}\" (copy the sentence exactly)")]
    QuoteNotInSeed { source_id: String, seed: String, quote: String },
    #[error("seed file data/seeds/{seed} does not exist")]
    SeedFileMissing { seed: String },
    #[error("conflicts with term `{other}` on {workload} × {provider} on {date} in scenario [{scenario}]: `{effect}` here, `{other_effect}` there, and neither supersedes the other — add `supersedes`, or make them readings of one conflict")]
    Overlap {
        other: String,
        workload: &'static str,
        provider: &'static str,
        date: String,
        scenario: String,
        effect: &'static str,
        other_effect: &'static str,
    },
    #[error("duplicate id: already defined at line {first_line}")]
    DuplicateId { first_line: usize },
    #[error("`{field}` = {got:?} is not accepted; accepted: {accepted}")]
    BadValue { field: &'static str, got: String, accepted: String },
    #[error("`{field}` is missing: {fix}")]
    Missing { field: &'static str, fix: &'static str },
    #[error("id `{id}` may use only lower-case letters, digits and '-' (it ends up in page anchors and links): write e.g. `{suggestion}`")]
    BadId { id: String, suggestion: String },
    #[error("is dated {date}, before `{previous}` ({previous_date}) listed above it: keep events in date order (move it up)")]
    OutOfOrder { date: String, previous: String, previous_date: String },
    #[error("`{field}` = {got:?} would be silently ignored: {why}; accepted: {accepted}")]
    Ignored { field: &'static str, got: String, why: &'static str, accepted: String },
    #[error("`url` = {url:?} is not an address a reader can open: {why}; write the publisher's own address, `https://` and no spaces (e.g. `url = \"https://openai.com/index/…\"`), or leave `url` out and say in `locator` where the text can be found")]
    BadUrl { url: String, why: &'static str },
    #[error("is dated {date}, after the day the data was researched ({researched}, data/dataset.toml): an event cannot be recorded before it happens — fix the date, or bring `researched` up to date")]
    AfterResearched { date: String, researched: String },
}

impl DataErrorKind {
    /// A short stable name for the kind, for tests and summaries.
    pub const fn name(&self) -> &'static str {
        match self {
            DataErrorKind::Unreadable(_) => "unreadable",
            DataErrorKind::Syntax(_) => "syntax",
            DataErrorKind::BadDate { .. } => "bad-date",
            DataErrorKind::BadInterval { .. } => "bad-interval",
            DataErrorKind::UnknownRef { .. } => "unknown-ref",
            DataErrorKind::NoSource => "no-source",
            DataErrorKind::SeedNeedsQuote { .. } => "seed-needs-quote",
            DataErrorKind::QuoteNotInSeed { .. } => "quote-not-in-seed",
            DataErrorKind::SeedFileMissing { .. } => "seed-file-missing",
            DataErrorKind::Overlap { .. } => "overlap",
            DataErrorKind::DuplicateId { .. } => "duplicate-id",
            DataErrorKind::BadValue { .. } => "bad-value",
            DataErrorKind::Missing { .. } => "missing",
            DataErrorKind::BadId { .. } => "bad-id",
            DataErrorKind::OutOfOrder { .. } => "out-of-order",
            DataErrorKind::AfterResearched { .. } => "after-researched",
            DataErrorKind::Ignored { .. } => "ignored",
            DataErrorKind::BadUrl { .. } => "bad-url",
        }
    }
}
