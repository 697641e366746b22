//! Pictures to paste into an article: the grid, the deal over time and the difference between
//! the scenario (A) and the one it is compared with (B), each a standalone SVG 1200 px wide —
//! titled with the day and the scenarios in a reader's words, footed "dealscope · data as of …
//! · permalink", in the grid's symbols and colours (never colour alone) and type sized to stay
//! legible when an article shrinks it to a phone's width. The page offers each as SVG, and as
//! PNG drawn from the same SVG by the browser (`ui::export_bar`).

use super::contract::Picture;
use super::diff::span_text;
use super::page::{base_name, base_short};
use super::{html, markup, Html};
use crate::dataset::Dataset;
use crate::engine::{evaluate_cell, CellDiff, Outcome};
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
const STYLE: &str = "text{font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;fill:#16181d}.bg{fill:#fff}.t{font-size:36px;font-weight:700}.s{font-size:25px}.m,.year,.f{fill:#4b5563}.f{font-size:19px}.h,.group{font-weight:700}.h{font-size:25px}.w{font-size:25px;font-weight:600}.y{font-size:44px}.n{font-size:18px}.l{font-size:23px}.allowed rect{fill:#e3f6e9;stroke:#0f6b2f}.blocked rect{fill:#fde8e8;stroke:#9b1c1c}.conditional rect{fill:#fff3d6;stroke:#7a4b00}.allowed text{fill:#0f6b2f}.blocked text{fill:#9b1c1c}.conditional text{fill:#7a4b00}rect.differs{fill:none;stroke:#16181d;stroke-width:3;stroke-dasharray:8 5}.overview{font-size:13px}.overview rect.differs{stroke-width:1.5;stroke-dasharray:3 2}.event{stroke:#4b5563;stroke-width:1.5}.today{stroke:#1d4ed8;stroke-width:2}.as-of{stroke:#4b5563;stroke-dasharray:4 3}.row.selected{font-weight:700;fill:#1d4ed8}";

/// A drawn picture: the SVG document, its height in px and a file name without extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drawn {
    pub svg: Html,
    pub height: i64,
    pub stem: String,
}

/// Breaks `text` into lines of at most `width` characters after `sep` (a space in prose, `&`
/// in a link); a longer piece stands on its own line.
pub fn wrap(text: &str, width: usize, sep: char) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in text.split_inclusive(sep) {
        if !line.is_empty() && line.chars().count() + piece.trim_end().chars().count() > width {
            lines.push(line.trim_end().to_owned());
            line.clear();
        }
        line.push_str(piece);
    }
    if !line.trim_end().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// A picture being drawn top to bottom.
struct Sheet {
    body: Html,
    y: i64,
}

impl Sheet {
    /// Lines of text in `class` (`size` px), wrapped at `width` characters, indented by `x`.
    fn text(&mut self, class: &str, size: i64, x: i64, text: &str, width: usize) {
        for line in wrap(text, width, ' ') {
            self.y += size * 5 / 4;
            html!(self.body, "<text class=\"{}\" x=\"{}\" y=\"{}\">{}</text>", class, MARGIN + x, self.y, line);
        }
    }
}

/// What a picture is about, in its title: the day, the scenario (A) and what it is compared
/// with (B), in a reader's words.
fn scenarios(view: &ViewState) -> String {
    if view.scenario == Scenario::AS_HAPPENED && view.base == Scenario::AS_HAPPENED {
        return "As happened (no what-if).".to_owned();
    }
    format!("Scenario (A): {}. ◆ Compared with {}.", view.scenario.describe(), base_name(view.base))
}

