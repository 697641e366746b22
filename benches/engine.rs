//! Engine benchmark (native, release): prints the time of one verdict, the full matrix for
//! one day, every cell's timeline, and a full scenario diff. Figures, not assertions: the
//! machines are noisy. Budgets from the engine issue: one verdict ≤ 2 µs, full diff ≤ 20 ms.

use dealscope::dataset::dataset;
use dealscope::engine::{cells, diff, matrix, paths_to_yes, timeline, verdict, Query};
use dealscope::scenario::Scenario;
use dealscope::vocab::{ymd, Provider, Workload};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs `f` repeatedly for about `budget` and returns the median of 15 batches, per call.
fn measure<T>(budget: Duration, mut f: impl FnMut() -> T) -> Duration {
    let start = Instant::now();
    let mut calls = 0u32;
    while start.elapsed() < budget / 20 || calls < 3 {
        black_box(f());
        calls += 1;
    }
    let per_batch = calls.max(1);
    let mut samples: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                black_box(f());
            }
            t.elapsed() / per_batch
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

fn report(name: &str, took: Duration, budget: Option<Duration>) {
    let verdict = match budget {
        Some(b) if took <= b => format!("  (budget {b:?}: within)"),
        Some(b) => format!("  (budget {b:?}: OVER)"),
        None => String::new(),
    };
    println!("{name:<44} {took:>12.2?}{verdict}");
}

fn main() {
    let ds = dataset();
    let budget = Duration::from_millis(400);
    let q = Query {
        date: ymd(2025, 3, 15),
        workload: Workload::Training,
        provider: Provider::Coreweave,
        scenario: Scenario::AS_HAPPENED,
    };
    let declines = Scenario::AS_HAPPENED.with("microsoft_declines", "true");
    let what_if = Scenario::AS_HAPPENED.with("amendment_2026_04", "false").with("agi_verified", "true");
    // Five edits: three clauses edited, two added (the panel's worst case in the issue).
    let mut edited = Scenario::AS_HAPPENED;
    for (name, value) in [
        ("c.compute-free", "off"),
        ("c.rofr-new-capacity", "until:2025-03-01"),
        ("c.azure-first", "from:2026-06-01,p:azure.google"),
        ("add", "azure-only,from:2026-04-27,w:api,p:all,sup:azure-first,t:API stays on Azure"),
        ("add", "rofr,from:2025-01-21,w:api,p:all,sup:api-azure-exclusive"),
    ] {
        edited.set_edit_param(ds, name, value).expect("a valid edit");
    }
    println!("dealscope engine benchmark (median per call, release build)");
    report("one verdict", measure(budget, || verdict(ds, &q)), Some(Duration::from_micros(2)));
    report(
        "one verdict, scenario set",
        measure(budget, || verdict(ds, &q.under(declines))),
        Some(Duration::from_micros(2)),
    );
    report(
        "one verdict, five edits",
        measure(budget, || verdict(ds, &q.under(edited))),
        Some(Duration::from_micros(2)),
    );
    report("full matrix for one day, five edits", measure(budget, || matrix(ds, q.date, edited)), None);
    report("full scenario diff, five edits", measure(budget, || diff(ds, edited)), Some(Duration::from_millis(20)));
    report("full matrix for one day (28 cells)", measure(budget, || matrix(ds, q.date, declines)), None);
    report(
        "timelines of all 28 cells, 2016-2035",
        measure(budget, || cells().map(|(w, p)| timeline(ds, w, p, what_if).len()).sum::<usize>()),
        None,
    );
    report(
        "full scenario diff (all cells, all days)",
        measure(budget, || diff(ds, what_if)),
        Some(Duration::from_millis(20)),
    );
    report("paths to yes for one cell", measure(budget, || paths_to_yes(ds, &q)), None);
}
