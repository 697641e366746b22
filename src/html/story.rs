//! The guided story: a sequence of steps through the deal (`data/stories.toml`), each with
//! its day, scenario and cell, two or three sentences and their sources. The release build
//! writes the steps into the page; they cost the wasm nothing. Each step has its own URL —
//! its view plus `#step-N` — the open step is the URL's target (CSS `:target`), and previous /
//! next are links to those URLs; "leave the story" drops the target and keeps the view.

use super::{html, markup, sources_list, Html};
use crate::answer::SourceRef;
use crate::permalink::ViewState;

/// One step, ready to write.
#[derive(Clone, Debug)]
pub struct Step {
    pub title: String,
    pub text: String,
    /// The day, scenario and cell the step shows.
    pub view: ViewState,
    pub sources: Vec<SourceRef>,
}

/// The URL of step `n` (1-based): its view, then `#step-N`.
pub fn step_url(step: &Step, n: usize) -> String {
    format!("{}#step-{n}", step.view.to_query())
}

/// A link to step `n`, or nothing (`n` out of the story).
fn link(steps: &[Step], n: usize, testid: &str, label: &str) -> Html {
    match n.checked_sub(1).and_then(|i| steps.get(i)) {
        Some(step) => {
            markup!("<a class=\"story-link\" data-testid=\"{}\" href=\"{}\">{}</a>", testid, step_url(step, n), label)
        }
        None => Html::new(),
    }
}

/// The button-like link in the header that starts the story.
pub fn start(steps: &[Step]) -> Html {
    match steps.first() {
        Some(_) => link(steps, 1, "story-start", &format!("Take the tour: the deal in {} steps", steps.len())),
        None => Html::new(),
    }
}

/// The story's section: every step, each shown only while it is the URL's target.
pub fn story(steps: &[Step]) -> Html {
    let mut out = markup!("<section class=\"story\" data-testid=\"story\" aria-label=\"The story of the deal\">");
    for (i, step) in steps.iter().enumerate() {
        let n = i + 1;
        html!(
            out,
            "<article id=\"step-{}\" class=\"story-step\" data-testid=\"story-step-{}\" tabindex=\"-1\"><p class=\"step-count\">The story, step {} of {}</p><h2>{}</h2><p>{}</p>",
            n,
            n,
            n,
            steps.len(),
            step.title,
            step.text
        );
        sources_list(&mut out, &step.sources);
        html!(
            out,
            "<p class=\"story-nav\">{}{}<a class=\"story-leave\" data-testid=\"story-leave\" href=\"#app\">Leave the story (keep this view)</a></p></article>",
            link(steps, n - 1, "story-previous", "◀ Previous"),
            link(steps, n + 1, "story-next", "Next ▶")
        );
    }
    html!(out, "</section>");
    out
}
