//! Reader words for the data's prose and its sources' names.
//!
//! The research refers to the articles it started from by number ("seed 003", "Seed 003's
//! reading"), to scenario keys and to conflicts by their ids. Readers get outlets, what-ifs and
//! claims instead: [`reader_words`] rewrites the prose once, when the data is baked
//! (`codegen`), so the page carries no rewriting code. [`source_name`] names a source's outlet
//! as a reader can look it up; the page uses it wherever it names a source.

use crate::vocab::ScenarioKey;

/// A source's outlet or author as a reader sees it: as the data names it; where the research
/// named none (`unknown (news report)`), what it is ("Unnamed news report"); a bare user name
/// (a blog's handle, all lower-case letters) names nobody a reader can look up: "Unnamed
/// website".
pub fn source_name(publisher: &str) -> String {
    if let Some(what) = publisher.strip_prefix("unknown (").and_then(|rest| rest.strip_suffix(')')) {
        return format!("Unnamed {what}");
    }
    if publisher.is_empty() || publisher == "unknown" {
        return "Unnamed source".to_owned();
    }
    if publisher.bytes().all(|b| b.is_ascii_lowercase()) {
        return "Unnamed website".to_owned();
    }
    publisher.to_owned()
}

/// A source's name inside a sentence: the outlet alone ("All Things Geek" for "All Things Geek
/// (Craig Nash), source TechRadar"), or "an unnamed news report".
pub fn short_name(publisher: &str) -> String {
    let name = source_name(publisher);
    if let Some(what) = name.strip_prefix("Unnamed ") {
        return format!("an unnamed {what}");
    }
    name.split([',', '(']).next().unwrap_or_default().trim_end().to_owned()
}

/// `text` in a reader's words: a seed article named by its number ("seed 003") becomes its
/// outlet (the publisher of source `seed-003` in `sources`, as (id, publisher) pairs), a
/// scenario key named by its wire name ("scenario key frontier_on_aws") becomes its what-if
/// ("the what-if “Frontier on AWS before the amendment”"), and a conflict named by its id
/// ("conflict azure-first-wording", in `conflicts` as (id, claim) pairs) becomes its claim.
/// Text without any is returned as it is.
pub fn reader_words(text: &str, sources: &[(&str, &str)], conflicts: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let seed = (rest.starts_with("seed ") || rest.starts_with("Seed "))
            && rest.get(5..8).is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        let found = if seed {
            let id = format!("seed-{}", &rest[5..8]);
            let mut name = sources
                .iter()
                .find(|(s, _)| *s == id)
                .map_or_else(|| "a secondary article".to_owned(), |(_, publisher)| short_name(publisher));
            if rest.starts_with('S') && name.starts_with("an ") {
                name.replace_range(..1, "A");
            }
            Some((name, 8))
        } else if let Some(after) = rest.strip_prefix("scenario key ") {
            ScenarioKey::ALL
                .iter()
                .find(|k| after.starts_with(k.as_str()))
                .map(|k| (format!("the what-if “{}”", k.label()), 13 + k.as_str().len()))
        } else if let Some(after) = rest.strip_prefix("conflict ") {
            conflicts
                .iter()
                .find(|(id, _)| after.starts_with(id))
                .map(|(id, claim)| (format!("“{claim}”, under “Where sources disagree”"), 9 + id.len()))
        } else {
            None
        };
        if let Some((name, len)) = found {
            out.push_str(&name);
            rest = &rest[len..];
        } else {
            let next = rest.chars().next().map_or(1, char::len_utf8);
            out.push_str(&rest[..next]);
            rest = &rest[next..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_named_as_a_reader_can_look_them_up() {
        assert_eq!(source_name("unknown (news report)"), "Unnamed news report");
        assert_eq!(source_name("unknown (secondary reporting)"), "Unnamed secondary reporting");
        assert_eq!(source_name("amynicole"), "Unnamed website", "a handle names nobody");
        assert_eq!(source_name("i10x"), "i10x", "an outlet's name, digits and all");
        assert_eq!(source_name("Financial Times (relayed by Reuters)"), "Financial Times (relayed by Reuters)");
        assert_eq!(short_name("All Things Geek (Craig Nash), source TechRadar"), "All Things Geek");
        assert_eq!(short_name("unknown (news report)"), "an unnamed news report");
    }

    #[test]
    fn the_data_s_prose_names_seed_articles_by_their_outlet() {
        let sources =
            [("seed-003", "All Things Geek (Craig Nash), source TechRadar"), ("seed-004", "unknown (news report)")];
        let conflicts = [("backlog-label", "What the $281.3B is")];
        assert_eq!(
            reader_words("Seed 003's reading, and seed 004 (May 2026); seeds 1 and seed x stay", &sources, &conflicts),
            "All Things Geek's reading, and an unnamed news report (May 2026); seeds 1 and seed x stay"
        );
        assert_eq!(
            reader_words("Seed 004 says — and seed 009 too", &sources, &conflicts),
            "An unnamed news report says — and a secondary article too"
        );
        assert_eq!(
            reader_words("until the amendment (scenario key frontier_on_aws).", &sources, &conflicts),
            "until the amendment (the what-if “Frontier on AWS before the amendment”)."
        );
        assert_eq!(reader_words("plain — “quoted” text", &sources, &conflicts), "plain — “quoted” text");
        assert_eq!(
            reader_words("(see conflict backlog-label).", &sources, &conflicts),
            "(see “What the $281.3B is”, under “Where sources disagree”)."
        );
    }
}
