//! Time on a line, shared by the overview and its picture, the strip under "Why" and the date
//! slider: where a day sits between the first and the last day of a range.
//!
//! The years the deal happened in — those with at least three of the dataset's events (2025
//! and 2026 today) — are drawn three times as wide as the quiet ones, so the months in which
//! every door opened get room; within a year, days are evenly spaced. The charts label their
//! years, so the stretch is seen, never hidden. Positions are integers: a quiet year spans
//! 1000 units (more than two a day), so every day has a position of its own.

use crate::dataset::Dataset;
use crate::permalink::TimeRange;
use crate::vocab::{FIRST_DAY, LAST_DAY};
use chrono::{Datelike, NaiveDate};

/// A year with at least this many events is drawn wide.
const EVENTFUL: usize = 3;
/// How many times wider than a quiet year.
const WIDE: i64 = 3;
/// The units a quiet year spans.
const UNIT: i64 = 1000;
/// Where "the deal so far" starts: the 2019 exclusivity, where the story begins.
pub const SO_FAR_FROM: i32 = 2019;

/// The years of a range with the units each spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scale {
    first: i32,
    units: Vec<i64>,
}

fn jan1(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(FIRST_DAY)
}

fn year_len(year: i32) -> i64 {
    jan1(year + 1).signed_duration_since(jan1(year)).num_days().max(1)
}

impl Scale {
    /// The scale of `range`: "the deal so far" is 2019 to the year after the data's "as of"
    /// (2019–2027 for data as of 2026), "all" the explorer's whole range, 2016–2035.
    pub fn new(ds: &Dataset, range: TimeRange) -> Scale {
        let (first, last) = match range {
            TimeRange::All => (FIRST_DAY.year(), LAST_DAY.year()),
            TimeRange::SoFar => (SO_FAR_FROM, (ds.researched.year() + 1).min(LAST_DAY.year())),
        };
        let units = (first..=last)
            .map(|year| {
                let events = ds.events.iter().filter(|e| e.date.date.year() == year).count();
                if events >= EVENTFUL {
                    WIDE * UNIT
                } else {
                    UNIT
                }
            })
            .collect();
        Scale { first, units }
    }

    /// The first day of the range.
    pub fn start(&self) -> NaiveDate {
        jan1(self.first)
    }

    /// The day after the range.
    pub fn end(&self) -> NaiveDate {
        jan1(self.first + i32::try_from(self.units.len()).unwrap_or(0))
    }

    /// The units the whole range spans.
    pub fn total(&self) -> i64 {
        self.units.iter().sum()
    }

