//! The elements the page patches, looked up once when the page starts, by the names the
//! writers gave them ([`crate::html::contract`]). A missing one is an error that names it —
//! the page logs it to the console and a test fails — never a patch that silently does nothing.

use crate::html::contract::{ids, Action, Cell, Control, Export, Format, MOOT};
use crate::permalink::Panel;
use crate::scenario::PRESETS;
use crate::vocab::{ScenarioKey, Setting};
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
    pub toggle: HtmlInputElement,
    pub keys: Vec<(ScenarioKey, HtmlSelectElement)>,
    pub moot: Vec<(ScenarioKey, Element)>,
    pub presets: Vec<(Setting, Element)>,
    pub reset: Element,
    pub tabs: Vec<(Panel, Element)>,
    pub panel: Element,
    pub notice: Element,
    pub diff_strip: Element,
    pub timeline_exports: Vec<Element>,
    /// What embed mode hides: header, tabs, the scenario and export sections, footer.
    pub chrome: Vec<Element>,
}

/// The elements a page lacks, by the selectors that found nothing.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("dealscope cannot start: the page has no element for {}", .0.join(", "))]
pub struct MissingElements(pub Vec<String>);

impl Handles {
    /// Looks every element up under `root`; lists all that are missing.
    pub fn find(root: &Element) -> Result<Handles, MissingElements> {
        let mut missing = Vec::new();
        let mut one = |selector: String| -> Option<Element> {
            let found = root.query_selector(&selector).ok().flatten();
            if found.is_none() {
                missing.push(selector);
            }
            found
        };
        let id = |name: &str| format!("#{name}");
        let cells: Vec<(Cell, Option<Element>)> =
            crate::engine::cells().map(|cell| (cell, one(Action::Select(cell).selector()))).collect();
        let caption = one(id(ids::GRID_CAPTION));
        let date_field = one(Control::DateField.selector());
        let slider = one(Control::Slider.selector());
        let date_error = one(id(ids::DATE_ERROR));
        let toggle = one(Control::DeclinesToggle.selector());
        let keys: Vec<_> = ScenarioKey::ALL.iter().map(|k| (*k, one(Control::Key(*k).selector()))).collect();
        let moot: Vec<_> = ScenarioKey::ALL.iter().map(|k| (*k, one(format!("[{MOOT}=\"{}\"]", k.as_str())))).collect();
        let presets: Vec<_> = PRESETS.iter().map(|(_, s)| (*s, one(Action::Preset(vec![*s]).selector()))).collect();
        let reset = one(Action::Preset(Vec::new()).selector());
        let tabs: Vec<_> = Panel::ALL.iter().map(|p| (*p, one(Action::Panel(*p).selector()))).collect();
        let panel = one(id(ids::PANEL));
        let notice = one(id(ids::NOTICE));
        let diff_strip = one(id(ids::DIFF_STRIP));
        let timeline_exports: Vec<_> =
            [Format::Csv, Format::Json].iter().map(|f| one(Action::Export(Export::Timeline, *f).selector())).collect();
        // The scenario and export sections sit in one wrapper, which embed mode hides.
        let chrome: Vec<_> = [
            one("header".to_owned()),
            one("[role=tablist]".to_owned()),
            one(".scenario".to_owned()).and_then(|s| s.parent_element()),
            one("footer".to_owned()),
        ]
        .into();

        let input = |el: Option<Element>| el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok());
        let select = |el: Option<Element>| el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlSelectElement>(e).ok());
        let all = |v: Vec<(ScenarioKey, Option<Element>)>| -> Option<Vec<(ScenarioKey, Element)>> {
            v.into_iter().map(|(k, e)| Some((k, e?))).collect()
        };
        let handles = (|| {
            Some(Handles {
                root: root.clone(),
                cells: cells.into_iter().map(|(c, e)| Some((c, e?))).collect::<Option<_>>()?,
                caption: caption?,
                date_field: input(date_field)?,
                slider: input(slider)?,
                date_error: date_error?,
                toggle: input(toggle)?,
                keys: keys.into_iter().map(|(k, e)| Some((k, select(e)?))).collect::<Option<_>>()?,
                moot: all(moot)?,
                presets: presets.into_iter().map(|(s, e)| Some((s, e?))).collect::<Option<_>>()?,
                reset: reset?,
                tabs: tabs.into_iter().map(|(p, e)| Some((p, e?))).collect::<Option<_>>()?,
                panel: panel?,
                notice: notice?,
                diff_strip: diff_strip?,
                timeline_exports: timeline_exports.into_iter().collect::<Option<_>>()?,
                chrome: chrome.into_iter().collect::<Option<_>>()?,
            })
        })();
        match handles {
            Some(handles) if missing.is_empty() => Ok(handles),
            _ => Err(MissingElements(if missing.is_empty() {
                vec!["(an element of the wrong kind)".to_owned()]
            } else {
                missing
            })),
        }
    }

    /// The element of a cell.
    pub fn cell(&self, cell: Cell) -> Option<&Element> {
        self.cells.iter().find(|(c, _)| *c == cell).map(|(_, el)| el)
    }
}
