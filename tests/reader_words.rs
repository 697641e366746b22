//! Reader text has no machine words: every view the page can show (the shell, each panel, the
//! explanation of every cell on the days the terms change, the comparison, the pictures) is
//! rendered natively and its text — what a reader sees or a screen reader reads out — is
//! checked for term ids, scenario keys and `key=value` settings, "seed 00N", "unknown"
//! publishers, handles, dates not written in ISO, and research notes ("facts.md",
//! "correction 3", "the first research round", "names no outlet"): what the JS API and the
//! exports give is checked for research notes too.

use dealscope::dataset::dataset;
use dealscope::html::contract::Picture;
use dealscope::html::page::{panel, panel_content, shell};
use dealscope::html::picture::picture;
use dealscope::permalink::{Panel, ViewState};
use dealscope::scenario::{Scenario, PRESETS};
use dealscope::vocab::{ymd, Provider, ScenarioKey, Workload};

/// The text of markup a reader meets: element text, and the attributes read out or shown
/// (`title`, `aria-label`, `alt`, `placeholder`), entities decoded. `<code>` inside a
/// "for programmers" `<details class="dev">` is for programmers and skipped.
fn reader_text(html: &str) -> String {
    let mut html = html.to_owned();
    while let Some(start) = html.find("<details class=\"dev\"") {
        let end = html[start..].find("</details>").map_or(html.len(), |e| start + e + "</details>".len());
        html.replace_range(start..end, " ");
    }
    let mut out = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |c| open + c + 1);
        let tag = &rest[open..close];
        for attr in ["title=\"", "aria-label=\"", "alt=\"", "placeholder=\"", "aria-valuetext=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
                out.push(' ');
                out.push_str(&value[..value.find('"').unwrap_or(value.len())]);
                out.push(' ');
            }
        }
        out.push(' ');
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
}

