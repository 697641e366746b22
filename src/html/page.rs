//! The page shell: header, notice, date controls, the grid, the diff-strip slot, the panel
//! tabs, the scenario panel, the export bar and the footer, rendered for one view state.
//!
//! The page inserts the shell once; afterwards it only patches what changes (a cell's
//! verdict, a control's value, the open panel's content), so focus and scroll stay put.
//! Everything a reader clicks carries `data-action` (see `ui::actions`), and every control a
//! test drives carries `data-testid`.

use super::escape;
use crate::answer::partial;
use crate::dataset::Dataset;
use crate::engine::{describe_moot, evaluate_cell, moot, Outcome};
use crate::permalink::{Panel, ViewState, STORY_CELL, STORY_DATE};
use crate::scenario::{explain_key, key_label, value_label, Scenario, PRESETS};
use crate::vocab::{Provider, Workload, FIRST_DAY, LAST_DAY, SCENARIO_KEYS};
use chrono::NaiveDate;
use std::fmt::Write as _;

/// Days since 2016-01-01: the slider's value for a day.
pub fn day_number(date: NaiveDate) -> i64 {
    date.signed_duration_since(FIRST_DAY).num_days()
}

/// What one grid cell shows; the page compares these to patch only the cells that changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellView {
    pub class: String,
    pub label: String,
    pub pressed: bool,
    pub verdict: &'static str,
    pub inner: String,
}

/// The cell of `workload` on `provider` on `date` under `scenario`, compared with as happened.
pub fn cell(
    ds: &Dataset,
    date: NaiveDate,
    (workload, provider): (Workload, Provider),
    scenario: Scenario,
    selected: bool,
) -> CellView {
    let outcome = evaluate_cell(ds, date, workload, provider, scenario);
    let baseline = evaluate_cell(ds, date, workload, provider, Scenario::AS_HAPPENED);
    let differs = outcome != baseline;
    let conditional = outcome == Outcome::Conditional;
    let mut label = format!("{} on {}: {}", workload.label(), provider.label(), outcome.as_str());
    let mut class = format!("cell {}", outcome.as_str());
    let mut inner = format!(
        "<span class=\"symbol\" aria-hidden=\"true\">{}</span><span class=\"word\">{}</span>",
        outcome.symbol(),
        outcome.as_str()
    );
    if conditional {
        label.push_str(", only if Microsoft declines the capacity");
        inner.push_str("<span class=\"if\">if Microsoft declines</span>");
    }
    if differs {
        let _ = write!(label, " (as happened: {})", baseline.as_str());
        class.push_str(" differs");
        inner.push_str("<span class=\"diff-mark\" title=\"differs from as happened\">◆</span>");
    }
    if selected {
        class.push_str(" selected");
    }
    CellView { class, label, pressed: selected, verdict: outcome.as_str(), inner }
}

