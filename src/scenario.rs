//! Scenarios: the what-ifs a reader toggles. One type and one parser, used by the URL, the
//! JS API, the engine and the tests.
//!
//! A scenario holds a value for every [`ScenarioKey`] (declared once, with its values,
//! labels and preset, in `dealscope_data::vocab`); the first value of each key is its
//! default, and the all-defaults scenario is *as happened*.

use crate::dataset::{Dataset, TermIx};
use crate::edits::{self, AddedClause, ClauseEdit, EditError, EditRef, Edits};
use crate::vocab::{ScenarioKey, Setting, KEY_COUNT};
use std::fmt;

pub use crate::vocab::{ScenarioError, PRESETS};

/// A value for every scenario key (the index of the value in its key's list), and the
/// reader's own edits of clauses (fixed-size: see [`crate::edits`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Scenario([u8; KEY_COUNT], Edits);

impl Default for Scenario {
    fn default() -> Self {
        Scenario::AS_HAPPENED
    }
}

impl Scenario {
    /// The scenario as happened: every key at its default, no edits.
    pub const AS_HAPPENED: Scenario = Scenario([0; KEY_COUNT], Edits::NONE);

    /// The reader's edits and added clauses.
    pub fn edits(&self) -> &Edits {
        &self.1
    }

    /// Whether the reader edited or added any clause.
    pub fn has_edits(&self) -> bool {
        !self.1.is_empty()
    }

    /// The edit of dataset term `ix` (none for an index outside the table).
    pub fn clause_edit(&self, ix: TermIx) -> ClauseEdit {
        self.1.clauses.get(ix.get()).copied().unwrap_or_default()
    }

    /// The added clause in `slot`.
    pub fn added(&self, slot: usize) -> Option<&AddedClause> {
        self.1.added.get(slot).and_then(Option::as_ref)
    }

    /// A copy with term `ix` edited (unchecked: readers' input goes through
    /// [`Scenario::edit_clause`]); `ClauseEdit::NONE` resets it.
    #[must_use]
    pub fn with_clause_edit(mut self, ix: TermIx, edit: ClauseEdit) -> Self {
        if let Some(slot) = self.1.clauses.get_mut(ix.get()) {
            *slot = edit;
        }
        self
    }

    /// Edits the compute clause `id` after checking the edit against it.
    pub fn edit_clause(&mut self, ds: &Dataset, id: &str, edit: ClauseEdit) -> Result<(), EditError> {
        let ix = edits::clause_by_id(ds, id)?;
        edits::check_edit(ds.term(ix), &edit)?;
        *self = self.with_clause_edit(ix, edit);
        Ok(())
    }

    /// Adds a clause after checking it.
    pub fn add_clause(&mut self, clause: AddedClause) -> Result<(), EditError> {
        edits::check_added(&clause)?;
        self.1.push(clause)
    }

    /// A copy without added clause `slot` (the later ones move up).
    #[must_use]
    pub fn without_added(mut self, slot: usize) -> Self {
        self.1.remove(slot);
        self
    }

    /// A copy whose edit `which` is what `other` has there (blame in the diff: undo one edit).
    #[must_use]
    pub fn with_edit_of(mut self, other: &Scenario, which: EditRef) -> Self {
        match which {
            EditRef::Clause(ix) => self = self.with_clause_edit(ix, other.clause_edit(ix)),
            EditRef::Added(slot) => {
                if let Some(a) = self.1.added.get_mut(usize::from(slot)) {
                    *a = other.1.added.get(usize::from(slot)).copied().flatten();
                }
            }
        }
        self
    }

    /// The edits in which this scenario differs from `other`.
    pub fn edits_differing(&self, other: &Scenario) -> Vec<EditRef> {
        let mut out = Vec::new();
        for (ix, (a, b)) in (0u16..).zip(self.1.clauses.iter().zip(&other.1.clauses)) {
            if a != b {
                out.push(EditRef::Clause(TermIx(ix)));
            }
        }
        for (slot, (a, b)) in (0u8..).zip(self.1.added.iter().zip(&other.1.added)) {
            if a != b {
                out.push(EditRef::Added(slot));
            }
        }
        out
    }

    /// A copy with no edits (the keys kept).
    #[must_use]
    pub fn without_edits(mut self) -> Self {
        self.1 = Edits::NONE;
        self
    }

    /// A copy with `other`'s keys and this scenario's edits.
    #[must_use]
    pub fn with_keys_of(self, other: Scenario) -> Self {
        Scenario(other.0, self.1)
    }

    /// The setting of `key` in this scenario.
    pub fn setting(&self, key: ScenarioKey) -> Setting {
        Setting { key, value: self.0[key.index()] }
    }

