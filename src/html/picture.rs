//! Pictures to paste into an article: the grid, the deal over time and the difference between
//! the scenario (A) and the one it is compared with (B), each a standalone SVG 1200 px wide —
//! titled with the day and the scenarios in a reader's words, with a legend of only what it
//! shows, footed "Source: dealscope, from [the deciding clauses' outlets]", the data's as-of
//! date and the permalink; in the grid's symbols and colours (never colour alone), type sized
//! to stay legible when an article shrinks it to a phone's width, and set in Arial's metrics
//! (measured: lines wrap inside their boxes, never cut, and keep their width in an editor).
//! File names say what, the day and both scenarios. The page offers each as SVG, and as PNG
//! drawn from the same SVG by the browser (`ui::export_bar`).

use super::contract::Picture;
use super::diff::span_text;
use super::page::{base_name, base_short};
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{timeline, verdict, CellDiff, Outcome, Query};
use crate::permalink::ViewState;
use crate::scenario::Scenario;
use crate::vocab::{Provider, Workload};

/// Every picture's width, in px.
pub const WIDTH: i64 = 1200;
const MARGIN: i64 = 40;
/// The grid: the providers' column, then one column a workload.
const LABELS: i64 = 230;
const CELL_HEIGHT: i64 = 112;
/// At most this many lines of differences; the permalink has the rest.
const MAX_DIFF_LINES: usize = 40;

/// The pictures' styles: the page's light colours, written out (a picture has no page CSS).
///
/// The type is Arial or a font drawn to its widths (Helvetica, Liberation Sans, Arimo, Nimbus
/// Sans: metric-compatible), so a line measured here ([`text_width`]) keeps its width in any
/// browser or editor that opens the SVG, and a wrapped line is never cut.
const STYLE: &str = "text{font-family:Arial,Helvetica,Liberation Sans,Arimo,Nimbus Sans,sans-serif;fill:#16181d}.bg{fill:#fff}.t{font-size:36px;font-weight:700}.s{font-size:25px}.m,.year,.f{fill:#4b5563}.f{font-size:19px}.h,.group{font-weight:700}.h{font-size:25px}.w{font-size:25px;font-weight:600}.y{font-size:44px}.n{font-size:18px}.l{font-size:23px}.allowed rect{fill:#e3f6e9;stroke:#0f6b2f}.blocked rect{fill:#fde8e8;stroke:#9b1c1c}.conditional rect{fill:#fff3d6;stroke:#7a4b00}.allowed text{fill:#0f6b2f}.blocked text{fill:#9b1c1c}.conditional text{fill:#7a4b00}rect.differs{fill:none;stroke:#16181d;stroke-width:3;stroke-dasharray:8 5}.overview{font-size:13px}.overview rect.differs{stroke-width:1.5;stroke-dasharray:3 2}.event{stroke:#4b5563;stroke-width:1.5}.today{stroke:#1d4ed8;stroke-width:2}.as-of{stroke:#4b5563;stroke-dasharray:4 3}.row.selected{font-weight:700;fill:#1d4ed8}.none rect{fill:url(#ds-hatch);stroke:#4b5563;stroke-width:.5}.hatch{stroke:#4b5563;stroke-width:1.5}.hatch-bg,.labels-bg{fill:#fff}.projection{fill:#fff;opacity:.5}.proj-label{fill:#4b5563}.clause{stroke:#16181d;stroke-width:1;opacity:.6}.year-tick{stroke:#4b5563;stroke-width:.5}";

/// A drawn picture: the SVG document, its height in px and a file name without extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub svg: Html,
    pub height: i64,
    pub stem: String,
}

/// Advance widths of Arial / Helvetica (regular) for ASCII 32–126, in thousandths of an em.
const ADVANCE: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
    556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
    556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584,
];

