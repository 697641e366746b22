//! `cargo run -p dealscope-data` — checks `data/` alone (or the folder given) and says what
//! is in it, or lists every problem with file, line, item and what to fix. Exit status 1 on
//! any problem. It compiles only the data crate, so it is the fast check after an edit.

use dealscope_data::authoring::load;
use dealscope_data::vocab::Reliability;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data"), PathBuf::from);
    match load(&dir) {
        Ok(raw) => {
            let reliability = |r: Reliability| raw.sources.iter().filter(|s| s.value.reliability == Some(r)).count();
            let unconfirmed = raw.sources.iter().filter(|s| s.value.confirmed == Some(false)).count();
            let researched = raw.meta.as_ref().map_or("?", |m| m.value.researched.as_str());
            println!("data/ is valid (researched {researched}):");
            let linked = raw.sources.iter().filter(|s| s.value.url.is_some()).count();
            println!(
                "  {} sources ({} primary, {} press, {} secondary; {unconfirmed} not confirmed by the companies; {linked} with the publisher's own address)",
                raw.sources.len(),
                reliability(Reliability::Primary),
                reliability(Reliability::Press),
                reliability(Reliability::Secondary)
            );
            println!(
                "  {} events, {} figures, {} terms, {} decisions, {} conflicts ({} of them scenario keys), {} parties",
                raw.events.len(),
                raw.figures.len(),
                raw.terms.len(),
                raw.decisions.len(),
                raw.conflicts.len(),
                raw.conflicts.iter().filter(|c| c.value.scenario_key.is_some()).count(),
                raw.parties.len()
            );
            println!("  a story of {} steps", raw.steps.len());
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{} has {} problem(s):", dir.display(), errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            ExitCode::FAILURE
        }
    }
}