    /// The wire value of `key` (`"true"`, `"2032"`, …).
    pub fn value(&self, key: ScenarioKey) -> &'static str {
        self.setting(key).wire()
    }

    /// The wire value of a key by name, if the key exists.
    pub fn get(&self, name: &str) -> Option<&'static str> {
        ScenarioKey::parse(name).ok().map(|key| self.value(key))
    }

    /// Whether `key` is at its default.
    pub fn is_default(&self, key: ScenarioKey) -> bool {
        self.0[key.index()] == 0
    }

    /// Whether this scenario has `setting` (a term's gate, a preset): a comparison of numbers.
    pub fn admits(&self, setting: Setting) -> bool {
        self.0[setting.key.index()] == setting.value
    }

    /// Sets a key from wire names ("amendment_2026_04", "false").
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ScenarioError> {
        let setting = Setting::parse(name, value)?;
        *self = self.with_setting(setting);
        Ok(())
    }

    /// A copy with one setting applied.
    #[must_use]
    pub fn with_setting(mut self, setting: Setting) -> Self {
        self.0[setting.key.index()] = setting.value;
        self
    }

    /// A copy with these settings applied.
    #[must_use]
    pub fn with_settings(self, settings: &[Setting]) -> Self {
        settings.iter().fold(self, |s, setting| s.with_setting(*setting))
    }

    /// A copy with one key set from wire names (an unknown key or value leaves it unchanged;
    /// for tests and literals — readers' input goes through [`Scenario::set`]).
    #[must_use]
    pub fn with(self, name: &str, value: &str) -> Self {
        Setting::parse(name, value).map_or(self, |setting| self.with_setting(setting))
    }

    /// A copy with `key` back at its default.
    #[must_use]
    pub fn reset(mut self, key: ScenarioKey) -> Self {
        self.0[key.index()] = 0;
        self
    }

    /// `microsoft_declines`: `None` means "as recorded in the dataset".
    pub fn microsoft_declines(&self) -> Option<bool> {
        match self.0[ScenarioKey::MicrosoftDeclines.index()] {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }

    /// `agi_verified`.
    pub fn agi_verified(&self) -> bool {
        self.0[ScenarioKey::AgiVerified.index()] == 1
    }

    /// The settings that differ from as happened, in key order.
    pub fn changes(&self) -> Vec<Setting> {
        ScenarioKey::ALL.iter().filter(|k| !self.is_default(**k)).map(|k| self.setting(*k)).collect()
    }

    /// Reads `key=value` pairs, keeping what is valid and reporting the rest.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Scenario, Vec<ScenarioError>) {
        let mut scenario = Scenario::AS_HAPPENED;
        let errors = pairs.into_iter().filter_map(|(k, v)| scenario.set(k, v).err()).collect();
        (scenario, errors)
    }

    /// Every scenario there is (the product of all keys' values).
    pub fn all() -> Vec<Scenario> {
        let mut all = vec![Scenario::AS_HAPPENED];
        for &key in ScenarioKey::ALL {
            let mut next = Vec::with_capacity(all.len() * key.values().len());
            for s in &all {
                for v in 0..key.values().len() {
                    next.push(s.with_setting(Setting { key, value: u8::try_from(v).unwrap_or(0) }));
                }
            }
            all = next;
        }
        all
    }

    /// The scenario in a reader's words: "as happened", or each change's label and value
    /// ("No 2026 amendment" reads "2026-04-27 amendment happened: no").
    pub fn describe(&self) -> String {
        let ds = crate::dataset::dataset();
        let mut parts: Vec<String> = self.changes().iter().map(|s| s.describe()).collect();
        parts.extend(self.edits_differing(&Scenario::AS_HAPPENED).into_iter().map(|e| self.describe_edit(ds, e)));
        if parts.is_empty() {
            return "as happened".to_owned();
        }
        parts.join("; ")
    }

    /// One edit in a reader's words: "your edit of “…”: until 2025-03-01 in this what-if; the
    /// sources say …", "your clause “…” (in no source)".
    pub fn describe_edit(&self, ds: &Dataset, which: EditRef) -> String {
        match which {
            EditRef::Clause(ix) => {
                let term = ds.term(ix);
                let edit = self.clause_edit(ix);
                let mut what = edits::describe_edit(term, &edit);
                if what.is_empty() {
                    what.push(if edit.is_none() { "as in the sources" } else { "restates the sources" }.to_owned());
                }
                format!("your edit of \u{201c}{}\u{201d}: {}", term.title, what.join(", "))
            }
            EditRef::Added(slot) => match self.added(usize::from(slot)) {
                Some(a) => format!("your clause \u{201c}{}\u{201d} (in no source)", a.name()),
                None => "no added clause".to_owned(),
            },
        }
    }

    /// The edits in their text form, as the URL writes them: (`c.<id>` or `add`, value).
    pub fn edit_params(&self, ds: &Dataset) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> =
            self.1.edited().map(|(ix, e)| (format!("c.{}", ds.term(ix).id), edits::write_edit(e))).collect();
        out.extend(self.1.added().map(|(_, a)| ("add".to_owned(), edits::write_added(ds, a))));
        out
    }

    /// Reads one edit parameter (`c.<id>` = edit, or `add` = clause); `Ok(false)` when `name`
    /// is not an edit parameter.
    pub fn set_edit_param(&mut self, ds: &Dataset, name: &str, value: &str) -> Result<bool, String> {
        if let Some(id) = name.strip_prefix("c.") {
            let ix = edits::clause_by_id(ds, id).map_err(|e| e.to_string())?;
            let edit = edits::parse_edit(ds.term(ix), value).map_err(|e| e.within(&format!("clauses.{id}")))?;
            *self = self.with_clause_edit(ix, edit);
            return Ok(true);
        }
        if name == "add" {
            let clause = edits::parse_added(ds, value).map_err(|e| e.within("add"))?;
            self.add_clause(clause).map_err(|e| e.to_string())?;
            return Ok(true);
        }
        Ok(false)
    }
}

