//! The colours of the pictures and the buckets of a deadline's move.
//!
//! The diverging palette is ColorBrewer's RdBu (9 classes), which stays
//! apart for the common colour-vision deficiencies: blue for deadlines
//! earlier (better for the customer), red for later (worse), white for no
//! change. Every fill has a text colour with a contrast of at least 4.5:1
//! (WCAG AA), and no picture says anything by colour alone: cells carry
//! their value as text, legends name each colour, and open hours are dark
//! on white (they print in black and white).

/// Dark text.
pub const INK: &str = "#000000";
/// Light text on dark fills.
pub const PAPER: &str = "#ffffff";
/// Grid lines and the frames of empty cells.
pub const RULE: &str = "#737373";
/// Secondary text (axes): 4.7:1 on white.
pub const MUTED: &str = "#595959";
/// An hour the clock runs (coverage): 5.9:1 against white, so it prints
/// dark without colour.
pub const RUNNING: &str = "#2166ac";
/// A cell without a deadline (best effort, a time that does not exist).
pub const NONE: &str = "#d9d9d9";
/// A holiday in both versions.
pub const HOLIDAY: &str = "#969696";
/// A day the calendar is closed every week (weekend).
pub const CLOSED_DAY: &str = "#f0f0f0";

/// How far a deadline moved, bucketed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bucket {
    /// Earlier by 24 hours or more.
    Earlier4,
    /// Earlier by 8 to 24 hours.
    Earlier3,
    /// Earlier by 1 to 8 hours.
    Earlier2,
    /// Earlier by less than an hour.
    Earlier1,
    /// The same deadline.
    Same,
    /// Later by less than an hour.
    Later1,
    /// Later by 1 to 8 hours.
    Later2,
    /// Later by 8 to 24 hours.
    Later3,
    /// Later by 24 hours or more.
    Later4,
}

impl Bucket {
    /// Every bucket, earliest first: the legend's order.
    pub const ALL: [Bucket; 9] = [
        Bucket::Earlier4,
        Bucket::Earlier3,
        Bucket::Earlier2,
        Bucket::Earlier1,
        Bucket::Same,
        Bucket::Later1,
        Bucket::Later2,
        Bucket::Later3,
        Bucket::Later4,
    ];

    /// The bucket of a move of `minutes` (negative: earlier).
    pub fn of(minutes: i64) -> Bucket {
        let size = match minutes.unsigned_abs() {
            0 => return Bucket::Same,
            1..=59 => 1,
            60..=479 => 2,
            480..=1439 => 3,
            _ => 4,
        };
        match (minutes < 0, size) {
            (true, 1) => Bucket::Earlier1,
            (true, 2) => Bucket::Earlier2,
            (true, 3) => Bucket::Earlier3,
            (true, _) => Bucket::Earlier4,
            (false, 1) => Bucket::Later1,
            (false, 2) => Bucket::Later2,
            (false, 3) => Bucket::Later3,
            (false, _) => Bucket::Later4,
        }
    }

    /// Its fill.
    pub fn fill(self) -> &'static str {
        match self {
            Bucket::Earlier4 => "#2166ac",
            Bucket::Earlier3 => "#4393c3",
            Bucket::Earlier2 => "#92c5de",
            Bucket::Earlier1 => "#d1e5f0",
            Bucket::Same => "#ffffff",
            Bucket::Later1 => "#fddbc7",
            Bucket::Later2 => "#f4a582",
            Bucket::Later3 => "#d6604d",
            Bucket::Later4 => "#b2182b",
        }
    }

    /// The colour of text on its fill.
    pub fn ink(self) -> &'static str {
        match self {
            Bucket::Earlier4 | Bucket::Later4 => PAPER,
            _ => INK,
        }
    }

    /// Its name in the legend.
    pub fn label(self) -> &'static str {
        match self {
            Bucket::Earlier4 => "earlier by 24 h or more",
            Bucket::Earlier3 => "earlier by 8 to 24 h",
            Bucket::Earlier2 => "earlier by 1 to 8 h",
            Bucket::Earlier1 => "earlier by under 1 h",
            Bucket::Same => "no change",
            Bucket::Later1 => "later by under 1 h",
            Bucket::Later2 => "later by 1 to 8 h",
            Bucket::Later3 => "later by 8 to 24 h",
            Bucket::Later4 => "later by 24 h or more",
        }
    }

    /// The sample value the legend's swatch shows, as cells show theirs.
    pub fn sample(self) -> &'static str {
        match self {
            Bucket::Earlier4 => "−24",
            Bucket::Earlier3 => "−8",
            Bucket::Earlier2 => "−1",
            Bucket::Earlier1 => "−30m",
            Bucket::Same => "",
            Bucket::Later1 => "+30m",
            Bucket::Later2 => "+1",
            Bucket::Later3 => "+8",
            Bucket::Later4 => "+24",
        }
    }
}

/// A move as a cell shows it: hours with a sign (`+4`, `−16`, `+2.5`),
/// minutes under an hour (`+30m`), nothing for no move.
pub fn shift_text(minutes: i64) -> String {
    let sign = if minutes < 0 { "−" } else { "+" };
    let m = minutes.unsigned_abs();
    match m {
        0 => String::new(),
        1..=59 => format!("{sign}{m}m"),
        _ if m % 60 == 0 => format!("{sign}{}", m / 60),
        _ => {
            // Tenths of an hour, rounded half up, never shown as whole.
            let tenths = (m * 10 + 30) / 60;
            format!("{sign}{}.{}", tenths / 10, tenths % 10)
        }
    }
}

/// A move in words: `4 h later`, `2 h 30 min earlier`, `no change`.
pub fn shift_words(minutes: i64) -> String {
    let m = minutes.unsigned_abs();
    let amount = match (m / 60, m % 60) {
        (0, 0) => return "no change".to_owned(),
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    };
    if minutes < 0 {
        format!("{amount} earlier")
    } else {
        format!("{amount} later")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_and_texts() {
        assert_eq!(Bucket::of(0), Bucket::Same);
        assert_eq!(Bucket::of(-59), Bucket::Earlier1);
        assert_eq!(Bucket::of(60), Bucket::Later2);
        assert_eq!(Bucket::of(479), Bucket::Later2);
        assert_eq!(Bucket::of(480), Bucket::Later3);
        assert_eq!(Bucket::of(-1440), Bucket::Earlier4);
        assert_eq!(shift_text(240), "+4");
        assert_eq!(shift_text(-960), "−16");
        assert_eq!(shift_text(150), "+2.5");
        assert_eq!(shift_text(-30), "−30m");
        assert_eq!(shift_text(0), "");
        assert_eq!(shift_words(-150), "2 h 30 min earlier");
        assert_eq!(shift_words(240), "4 h later");
    }
}
