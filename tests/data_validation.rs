//! Every kind of data error is caught, with file, line, item and what to fix. Each test
//! copies data/ to a scratch folder, breaks one file in one way, and loads it.

use dealscope::dataset::authoring::{load, FILES};
use dealscope::dataset::error::DataError;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data")
}

/// A copy of data/ with `file` edited by replacing `from` with `to` (which must occur).
fn broken(file: &str, from: &str, to: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir()
        .join(format!("dealscope-data-{}-{}", std::process::id(), COUNTER.fetch_add(1, Ordering::SeqCst)))
        .join("data");
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    for name in FILES {
        std::fs::copy(data_dir().join(name), dir.join(name)).unwrap();
    }
    for seed in std::fs::read_dir(data_dir().join("seeds")).unwrap() {
        let seed = seed.unwrap();
        std::fs::copy(seed.path(), dir.join("seeds").join(seed.file_name())).unwrap();
    }
    if !from.is_empty() {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "test setup: {file} does not contain {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
    dir
}

/// Loads a broken copy and returns its errors (it must fail).
fn errors(file: &str, from: &str, to: &str) -> Vec<DataError> {
    let dir = broken(file, from, to);
    let result = load(&dir);
    let _ = std::fs::remove_dir_all(dir.parent().unwrap_or(&dir));
    result.expect_err("the broken data must be rejected")
}

fn only(errors: &[DataError], kind: &str) -> DataError {
    let matching: Vec<&DataError> = errors.iter().filter(|e| e.kind.name() == kind).collect();
    assert!(!matching.is_empty(), "no {kind} error among: {errors:#?}");
    matching[0].clone()
}

#[test]
fn the_real_dataset_is_valid() {
    let raw = load(&data_dir())
        .unwrap_or_else(|errors| panic!("{}", errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")));
    assert!(raw.terms.len() >= 14 && raw.events.len() >= 40 && raw.conflicts.len() == 14);
}

#[test]
fn syntax_error_names_file_and_line() {
    let e = only(&errors("terms.toml", "effect = \"azure-only\"", "effect = azure-only"), "syntax");
    assert_eq!(e.file, "data/terms.toml");
    assert!(e.line.is_some_and(|l| l > 1), "{e}");
}

#[test]
fn missing_field_is_a_syntax_error_with_a_line() {
    let e = only(&errors("events.toml", "what = \"CoreWeave contract expanded by $4B.\"\n", ""), "syntax");
    assert!(e.to_string().contains("missing field `what`"), "{e}");
    assert!(e.line.is_some(), "{e}");
}

#[test]
fn unknown_provider_lists_the_accepted_ones() {
    let e = only(&errors("decisions.toml", "provider = \"google\"", "provider = \"ibm\""), "syntax");
    assert!(e.to_string().contains("ibm") && e.to_string().contains("coreweave"), "{e}");
}

#[test]
fn malformed_date() {
    let e = only(&errors("events.toml", "date = \"2025-11-03\"", "date = \"2025-13-03\""), "bad-date");
    assert_eq!(e.item.as_deref(), Some("event `2025-aws-agreement`"));
    let text = e.to_string();
    assert!(text.starts_with("data/events.toml:") && text.contains("`date`"), "{text}");
}

#[test]
fn interval_ending_before_it_starts() {
    let e = only(&errors("terms.toml", "until = \"2025-01-21\"", "until = \"2018-01-01\""), "bad-interval");
    assert_eq!(e.item.as_deref(), Some("term `azure-exclusive`"));
    assert!(e.line.is_some());
}

#[test]
fn unknown_source() {
    let e = only(
        &errors("figures.toml", "sources = [\"coreweave-2025-05\"]", "sources = [\"coreweave-2025-55\"]"),
        "unknown-ref",
    );
    assert!(e.to_string().contains("unknown source `coreweave-2025-55`"), "{e}");
    assert!(e.to_string().contains("data/sources.toml"), "{e}");
}

#[test]
fn unknown_term() {
    let e = only(
        &errors("terms.toml", "supersedes = [\"rofr-new-capacity\"]", "supersedes = [\"rofr-new-capacty\"]"),
        "unknown-ref",
    );
    assert!(e.to_string().contains("unknown term `rofr-new-capacty` in `supersedes`"), "{e}");
}

#[test]
fn unknown_figure_in_an_event() {
    let e = only(
        &errors("events.toml", "figures = [\"aws-agreement-2025-11\"]", "figures = [\"aws-deal\"]"),
        "unknown-ref",
    );
    assert!(e.to_string().contains("figure `aws-deal`"), "{e}");
}

#[test]
fn item_without_a_source() {
    let e = only(
        &errors("figures.toml", "as_of = \"2025-05\"\nsources = [\"coreweave-2025-05\"]", "as_of = \"2025-05\""),
        "no-source",
    );
    assert_eq!(e.item.as_deref(), Some("figure `coreweave-expansion-2025-05`"));
}

#[test]
fn seed_cited_without_a_quote() {
    let e = only(&errors("figures.toml", "sources = [{ id = \"seed-004\", quote = \"Microsoft has invested more than $13 billion in OpenAI since 2019\" }]", "sources = [\"seed-004\"]"), "seed-needs-quote");
    assert!(e.to_string().contains("seed-004"), "{e}");
}

#[test]
fn quote_that_is_not_in_the_seed() {
    let e = only(
        &errors(
            "terms.toml",
            "API products remain Azure-exclusive until 2032",
            "API products remain Azure-exclusive until 2035",
        ),
        "quote-not-in-seed",
    );
    assert!(e.to_string().contains("003_6a3a77b5021e05ff.txt"), "{e}");
    assert_eq!(e.item.as_deref(), Some("term `api-azure-exclusive`"));
}

#[test]
fn missing_seed_file() {
    let e = only(
        &errors("sources.toml", "seed = \"004_c58f6620452c4855.txt\"", "seed = \"004_missing.txt\""),
        "seed-file-missing",
    );
    assert!(e.to_string().contains("004_missing.txt"), "{e}");
}

#[test]
fn overlapping_terms_with_different_effects_and_no_link() {
    let e = only(
        &errors("terms.toml", "effect = \"allowed\"\nsupersedes = [\"rofr-new-capacity\"]", "effect = \"allowed\""),
        "overlap",
    );
    let text = e.to_string();
    assert!(text.contains("compute-free") && text.contains("rofr-new-capacity"), "{text}");
    assert!(text.contains("2025-10-28"), "names the day: {text}");
}

#[test]
fn duplicate_id() {
    let e = only(&errors("sources.toml", "id = \"reports-2021\"", "id = \"ann-2016-11\""), "duplicate-id");
    assert!(e.to_string().contains("already defined at line"), "{e}");
}

#[test]
fn value_outside_its_vocabulary() {
    // data/ deserialises straight into the model's enums: the reader's error names the item.
    let e = only(&errors("terms.toml", "effect = \"rofr\"", "effect = \"maybe\""), "syntax");
    assert_eq!(e.item.as_deref(), Some("term `rofr-new-capacity`"));
    assert!(e.to_string().contains("unknown variant `maybe`, expected one of `azure-only`"), "{e}");
}

#[test]
fn missing_file() {
    let dir = broken("", "", "");
    std::fs::remove_file(dir.join("conflicts.toml")).unwrap();
    let e = only(&load(&dir).unwrap_err(), "unreadable");
    assert_eq!(e.file, "data/conflicts.toml");
}

// ---- Reliability, "as of", order of events, ids and moot keys (the 2026-11 additions) ----

#[test]
fn source_without_reliability() {
    let e = only(
        &errors(
            "sources.toml",
            "reliability = \"press\"\nconfirmed = false\nlocator = \"Semafor",
            "confirmed = false\nlocator = \"Semafor",
        ),
        "missing",
    );
    assert_eq!(e.file, "data/sources.toml");
    assert_eq!(e.item.as_deref(), Some("source `semafor-2025-03-20`"));
    let text = e.to_string();
    assert!(text.contains("`reliability` is missing") && text.contains("add `reliability = \"primary\"`"), "{text}");
}

#[test]
fn source_with_an_unknown_reliability() {
    let e = only(
        &errors(
            "sources.toml",
            "reliability = \"press\"\nconfirmed = false\nlocator = \"Semafor",
            "reliability = \"rumour\"\nconfirmed = false\nlocator = \"Semafor",
        ),
        "syntax",
    );
    let text = e.to_string();
    assert!(text.contains("unknown variant `rumour`, expected one of `primary`, `press`, `secondary`"), "{text}");
    assert_eq!(e.item.as_deref(), Some("source `semafor-2025-03-20`"));
    assert!(text.starts_with("data/sources.toml:"), "{text}");
}

#[test]
fn source_without_confirmed() {
    let e = only(
        &errors("sources.toml", "reliability = \"press\"\nconfirmed = false\n", "reliability = \"press\"\n"),
        "missing",
    );
    assert!(e.to_string().contains("`confirmed` is missing") && e.to_string().contains("confirmed = true"), "{e}");
}

#[test]
fn primary_source_that_is_not_confirmed() {
    let e = only(
        &errors(
            "sources.toml",
            "reliability = \"primary\"\nconfirmed = true",
            "reliability = \"primary\"\nconfirmed = false",
        ),
        "bad-value",
    );
    assert_eq!(e.item.as_deref(), Some("source `ann-2016-11`"));
    assert!(e.to_string().contains("`confirmed`") && e.to_string().contains("press or secondary"), "{e}");
}

// ---- Sources a reader can open (the 2026-12-07 additions) ----

#[test]
fn malformed_source_url() {
    let address = "http://business-news-today.com/?p=266739";
    let e = only(
        &errors(
            "sources.toml",
            "id = \"reports-2026-04-27\"\n",
            &format!("id = \"reports-2026-04-27\"\nurl = \"{address}\"\n"),
        ),
        "bad-url",
    );
    assert_eq!(e.file, "data/sources.toml");
    assert!(e.line.is_some_and(|l| l > 1), "{e}");
    assert_eq!(e.item.as_deref(), Some("source `reports-2026-04-27`"));
    let text = e.to_string();
    assert!(
        text.contains(&format!("`url` = \"{address}\"")) && text.contains("does not start with https://"),
        "{text}"
    );
    assert!(
        text.contains("write the publisher's own address") && text.contains("leave `url` out"),
        "what to fix: {text}"
    );
    let e = only(
        &errors(
            "sources.toml",
            "id = \"reports-2026-04-27\"\n",
            "id = \"reports-2026-04-27\"\nurl = \"https://blogs.microsoft.com/the next phase\"\n",
        ),
        "bad-url",
    );
    assert!(e.to_string().contains("white space"), "{e}");
}

#[test]
fn conflict_naming_an_unknown_scenario_key() {
    let e = only(
        &errors("conflicts.toml", "scenario_key = \"frontier_on_aws\"", "scenario_key = \"frontier_on_azure\""),
        "bad-value",
    );
    assert_eq!(e.item.as_deref(), Some("conflict `frontier-on-aws`"));
    assert!(e.to_string().contains("scenario key \"frontier_on_azure\" is unknown"), "{e}");
}

#[test]
fn decision_citing_an_unknown_source() {
    let e = only(
        &errors("decisions.toml", "sources = [\"openai-2025-07-22-oracle\",", "sources = [\"oracle-2025-07-22\","),
        "unknown-ref",
    );
    assert_eq!(e.item.as_deref(), Some("decision `oracle-direct-2025`"));
    assert!(
        e.to_string().contains("unknown source `oracle-2025-07-22`") && e.to_string().contains("data/sources.toml"),
        "{e}"
    );
}

#[test]
fn moot_naming_an_unknown_scenario_key() {
    let e = only(&errors("terms.toml", "key = \"agi_verified\"", "key = \"agi\""), "bad-value");
    assert_eq!(e.item.as_deref(), Some("term `azure-first`"));
    assert!(e.to_string().contains("`moot.key` = \"agi\"") && e.to_string().contains("agi_verified"), "{e}");
}

#[test]
fn event_out_of_date_order() {
    let e = only(&errors("events.toml", "date = \"2025-11-03\"", "date = \"2025-10-03\""), "out-of-order");
    assert_eq!(e.item.as_deref(), Some("event `2025-aws-agreement`"));
    assert!(
        e.to_string().contains("before `2025-stargate-michigan` (2025-10-30)") && e.to_string().contains("date order"),
        "{e}"
    );
}

#[test]
fn event_after_the_research_date() {
    let e =
        only(&errors("dataset.toml", "researched = \"2026-12-07\"", "researched = \"2026-05-01\""), "after-researched");
    assert_eq!(e.file, "data/events.toml");
    assert!(e.to_string().contains("after the day the data was researched (2026-05-01"), "{e}");
}

#[test]
fn research_date_must_be_a_day() {
    let e = only(&errors("dataset.toml", "researched = \"2026-12-07\"", "researched = \"2026-11\""), "bad-date");
    assert_eq!(e.file, "data/dataset.toml");
    assert!(e.to_string().contains("`researched`"), "{e}");
}

#[test]
fn missing_dataset_file() {
    let dir = broken("", "", "");
    std::fs::remove_file(dir.join("dataset.toml")).unwrap();
    let e = only(&load(&dir).unwrap_err(), "unreadable");
    assert_eq!(e.file, "data/dataset.toml");
}

#[test]
fn id_that_cannot_be_an_anchor() {
    let e = only(&errors("figures.toml", "id = \"coreweave-option\"", "id = \"CoreWeave option\""), "bad-id");
    assert!(e.to_string().contains("write e.g. `coreweave-option`"), "{e}");
}

#[test]
fn story_step_citing_an_unknown_source() {
    let e =
        only(&errors("stories.toml", "sources = [\"ms-2025-10-28\"]", "sources = [\"ms-2025-10-29\"]"), "unknown-ref");
    assert_eq!(e.file, "data/stories.toml");
    assert_eq!(e.item.as_deref(), Some("story step `recapitalisation`"));
    assert!(e.to_string().contains("unknown source `ms-2025-10-29`"), "{e}");
}

#[test]
fn story_step_with_a_bad_cell_or_day() {
    let e = only(&errors("stories.toml", "cell = \"training.aws\"", "cell = \"training.ibm\""), "bad-value");
    assert!(e.to_string().contains("`cell` = \"training.ibm\"") && e.to_string().contains("workload.provider"), "{e}");
    let e = only(&errors("stories.toml", "date = \"2019-07-22\"", "date = \"2019-07\""), "bad-date");
    assert_eq!(e.item.as_deref(), Some("story step `exclusive`"));
}

// ---- What the engine would silently ignore (the 2026-12 checker) ----

/// The errors of one kind on one item.
fn on_item(errors: &[DataError], kind: &str, item: &str) -> DataError {
    errors
        .iter()
        .find(|e| e.kind.name() == kind && e.item.as_deref() == Some(item))
        .cloned()
        .unwrap_or_else(|| panic!("no {kind} error on {item} among: {errors:#?}"))
}

#[test]
fn lapse_on_a_condition_the_engine_does_not_act_on() {
    let e = only(
        &errors(
            "terms.toml",
            "when = \"agi_verified\"\nfrom = \"2025-10-28\"",
            "when = \"microsoft_declines\"\nfrom = \"2025-10-28\"",
        ),
        "ignored",
    );
    assert_eq!(e.file, "data/terms.toml");
    assert_eq!(e.item.as_deref(), Some("term `api-azure-exclusive`"));
    assert!(e.line.is_some(), "{e}");
    let text = e.to_string();
    assert!(
        text.contains("`lapse.when` = \"microsoft_declines\" would be silently ignored")
            && text.contains("accepted: agi_verified"),
        "{text}"
    );
}

#[test]
fn compute_clause_that_covers_nothing() {
    let errors = errors(
        "terms.toml",
        "workloads = [\"training\", \"products\"]\nproviders = [\"all\"]\neffect = \"rofr\"\nsupersedes = [\"azure-exclusive\"]",
        "workloads = []\nproviders = [\"all\"]\neffect = \"rofr\"\nsupersedes = [\"azure-exclusive\"]",
    );
    let e = on_item(&errors, "ignored", "term `rofr-new-capacity`");
    let text = e.to_string();
    assert!(text.contains("`workloads` = \"[]\"") && text.contains("covers nothing never applies"), "{text}");
    assert!(text.contains("effect = \"none\""), "says what is accepted: {text}");
}

#[test]
fn decision_the_engine_never_reads() {
    // API capacity: no right of first refusal covers the API, so Microsoft's answer is never read.
    let errors = errors(
        "decisions.toml",
        "workloads = [\"training\", \"products\"]\ndecision = \"declined\"",
        "workloads = [\"training\", \"api\"]\ndecision = \"declined\"",
    );
    let e = on_item(&errors, "ignored", "decision `coreweave-option-2025-03`");
    assert_eq!(e.file, "data/decisions.toml");
    let text = e.to_string();
    assert!(
        text.contains("`workloads` = \"api on coreweave\"")
            && text.contains("accepted: training, products on coreweave"),
        "{text}"
    );
    // Azure: a ROFR always allows Azure itself.
    let errors = self::errors("decisions.toml", "provider = \"google\"", "provider = \"azure\"");
    let e = on_item(&errors, "ignored", "decision `google-capacity-2025`");
    assert!(e.to_string().contains("accepted: none on azure"), "{e}");
}

#[test]
fn record_only_clause_with_a_lapse_or_supersedes() {
    let errors = errors(
        "terms.toml",
        "effect = \"none\"\nsummary = \"OpenAI's declaration of AGI",
        "effect = \"none\"\nsupersedes = [\"compute-free\"]\nsummary = \"OpenAI's declaration of AGI",
    );
    let e = on_item(&errors, "ignored", "term `agi-panel`");
    let text = e.to_string();
    assert!(text.contains("`supersedes` = \"compute-free\" would be silently ignored"), "{text}");
    assert!(text.contains("never decides a cell"), "{text}");
}