    /// Every year of the range: the year, where it starts and how many units it spans.
    pub fn years(&self) -> impl Iterator<Item = (i32, i64, i64)> + '_ {
        let mut at = 0;
        (self.first..).zip(&self.units).map(move |(year, units)| {
            let start = at;
            at += units;
            (year, start, *units)
        })
    }

    /// Where `day` sits: 0 at the first day, [`Scale::total`] at the day after the last
    /// (days outside the range are clamped to its ends). Rounded up, so [`Scale::day`] gives
    /// the same day back.
    pub fn at(&self, day: NaiveDate) -> i64 {
        if day < self.start() {
            return 0;
        }
        for (year, start, units) in self.years() {
            if day.year() == year {
                let len = year_len(year);
                return start + (units * i64::from(day.ordinal0()) + len - 1) / len;
            }
        }
        self.total()
    }

    /// The day at position `pos` (clamped to the range).
    pub fn day(&self, pos: i64) -> NaiveDate {
        for (year, start, units) in self.years() {
            if pos < start + units {
                let len = year_len(year);
                let into = (pos.max(start) - start) * len / units.max(1);
                return jan1(year) + chrono::Duration::days(into.min(len - 1));
            }
        }
        self.end().pred_opt().unwrap_or(LAST_DAY)
    }

    /// `day` on a line `width` long.
    pub fn x(&self, day: NaiveDate, width: i64) -> i64 {
        self.at(day) * width / self.total().max(1)
    }

    /// The years drawn wide, in a reader's words ("2025 and 2026"), if any.
    pub fn wide_years(&self) -> Option<String> {
        let wide: Vec<i32> = self.years().filter(|(_, _, u)| *u > UNIT).map(|(y, _, _)| y).collect();
        let mut out = String::new();
        for (i, year) in wide.iter().enumerate() {
            let sep = if i == 0 {
                ""
            } else if i + 1 == wide.len() {
                " and "
            } else {
                ", "
            };
            out = out + sep + &year.to_string();
        }
        (!out.is_empty()).then_some(out)
    }

    /// The years to label on a line `width` long whose labels need `room` each: the wide
    /// years first, then every other year whose label fits between those already placed.
    pub fn labels(&self, width: i64, room: i64) -> Vec<(i32, i64)> {
        let total = self.total().max(1);
        let mut out: Vec<(i32, i64)> = Vec::new();
        for wide in [true, false] {
            for (year, start, _) in self.years().filter(|(_, _, units)| (*units > UNIT) == wide) {
                let x = start * width / total;
                if width - x >= room && out.iter().all(|(_, other)| (x - other).abs() >= room) {
                    // In order of x, without a general sort (it costs the wasm kilobytes).
                    out.insert(out.partition_point(|(_, other)| *other < x), (year, x));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::dataset;
    use crate::vocab::ymd;

    #[test]
    fn every_day_has_a_position_of_its_own_and_comes_back() {
        for range in [TimeRange::All, TimeRange::SoFar] {
            let scale = Scale::new(dataset(), range);
            let mut day = scale.start();
            let mut last = -1;
            while day < scale.end() {
                let at = scale.at(day);
                assert!(at > last, "{range:?}: {day} at {at}, after {last}");
                assert_eq!(scale.day(at), day, "{range:?}: the day at {at}");
                last = at;
                day = day.succ_opt().unwrap();
            }
            assert!(last < scale.total());
            assert_eq!(scale.at(scale.end()), scale.total());
            assert_eq!(scale.day(scale.total() + 5), scale.end().pred_opt().unwrap(), "clamped");
            assert_eq!(scale.day(-5), scale.start());
        }
    }

    #[test]
    fn the_deal_so_far_is_2019_to_the_year_after_the_as_of_day_and_its_eventful_years_are_wide() {
        let ds = dataset();
        let so_far = Scale::new(ds, TimeRange::SoFar);
        assert_eq!((so_far.start(), so_far.end()), (ymd(2019, 1, 1), ymd(ds.researched.year() + 2, 1, 1)));
        let all = Scale::new(ds, TimeRange::All);
        assert_eq!((all.start(), all.end()), (FIRST_DAY, crate::engine::range_end()));
        let share = |scale: &Scale, year: i32| scale.x(ymd(year + 1, 1, 1), 1000) - scale.x(ymd(year, 1, 1), 1000);
        // 2025 and 2026 hold most of the events: three times a quiet year.
        let units = |scale: &Scale, year: i32| scale.at(ymd(year + 1, 1, 1)) - scale.at(ymd(year, 1, 1));
        assert_eq!(units(&all, 2025), 3 * units(&all, 2020));
        assert_eq!(units(&all, 2026), 3 * units(&all, 2031));
        assert_eq!(all.wide_years().as_deref(), Some("2025 and 2026"));
        assert!(share(&so_far, 2025) >= 200, "{}‰ of the line", share(&so_far, 2025));
        assert!(share(&all, 2025) >= 120, "{}‰ of the line", share(&all, 2025));
        // Days outside the range sit at its ends.
        assert_eq!(so_far.at(ymd(2016, 5, 1)), 0);
        assert_eq!(so_far.at(ymd(2035, 5, 1)), so_far.total());
    }

    #[test]
    fn years_are_labelled_where_they_fit() {
        let all = Scale::new(dataset(), TimeRange::All);
        let years: Vec<i32> = all.labels(800, 30).iter().map(|(y, _)| *y).collect();
        assert_eq!(years, (2016..=2035).collect::<Vec<_>>(), "800 wide: every year");
        let narrow = all.labels(1000, 80);
        let years: Vec<i32> = narrow.iter().map(|(y, _)| *y).collect();
        assert!(years.contains(&2025) && years.contains(&2026) && years.contains(&2016), "{years:?}");
        assert!(years.len() < 20);
        for pair in narrow.windows(2) {
            assert!(pair[1].1 - pair[0].1 >= 80, "{narrow:?}");
        }
    }
}