/// The grid's caption: the day, and the scenario when it is not as happened; a day after the
/// data's "as of" is marked as a projection. The text sits in a span that stays in view (and
/// wraps) when a narrow screen scrolls the grid sideways.
pub fn caption(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> String {
    let mut out = format!("<span class=\"cap\">Where OpenAI may run each workload on <time>{date}</time>");
    if scenario != Scenario::AS_HAPPENED {
        let _ = write!(out, " — scenario: {}", escape(&scenario.to_string()));
    }
    if ds.is_projection(date) {
        let _ = write!(
            out,
            " <span class=\"projection\" data-testid=\"projection\">— projection: after the data's as-of date {}, from the terms as agreed</span>",
            ds.researched
        );
    }
    out.push_str("</span>");
    out
}

/// "Data as of …" with the latest event, for the header and the footer.
pub fn as_of(ds: &Dataset) -> String {
    format!("Data as of <time>{}</time> (latest event {})", ds.researched, crate::answer::partial(ds.latest_event))
}

/// The grid of verdicts: workloads × providers, each cell a button (`data-action="select"`).
pub fn grid(ds: &Dataset, view: &ViewState) -> String {
    let mut out = format!(
        "<div class=\"grid-wrap\" role=\"region\" aria-label=\"Verdicts by workload and provider\" tabindex=\"0\"><table class=\"grid\" data-testid=\"grid\"><caption>{}</caption><thead><tr><th scope=\"col\">Workload</th>",
        caption(ds, view.date, view.scenario)
    );
    for p in Provider::ALL {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(p.label()));
    }
    out.push_str("</tr></thead><tbody>");
    for &w in Workload::ALL {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(w.label()));
        for &p in Provider::ALL {
            let c = cell(ds, view.date, (w, p), view.scenario, view.selected == Some((w, p)));
            let _ = write!(
                out,
                "<td><button type=\"button\" class=\"{}\" aria-pressed=\"{}\" aria-label=\"{}\" data-testid=\"cell-{w}-{p}\" data-verdict=\"{}\" data-action=\"select\" data-cell=\"{w}.{p}\">{}</button></td>",
                c.class,
                c.pressed,
                escape(&c.label),
                c.verdict,
                c.inner
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// The date field, the previous/next-change buttons and the slider over 2016–2035 with the
/// dataset's events as marks (a datalist) and as ticks under it.
pub fn date_controls(ds: &Dataset, date: NaiveDate) -> String {
    let max = day_number(LAST_DAY);
    let mut out = format!(
        "<div class=\"date-controls\"><label for=\"date-input\">Date</label><input id=\"date-input\" type=\"date\" min=\"{FIRST_DAY}\" max=\"{LAST_DAY}\" data-testid=\"date-input\" data-control=\"date\" value=\"{date}\" aria-invalid=\"false\" aria-describedby=\"date-error\"><button type=\"button\" data-testid=\"prev-change\" data-action=\"step\" data-dir=\"back\">◀ previous change</button><button type=\"button\" data-testid=\"next-change-button\" data-action=\"step\" data-dir=\"on\">next change ▶</button><span id=\"date-error\" class=\"error\" role=\"status\"></span><div class=\"slider\"><input type=\"range\" min=\"0\" max=\"{max}\" step=\"1\" aria-label=\"Date slider, 2016 to 2035\" aria-valuetext=\"{date}\" data-testid=\"date-slider\" data-control=\"slider\" list=\"event-marks\" value=\"{}\"><datalist id=\"event-marks\">",
        day_number(date)
    );
    let mut ticks = String::new();
    for e in ds.events {
        let (n, what) = (day_number(e.date.date), escape(&format!("{}: {}", partial(e.date), e.what)));
        let left = n * 1000 / max;
        let _ = write!(out, "<option value=\"{n}\" label=\"{what}\"></option>");
        let _ =
            write!(ticks, "<span class=\"tick\" style=\"left:{}.{}%\" title=\"{what}\"></span>", left / 10, left % 10);
    }
    let _ = write!(out, "</datalist><div class=\"ticks\" aria-hidden=\"true\">{ticks}</div></div></div>");
    out
}

/// The one toggle at the top of the page.
pub fn declines_toggle(scenario: Scenario) -> String {
    let checked = if scenario.microsoft_declines() == Some(true) { " checked" } else { "" };
    format!(
        "<label class=\"toggle\"><input type=\"checkbox\" data-testid=\"toggle-microsoft-declines\" data-toggle=\"microsoft_declines\"{checked}> Microsoft declines the capacity</label>"
    )
}

/// Whether the preset with this spec is in effect.
pub fn preset_active(scenario: Scenario, spec: &str) -> bool {
    scenario.with_spec(spec) == scenario
}

/// Why a scenario key changes nothing on `date` under `scenario`, if it does not (e.g. "AGI
/// verified" while the 2026 amendment is in force).
pub fn moot_note(ds: &Dataset, date: NaiveDate, scenario: Scenario, key: &str) -> Option<String> {
    moot(ds, date, scenario, key).map(|(term, m)| describe_moot(term, m))
}

/// Whether a preset changes nothing on `date`: every key it sets is moot then.
pub fn preset_moot(ds: &Dataset, date: NaiveDate, scenario: Scenario, spec: &str) -> bool {
    let mut keys = spec.split(';').filter_map(|kv| kv.split_once('=')).map(|(k, _)| k).peekable();
    keys.peek().is_some() && keys.all(|k| moot(ds, date, scenario, k).is_some())
}

/// Every scenario key as a select with its plain explanation (and, when it changes nothing on
/// the day, why), the presets and the reset.
pub fn scenario_panel(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> String {
    let mut out = String::from(
        "<section class=\"scenario\" aria-labelledby=\"scenario-heading\" data-testid=\"scenario-panel\"><h2 id=\"scenario-heading\">Scenario</h2><p class=\"presets\">",
    );
    for (name, spec) in PRESETS {
        let disabled = if preset_moot(ds, date, scenario, spec) { " disabled" } else { "" };
        let _ = write!(
            out,
            "<button type=\"button\" aria-pressed=\"{}\" data-action=\"preset\" data-set=\"{}\"{disabled}>{}</button>",
            preset_active(scenario, spec),
            escape(spec),
            escape(name)
        );
    }
    let disabled = if scenario == Scenario::AS_HAPPENED { " disabled" } else { "" };
    let _ = write!(
        out,
        "<button type=\"button\" data-testid=\"reset-scenario\" class=\"reset\" data-action=\"preset\" data-set=\"\"{disabled}>Reset to as happened</button></p><div class=\"keys\">"
    );
    for (key, values) in SCENARIO_KEYS {
        let _ = write!(
            out,
            "<div class=\"key\"><label for=\"key-{key}\">{}</label><select id=\"key-{key}\" data-testid=\"select-{key}\" data-key=\"{key}\">",
            escape(key_label(key))
        );
        for v in *values {
            let selected = if scenario.get(key) == Some(*v) { " selected" } else { "" };
            let _ = write!(out, "<option value=\"{v}\"{selected}>{}</option>", escape(value_label(key, v)));
        }
        let note = moot_note(ds, date, scenario, key);
        let _ = write!(
            out,
            "</select><p class=\"explain\">{}</p><p class=\"moot\" data-moot=\"{key}\" data-testid=\"moot-{key}\"{}>{}</p></div>",
            escape(explain_key(key)),
            if note.is_some() { "" } else { " hidden" },
            escape(note.as_deref().unwrap_or_default())
        );
    }
    out.push_str("</div></section>");
    out
}

/// The export buttons (`data-action="export"`, `data-what`, `data-format`). The cell timeline
/// needs a selected cell.
pub fn export_bar(has_selection: bool) -> String {
    let mut out = String::from(
        "<section class=\"export\" aria-labelledby=\"export-heading\"><h2 id=\"export-heading\">Export (with citations)</h2><p class=\"presets\">",
    );
    for (what, label) in [("grid", "Grid"), ("timeline", "Cell timeline"), ("dataset", "Dataset")] {
        let disabled = if what == "timeline" && !has_selection { " disabled" } else { "" };
        for format in ["csv", "json"] {
            let _ = write!(
                out,
                "<button type=\"button\" data-testid=\"export-{what}-{format}\" data-action=\"export\" data-what=\"{what}\" data-format=\"{format}\"{disabled}>{label} {}</button>",
                format.to_uppercase()
            );
        }
    }
    out.push_str("</p></section>");
    out
}

/// A short notice: what a malformed link had that was ignored, and which answers changed
/// since the link was shared (`drift`, one line a cell).
pub fn notice(notices: &[String], drift: &[String]) -> String {
    if notices.is_empty() && drift.is_empty() {
        return String::new();
    }
    let mut out = String::from("<div class=\"notice\" data-testid=\"notice\">");
    let mut list = |heading: &str, testid: &str, items: &[String]| {
        if items.is_empty() {
            return;
        }
        let _ = write!(out, "<p>{heading}</p><ul data-testid=\"{testid}\">");
        for n in items {
            let _ = write!(out, "<li>{}</li>", escape(n));
        }
        out.push_str("</ul>");
    };
    list("Some of the link could not be used, so defaults stand in:", "notice-ignored", notices);
    list(
        "Answers changed since this link was shared (the data has been corrected or brought up to date):",
        "notice-drift",
        drift,
    );
    out.push_str("<button type=\"button\" data-action=\"dismiss\">Dismiss</button></div>");
    out
}

/// The tabs over the panels (why, scenario diff, dataset).
pub fn tabs(open: Panel, hidden: &str) -> String {
    let mut out = format!("<div role=\"tablist\" aria-label=\"Panels\" class=\"tabs\"{hidden}>");
    for (panel, label) in
        [(Panel::Why, "Why"), (Panel::Diff, "Scenario diff"), (Panel::Dataset, "Dataset &amp; sources")]
    {
        let id = panel.as_str();
        let _ = write!(
            out,
            "<button type=\"button\" role=\"tab\" id=\"tab-{id}\" aria-selected=\"{}\" aria-controls=\"panel\" data-testid=\"tab-{id}\" data-action=\"panel\" data-panel=\"{id}\">{label}</button>",
            panel == open
        );
    }
    out.push_str("</div>");
    out
}

/// The open panel with its content: the explanation and the diff have a `data-slot` the page
/// refills when the content changes; the dataset is static.
pub fn panel(ds: &Dataset, panel: Panel, content: &str) -> String {
    match panel {
        Panel::Why => format!(
            "<article class=\"why\" data-testid=\"explanation\" aria-live=\"polite\" data-slot=\"content\">{content}</article>"
        ),
        Panel::Diff => format!(
            "<section class=\"diff\" data-testid=\"diff-view\" aria-labelledby=\"diff-heading\"><h2 id=\"diff-heading\">Scenario vs as happened</h2><div data-slot=\"content\">{content}</div></section>"
        ),
        Panel::Dataset => super::dataset::view(ds),
    }
}

/// The whole page for a view state, with the panel left empty (the page fills it after the
/// first paint). `embed` hides everything but the grid and the open panel.
pub fn shell(ds: &Dataset, view: &ViewState, notices: &[String], drift: &[String]) -> String {
    let hidden = if view.embed { " hidden" } else { "" };
    let (w, p) = STORY_CELL;
    format!(
        "<header{hidden}><h1>dealscope</h1><p class=\"tagline\">Where may OpenAI run what, under the Microsoft deal — on any day, under any what-if, and why.</p>\
         <p class=\"as-of\" data-testid=\"data-as-of\">{as_of} · <button type=\"button\" class=\"link\" data-testid=\"story-coreweave\" data-action=\"cell\" data-cell=\"{w}.{p}\" data-date=\"{STORY_DATE}\">Start with the CoreWeave story of {STORY_DATE}</button></p></header>\
         <div class=\"notice-slot\" role=\"status\">{notice}</div>\
         <main><div class=\"controls\">{date}{toggle}</div>{grid}\
         <p class=\"legend\">✓ allowed · ✗ blocked · ? conditional (depends on an open fact) · ◆ differs from as happened</p>\
         <div class=\"diff-strip-slot\" role=\"status\"></div>\
         <div class=\"panels\">{tabs}<div id=\"panel\" role=\"tabpanel\" tabindex=\"-1\" aria-labelledby=\"tab-{panel}\"></div></div>\
         <div{hidden}>{scenario}{export}</div></main>\
         <footer{hidden}><p>dealscope {version} · {as_of} · runs entirely in your browser, offline after load · data: Microsoft/OpenAI announcements, the press and five seed articles, every item cited with its reliability · <code>window.dealscope</code> for programs</p></footer>",
        as_of = as_of(ds),
        notice = notice(notices, drift),
        date = date_controls(ds, view.date),
        toggle = declines_toggle(view.scenario),
        grid = grid(ds, view),
        tabs = tabs(view.panel, hidden),
        panel = view.panel.as_str(),
        scenario = scenario_panel(ds, view.date, view.scenario),
        export = export_bar(view.selected.is_some()),
        version = crate::VERSION,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    fn view(date: NaiveDate, scenario: Scenario) -> ViewState {
        ViewState { date, scenario, selected: None, ..ViewState::default() }
    }

    #[test]
    fn shell_has_every_control_tests_and_readers_use() {
        let html = shell(dataset(), &view(ymd(2025, 3, 15), Scenario::AS_HAPPENED), &[], &[]);
        let mut ids = vec![
            "grid".to_owned(),
            "date-input".to_owned(),
            "date-slider".to_owned(),
            "prev-change".to_owned(),
            "next-change-button".to_owned(),
            "toggle-microsoft-declines".to_owned(),
            "scenario-panel".to_owned(),
            "reset-scenario".to_owned(),
            "data-as-of".to_owned(),
            "story-coreweave".to_owned(),
        ];
        ids.extend(SCENARIO_KEYS.iter().map(|(k, _)| format!("select-{k}")));
        ids.extend(SCENARIO_KEYS.iter().map(|(k, _)| format!("moot-{k}")));
        ids.extend(["why", "diff", "dataset"].map(|p| format!("tab-{p}")));
        ids.extend(
            ["grid", "timeline", "dataset"].iter().flat_map(|w| ["csv", "json"].map(|f| format!("export-{w}-{f}"))),
        );
        for id in ids {
            assert_eq!(html.matches(&format!("data-testid=\"{id}\"")).count(), 1, "{id}");
        }
        assert_eq!(html.matches("data-action=\"select\"").count(), Workload::ALL.len() * Provider::ALL.len());
        assert!(!html.contains("data-testid=\"notice\""), "no notice without one");
        assert!(!html.contains("<header hidden") && !html.contains("<footer hidden"), "no chrome hidden outside embed");
        assert!(
            html.contains("Data as of <time>2026-11-26</time> (latest event 2026-06"),
            "as-of in header and footer"
        );
        assert_eq!(html.matches("Data as of").count(), 2);
        assert!(!html.contains("data-testid=\"projection\""), "2025-03-15 is a record, not a projection");
        assert!(html.contains("data-testid=\"export-timeline-csv\" data-action=\"export\" data-what=\"timeline\" data-format=\"csv\" disabled"));
    }

    #[test]
    fn cells_say_their_verdict_in_words_and_mark_differences() {
        let ds = dataset();
        let day = ymd(2025, 3, 15);
        let cw = (Workload::Training, Provider::Coreweave);
        let c = cell(ds, day, cw, Scenario::AS_HAPPENED, true);
        assert_eq!(c.verdict, "conditional");
        assert_eq!(c.class, "cell conditional selected");
        assert!(c.inner.contains('?') && c.inner.contains("conditional") && c.inner.contains("if Microsoft declines"));
        assert_eq!(c.label, "Research & training on CoreWeave: conditional, only if Microsoft declines the capacity");
        let declined = cell(ds, day, cw, Scenario::AS_HAPPENED.with("microsoft_declines", "true"), false);
        assert_eq!(declined.class, "cell allowed differs");
        assert!(declined.label.ends_with("(as happened: conditional)"), "{}", declined.label);
        assert!(declined.inner.contains("◆"));
    }

    #[test]
    fn controls_start_from_the_view_state() {
        let s = Scenario::AS_HAPPENED.with("amendment_2026_04", "false").with("microsoft_declines", "true");
        let v = ViewState { embed: true, selected: Some((Workload::Api, Provider::Aws)), ..view(ymd(2026, 6, 1), s) };
        let html = shell(dataset(), &v, &["bad date \"x\"".to_owned()], &[]);
        assert!(html.contains("value=\"2026-06-01\""));
        assert!(html.contains(&format!("value=\"{}\"", day_number(ymd(2026, 6, 1)))));
        assert!(html.contains("data-toggle=\"microsoft_declines\" checked"));
        assert!(html.contains("<option value=\"false\" selected>"));
        assert!(html.contains("aria-pressed=\"true\" data-action=\"preset\" data-set=\"amendment_2026_04=false\""));
        assert!(html.contains("aria-pressed=\"true\" data-action=\"preset\" data-set=\"microsoft_declines=true\""));
        assert!(!html.contains("data-set=\"\" disabled"), "reset is enabled off as-happened");
        assert!(!html.contains("data-format=\"csv\" disabled"), "a selected cell has a timeline");
        assert!(html.contains("— scenario: microsoft_declines=true amendment_2026_04=false"));
        assert!(html.contains("<header hidden>") && html.contains("<footer hidden>"), "embed hides the chrome");
        assert!(html.contains("<li>bad date &quot;x&quot;</li>"), "notices are escaped");
        let api_aws = cell(dataset(), v.date, (Workload::Api, Provider::Aws), s, true);
        assert!(html.contains(&format!("class=\"{}\" aria-pressed=\"true\"", api_aws.class)), "the selected cell");
    }

    #[test]
    fn projections_and_moot_what_ifs_are_said() {
        let ds = dataset();
        let later = shell(ds, &view(ymd(2027, 3, 1), Scenario::AS_HAPPENED), &[], &[]);
        assert!(later.contains("data-testid=\"projection\""), "a day after the as-of date is a projection");
        // AGI verified is moot while the amendment is in force: said, and its preset not offered.
        assert!(later.contains("data-testid=\"moot-agi_verified\">Not offered while"), "moot note shown");
        assert!(later.contains("data-set=\"agi_verified=true\" disabled"), "the AGI preset is not offered");
        let before = shell(ds, &view(ymd(2026, 3, 1), Scenario::AS_HAPPENED), &[], &[]);
        assert!(before.contains("data-testid=\"moot-agi_verified\" hidden></p>"));
        assert!(!before.contains("data-set=\"agi_verified=true\" disabled"));
        let no_amendment = Scenario::AS_HAPPENED.with("amendment_2026_04", "false");
        let html = shell(ds, &view(ymd(2027, 3, 1), no_amendment), &[], &[]);
        assert!(
            html.contains("data-testid=\"moot-agi_verified\" hidden></p>"),
            "AGI matters again without the amendment"
        );
    }

    #[test]
    fn notice_lists_ignored_parts_and_drift_apart() {
        assert_eq!(notice(&[], &[]), "");
        let html = notice(&[], &["Research & training on Oracle (OCI): allowed when shared".to_owned()]);
        assert!(html.contains("data-testid=\"notice-drift\"") && !html.contains("notice-ignored"));
        assert!(html.contains("Research &amp; training"), "escaped");
    }
}
