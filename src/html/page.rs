//! The page shell: header, notice, date controls, the grid, the diff strip, the panel tabs,
//! the open panel, the scenario panel, the export bar and the footer, for one view state.
//!
//! The release build writes the shell into `index.html` (prerendered: the page paints before
//! the WebAssembly arrives); the wasm takes it over and afterwards only patches what changes
//! (a cell's verdict, a control's value, the open panel's content), so focus and scroll stay
//! put. What the patches write comes from the same functions the shell is written with
//! (`CellView::attrs`, `preset_view`, `moot_note`, …): one writer for each attribute.
//! Everything a reader clicks carries an [`Action`], every control a [`Control`], and every
//! element a test drives a `data-testid`.

use super::contract::{ids, Action, Cell, Control, Dir, Export, Format, Image, Picture, Share, MOOT, SLOT};
use super::scale::Scale;
use super::{diff as diff_html, html, markup, why, Html};
use crate::answer::partial;
use crate::dataset::Dataset;
use crate::engine::{describe_moot, diff_between, evaluate_cell, moot, CellDiff, Outcome, Query};
use crate::permalink::TimeRange;
use crate::permalink::{Panel, ViewState};
use crate::scenario::{write_settings, Scenario, PRESETS};
use crate::vocab::{Provider, ScenarioKey, Setting, Workload, FIRST_DAY, LAST_DAY};
use chrono::NaiveDate;

/// Days since 2016-01-01.
pub fn day_number(date: NaiveDate) -> i64 {
    date.signed_duration_since(FIRST_DAY).num_days()
}

/// The slider's value for a day: its place on the scale of 2016–2035 shared with the
/// overview and the strip under "Why" (2025 and 2026, when most happened, wider), so the
/// events of those years are ticks a reader can tell apart.
pub fn slider_value(ds: &Dataset, date: NaiveDate) -> i64 {
    Scale::new(ds, TimeRange::All).at(date)
}

/// The day at a slider value (clamped to 2016–2035).
pub fn slider_day(ds: &Dataset, value: i64) -> NaiveDate {
    Scale::new(ds, TimeRange::All).day(value)
}

/// What the keys do on the slider, for the reader (the page's hint under it).
pub const SLIDER_KEYS: &str =
    "Slider keys: ← → a day, ↑ ↓ the month before / after, Page Up / Down the event before / after.";

/// Where a key on the slider goes from `now`: a day (← →), a month (↑ ↓, or with Shift ← →),
/// the previous / next of the dataset's events (Page Up / Page Down), within 2016–2035.
/// `None`: not one of these keys (Home and End stay the browser's: the first and last day),
/// or no event that way.
pub fn slider_step(ds: &Dataset, now: NaiveDate, key: &str, shift: bool) -> Option<NaiveDate> {
    let month = chrono::Months::new(1);
    let to = match (key, shift) {
        ("ArrowLeft", false) => now.pred_opt(),
        ("ArrowRight", false) => now.succ_opt(),
        ("ArrowUp", _) | ("ArrowLeft", true) => now.checked_sub_months(month),
        ("ArrowDown", _) | ("ArrowRight", true) => now.checked_add_months(month),
        ("PageUp", _) => ds.events.iter().map(|e| e.date.date).filter(|d| *d < now).max(),
        ("PageDown", _) => ds.events.iter().map(|e| e.date.date).filter(|d| *d > now).min(),
        _ => None,
    };
    to.map(|day| day.clamp(FIRST_DAY, LAST_DAY))
}

/// What one grid cell shows; the page compares these to patch only the cells that changed.
/// The accessible name is the cell's own text (with the workload and provider, and the
/// as-happened verdict, in text only screen readers read), so it always contains what is seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellView {
    pub class: String,
    pub pressed: bool,
    pub verdict: Outcome,
    pub inner: Html,
}

impl CellView {
    /// The attributes that change with the state, for the first render and every patch.
    pub fn attrs(&self) -> [(&'static str, String); 3] {
        [
            ("class", self.class.clone()),
            ("aria-pressed", self.pressed.to_string()),
            ("data-verdict", self.verdict.as_str().to_owned()),
        ]
    }
}

/// The compared scenario as a cell's mark names it: "as happened", or "B".
pub fn base_short(base: Scenario) -> &'static str {
    if base == Scenario::AS_HAPPENED {
        "as happened"
    } else {
        "B"
    }
}

/// The compared scenario in a reader's words: "as happened", or "B (" and its settings ")".
pub fn base_name(base: Scenario) -> String {
    if base == Scenario::AS_HAPPENED {
        base_short(base).to_owned()
    } else {
        format!("B ({})", base.describe())
    }
}

/// The cell of `workload` on `provider` on the view's day under its scenario, compared with
/// the scenario it is compared with (as happened unless the reader chose another).
pub fn cell(ds: &Dataset, view: &ViewState, (workload, provider): Cell) -> CellView {
    let (date, scenario, selected) = (view.date, view.scenario, view.selected == Some((workload, provider)));
    let outcome = evaluate_cell(ds, date, workload, provider, scenario);
    let baseline = if view.base == scenario { outcome } else { evaluate_cell(ds, date, workload, provider, view.base) };
    let differs = outcome != baseline;
    let mut class = format!("cell {}", outcome.as_str());
    let mut inner = markup!(
        "<span class=\"sr-only\">{} on {}: </span><span class=\"symbol\" aria-hidden=\"true\">{}</span><span class=\"word\">{}</span>",
        workload.label(),
        provider.label(),
        outcome.symbol(),
        outcome
    );
    if outcome == Outcome::Conditional {
        html!(inner, "<span class=\"if\"> if Microsoft declines</span>");
    }
    if differs {
        class.push_str(" differs");
        let short = base_short(view.base);
        // B's verdict beside A's, in sight (not only for screen readers): "◆ B: ✓ allowed".
        html!(
            inner,
            "<span class=\"vs\" data-testid=\"b-verdict\"><span class=\"sr-only\"> (</span><span aria-hidden=\"true\">◆ </span>{}: <span aria-hidden=\"true\">{} </span>{}<span class=\"sr-only\">)</span></span>",
            short,
            baseline.symbol(),
            baseline
        );
    }
    if selected {
        class.push_str(" selected");
    }
    CellView { class, pressed: selected, verdict: outcome, inner }
}