/// Notes the research kept for itself, which a reader cannot use: the research file, its
/// numbered corrections, its rounds, what it did or did not name. Readers are told what they
/// need instead ("outlet not recorded", the month, what is known).
fn research_notes(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let context = |at: usize| {
        let from = lower[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let to = lower[at..].char_indices().nth(60).map_or(lower.len(), |(i, _)| at + i);
        lower[from..to].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for needle in [
        "facts.md",
        "source-urls",
        "research round",
        "first round",
        "names no outlet",
        "names no venue",
        "named no outlet",
        "in the research",
        "the research names",
        "the research found",
        "the research recorded",
        "the research named",
    ] {
        if let Some(at) = lower.find(needle) {
            found.push(format!("research note `{needle}`: …{}…", context(at)));
        }
    }
    // "correction 1", "corrections 1–4": the research's numbering.
    let mut from = 0;
    while let Some(i) = lower[from..].find("correction") {
        let at = from + i;
        let rest = lower[at + "correction".len()..].trim_start_matches('s').trim_start_matches(' ');
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            found.push(format!("research note `correction N`: …{}…", context(at)));
        }
        from = at + "correction".len();
    }
    found
}

/// Machine words found in `text`, each with a little context.
fn machine_words(text: &str) -> Vec<String> {
    let ds = dataset();
    let mut found = Vec::new();
    let lower = text.to_ascii_lowercase();
    let context = |at: usize| {
        let from = text[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        let to = text[at..].char_indices().nth(60).map_or(text.len(), |(i, _)| at + i);
        text[from..to].split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let word_at = |at: usize, len: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at + len..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        !part(before) && !part(after)
    };
    let mut check = |needle: &str, what: &str, whole: bool| {
        let mut from = 0;
        while let Some(i) = lower[from..].find(needle) {
            let at = from + i;
            if !whole || word_at(at, needle.len()) {
                found.push(format!("{what} `{needle}`: …{}…", context(at)));
            }
            from = at + needle.len();
        }
    };
    for key in ScenarioKey::ALL {
        check(key.as_str(), "scenario key", false);
    }
    for seed in ["seed 00", "seed-00", "seed article"] {
        check(seed, "seed", false);
    }
    check("unknown", "unknown", true);
    check("amynicole", "handle", false);
    // Term ids, as written (an id that is also an English compound, like "revenue-share
    // payments", is the reader's word there).
    let ids = ds.terms.iter().map(|t| ("term id", t.id)).chain(ds.conflicts.iter().map(|c| ("conflict id", c.id)));
    for (what, id) in ids.filter(|(_, id)| *id != "revenue-share") {
        let mut from = 0;
        while let Some(i) = text[from..].find(id) {
            let at = from + i;
            if word_at(at, id.len()) {
                found.push(format!("{what} `{id}`: …{}…", context(at)));
            }
            from = at + id.len();
        }
    }
    found.extend(research_notes(text));
    // Dates: ISO only (no 11/26/2026, no 26.11.2026).
    let bytes = text.as_bytes();
    for (i, w) in bytes.windows(10).enumerate() {
        let digit = |j: usize| w[j].is_ascii_digit();
        let us = digit(0) && digit(1) && (w[2] == b'/' || w[2] == b'.') && digit(3) && digit(4) && w[5] == w[2];
        if us && digit(6) && digit(9) {
            found.push(format!("a date not in ISO: …{}…", context(i)));
        }
    }
    found
}

fn assert_reader_words(what: &str, html: &str) {
    let found = machine_words(&reader_text(html));
    let mut unique: Vec<String> = Vec::new();
    for f in found {
        if !unique.contains(&f) {
            unique.push(f);
        }
    }
    assert!(unique.is_empty(), "{what}: machine words in reader text:\n{}", unique.join("\n"));
}

/// The days the terms and decisions change, and one day in each period.
fn days() -> Vec<chrono::NaiveDate> {
    vec![
        ymd(2017, 1, 1),
        ymd(2019, 8, 1),
        ymd(2024, 7, 1),
        ymd(2025, 3, 15),
        ymd(2025, 4, 1),
        ymd(2025, 11, 10),
        ymd(2026, 3, 1),
        ymd(2026, 6, 1),
        ymd(2027, 3, 1),
    ]
}

fn scenarios() -> Vec<Scenario> {
    let mut all = vec![Scenario::AS_HAPPENED];
    all.extend(PRESETS.iter().map(|(_, s)| Scenario::AS_HAPPENED.with_settings(&[*s])));
    for key in ScenarioKey::ALL {
        for value in key.values() {
            all.push(Scenario::AS_HAPPENED.with(key.as_str(), value));
        }
    }
    all
}

#[test]
fn the_page_and_every_panel_speak_reader_words() {
    let ds = dataset();
    let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
    for &panel_shown in Panel::ALL {
        let view = ViewState {
            date: ymd(2026, 6, 1),
            scenario: declines.with("amendment_2026_04", "false"),
            base: declines,
            panel: panel_shown,
            ..ViewState::default()
        };
        assert_reader_words(&format!("the page with {}", panel_shown.as_str()), shell(ds, &view, &[], &[]).as_str());
    }
    assert_reader_words("the dataset", panel(ds, Panel::Dataset, &dealscope::html::Html::new()).as_str());
}

#[test]
fn every_explanation_speaks_reader_words() {
    let ds = dataset();
    for date in days() {
        for scenario in scenarios() {
            for &workload in Workload::ALL {
                for &provider in Provider::ALL {
                    let view =
                        ViewState { date, scenario, selected: Some((workload, provider)), ..ViewState::default() };
                    let html = panel_content(ds, &view, None);
                    assert_reader_words(
                        &format!("{date} {workload}.{provider} {}", scenario.describe()),
                        html.as_str(),
                    );
                }
            }
        }
    }
}

#[test]
fn comparisons_and_pictures_speak_reader_words() {
    let ds = dataset();
    for scenario in scenarios() {
        for base in [Scenario::AS_HAPPENED, Scenario::AS_HAPPENED.with("microsoft_declines", "true")] {
            for &panel_shown in &[Panel::Diff, Panel::Overview] {
                let view =
                    ViewState { date: ymd(2026, 6, 1), scenario, base, panel: panel_shown, ..ViewState::default() };
                assert_reader_words(
                    &format!("{} vs {}", scenario.describe(), base.describe()),
                    panel_content(ds, &view, None).as_str(),
                );
            }
            let view = ViewState { date: ymd(2025, 3, 15), scenario, base, ..ViewState::default() };
            for what in Picture::ALL {
                let drawn = picture(ds, &view, *what, "https://example.org/?date=2025-03-15");
                // The permalink is a machine field: a reader copies it, does not read it.
                let svg = drawn.svg.as_str().split("permalink").next().unwrap_or_default();
                assert_reader_words(&format!("picture {} of {}", what.as_str(), scenario.describe()), svg);
            }
        }
    }
}

/// What programs get — the JS API's answers and citations (as JSON), the exports — carries no
/// research notes either: every source's publisher, title and locator, every item's text.
#[test]
fn what_programs_get_has_no_research_notes() {
    let ds = dataset();
    let mut found = Vec::new();
    let mut check = |what: &str, text: &str| {
        for f in research_notes(text) {
            found.push(format!("{what}: {f}"));
        }
    };
    let rows = dealscope::export::dataset_rows(ds);
    check("the dataset export", &serde_json::to_string(&rows).unwrap());
    check("the dataset CSV", &dealscope::export::dataset_csv(&rows));
    for c in ds.conflicts {
        check(c.id, &format!("{} {}", c.claim, c.why_default));
    }
    for date in days() {
        for scenario in scenarios() {
            let answers = dealscope::export::grid(ds, date, scenario).unwrap();
            check(&format!("the answers on {date}"), &serde_json::to_string(&answers).unwrap());
        }
        let query = dealscope::engine::Query::parse(&date.to_string(), "api", "google", Scenario::AS_HAPPENED).unwrap();
        check("a citation", &dealscope::cite::cite(ds, &query, "").unwrap());
    }
    found.dedup();
    assert!(found.is_empty(), "research notes where programs read:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_what_it_looks_for() {
    for bad in [
        "decided by api-azure-exclusive — says blocked",
        "as seed 003 says",
        "microsoft_declines=true",
        "unknown (news report)",
        "amynicole, “Microsoft has revised”",
        "on 11/26/2026",
        "Secondary reporting, 2021; facts.md names no outlet",
        "Datawrapper chart; facts.md (correction 1) gives no date",
        "as the first research round summarised the announcements",
        "Press reporting; the research names no outlet",
        "per corrections 1–4",
    ] {
        assert!(!machine_words(bad).is_empty(), "{bad}");
    }
    assert!(machine_words("The OpenAI API on Azure, 2026-11-26: unnamed news report, secondary").is_empty());
    assert!(machine_words("Corrected 2026-11-26: secondary reports (outlets not recorded); research and training")
        .is_empty());
    assert_eq!(
        reader_text("<b title=\"x &amp; y\">a</b><details class=\"dev\"><code>api-azure-exclusive</code></details>")
            .split_whitespace()
            .collect::<Vec<_>>(),
        ["x", "&", "y", "a"]
    );
}