/// How wide `text` is drawn at `size` px, in px, rounded up: Arial's widths, bold ~10% wider
/// (Arial Bold's widths are at most that much wider than regular's for these characters), the
/// middle dot, quotes and en dash as Arial has them, any other character (✓, ◆, →, — …) a full
/// em. Each line is drawn at this width (`textLength`), so the measure is what is drawn.
pub fn text_width(text: &str, size: i64, bold: bool) -> i64 {
    let units: i64 = text
        .chars()
        .map(|c| match c {
            '·' => 278,
            '“' | '”' | '‘' | '’' => 333,
            '–' => 556,
            _ => ADVANCE.get((c as usize).wrapping_sub(32)).map_or(1000, |w| i64::from(*w)),
        })
        .sum();
    let units = if bold { units * 11 / 10 } else { units };
    (units * size + 999) / 1000
}

/// Breaks `text` into lines at most `width` px wide at `size` px after `sep` (a space in
/// prose); a single piece wider than that is broken between characters, so nothing is cut.
pub fn wrap_px(text: &str, width: i64, size: i64, bold: bool, sep: char) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in text.split_inclusive(sep) {
        let word = piece.trim_end();
        if !line.is_empty() && text_width(&line, size, bold) + text_width(word, size, bold) > width {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        if text_width(word, size, bold) <= width {
            line.push_str(piece);
            continue;
        }
        // One piece longer than a line: broken where it stops fitting.
        for c in piece.chars() {
            let mut one = [0; 4];
            if !line.is_empty()
                && text_width(&line, size, bold) + text_width(c.encode_utf8(&mut one), size, bold) > width
            {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// One line of text, held to its measured width (`textLength`): a renderer without Arial's
/// metrics (DejaVu Sans is ~10% wider) or an editor draws it exactly as wide as measured,
/// never past its box.
fn line(out: &mut Html, class: &str, (x, y): (i64, i64), text: &str, size: i64, bold: bool) {
    html!(
        out,
        "<text class=\"{}\" x=\"{}\" y=\"{}\" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\">{}</text>",
        class,
        x,
        y,
        text_width(text, size, bold),
        text
    );
}

/// A picture being drawn top to bottom.
struct Sheet {
    body: Html,
    y: i64,
}

impl Sheet {
    /// Lines of text in `class` (`size` px, bold when the class is), wrapped to the picture's
    /// width, indented by `x`.
    fn text(&mut self, class: &str, size: i64, x: i64, text: &str) {
        let bold = class.split(' ').any(|c| c == "t" || c == "h");
        for text_line in wrap_px(text, WIDTH - 2 * MARGIN - x, size, bold, ' ') {
            self.y += size * 5 / 4;
            line(&mut self.body, class, (MARGIN + x, self.y), &text_line, size, bold);
        }
    }
}

/// What a picture is about, in its title: the day, the scenario (A) and what it is compared
/// with (B), in a reader's words.
fn scenarios(view: &ViewState) -> String {
    if view.scenario == Scenario::AS_HAPPENED && view.base == Scenario::AS_HAPPENED {
        return "As happened (no what-if).".to_owned();
    }
    let edited = if view.scenario.has_edits() || view.base.has_edits() {
        " Contains the reader's own clause edits: not what the sources say."
    } else {
        ""
    };
    format!("Scenario (A): {}. Compared with {}.{edited}", view.scenario.describe(), base_name(view.base))
}

/// A scenario in a file name: its settings ("microsoft-declines-true"), or "as-happened".
fn slug(scenario: Scenario) -> String {
    let changes = scenario.changes();
    if changes.is_empty() {
        return "as-happened".to_owned();
    }
    let mut parts: Vec<String> =
        changes.iter().map(|s| format!("{}-{}", s.key.as_str(), s.wire()).replace('_', "-")).collect();
    if scenario.has_edits() {
        parts.push("own-edits".to_owned());
    }
    parts.join("-")
}

/// A picture's file name without extension: what, the day, the scenario and what it is
/// compared with, so two downloads of different views never overwrite each other
/// (`dealscope-grid-2025-03-15-microsoft-declines-true`).
pub fn stem(view: &ViewState, what: Picture) -> String {
    let name = match what {
        Picture::Grid => "grid",
        Picture::Overview => "over-time",
        Picture::Diff => "difference",
    };
    let mut out = format!("dealscope-{name}-{}-{}", view.date, slug(view.scenario));
    if view.base != Scenario::AS_HAPPENED {
        out.push_str("-vs-");
        out.push_str(&slug(view.base));
    }
    out
}

/// What the picture shows, for its legend: which verdicts, and whether any mark of a difference.
#[derive(Default)]
struct Shown {
    outcomes: [bool; 3],
    differs: bool,
    /// The deciding clauses, for the footer's "Source:".
    terms: Vec<crate::dataset::TermIx>,
}

impl Shown {
    fn outcome(&mut self, outcome: Outcome) {
        self.outcomes[match outcome {
            Outcome::Allowed => 0,
            Outcome::Blocked => 1,
            Outcome::Conditional => 2,
        }] = true;
    }
    fn terms(&mut self, terms: impl IntoIterator<Item = crate::dataset::TermIx>) {
        for t in terms {
            if !self.terms.contains(&t) {
                self.terms.push(t);
            }
        }
    }
    /// The legend: only the symbols drawn, and the dashed mark only when a cell has it.
    fn legend(&self, short: &str) -> String {
        let mut parts: Vec<String> = ["✓ allowed", "✗ blocked", "? conditional (depends on an open fact)"]
            .iter()
            .zip(self.outcomes)
            .filter(|(_, shown)| *shown)
            .map(|(text, _)| (*text).to_owned())
            .collect();
        if self.differs {
            parts.push(format!("◆ dashed: differs from {short}"));
        }
        parts.join(" · ")
    }
    /// "Source: dealscope, from …": the outlets of the deciding clauses' sources, each once.
    fn sources(&self, ds: &Dataset) -> String {
        let mut names: Vec<String> = Vec::new();
        for t in &self.terms {
            for c in ds.term(*t).sources {
                let name = crate::answer::source_name(ds.source(c.source).publisher);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        if names.is_empty() {
            return "Source: dealscope (no clause restricts what is shown).".to_owned();
        }
        format!("Source: dealscope, from {}.", names.join("; "))
    }
}

/// The picture of `what` for `view`; `link` is the view's permalink, for the footer.
pub fn picture(ds: &Dataset, view: &ViewState, what: Picture, link: &str) -> Drawn {
    let title = match what {
        Picture::Grid => format!("Where OpenAI may run each workload on {}", view.date),
        Picture::Overview => format!(
            "When each door opened: OpenAI's compute under the Microsoft deal, {}",
            super::overview::range_years(ds, view.range)
        ),
        Picture::Diff => "Where the two scenarios differ, 2016–2035".to_owned(),
    };
    let mut head = Sheet { body: Html::new(), y: MARGIN - 10 };
    head.text("t", 36, 0, &title);
    let about = scenarios(view);
    head.text("s", 25, 0, &about);
    if what == Picture::Grid && ds.is_projection(view.date) {
        let note = format!("Projection: after the data's as-of date {}, from the terms as agreed.", ds.researched);
        head.text("s m", 24, 0, &note);
    }
    // The body is drawn first (below the legend's room), so the legend names only what it shows.
    let mut body = Sheet { body: Html::new(), y: 0 };
    let mut shown = Shown::default();
    match what {
        Picture::Grid => grid(&mut body, ds, view, &mut shown),
        Picture::Overview => overview(&mut body, ds, view, &mut shown),
        Picture::Diff => diff(&mut body, ds, view, &mut shown),
    }
    head.text("l m", 23, 0, &shown.legend(base_short(view.base)));
    if what == Picture::Overview {
        let lines = format!(
            "Solid blue line: the chosen day, {}; dashed grey line: data as of {}, faded after it: a projection. Hatched: {}. A thin tick: what decides the verdict changes, the verdict does not.{}",
            view.date,
            ds.researched,
            super::overview::NO_TERMS,
            super::scale::Scale::new(ds, view.range)
                .wide_years()
                .map(|y| format!(" {y} are drawn three times as wide as other years."))
                .unwrap_or_default()
        );
        head.text("l m", 23, 0, &lines);
    }
    head.y += 24;
    html!(head.body, "<g transform=\"translate(0 {})\">{}</g>", head.y, body.body);
    let mut sheet = Sheet { body: head.body, y: head.y + body.y };
    sheet.y += 16;
    sheet.text("f", 19, 0, &shown.sources(ds));
    sheet.text("f", 19, 0, &format!("Data as of {} ({}). Permalink:", ds.researched, ds.as_of_note));
    for text in wrap_px(link, WIDTH - 2 * MARGIN, 19, false, '&') {
        sheet.y += 24;
        line(&mut sheet.body, "f", (MARGIN, sheet.y), &text, 19, false);
    }
    let height = sheet.y + MARGIN;
    let svg = markup!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\"><title>{} — {}</title><style>{}</style><rect class=\"bg\" width=\"{}\" height=\"{}\"></rect>{}</svg>",
        WIDTH,
        height,
        WIDTH,
        height,
        title,
        about,
        STYLE,
        WIDTH,
        height,
        sheet.body
    );
    Drawn { svg, height, stem: stem(view, what) }
}

/// Providers down, workloads across (four wide columns read on a phone); each cell its
/// symbol and verdict, and what B says where it differs, wrapped inside the cell (a row grows
/// to fit its longest note).
fn grid(sheet: &mut Sheet, ds: &Dataset, view: &ViewState, shown: &mut Shown) {
    let columns = i64::try_from(Workload::ALL.len()).unwrap_or(4);
    let column = (WIDTH - 2 * MARGIN - LABELS) / columns;
    // A note's room: the cell less its padding on both sides.
    let room = column - 8 - 24;
    let top = sheet.y;
    let mut x = MARGIN + LABELS;
    for w in Workload::ALL {
        for (i, text) in wrap_px(w.label(), column - 16, 23, true, ' ').iter().enumerate() {
            let y = top + 24 + i64::try_from(i).unwrap_or(0) * 26;
            line(&mut sheet.body, "h l", (x + 8, y), text, 23, true);
        }
        x += column;
    }
    let mut y = top + 90;
    for &p in Provider::ALL {
        // Each cell's notes, wrapped, before the row is drawn: the row is as tall as its longest.
        let cells: Vec<(Workload, Outcome, bool, Vec<String>)> = Workload::ALL
            .iter()
            .map(|&w| {
                let query = Query { date: view.date, workload: w, provider: p, scenario: view.scenario };
                let a = verdict(ds, &query).ok();
                let outcome = a.as_ref().map_or(Outcome::Allowed, |v| v.outcome);
                let base = verdict(ds, &query.under(view.base)).ok();
                let baseline = base.as_ref().map_or(outcome, |v| v.outcome);
                shown.outcome(outcome);
                shown.terms(a.iter().flat_map(|v| v.reasons.iter().map(|r| r.term)));
                let mut notes = Vec::new();
                if outcome == Outcome::Conditional {
                    notes.extend(wrap_px("if Microsoft declines", room, 18, false, ' '));
                }
                if outcome != baseline {
                    shown.differs = true;
                    shown.terms(base.iter().flat_map(|v| v.reasons.iter().map(|r| r.term)));
                    let note = format!("◆ {}: {}", base_short(view.base), baseline.as_str());
                    notes.extend(wrap_px(&note, room, 18, false, ' '));
                }
                (w, outcome, outcome != baseline, notes)
            })
            .collect();
        let lines = cells.iter().map(|(.., n)| i64::try_from(n.len()).unwrap_or(0)).max().unwrap_or(0);
        let height = CELL_HEIGHT.max(74 + 22 * lines + 8);
        let labels = wrap_px(p.label(), LABELS - 16, 23, true, ' ');
        let mut line_y = y + height / 2 + 8 - 13 * (i64::try_from(labels.len()).unwrap_or(1) - 1);
        for text in labels {
            line(&mut sheet.body, "h l", (MARGIN, line_y), &text, 23, true);
            line_y += 26;
        }
        let mut x = MARGIN + LABELS;
        for (w, outcome, differs, notes) in cells {
            html!(
                sheet.body,
                "<g class=\"{}\" data-cell=\"{}.{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\"></rect><text class=\"w\" x=\"{}\" y=\"{}\"><tspan class=\"y\">{}</tspan> {}</text>",
                outcome,
                w.as_str(),
                p.as_str(),
                x + 4,
                y + 4,
                column - 8,
                height - 8,
                x + 16,
                y + 46,
                outcome.symbol(),
                outcome
            );
            let mut note_y = y + 74;
            for note in &notes {
                line(&mut sheet.body, "n", (x + 12, note_y), note, 18, false);
                note_y += 22;
            }
            if differs {
                html!(
                    sheet.body,
                    "<rect class=\"differs\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\"></rect>",
                    x + 4,
                    y + 4,
                    column - 8,
                    height - 8
                );
            }
            html!(sheet.body, "</g>");
            x += column;
        }
        y += height;
    }
    sheet.y = y;
}

/// The page's chart, scaled to the picture's width.
fn overview(sheet: &mut Sheet, ds: &Dataset, view: &ViewState, shown: &mut Shown) {
    let differs = super::page::compared(ds, view).unwrap_or_default();
    shown.differs = !differs.is_empty();
    for (w, p) in crate::engine::cells() {
        for band in timeline(ds, w, p, view.scenario) {
            shown.outcome(band.verdict.outcome);
            shown.terms(band.verdict.reasons.iter().map(|r| r.term));
        }
    }
    let (chart, _) = super::overview::chart(ds, view, &differs);
    let width = WIDTH - 2 * MARGIN;
    let height = super::overview::chart_height() * width / 1000;
    html!(
        sheet.body,
        "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 1000 {}\">{}</svg>",
        MARGIN,
        sheet.y,
        width,
        height,
        super::overview::chart_height(),
        chart
    );
    sheet.y += height;
}

/// Every span on which A and B differ, cells with the same differences on one line, with
/// their causes.
fn diff(sheet: &mut Sheet, ds: &Dataset, view: &ViewState, shown: &mut Shown) {
    let cells: Vec<CellDiff> = super::page::compared(ds, view).unwrap_or_default();
    if cells.is_empty() {
        sheet.text("s", 24, 0, "A and B give the same verdict for every cell on every day.");
        return;
    }
    let short = base_short(view.base);
    let groups = super::diff::groups(&cells);
    let spans = groups.iter().map(|g| g.spans.len()).sum::<usize>();
    let mut shown_lines = 0;
    for g in &groups {
        if shown_lines >= MAX_DIFF_LINES {
            break;
        }
        sheet.y += 8;
        let cells = format!("{} on {}", g.workload.label(), super::diff::providers_text(&g.providers, 3));
        sheet.text("h", 24, 0, &cells);
        for s in g.spans {
            shown.outcome(s.scenario);
            shown.outcome(s.baseline);
            shown.terms(s.terms.iter().copied());
            let text = format!(
                "{}: {}, because of {}",
                span_text(s.from, s.until),
                super::diff::verdicts_text(s, short),
                s.causes_text()
            );
            sheet.text("l", 22, 20, &text);
            shown_lines += 1;
        }
    }
    if shown_lines < spans {
        sheet.text(
            "l m",
            22,
            0,
            &format!("… and {} more: open the permalink for every difference.", spans - shown_lines),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    fn view(scenario: Scenario, base: Scenario) -> ViewState {
        ViewState { date: ymd(2025, 3, 15), scenario, base, ..ViewState::default() }
    }

    /// The picture parses as XML (SVG is XML: one unescaped `&` breaks it), is 1200 wide, and
    /// its title says the day and both scenarios.
    fn check(drawn: &Drawn) -> roxmltree::Document<'_> {
        let doc = roxmltree::Document::parse(drawn.svg.as_str()).unwrap_or_else(|e| panic!("{e}: {}", drawn.svg));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
        assert_eq!(root.attribute("width"), Some("1200"));
        assert_eq!(root.attribute("height"), Some(drawn.height.to_string().as_str()));
        doc
    }

    fn title<'a>(doc: &'a roxmltree::Document<'a>) -> &'a str {
        doc.root_element().children().find(|n| n.has_tag_name("title")).and_then(|n| n.text()).unwrap_or_default()
    }

    fn texts(doc: &roxmltree::Document<'_>) -> String {
        let text = |n: roxmltree::Node<'_, '_>| {
            n.descendants().filter_map(|d| d.is_text().then(|| d.text()).flatten()).collect()
        };
        doc.descendants().filter(|n| n.has_tag_name("text")).map(text).collect::<Vec<String>>().join("\n")
    }

    /// Every line of text fits inside the picture, measured at its size (the picture's own
    /// `text` elements, not the chart it embeds, which is scaled).
    fn every_line_fits(doc: &roxmltree::Document<'_>) {
        for n in doc.root_element().descendants().filter(|n| n.has_tag_name("text")) {
            let class = n.attribute("class").unwrap_or_default();
            let size = [("t", 36), ("s", 25), ("f", 19), ("h", 25), ("w", 25), ("n", 18), ("l", 23)]
                .iter()
                .find(|(c, _)| class.split(' ').any(|x| x == *c))
                .map_or(25, |(_, s)| *s);
            let x: i64 = n.attribute("x").and_then(|x| x.parse().ok()).unwrap_or(0);
            let text: String = n.descendants().filter_map(|d| d.is_text().then(|| d.text()).flatten()).collect();
            let bold = class.contains('h') || class.contains('t');
            assert!(
                x + text_width(&text, size, bold) <= WIDTH - MARGIN + 8,
                "a line runs off the picture: {text:?} at x {x}"
            );
        }
    }

    #[test]
    fn every_picture_is_svg_1200_wide_with_its_title_and_footer() {
        let ds = dataset();
        let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let both = declines.with("amendment_2026_04", "false");
        let link = "https://example.org/dealscope/?date=2025-03-15&microsoft_declines=true&vs.microsoft_declines=true&vs.amendment_2026_04=false&cell=training.coreweave&v=AAAAAAAAAA";
        for what in Picture::ALL {
            let drawn = picture(ds, &view(declines, both), *what, link);
            let doc = check(&drawn);
            every_line_fits(&doc);
            let title = title(&doc);
            assert!(
                title.contains("Scenario (A): Microsoft’s answer to new capacity: declined")
                    && title.contains("Compared with B (Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no)"),
                "{what:?}: {title}"
            );
            let text = texts(&doc);
            let source = text
                .lines()
                .find(|l| l.starts_with("Source: dealscope, from "))
                .unwrap_or_else(|| panic!("{what:?}: no source line: {text}"));
            assert!(source.contains("Microsoft"), "the deciding clauses' outlets: {source}");
            assert!(
                text.contains("Data as of 2026-12-07 (no change to the terms found July–December 2026). Permalink:"),
                "{text}"
            );
            let footer: String = text.lines().skip_while(|l| !l.contains("Permalink:")).skip(1).collect();
            assert_eq!(footer, link, "the whole link, wrapped at its parameters");
            assert!(
                drawn.stem.ends_with(
                    "-2025-03-15-microsoft-declines-true-vs-microsoft-declines-true-amendment-2026-04-false"
                ),
                "{}",
                drawn.stem
            );
        }
        let grid = picture(ds, &view(declines, Scenario::AS_HAPPENED), Picture::Grid, link);
        assert_eq!(grid.stem, "dealscope-grid-2025-03-15-microsoft-declines-true");
        let doc = check(&grid);
        every_line_fits(&doc);
        assert!(title(&doc).starts_with("Where OpenAI may run each workload on 2025-03-15 — Scenario (A)"));
        let text = texts(&doc);
        // Long labels wrap to stay inside their column (the page's words, two lines at most).
        assert!(text.contains("\nCoreWeave\n") && text.contains("\nResearch &\ntraining\n"), "{text}");
        assert!(text.contains("\nAmazon Web\nServices\n"), "{text}");
        // The note is wrapped inside its cell, never cut: "◆ as happened:" / "conditional".
        assert!(
            text.contains("✓ allowed") && text.contains("\n◆ as happened:\nconditional\n"),
            "CoreWeave training: {text}"
        );
        assert!(text.contains("◆ dashed: differs from as happened"), "the mark is drawn, so it is explained");
        let overview = picture(ds, &view(Scenario::AS_HAPPENED, Scenario::AS_HAPPENED), Picture::Overview, link);
        assert_eq!(overview.stem, "dealscope-over-time-2025-03-15-as-happened", "two days never overwrite each other");
    }

    #[test]
    fn the_grid_marks_what_differs_from_b_and_nothing_when_a_is_b() {
        let ds = dataset();
        let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let same = picture(ds, &view(declines, declines), Picture::Grid, "x");
        assert!(!same.svg.as_str().contains("class=\"differs\""), "A = B: no marks");
        assert!(!texts(&check(&same)).contains('◆'), "A = B: no ◆, and no legend for it");
        let diff = picture(ds, &view(declines, declines), Picture::Diff, "x");
        assert!(texts(&check(&diff)).contains("A and B give the same verdict"));
        let as_happened = picture(ds, &view(Scenario::AS_HAPPENED, Scenario::AS_HAPPENED), Picture::Grid, "x");
        let text = texts(&check(&as_happened));
        assert!(text.contains("As happened (no what-if)."));
        assert!(!text.contains('◆'), "nothing compared, no ◆ legend: {text}");
        // 2025-03-15 as happened has conditional cells; 2026-11-26 has none: no "?" legend then.
        assert!(text.contains("? conditional"), "{text}");
        let later = ViewState { date: ymd(2026, 11, 26), ..ViewState::default() };
        let text = texts(&check(&picture(ds, &later, Picture::Grid, "x")));
        assert!(!text.contains("? conditional") && text.contains("✓ allowed"), "only what is shown: {text}");
        let marked = picture(ds, &view(declines, Scenario::AS_HAPPENED), Picture::Grid, "x");
        let cells = marked.svg.as_str().matches("class=\"differs\"").count();
        let expected = crate::engine::cells()
            .filter(|(w, p)| {
                crate::engine::evaluate_cell(ds, ymd(2025, 3, 15), *w, *p, declines)
                    != crate::engine::evaluate_cell(ds, ymd(2025, 3, 15), *w, *p, Scenario::AS_HAPPENED)
            })
            .count();
        assert!(expected > 0);
        assert_eq!(cells, expected, "one mark a differing cell");
    }

    #[test]
    fn widths_are_measured_and_long_words_broken_not_cut() {
        assert_eq!(text_width("i", 1000, false), 222);
        assert_eq!(text_width("W", 1000, false), 944);
        assert!(text_width("◆", 18, false) >= 18, "a symbol counts a full em");
        let lines = wrap_px("◆ as happened: conditional", 190, 18, false, ' ');
        assert_eq!(lines, ["◆ as happened:", "conditional"]);
        let long = "averyveryveryveryverylongwordwithoutanybreak";
        let lines = wrap_px(long, 100, 18, false, ' ');
        assert!(lines.len() > 1 && lines.iter().all(|l| text_width(l, 18, false) <= 100), "{lines:?}");
        assert_eq!(lines.concat(), long, "every character kept");
    }

    #[test]
    fn a_long_difference_is_cut_with_a_pointer_to_the_rest() {
        let ds = dataset();
        let agi = Scenario::AS_HAPPENED.with("agi_verified", "true").with("amendment_2026_04", "false");
        let drawn = picture(ds, &view(agi, Scenario::AS_HAPPENED), Picture::Diff, "x");
        let doc = check(&drawn);
        every_line_fits(&doc);
        let text = texts(&doc);
        assert!(text.contains("because of"), "{text}");
        assert!(text.contains("A: "), "A's verdict first: {text}");
        assert!(drawn.height < 4000, "an article's picture, not a scroll: {}", drawn.height);
    }
}