/// The picture of `what` for `view`; `link` is the view's permalink, for the footer.
pub fn picture(ds: &Dataset, view: &ViewState, what: Picture, link: &str) -> Drawn {
    let (title, stem) = match what {
        Picture::Grid => {
            (format!("Where OpenAI may run each workload on {}", view.date), format!("dealscope-grid-{}", view.date))
        }
        Picture::Overview => (
            "When each door opened: OpenAI's compute under the Microsoft deal, 2016–2035".to_owned(),
            "dealscope-over-time".to_owned(),
        ),
        Picture::Diff => {
            ("Where the two scenarios differ, 2016–2035".to_owned(), format!("dealscope-difference-{}", view.date))
        }
    };
    let mut sheet = Sheet { body: Html::new(), y: MARGIN - 10 };
    sheet.text("t", 36, 0, &title, 52);
    let about = scenarios(view);
    sheet.text("s", 25, 0, &about, 80);
    if what == Picture::Grid && ds.is_projection(view.date) {
        let note = format!("Projection: after the data's as-of date {}, from the terms as agreed.", ds.researched);
        sheet.text("s m", 24, 0, &note, 84);
    }
    let legend = format!(
        "✓ allowed · ✗ blocked · ? conditional (depends on an open fact) · ◆ dashed: differs from {}",
        base_short(view.base)
    );
    sheet.text("l m", 22, 0, &legend, 92);
    if what == Picture::Overview {
        let lines =
            format!("Solid blue line: the chosen day, {}; dashed grey line: data as of {}.", view.date, ds.researched);
        sheet.text("l m", 22, 0, &lines, 92);
    }
    sheet.y += 24;
    match what {
        Picture::Grid => grid(&mut sheet, ds, view),
        Picture::Overview => overview(&mut sheet, ds, view),
        Picture::Diff => diff(&mut sheet, ds, view),
    }
    sheet.y += 16;
    let footer = format!("dealscope · data as of {} · permalink:", ds.researched);
    sheet.text("f", 19, 0, &footer, 100);
    for line in wrap(link, 100, '&') {
        sheet.y += 24;
        html!(sheet.body, "<text class=\"f\" x=\"{}\" y=\"{}\">{}</text>", MARGIN, sheet.y, line);
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
    Drawn { svg, height, stem }
}

/// Providers down, workloads across (four wide columns read on a phone); each cell its
/// symbol and verdict, and what B says where it differs.
fn grid(sheet: &mut Sheet, ds: &Dataset, view: &ViewState) {
    let columns = i64::try_from(Workload::ALL.len()).unwrap_or(4);
    let column = (WIDTH - 2 * MARGIN - LABELS) / columns;
    let top = sheet.y;
    let mut x = MARGIN + LABELS;
    for w in Workload::ALL {
        for (i, line) in wrap(w.label(), 14, ' ').iter().enumerate() {
            let y = top + 24 + i64::try_from(i).unwrap_or(0) * 26;
            html!(sheet.body, "<text class=\"h l\" x=\"{}\" y=\"{}\">{}</text>", x + 8, y, line);
        }
        x += column;
    }
    let mut y = top + 90;
    for &p in Provider::ALL {
        let lines = wrap(p.label(), 14, ' ');
        let mut line_y = y + 58 - 13 * i64::try_from(lines.len()).unwrap_or(1);
        for line in lines {
            html!(sheet.body, "<text class=\"h l\" x=\"{}\" y=\"{}\">{}</text>", MARGIN, line_y, line);
            line_y += 26;
        }
        let mut x = MARGIN + LABELS;
        for &w in Workload::ALL {
            let outcome = evaluate_cell(ds, view.date, w, p, view.scenario);
            let baseline = evaluate_cell(ds, view.date, w, p, view.base);
            html!(
                sheet.body,
                "<g class=\"{}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\"></rect><text class=\"w\" x=\"{}\" y=\"{}\"><tspan class=\"y\">{}</tspan> {}</text>",
                outcome,
                x + 4,
                y + 4,
                column - 8,
                CELL_HEIGHT - 8,
                x + 16,
                y + 46,
                outcome.symbol(),
                outcome
            );
            let mut line = y + 74;
            if outcome == Outcome::Conditional {
                html!(sheet.body, "<text class=\"n\" x=\"{}\" y=\"{}\">if Microsoft declines</text>", x + 12, line);
                line += 24;
            }
            if outcome != baseline {
                html!(
                    sheet.body,
                    "<text class=\"n\" x=\"{}\" y=\"{}\">◆ {}: {}</text><rect class=\"differs\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\"></rect>",
                    x + 12,
                    line,
                    base_short(view.base),
                    baseline,
                    x + 4,
                    y + 4,
                    column - 8,
                    CELL_HEIGHT - 8
                );
            }
            html!(sheet.body, "</g>");
            x += column;
        }
        y += CELL_HEIGHT;
    }
    sheet.y = y;
}

/// The page's chart, scaled to the picture's width.
fn overview(sheet: &mut Sheet, ds: &Dataset, view: &ViewState) {
    let differs = super::page::compared(ds, view).unwrap_or_default();
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

/// Every span on which A and B differ, cell by cell, with its causes.
fn diff(sheet: &mut Sheet, ds: &Dataset, view: &ViewState) {
    let cells: Vec<CellDiff> = super::page::compared(ds, view).unwrap_or_default();
    if cells.is_empty() {
        sheet.text("s", 24, 0, "A and B give the same verdict for every cell on every day.", 84);
        return;
    }
    let short = base_short(view.base);
    let spans = cells.iter().map(|c| c.spans.len()).sum::<usize>();
    let mut shown = 0;
    for c in &cells {
        if shown >= MAX_DIFF_LINES {
            break;
        }
        sheet.y += 8;
        sheet.text("h", 24, 0, &format!("{} on {}", c.workload.label(), c.provider.label()), 84);
        for s in &c.spans {
            let text = format!(
                "{}: {} {} ({}) → {} {} (A), because of {}",
                span_text(s.from, s.until),
                s.baseline.symbol(),
                s.baseline.as_str(),
                short,
                s.scenario.symbol(),
                s.scenario.as_str(),
                s.causes_text()
            );
            sheet.text("l", 22, 20, &text, 92);
            shown += 1;
        }
    }
    if shown < spans {
        sheet.text(
            "l m",
            22,
            0,
            &format!("… and {} more: open the permalink for every difference.", spans - shown),
            92,
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

    #[test]
    fn every_picture_is_svg_1200_wide_with_its_title_and_footer() {
        let ds = dataset();
        let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let both = declines.with("amendment_2026_04", "false");
        let link = "https://example.org/dealscope/?date=2025-03-15&microsoft_declines=true&vs.microsoft_declines=true&vs.amendment_2026_04=false&cell=training.coreweave&v=AAAAAAAAAA";
        for what in Picture::ALL {
            let drawn = picture(ds, &view(declines, both), *what, link);
            let doc = check(&drawn);
            let title = title(&doc);
            assert!(
                title.contains("Scenario (A): Microsoft’s answer to new capacity: declined")
                    && title.contains("Compared with B (Microsoft’s answer to new capacity: declined; 2026-04-27 amendment happened: no)"),
                "{what:?}: {title}"
            );
            let text = texts(&doc);
            assert!(text.contains("dealscope · data as of 2026-11-26 · permalink:"), "{text}");
            let footer: String = text.lines().skip_while(|l| !l.contains("permalink:")).skip(1).collect();
            assert_eq!(footer, link, "the whole link, wrapped at its parameters");
        }
        let grid = picture(ds, &view(declines, Scenario::AS_HAPPENED), Picture::Grid, link);
        assert_eq!(grid.stem, "dealscope-grid-2025-03-15");
        let doc = check(&grid);
        assert!(title(&doc).starts_with("Where OpenAI may run each workload on 2025-03-15 — Scenario (A)"));
        let text = texts(&doc);
        // Long labels wrap to stay inside their column (the page's words, two lines at most).
        assert!(text.contains("\nCoreWeave\n") && text.contains("\nResearch &\ntraining\n"), "{text}");
        assert!(text.contains("\nAmazon Web\nServices\n"), "{text}");
        assert!(
            text.contains("✓ allowed") && text.contains("◆ as happened: conditional"),
            "CoreWeave training: {text}"
        );
    }

    #[test]
    fn the_grid_marks_what_differs_from_b_and_nothing_when_a_is_b() {
        let ds = dataset();
        let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
        let same = picture(ds, &view(declines, declines), Picture::Grid, "x");
        assert!(!same.svg.as_str().contains("class=\"differs\""), "A = B: no marks");
        let diff = picture(ds, &view(declines, declines), Picture::Diff, "x");
        assert!(texts(&check(&diff)).contains("A and B give the same verdict"));
        let as_happened = picture(ds, &view(Scenario::AS_HAPPENED, Scenario::AS_HAPPENED), Picture::Grid, "x");
        assert!(texts(&check(&as_happened)).contains("As happened (no what-if)."));
        let marked = picture(ds, &view(declines, Scenario::AS_HAPPENED), Picture::Grid, "x");
        let cells = marked.svg.as_str().matches("class=\"differs\"").count();
        let expected = crate::engine::cells()
            .filter(|(w, p)| {
                evaluate_cell(ds, ymd(2025, 3, 15), *w, *p, declines)
                    != evaluate_cell(ds, ymd(2025, 3, 15), *w, *p, Scenario::AS_HAPPENED)
            })
            .count();
        assert!(expected > 0);
        assert_eq!(cells, expected, "one mark a differing cell");
    }

    #[test]
    fn a_long_difference_is_cut_with_a_pointer_to_the_rest() {
        let ds = dataset();
        let agi = Scenario::AS_HAPPENED.with("agi_verified", "true").with("amendment_2026_04", "false");
        let drawn = picture(ds, &view(agi, Scenario::AS_HAPPENED), Picture::Diff, "x");
        let text = texts(&check(&drawn));
        assert!(text.contains("because of"), "{text}");
        assert!(drawn.height < 4000, "an article's picture, not a scroll: {}", drawn.height);
    }

    #[test]
    fn wrapping_keeps_every_character_and_the_width() {
        let text = "Where OpenAI may run each workload on 2025-03-15, under the Microsoft deal, and why";
        let lines = wrap(text, 20, ' ');
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(wrap("a&b&c", 2, '&'), ["a&", "b&", "c"]);
        assert_eq!(wrap("averyveryverylongword x", 5, ' '), ["averyveryverylongword", "x"]);
        assert!(wrap("", 5, ' ').is_empty());
    }
}