/// The grid's caption: the day, and the scenario in a reader's words when it is not as
/// happened, and the one it is compared with when that is not as happened; a day after the
/// data's "as of" is marked as a projection. The text sits in a span that stays in view (and
/// wraps) when a narrow screen scrolls the grid sideways.
pub fn caption(ds: &Dataset, date: NaiveDate, scenario: Scenario, base: Scenario) -> Html {
    let mut out = markup!("<span class=\"cap\">Where OpenAI may run each workload on <time>{}</time>", date);
    if scenario != Scenario::AS_HAPPENED {
        html!(out, " — scenario: {}", scenario.describe());
    }
    if base != Scenario::AS_HAPPENED {
        html!(out, " — ◆ compared with {}", base_name(base));
    }
    if ds.is_projection(date) {
        html!(
            out,
            " <span class=\"projection\" data-testid=\"projection\">— projection: after the data's as-of date {}, from the terms as agreed</span>",
            ds.researched
        );
    }
    html!(out, "</span>");
    out
}

/// "Data as of …" with the latest event and what the research found since (the data's
/// `as_of_note`), for the header and the footer.
pub fn as_of(ds: &Dataset) -> Html {
    markup!("Data as of <time>{}</time> (latest event {}; {})", ds.researched, partial(ds.latest_event), ds.as_of_note)
}

/// The grid's one tab stop (roving `tabindex`, the ARIA grid pattern): the selected cell, or
/// the first when none is; the arrow keys move it (`ui::grid::key`).
pub fn cell_tabindex(selected: Option<Cell>, cell: Cell) -> &'static str {
    let stop = selected.unwrap_or((Workload::ALL[0], Provider::ALL[0]));
    if stop == cell {
        "0"
    } else {
        "-1"
    }
}

/// The grid of verdicts: workloads × providers, each cell a button ([`Action::Select`]) in an
/// ARIA grid with one tab stop.
pub fn grid(ds: &Dataset, view: &ViewState) -> Html {
    let mut out = markup!(
        "<div class=\"grid-wrap\"><table class=\"grid\" role=\"grid\" data-testid=\"grid\"><caption id=\"{}\">{}</caption><thead><tr><th scope=\"col\"><span class=\"corner\">Workload</span></th>",
        ids::GRID_CAPTION,
        caption(ds, view.date, view.scenario, view.base)
    );
    for p in Provider::ALL {
        html!(out, "<th scope=\"col\">{}</th>", p.label());
    }
    html!(out, "</tr></thead><tbody>");
    for &w in Workload::ALL {
        html!(out, "<tr><th scope=\"row\">{}</th>", w.label());
        for &p in Provider::ALL {
            let c = cell(ds, view, (w, p));
            let [(_, class), (_, pressed), (_, verdict)] = c.attrs();
            html!(
                out,
                "<td><button type=\"button\" class=\"{}\" aria-pressed=\"{}\" data-verdict=\"{}\" tabindex=\"{}\" data-testid=\"cell-{}-{}\"{}>{}</button></td>",
                class,
                pressed,
                verdict,
                cell_tabindex(view.selected, (w, p)),
                w.as_str(),
                p.as_str(),
                Html::from(Action::Select((w, p))),
                c.inner
            );
        }
        html!(out, "</tr>");
    }
    html!(out, "</tbody></table></div>");
    out
}

/// The date field, the previous/next-change buttons, the slider over 2016–2035 (on the scale
/// shared with the overview: [`slider_value`]) with the dataset's events as ticks under it,
/// the years where they fit, what its keys do, and the same events as a "jump to an event" list a
/// keyboard and a screen reader reach.
pub fn date_controls(ds: &Dataset, date: NaiveDate) -> Html {
    let scale = Scale::new(ds, TimeRange::All);
    let max = scale.total().max(1);
    let mut out = markup!(
        "<div class=\"date-controls\"><label for=\"date-input\">Date</label><input id=\"date-input\" type=\"text\" inputmode=\"numeric\" pattern=\"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\" maxlength=\"10\" size=\"10\" autocomplete=\"off\" spellcheck=\"false\" placeholder=\"YYYY-MM-DD\" title=\"A day from {} to {}, written YYYY-MM-DD\" data-testid=\"date-input\"{} value=\"{}\" aria-invalid=\"false\" aria-describedby=\"{}\"><button type=\"button\" data-testid=\"prev-change\"{}>◀<span class=\"long\"> previous change</span></button><button type=\"button\" data-testid=\"next-change-button\"{}><span class=\"long\">next change </span>▶</button><span id=\"{}\" class=\"error\" role=\"status\"></span><div class=\"slider\"><input type=\"range\" min=\"0\" max=\"{}\" step=\"1\" aria-label=\"Date slider, 2016 to 2035\" aria-valuetext=\"{}\" aria-describedby=\"slider-keys\" data-testid=\"date-slider\"{} value=\"{}\"><div class=\"ticks\" aria-hidden=\"true\">",
        FIRST_DAY,
        LAST_DAY,
        Html::from(Control::DateField),
        date,
        ids::DATE_ERROR,
        Html::from(Action::Step(Dir::Back)),
        Html::from(Action::Step(Dir::On)),
        ids::DATE_ERROR,
        max,
        date,
        Html::from(Control::Slider),
        scale.at(date)
    );
    let mut events = markup!(
        "<label class=\"jump\">Jump to an event <select data-testid=\"event-jump\"{}><option value=\"\">{} events, 2016–2026…</option>",
        Html::from(Control::EventJump),
        ds.events.len()
    );
    // The list shows the event of the day shown (the first of that day's), or its prompt.
    let at = |permille: i64| markup!("{}.{}%", permille / 10, permille % 10);
    let mut chosen = false;
    for e in ds.events {
        html!(out, "<span class=\"tick\" style=\"left:{}\"></span>", at(scale.at(e.date.date) * 1000 / max));
        let selected = !chosen && e.date.date == date;
        chosen |= selected;
        html!(
            events,
            "<option value=\"{}\"{}>{} — {}</option>",
            e.date.date,
            flag("selected", selected),
            partial(e.date),
            headline(e.what)
        );
    }
    html!(out, "</div><div class=\"slider-years\" aria-hidden=\"true\">");
    for (year, x) in scale.labels(1000, 110) {
        html!(out, "<span style=\"left:{}\">{}</span>", at(x), year);
    }
    html!(
        out,
        "</div><p id=\"slider-keys\" class=\"explain slider-keys\">{}</p></div>{}</select></label></div>",
        SLIDER_KEYS,
        events
    );
    out
}

/// The first sentence of an event, cut at a word near 110 characters (the list is for finding
/// a day; the dataset panel has the whole text).
fn headline(what: &str) -> String {
    let sentence = what.split(". ").next().unwrap_or(what).trim_end_matches('.');
    if sentence.chars().count() <= 110 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(110).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head))
}

