//! The elements the page patches, looked up once when the page starts, by the names the
//! writers gave them ([`crate::html::contract`]). A missing one is an error that names it —
//! the page logs it to the console and a test fails — never a patch that silently does nothing.

use crate::html::contract::{ids, Action, Cell, Control, Export, Format, MOOT};
use crate::permalink::Panel;
use crate::scenario::PRESETS;
use crate::vocab::{ScenarioKey, Setting};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

/// Every element the page patches.
#[derive(Debug)]
pub struct Handles {
    pub root: Element,
    /// Every grid cell, with its cell (matched by `data-cell`, never by position).
    pub cells: Vec<(Cell, Element)>,
    pub caption: Element,
    pub date_field: HtmlInputElement,
    pub slider: HtmlInputElement,
    pub date_error: Element,
    /// The three-way Microsoft choice beside the grid: each radio with its wire value, the
    /// radios' group and the "changes nothing today" line shown instead.
    pub declines: Vec<(&'static str, HtmlInputElement)>,
    pub declines_choices: Element,
    pub declines_note: Element,
    pub keys: Vec<(ScenarioKey, HtmlSelectElement)>,
    pub moot: Vec<(ScenarioKey, Element)>,
    pub presets: Vec<(Setting, Element)>,
    pub reset: Element,
    /// "Compare with": the list, its entry for a B that is no preset, and the swap.
    pub compare: HtmlSelectElement,
    pub compare_custom: Element,
    pub swap: Element,
    pub tabs: Vec<(Panel, Element)>,
    pub panel: Element,
    pub notice: Element,
    pub diff_strip: Element,
    pub timeline_exports: Vec<Element>,
    /// What became of the last picture download.
    pub export_status: Element,
    /// What embed mode hides: header, tabs, the scenario and export sections, footer.
    pub chrome: Vec<Element>,
}

/// The elements a page lacks, by the selectors that found nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("dealscope cannot start: the page has no element for {}", .0.join(", "))]
pub struct MissingElements(pub Vec<String>);

impl Handles {
    /// Looks every element up under `root`; lists all that are missing or of the wrong kind.
    pub fn find(root: &Element) -> Result<Handles, MissingElements> {
        let problems = std::cell::RefCell::new(Vec::new());
        // A stand-in for what is missing, so the lookups read straight; never used, since
        // any problem fails the whole lookup.
        let stand_in =
            |tag: &str| web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element(tag).ok());
        let (Some(blank), Some(blank_input), Some(blank_select)) =
            (stand_in("b"), stand_in("input"), stand_in("select"))
        else {
            return Err(MissingElements(vec!["(a document to look elements up in)".to_owned()]));
        };
        let one = |selector: String| -> Element {
            root.query_selector(&selector).ok().flatten().unwrap_or_else(|| {
                problems.borrow_mut().push(selector);
                blank.clone()
            })
        };
        let kind = |selector: String, blank: &Element, tag: &str| -> Element {
            let el = one(selector.clone());
            if el.tag_name().eq_ignore_ascii_case(tag) {
                el
            } else {
                problems.borrow_mut().push(format!("{selector} (not an <{tag}>)"));
                blank.clone()
            }
        };
        let input = |selector: String| kind(selector, &blank_input, "input").unchecked_into::<HtmlInputElement>();
        let select = |selector: String| kind(selector, &blank_select, "select").unchecked_into::<HtmlSelectElement>();
        let id = |name: &str| one(format!("#{name}"));
        let handles = Handles {
            root: root.clone(),
            cells: crate::engine::cells().map(|cell| (cell, one(Action::Select(cell).selector()))).collect(),
            caption: id(ids::GRID_CAPTION),
            date_field: input(Control::DateField.selector()),
            slider: input(Control::Slider.selector()),
            date_error: id(ids::DATE_ERROR),
            declines: ScenarioKey::MicrosoftDeclines
                .values()
                .iter()
                .map(|v| (*v, input(format!("{}[value=\"{v}\"]", Control::Declines.selector()))))
                .collect(),
            declines_choices: id(ids::DECLINES_CHOICES),
            declines_note: id(ids::DECLINES_NOTE),
            keys: ScenarioKey::ALL.iter().map(|k| (*k, select(Control::Key(*k).selector()))).collect(),
            moot: ScenarioKey::ALL.iter().map(|k| (*k, one(format!("[{MOOT}=\"{}\"]", k.as_str())))).collect(),
            presets: PRESETS.iter().map(|(_, s)| (*s, one(Action::Preset(vec![*s]).selector()))).collect(),
            reset: one(Action::Preset(Vec::new()).selector()),
            compare: select(Control::Compare.selector()),
            compare_custom: id(ids::COMPARE_CUSTOM),
            swap: one(Action::Swap.selector()),
            tabs: Panel::ALL.iter().map(|p| (*p, one(Action::Panel(*p).selector()))).collect(),
            panel: id(ids::PANEL),
            notice: id(ids::NOTICE),
            diff_strip: id(ids::DIFF_STRIP),
            timeline_exports: [Format::Csv, Format::Json]
                .iter()
                .map(|f| one(Action::Export(Export::Timeline, *f).selector()))
                .collect(),
            export_status: id(ids::EXPORT_STATUS),
            // The scenario and export sections sit in one wrapper, which embed mode hides.
            chrome: vec![
                one("header".to_owned()),
                one("[role=tablist]".to_owned()),
                one(".scenario".to_owned()).parent_element().unwrap_or_else(|| blank.clone()),
                one("footer".to_owned()),
            ],
        };
        let problems = problems.into_inner();
        if problems.is_empty() {
            Ok(handles)
        } else {
            Err(MissingElements(problems))
        }
    }

    /// The element of a cell.
    pub fn cell(&self, cell: Cell) -> Option<&Element> {
        self.cells.iter().find(|(c, _)| *c == cell).map(|(_, el)| el)
    }
}