/// Settings as a list `key=value;key=value` (the form the page's buttons carry).
pub fn write_settings(settings: &[Setting]) -> String {
    settings.iter().map(ToString::to_string).collect::<Vec<_>>().join(";")
}

/// Reads `key=value;key=value`; any pair that is not a valid setting is an error.
pub fn parse_settings(text: &str) -> Result<Vec<Setting>, ScenarioError> {
    text.split(';').filter(|pair| !pair.is_empty()).map(Setting::parse_pair).collect()
}

impl fmt::Display for Scenario {
    /// `as happened`, or the changed keys and the edits:
    /// `microsoft_declines=true c.compute-free=off add=allowed,w:api,p:aws`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.changes().iter().map(ToString::to_string).collect();
        parts.extend(self.edit_params(crate::dataset::dataset()).into_iter().map(|(k, v)| format!("{k}={v}")));
        if parts.is_empty() {
            return f.write_str("as happened");
        }
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_lists_round_trip_and_reject_garbage() {
        let s =
            [Setting::parse("microsoft_declines", "true").unwrap(), Setting::parse("agi_verified", "true").unwrap()];
        assert_eq!(parse_settings(&write_settings(&s)), Ok(s.to_vec()));
        assert_eq!(parse_settings(""), Ok(Vec::new()));
        assert!(parse_settings("microsoft_declines=true;nonsense=1").is_err());
        assert!(parse_settings("agi_verified=maybe").is_err());
        for (name, setting) in PRESETS {
            assert_ne!(Scenario::AS_HAPPENED.with_setting(*setting), Scenario::AS_HAPPENED, "preset {name}");
        }
    }

    #[test]
    fn defaults_are_as_happened() {
        let s = Scenario::AS_HAPPENED;
        assert_eq!(s.microsoft_declines(), None);
        assert!(!s.agi_verified());
        assert_eq!(s.get("amendment_2026_04"), Some("true"));
        assert_eq!(s.get("api_exclusive_until"), Some("agi"));
        assert_eq!(s.to_string(), "as happened");
        assert_eq!(s.describe(), "as happened");
    }

    #[test]
    fn set_and_errors() {
        let mut s = Scenario::AS_HAPPENED;
        s.set("microsoft_declines", "true").unwrap();
        assert_eq!(s.microsoft_declines(), Some(true));
        assert_eq!(s.to_string(), "microsoft_declines=true");
        assert_eq!(s.describe(), "Microsoft’s answer to new capacity: declined");
        s.set("microsoft_declines", "false").unwrap();
        assert_eq!(s.microsoft_declines(), Some(false));
        let err = s.set("api_exclusive_until", "2030").unwrap_err().to_string();
        assert!(err.contains("scenario.api_exclusive_until: 2030 is not accepted; accepted: agi, 2032"), "{err}");
        let err = s.set("agi", "true").unwrap_err().to_string();
        assert!(err.contains("unknown scenario key \"agi\""), "{err}");
    }

    #[test]
    fn from_pairs_keeps_the_valid_part() {
        let (s, errors) =
            Scenario::from_pairs([("agi_verified", "true"), ("bogus", "1"), ("amendment_2026_04", "maybe")]);
        assert!(s.agi_verified());
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn all_scenarios_are_distinct() {
        let all = Scenario::all();
        assert_eq!(all.len(), ScenarioKey::ALL.iter().map(|k| k.values().len()).product::<usize>());
        let set: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(set.len(), all.len());
    }
}