/// The Microsoft-decision what-if, the one a reader asks first: its key.
const DECLINES: ScenarioKey = ScenarioKey::MicrosoftDeclines;

/// Whether Microsoft's answer changes any verdict on `date` under the rest of `scenario`
/// (every cell under each of its three answers: 84 verdicts, ~0.2 ms).
pub fn declines_matters(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> bool {
    let under = |wire: &str| {
        let s = scenario.with(DECLINES.as_str(), wire);
        crate::engine::cells().map(move |(w, p)| evaluate_cell(ds, date, w, p, s))
    };
    let values = DECLINES.values();
    values[1..].iter().any(|wire| !under(values[0]).eq(under(wire)))
}

/// What the three-way choice says, after its legend, when Microsoft's answer changes nothing
/// on the day (`None` when it matters).
pub fn declines_note(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> Option<String> {
    if declines_matters(ds, date, scenario) {
        return None;
    }
    Some(format!("changes nothing on {date} — no verdict that day depends on it."))
}

/// The Microsoft-decision what-if beside the grid: one three-way choice (as reported /
/// declined / took the capacity) — the same state as the scenario panel's select — or, on a
/// day when it changes nothing, a line saying so.
pub fn declines_choice(ds: &Dataset, date: NaiveDate, scenario: Scenario) -> Html {
    let note = declines_note(ds, date, scenario);
    let mut out = markup!(
        "<fieldset class=\"declines\" data-testid=\"declines\"><legend>{}:</legend><span class=\"choices\" id=\"{}\"{}>",
        DECLINES.label(),
        ids::DECLINES_CHOICES,
        flag("hidden", note.is_some())
    );
    for (wire, label) in DECLINES.values().iter().zip(DECLINES.value_labels()) {
        html!(
            out,
            "<label><input type=\"radio\" name=\"declines\" value=\"{}\" data-testid=\"declines-{}\"{}{}> {}</label>",
            *wire,
            *wire,
            Html::from(Control::Declines),
            flag("checked", scenario.value(DECLINES) == *wire),
            *label
        );
    }
    html!(
        out,
        "</span><span class=\"moot\" id=\"{}\" data-testid=\"declines-moot\"{}>{}</span></fieldset>",
        ids::DECLINES_NOTE,
        flag("hidden", note.is_none()),
        note
    );
    out
}

/// ` name` when `on` (a boolean attribute).
fn flag(name: &'static str, on: bool) -> Html {
    if on {
        markup!(" {}", name)
    } else {
        Html::new()
    }
}

/// Why a scenario key changes nothing on `date` under `scenario`, if it does not (e.g. "AGI
/// verified" while the 2026 amendment is in force).
pub fn moot_note(ds: &Dataset, date: NaiveDate, scenario: Scenario, key: ScenarioKey) -> Option<String> {
    moot(ds, date, scenario, key).map(|(term, m)| describe_moot(term, m))
}

/// How a preset button shows: pressed when in effect; disabled (not offered) when it would
/// change nothing on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PresetView {
    pub pressed: bool,
    pub disabled: bool,
}

pub fn preset_view(ds: &Dataset, date: NaiveDate, scenario: Scenario, setting: Setting) -> PresetView {
    PresetView { pressed: scenario.admits(setting), disabled: moot(ds, date, scenario, setting.key).is_some() }
}

/// Whether "Reset to as happened" is disabled.
pub fn reset_disabled(scenario: Scenario) -> bool {
    scenario == Scenario::AS_HAPPENED
}

/// The entry of the "compared with" list for `base` when it is neither as happened nor a
/// single preset: its settings (the option's value) and its words.
pub fn compare_custom(base: Scenario) -> Option<String> {
    let changes = base.changes();
    let listed = !base.has_edits()
        && (changes.is_empty() || (changes.len() == 1 && PRESETS.iter().any(|(_, s)| *s == changes[0])));
    (!listed).then(|| base.describe())
}

/// The value "Compare with" shows for B: its settings when it is as happened or a preset, else
/// its own entry's ([`COMPARE_CUSTOM_VALUE`]: choosing it keeps B as it is, edits and all).
pub fn compare_value(base: Scenario) -> String {
    match compare_custom(base) {
        Some(_) => COMPARE_CUSTOM_VALUE.to_owned(),
        None => write_settings(&base.changes()),
    }
}

/// The value of B's own entry in "Compare with" (no scenario's settings read so).
pub const COMPARE_CUSTOM_VALUE: &str = "b";

/// What the hidden "compared with" entry says while B is as happened or a preset (an
/// `<option>` is never empty).
pub const COMPARE_CUSTOM_IDLE: &str = "another what-if";

/// Whether "Swap A and B" is disabled (they are the same scenario).
pub fn swap_disabled(scenario: Scenario, base: Scenario) -> bool {
    scenario == base
}

/// "Compare with": the scenario B that the grid's marks, the strip, the diff panel, the
/// overview and the diff export set A against — as happened, a preset, or any what-if (B
/// becomes the scenario above, which the reader then changes) — and a swap.
fn compare_block(view: &ViewState) -> Html {
    let chosen = compare_value(view.base);
    let mut out = markup!(
        "<div class=\"compare\" data-testid=\"compare\"><h3 id=\"compare-heading\">Compare with (B)</h3><p class=\"explain\">The grid's ◆ marks, the strip under it, “Scenario diff”, “Over time” and the difference export set the scenario above (A) against B.</p><p class=\"presets\"><select id=\"compare-with\" aria-labelledby=\"compare-heading\" data-testid=\"compare-with\"{}><option value=\"\"{}>As happened</option>",
        Html::from(Control::Compare),
        flag("selected", chosen.is_empty())
    );
    for (name, setting) in PRESETS {
        let value = write_settings(&[*setting]);
        let selected = flag("selected", value == chosen);
        html!(out, "<option value=\"{}\"{}>{}</option>", value, selected, *name);
    }
    let custom = compare_custom(view.base);
    html!(
        out,
        "<option id=\"{}\" value=\"{}\"{}{}>{}</option></select><button type=\"button\" data-testid=\"compare-pin\"{}>Compare with the scenario above</button><button type=\"button\" data-testid=\"compare-swap\"{}{}>Swap A and B</button></p></div>",
        ids::COMPARE_CUSTOM,
        COMPARE_CUSTOM_VALUE,
        flag("selected", custom.is_some()),
        flag("hidden", custom.is_none()),
        custom.as_deref().unwrap_or(COMPARE_CUSTOM_IDLE),
        Html::from(Action::Pin),
        Html::from(Action::Swap),
        flag("disabled", swap_disabled(view.scenario, view.base))
    );
    out
}

/// Every scenario key as a select with its plain explanation (and, when it changes nothing on
/// the day, why), the presets and the reset, and what the scenario is compared with.
pub fn scenario_panel(ds: &Dataset, view: &ViewState) -> Html {
    let (date, scenario) = (view.date, view.scenario);
    let mut out = markup!(
        "<section class=\"scenario\" aria-labelledby=\"scenario-heading\" data-testid=\"scenario-panel\"><h2 id=\"scenario-heading\">Scenario</h2><p class=\"presets\">"
    );
    for (name, setting) in PRESETS {
        let v = preset_view(ds, date, scenario, *setting);
        html!(
            out,
            "<button type=\"button\" aria-pressed=\"{}\"{}{}>{}</button>",
            v.pressed,
            Html::from(Action::Preset(vec![*setting])),
            flag("disabled", v.disabled),
            name
        );
    }
    html!(
        out,
        "<button type=\"button\" data-testid=\"reset-scenario\" class=\"reset\"{}{}>Reset to as happened</button></p><div class=\"keys\">",
        Html::from(Action::Preset(Vec::new())),
        flag("disabled", reset_disabled(scenario))
    );
    for &key in ScenarioKey::ALL {
        html!(
            out,
            "<div class=\"key\"><label for=\"key-{}\">{}</label><select id=\"key-{}\" data-testid=\"select-{}\"{}>",
            key.as_str(),
            key.label(),
            key.as_str(),
            key.as_str(),
            Html::from(Control::Key(key))
        );
        for (wire, label) in key.values().iter().zip(key.value_labels()) {
            html!(
                out,
                "<option value=\"{}\"{}>{}</option>",
                *wire,
                flag("selected", scenario.value(key) == *wire),
                *label
            );
        }
        let note = moot_note(ds, date, scenario, key);
        html!(
            out,
            "</select><p class=\"explain\">{}</p><p class=\"moot\" {}=\"{}\" data-testid=\"moot-{}\"{}>{}</p></div>",
            key.explain(),
            MOOT,
            key.as_str(),
            key.as_str(),
            flag("hidden", note.is_none()),
            note
        );
    }
    html!(out, "</div>{}</section>", compare_block(view));
    out
}

/// Whether the cell-timeline exports are disabled (they need a selected cell).
pub fn timeline_disabled(selected: Option<Cell>) -> bool {
    selected.is_none()
}

/// The export buttons ([`Action::Export`]).
pub fn export_bar(selected: Option<Cell>) -> Html {
    let mut out = markup!(
        "<section class=\"export\" aria-labelledby=\"export-heading\"><h2 id=\"export-heading\">Export (with citations)</h2><p class=\"presets\">"
    );
    for (what, label) in [
        (Export::Grid, "Grid"),
        (Export::Timeline, "Cell timeline"),
        (Export::Diff, "Difference A vs B"),
        (Export::Dataset, "Dataset"),
    ] {
        let disabled = what == Export::Timeline && timeline_disabled(selected);
        for (format, name) in [(Format::Csv, "CSV"), (Format::Json, "JSON")] {
            html!(
                out,
                "<button type=\"button\" data-testid=\"export-{}-{}\"{}{}>{} {}</button>",
                what.as_str(),
                format.as_str(),
                Html::from(Action::Export(what, format)),
                flag("disabled", disabled),
                label,
                name
            );
        }
    }
    html!(
        out,
        "</p><h3>Share this view</h3><p class=\"presets share\"><button type=\"button\" data-testid=\"copy-link\"{}>Copy link</button><button type=\"button\" data-testid=\"copy-embed\"{}>Embed this view</button><span class=\"share-status explain\" role=\"status\" data-testid=\"share-status\"></span></p><p class=\"explain\">The link opens this view as you see it (day, what-ifs, comparison, cell, panel); the embed is an iframe of the grid and the open panel for an article.</p>",
        Html::from(Action::Share(Share::Link)),
        Html::from(Action::Share(Share::Embed))
    );
    html!(out, "<h3>Share as a picture</h3><p class=\"presets\">");
    for (what, label) in [(Picture::Grid, "Grid"), (Picture::Overview, "Over time"), (Picture::Diff, "Difference")] {
        for (image, name) in [(Image::Svg, "SVG"), (Image::Png, "PNG")] {
            html!(
                out,
                "<button type=\"button\" data-testid=\"picture-{}-{}\"{}>{} {}</button>",
                what.as_str(),
                image.as_str(),
                Html::from(Action::Picture(what, image)),
                label,
                name
            );
        }
    }
    html!(
        out,
        "</p><p class=\"explain\">1200 px wide, titled with the day and the scenarios, with the data's as-of date and this view's link.</p><p id=\"{}\" class=\"explain\" role=\"status\" data-testid=\"export-status\"></p></section>",
        ids::EXPORT_STATUS
    );
    out
}

/// How many lines a notice lists before it collapses to a count.
pub const NOTICE_LINES: usize = 3;

/// A short notice: what a malformed link had that was ignored, and which answers changed
/// since the link was shared (`drift`, one line a cell).
pub fn notice(notices: &[String], drift: &[String]) -> Html {
    let mut out = Html::new();
    if notices.is_empty() && drift.is_empty() {
        return out;
    }
    html!(out, "<div class=\"notice\" data-testid=\"notice\">");
    for (heading, testid, items) in [
        ("Some of the link could not be used, so defaults stand in:", "notice-ignored", notices),
        (
            "Answers changed since this link was shared (the data has been corrected or brought up to date):",
            "notice-drift",
            drift,
        ),
    ] {
        if items.is_empty() {
            continue;
        }
        // A long list would push the grid below the fold: its count, the lines on demand.
        let long = items.len() > NOTICE_LINES;
        if long {
            html!(
                out,
                "<details data-testid=\"{}-details\"><summary>{} {}</summary><ul data-testid=\"{}\">",
                testid,
                items.len(),
                if testid == "notice-drift" {
                    "answers changed since this link was shared (the data has been corrected or brought up to date): show which"
                } else {
                    "parts of the link could not be used, so defaults stand in: show which"
                },
                testid
            );
        } else {
            html!(out, "<p>{}</p><ul data-testid=\"{}\">", heading, testid);
        }
        super::list_items(&mut out, items.iter().map(String::as_str));
        html!(out, "</ul>{}", if long { markup!("</details>") } else { Html::new() });
    }
    html!(out, "<button type=\"button\"{}>Dismiss</button></div>", Html::from(Action::Dismiss));
    out
}

/// Whether the tab of `panel` is selected when `open` is.
pub fn tab_selected(open: Panel, panel: Panel) -> bool {
    open == panel
}

/// The panels' tabs, in the order they are shown (and the arrow keys go).
pub const TABS: [(Panel, &str); 4] = [
    (Panel::Why, "Why"),
    (Panel::Overview, "Over time"),
    (Panel::Diff, "Scenario diff"),
    (Panel::Dataset, "Dataset & sources"),
];

/// The tabs over the panels (the ARIA tabs pattern: the selected tab is the one tab stop).
pub fn tabs(open: Panel, embed: bool) -> Html {
    let mut out = markup!("<div role=\"tablist\" aria-label=\"Panels\" class=\"tabs\"{}>", flag("hidden", embed));
    for (panel, label) in TABS {
        let id = panel.as_str();
        html!(
            out,
            "<button type=\"button\" role=\"tab\" id=\"tab-{}\" aria-selected=\"{}\" tabindex=\"{}\" aria-controls=\"{}\" data-testid=\"tab-{}\"{}>{}</button>",
            id,
            tab_selected(open, panel),
            if tab_selected(open, panel) { "0" } else { "-1" },
            ids::PANEL,
            id,
            Html::from(Action::Panel(panel)),
            label
        );
    }
    html!(out, "</div>");
    out
}

/// What the open panel's content slot holds for a view (the dataset has none: it is static).
/// `diffs` are the scenario's differences, when the page has them already.
pub fn panel_content(ds: &Dataset, view: &ViewState, diffs: Option<&[CellDiff]>) -> Html {
    match view.panel {
        Panel::Why => {
            let query = view.selected.map(|(workload, provider)| Query {
                date: view.date,
                workload,
                provider,
                scenario: view.scenario,
            });
            why::content(ds, query.as_ref())
        }
        Panel::Diff => match diffs {
            Some(cells) => diff_html::content(ds, view, Some(cells)),
            None => diff_html::content(ds, view, compared(ds, view).as_deref()),
        },
        Panel::Overview => match diffs {
            Some(cells) => super::overview::overview(ds, view, cells),
            None => super::overview::overview(ds, view, &compared(ds, view).unwrap_or_default()),
        },
        Panel::Dataset => Html::new(),
    }
}

/// Where the view's scenario (A) and the one it is compared with (B) differ, over the whole
/// range (`None` when they are the same scenario).
pub fn compared(ds: &Dataset, view: &ViewState) -> Option<Vec<CellDiff>> {
    (view.scenario != view.base).then(|| diff_between(ds, view.scenario, view.base))
}

/// The open panel with its content: the explanation and the diff have a content slot the
/// page refills when the content changes; the dataset is static.
pub fn panel(ds: &Dataset, panel: Panel, content: &Html) -> Html {
    match panel {
        Panel::Why => markup!(
            "<article class=\"why\" data-testid=\"explanation\" aria-live=\"polite\" {}=\"content\">{}</article>",
            SLOT,
            content
        ),
        Panel::Diff => markup!(
            "<section class=\"diff\" data-testid=\"diff-view\" aria-labelledby=\"diff-heading\"><h2 id=\"diff-heading\">Scenario (A) vs what it is compared with (B)</h2><div {}=\"content\">{}</div></section>",
            SLOT,
            content
        ),
        Panel::Overview => markup!(
            "<section class=\"over-time\" aria-labelledby=\"overview-heading\"><h2 id=\"overview-heading\">The deal over time</h2><p class=\"explain\">Each row is a cell, each band a verdict; ◆ dashed: differs from the scenario compared with (as happened unless you chose another B). Click a band, or use the arrow keys and Enter, to open that cell on that day.</p><div {}=\"content\">{}</div></section>",
            SLOT,
            content
        ),
        Panel::Dataset => super::dataset::view(ds),
    }
}

/// The strip under the grid, when the scenario changes any verdict.
pub fn diff_strip_slot(cells: Option<&[CellDiff]>, date: NaiveDate, base: Scenario) -> Html {
    match cells {
        Some(cells) => {
            markup!(
                "<div class=\"diff-strip\" data-testid=\"diff-strip\">{}</div>",
                diff_html::diff_strip(cells, date, base)
            )
        }
        None => Html::new(),
    }
}

/// The landing under the title: what a verdict means, in one line; the one call to action
/// (the tour, when the page has its story); and the data's "as of" day, one click away.
pub fn landing(ds: &Dataset, story_start: &Html) -> Html {
    markup!(
        "<p class=\"meaning\" data-testid=\"meaning\"><strong>A verdict says what the contracts permit:</strong> ✓ allowed means OpenAI may run it there — not that it does.</p><p class=\"landing\">{}<span class=\"as-of\" data-testid=\"data-as-of\">{} · <button type=\"button\" class=\"link\" data-testid=\"latest-day\"{}>show that day</button></span></p>",
        story_start,
        as_of(ds),
        Html::from(Action::Date(ds.researched))
    )
}

/// The whole page for a view state (the content of the root element). `embed` hides
/// everything but the grid and the open panel.
pub fn shell(ds: &Dataset, view: &ViewState, notices: &[String], drift: &[String]) -> Html {
    shell_with_story(ds, view, notices, drift, (&Html::new(), &Html::new()))
}

/// The page with the guided story's section (the release build's page).
pub fn shell_with_story(
    ds: &Dataset,
    view: &ViewState,
    notices: &[String],
    drift: &[String],
    (story_start, story): (&Html, &Html),
) -> Html {
    let diffs = compared(ds, view);
    let hidden = flag("hidden", view.embed);
    markup!(
        "<header{}><h1>dealscope</h1><p class=\"tagline\">Where may OpenAI run what, under the Microsoft deal — on any day, under any what-if, and why.</p>\
         {}</header>\
         <div id=\"{}\" role=\"status\">{}</div>\
         <main>{}<div class=\"controls\">{}{}</div>{}\
         <p class=\"legend\">✓ allowed · ✗ blocked · ? conditional (depends on an open fact) · ◆ differs from the scenario compared with (as happened unless you choose another under “Compare with”)</p>\
         <div id=\"{}\" role=\"status\">{}</div>\
         <div class=\"panels\">{}<div id=\"{}\" role=\"tabpanel\" tabindex=\"-1\" aria-labelledby=\"tab-{}\">{}</div></div>\
         <div{}>{}{}{}</div></main>\
         <footer{}><p>dealscope {} · {} · runs entirely in your browser, offline after load · data: Microsoft/OpenAI announcements, the press and five secondary articles, every item cited with its reliability · <code>window.dealscope</code> for programs</p></footer>",
        hidden,
        landing(ds, story_start),
        ids::NOTICE,
        notice(notices, drift),
        story,
        date_controls(ds, view.date),
        declines_choice(ds, view.date, view.scenario),
        grid(ds, view),
        ids::DIFF_STRIP,
        diff_strip_slot(diffs.as_deref(), view.date, view.base),
        tabs(view.panel, view.embed),
        ids::PANEL,
        view.panel.as_str(),
        panel(ds, view.panel, &panel_content(ds, view, diffs.as_deref())),
        hidden,
        scenario_panel(ds, view),
        super::whatif::closed_panel(ds),
        export_bar(view.selected),
        hidden,
        crate::VERSION,
        as_of(ds)
    )
}

/// The page's root element with the shell for `view`, as the release build writes it into
/// `index.html` (the wasm takes it over: `data-view` says which view it shows), followed by
/// what a reader without JavaScript is told.
pub fn prerendered(ds: &Dataset, view: &ViewState, steps: &[super::story::Step]) -> Html {
    markup!(
        "<div id=\"{}\" class=\"app\" data-view=\"{}\">{}</div><noscript><p class=\"noscript\">This is dealscope on {}, as happened. Moving the date, toggling what-ifs, opening other cells and exporting need JavaScript and WebAssembly.</p></noscript>",
        ids::APP,
        view.to_query(),
        shell_with_story(ds, view, &[], &[], (&super::story::start(steps), &super::story::story(ds, steps))),
        view.date
    )
}

/// `document` with the content of its `<body>` replaced by `body` (the prerendered page).
pub fn with_body(document: &str, body: &Html) -> Result<String, &'static str> {
    let open = document.find("<body").ok_or("no <body> in the page")?;
    let start = document[open..].find('>').map(|i| open + i + 1).ok_or("an unclosed <body> tag")?;
    let end = document.rfind("</body>").unwrap_or(document.len());
    if end < start {
        return Err("</body> before <body>");
    }
    Ok(format!("{}{}{}", &document[..start], body.as_str(), &document[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    /// The text a browser reads out: the markup without tags, entities decoded.
    fn text_of(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&amp;", "&")
    }

    #[test]
    fn the_body_is_replaced_and_nothing_else() {
        let body = markup!("<p>{}</p>", "grid");
        let page = "<!doctype html><html><head><script type=module>x</script></head><body class=a><noscript>old</noscript></body></html>";
        assert_eq!(
            with_body(page, &body).unwrap(),
            "<!doctype html><html><head><script type=module>x</script></head><body class=a><p>grid</p></body></html>"
        );
        assert_eq!(with_body("<html></html>", &body), Err("no <body> in the page"));
        assert_eq!(with_body("<body>", &body).unwrap(), "<body><p>grid</p>", "trunk may omit the end tag");
    }

    #[test]
    fn the_prerendered_page_names_its_view_and_says_what_needs_javascript() {
        let v = ViewState::default();
        let html = prerendered(dataset(), &v, &[]).into_string();
        assert!(html.starts_with(
            "<div id=\"app\" class=\"app\" data-view=\"?date=2025-03-15&amp;cell=training.coreweave&amp;v="
        ));
        assert_eq!(html.matches("data-action=\"select\"").count(), 28);
        assert!(html.contains("data-testid=\"clause-rofr-new-capacity\""), "the explanation is in the page");
        assert!(html.contains("<noscript>") && html.contains("need JavaScript"));
        assert!(!html.contains("<script"), "no inline script");
    }

    fn view(date: NaiveDate, scenario: Scenario) -> ViewState {
        ViewState { date, scenario, selected: None, ..ViewState::default() }
    }

    #[test]
    fn shell_has_every_control_tests_and_readers_use() {
        let html = shell(dataset(), &view(ymd(2025, 3, 15), Scenario::AS_HAPPENED), &[], &[]).into_string();
        let mut ids = vec![
            "grid".to_owned(),
            "date-input".to_owned(),
            "date-slider".to_owned(),
            "prev-change".to_owned(),
            "next-change-button".to_owned(),
            "declines".to_owned(),
            "declines-recorded".to_owned(),
            "declines-true".to_owned(),
            "declines-false".to_owned(),
            "declines-moot".to_owned(),
            "meaning".to_owned(),
            "scenario-panel".to_owned(),
            "reset-scenario".to_owned(),
            "data-as-of".to_owned(),
            "latest-day".to_owned(),
            "event-jump".to_owned(),
        ];
        ids.extend(ScenarioKey::ALL.iter().map(|k| format!("select-{}", k.as_str())));
        ids.extend(ScenarioKey::ALL.iter().map(|k| format!("moot-{}", k.as_str())));
        ids.extend(["why", "overview", "diff", "dataset"].map(|p| format!("tab-{p}")));
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
            html.contains("Data as of <time>2026-12-07</time> (latest event 2026-07; no change to the terms found July–December 2026)"),
            "as-of in header and footer"
        );
        assert_eq!(html.matches("Data as of").count(), 2);
        assert!(!html.contains("data-testid=\"projection\""), "2025-03-15 is a record, not a projection");
        assert!(html.contains("data-testid=\"export-timeline-csv\" data-action=\"export\" data-what=\"timeline\" data-format=\"csv\" disabled"));
        assert!(html.contains("data-testid=\"explanation\""), "the open panel is rendered with its content");
        assert!(html.contains("Pick a cell in the grid"), "no cell selected: the hint");
    }

    #[test]
    fn cells_say_their_verdict_in_words_and_mark_differences() {
        let ds = dataset();
        let day = ymd(2025, 3, 15);
        let cw = (Workload::Training, Provider::Coreweave);
        let c = cell(ds, &ViewState { selected: Some(cw), ..view(day, Scenario::AS_HAPPENED) }, cw);
        assert_eq!(c.verdict, Outcome::Conditional);
        assert_eq!(c.class, "cell conditional selected");
        let inner = c.inner.as_str();
        assert!(inner.contains('?') && inner.contains("conditional") && inner.contains("if Microsoft declines"));
        // The accessible name is the cell's text: it contains what is seen (WCAG 2.5.3).
        assert_eq!(text_of(inner), "Research & training on CoreWeave: ?conditional if Microsoft declines");
        let what_if = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let declined = cell(ds, &view(day, what_if), cw);
        assert_eq!(declined.class, "cell allowed differs");
        assert!(text_of(declined.inner.as_str()).ends_with(" (◆ as happened: ? conditional)"), "B's verdict, seen");
        // Against another B, the mark says B.
        let takes = Scenario::AS_HAPPENED.with("microsoft_declines", "false");
        let against_b = cell(ds, &ViewState { base: takes, ..view(day, what_if) }, cw);
        assert_eq!(against_b.class, "cell allowed differs");
        assert!(text_of(against_b.inner.as_str()).ends_with(" (◆ B: ✗ blocked)"), "{}", against_b.inner);
        // A = B: nothing differs, whatever A is.
        let same = cell(ds, &ViewState { base: what_if, ..view(day, what_if) }, cw);
        assert_eq!(same.class, "cell allowed");
        // What B is called in captions, strips and pictures.
        assert_eq!(base_name(Scenario::AS_HAPPENED), "as happened");
        assert_eq!(
            base_name(what_if.with("amendment_2026_04", "false")),
            "B (Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no)"
        );
    }

    #[test]
    fn controls_start_from_the_view_state() {
        let s = Scenario::AS_HAPPENED.with("amendment_2026_04", "false").with("microsoft_declines", "true");
        let v = ViewState { embed: true, selected: Some((Workload::Api, Provider::Aws)), ..view(ymd(2026, 6, 1), s) };
        let html = shell(dataset(), &v, &["bad date \"x\"".to_owned()], &[]).into_string();
        assert!(html.contains("value=\"2026-06-01\""));
        assert!(html.contains(&format!("value=\"{}\"", slider_value(dataset(), ymd(2026, 6, 1)))));
        assert!(html.contains("value=\"true\" data-testid=\"declines-true\" data-control=\"declines\" checked>"));
        assert_eq!(html.matches("data-control=\"declines\" checked").count(), 1, "one of the three answers");
        assert!(html.contains("<option value=\"false\" selected>"));
        assert!(html.contains("aria-pressed=\"true\" data-action=\"preset\" data-set=\"amendment_2026_04=false\""));
        assert!(html.contains("aria-pressed=\"true\" data-action=\"preset\" data-set=\"microsoft_declines=true\""));
        assert!(!html.contains("data-set=\"\" disabled"), "reset is enabled off as-happened");
        assert!(!html.contains("data-format=\"csv\" disabled"), "a selected cell has a timeline");
        assert!(html
            .contains("— scenario: Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no"));
        assert!(html.contains("<header hidden>") && html.contains("<footer hidden>"), "embed hides the chrome");
        assert!(html.contains("<li>bad date &quot;x&quot;</li>"), "notices are escaped");
        let api_aws = cell(dataset(), &v, (Workload::Api, Provider::Aws));
        assert!(html.contains(&format!("class=\"{}\" aria-pressed=\"true\"", api_aws.class)), "the selected cell");
        assert!(html.contains("data-testid=\"diff-strip\""), "a scenario that changes verdicts shows its strip");
    }

    #[test]
    fn the_slider_shares_the_overview_s_scale_and_steps_by_day_month_and_event() {
        let ds = dataset();
        for day in [FIRST_DAY, ymd(2025, 3, 15), ymd(2026, 4, 27), LAST_DAY] {
            assert_eq!(slider_day(ds, slider_value(ds, day)), day, "the value comes back as its day");
        }
        let html = date_controls(ds, ymd(2025, 3, 15)).into_string();
        assert!(html.contains(&format!("max=\"{}\"", slider_value(ds, crate::engine::range_end()))));
        // The ticks of 2025–2026 spread over more than a fifth of the slider (a tenth before).
        let left = |day: NaiveDate| slider_value(ds, day) * 1000 / slider_value(ds, crate::engine::range_end());
        assert!(left(ymd(2027, 1, 1)) - left(ymd(2025, 1, 1)) >= 200);
        assert_eq!(html.matches("class=\"tick\"").count(), ds.events.len());
        assert!(html.contains(">2025</span>") && html.contains(">2026</span>"), "the eventful years are labelled");
        assert!(html.contains("aria-describedby=\"slider-keys\"") && html.contains(SLIDER_KEYS));
        let step = |now: NaiveDate, key: &str, shift: bool| slider_step(ds, now, key, shift);
        let day = ymd(2025, 3, 15);
        assert_eq!(step(day, "ArrowLeft", false), Some(ymd(2025, 3, 14)));
        assert_eq!(step(day, "ArrowRight", false), Some(ymd(2025, 3, 16)));
        assert_eq!(step(day, "ArrowUp", false), Some(ymd(2025, 2, 15)));
        assert_eq!(step(day, "ArrowDown", false), Some(ymd(2025, 4, 15)));
        assert_eq!(step(day, "ArrowRight", true), Some(ymd(2025, 4, 15)));
        assert_eq!(step(ymd(2025, 1, 31), "ArrowDown", false), Some(ymd(2025, 2, 28)), "to the month's last day");
        // Page Up / Page Down: the events around 2025-03-15 (2025-03-10, 2025-03-28).
        assert_eq!(step(day, "PageUp", false), Some(ymd(2025, 3, 10)));
        assert_eq!(step(day, "PageDown", false), Some(ymd(2025, 3, 28)));
        assert_eq!(
            step(ymd(2025, 3, 28), "PageUp", false),
            Some(ymd(2025, 3, 10)),
            "a day with events: the one before"
        );
        assert_eq!(step(ds.researched, "PageDown", false), None, "no event after the data's as-of day");
        assert_eq!(step(FIRST_DAY, "ArrowLeft", false), Some(FIRST_DAY), "the range holds");
        assert_eq!(step(LAST_DAY, "ArrowDown", false), Some(LAST_DAY));
        assert_eq!(step(day, "Home", false), None, "the browser's");
    }

    #[test]
    fn projections_and_moot_what_ifs_are_said() {
        let ds = dataset();
        let later = shell(ds, &view(ymd(2027, 3, 1), Scenario::AS_HAPPENED), &[], &[]).into_string();
        assert!(later.contains("data-testid=\"projection\""), "a day after the as-of date is a projection");
        // AGI verified is moot while the amendment is in force: said, and its preset not offered.
        assert!(later.contains("data-testid=\"moot-agi_verified\">Not offered while"), "moot note shown");
        assert!(later.contains("data-set=\"agi_verified=true\" disabled"), "the AGI preset is not offered");
        let before = shell(ds, &view(ymd(2026, 3, 1), Scenario::AS_HAPPENED), &[], &[]).into_string();
        assert!(before.contains("data-testid=\"moot-agi_verified\" hidden></p>"));
        assert!(!before.contains("data-set=\"agi_verified=true\" disabled"));
        let no_amendment = Scenario::AS_HAPPENED.with("amendment_2026_04", "false");
        let html = shell(ds, &view(ymd(2027, 3, 1), no_amendment), &[], &[]).into_string();
        assert!(
            html.contains("data-testid=\"moot-agi_verified\" hidden></p>"),
            "AGI matters again without the amendment"
        );
    }

    #[test]
    fn the_microsoft_choice_is_three_way_and_says_when_it_changes_nothing() {
        let ds = dataset();
        let (during, after) = (ymd(2025, 3, 15), ymd(2026, 11, 26));
        assert!(declines_matters(ds, during, Scenario::AS_HAPPENED), "the right of first refusal is in force");
        assert_eq!(declines_note(ds, during, Scenario::AS_HAPPENED), None);
        let html = declines_choice(ds, during, Scenario::AS_HAPPENED).into_string();
        assert_eq!(html.matches("type=\"radio\"").count(), 3);
        assert_eq!(
            text_of(&html),
            "Microsoft’s answer to new capacity: as reported declined took the capacity",
            "worded as readers speak, in the order of the key's values"
        );
        assert!(
            html.contains("value=\"recorded\" data-testid=\"declines-recorded\" data-control=\"declines\" checked>")
        );
        assert!(html.contains("data-testid=\"declines-moot\" hidden>"), "nothing to say when it matters");
        // Each answer is one state with the panel's select: the checked radio is the value.
        for wire in ["true", "false"] {
            let s = Scenario::AS_HAPPENED.with("microsoft_declines", wire);
            let html = declines_choice(ds, during, s).into_string();
            assert_eq!(html.matches(" checked>").count(), 1);
            assert!(html.contains(&format!(
                "value=\"{wire}\" data-testid=\"declines-{wire}\" data-control=\"declines\" checked>"
            )));
        }
        // After the right of first refusal ended: it changes nothing, and says so instead.
        assert!(!declines_matters(ds, after, Scenario::AS_HAPPENED));
        let note = declines_note(ds, after, Scenario::AS_HAPPENED).expect("a note");
        assert_eq!(note, "changes nothing on 2026-11-26 — no verdict that day depends on it.");
        let html = declines_choice(ds, after, Scenario::AS_HAPPENED).into_string();
        assert!(html.contains("id=\"declines-choices\" hidden>"), "{html}");
        // Before it existed, too.
        assert!(declines_note(ds, ymd(2020, 1, 1), Scenario::AS_HAPPENED).is_some());
    }

    #[test]
    fn captions_never_contradict_themselves() {
        let ds = dataset();
        let day = ymd(2025, 3, 15);
        let said = |wire: &str| {
            text_of(
                caption(ds, day, Scenario::AS_HAPPENED.with("microsoft_declines", wire), Scenario::AS_HAPPENED)
                    .as_str(),
            )
        };
        assert!(said("true").ends_with("— scenario: Microsoft’s answer to new capacity: declined"), "{}", said("true"));
        assert!(
            said("false").ends_with("— scenario: Microsoft’s answer to new capacity: took the capacity"),
            "{}",
            said("false")
        );
        for wire in ["true", "false"] {
            let text = said(wire);
            assert!(!(text.contains("declin") && text.contains("took")), "{text}");
        }
    }

    #[test]
    fn the_grid_is_one_tab_stop_and_the_tabs_too() {
        let ds = dataset();
        let selected = (Workload::Products, Provider::Oracle);
        let html = grid(ds, &ViewState { selected: Some(selected), ..view(ymd(2025, 3, 15), Scenario::AS_HAPPENED) })
            .into_string();
        assert!(html.contains("role=\"grid\""));
        assert_eq!(html.matches("<td>").count(), 28, "cells by the table's own semantics");
        assert_eq!(html.matches("tabindex=\"0\"").count(), 1);
        assert_eq!(html.matches("tabindex=\"-1\"").count(), 27);
        assert!(html.contains("tabindex=\"0\" data-testid=\"cell-products-oracle\""), "the selected cell is the stop");
        let none = grid(ds, &view(ymd(2025, 3, 15), Scenario::AS_HAPPENED)).into_string();
        assert!(none.contains("tabindex=\"0\" data-testid=\"cell-training-azure\""), "no selection: the first cell");
        let tabs = tabs(Panel::Diff, false).into_string();
        assert_eq!(tabs.matches("tabindex=\"0\"").count(), 1);
        assert!(tabs.contains("id=\"tab-diff\" aria-selected=\"true\" tabindex=\"0\""));
    }

    #[test]
    fn the_landing_says_what_a_verdict_means_and_offers_the_data_day() {
        let html = shell(dataset(), &ViewState::default(), &[], &[]).into_string();
        let meaning = text_of(&html[html.find("data-testid=\"meaning\">").unwrap() + 22..]);
        assert!(
            meaning.starts_with(
                "A verdict says what the contracts permit: ✓ allowed means OpenAI may run it there — not that it does."
            ),
            "{meaning}"
        );
        assert!(html.contains("data-testid=\"latest-day\" data-action=\"date\" data-date=\"2026-12-07\""));
        // The landing's day has the three-way choice to try, and answers that differ.
        assert!(!html.contains("id=\"declines-choices\" hidden"));
        for verdict in ["allowed", "blocked", "conditional"] {
            assert!(html.contains(&format!("data-verdict=\"{verdict}\"")), "{verdict}");
        }
    }

    #[test]
    fn notice_lists_ignored_parts_and_drift_apart() {
        assert!(notice(&[], &[]).is_empty());
        let html = notice(&[], &["Research & training on Oracle (OCI): allowed when shared".to_owned()]).into_string();
        assert!(html.contains("data-testid=\"notice-drift\"") && !html.contains("notice-ignored"));
        assert!(html.contains("Research &amp; training"), "escaped");
        assert!(!html.contains("<details"), "one line: no need to fold it");
        let many: Vec<String> = (0..24).map(|i| format!("cell {i}: allowed when shared, blocked now")).collect();
        let html = notice(&[], &many).into_string();
        assert!(
            html.contains(
                "<details data-testid=\"notice-drift-details\"><summary>24 answers changed since this link was shared"
            ),
            "a long list folds to its count: {html}"
        );
        assert_eq!(html.matches("<li>").count(), 24, "every line on demand");
    }
}
