//! Lines cut at the plot frame, as Bokeh clips glyphs to it: plotters draws wherever it is
//! told, so a fixed range that shows part of the data must not paint over the axes.

use super::decimate::Polyline;
use super::layout::PixelRect;

/// The parts of `path` inside `rect`, each kept part its own sub-path.
pub fn clip(path: &Polyline, rect: PixelRect, out: &mut Polyline) {
    out.clear();
    let bounds = [
        f64::from(rect.left),
        f64::from(rect.top),
        f64::from(rect.right),
        f64::from(rect.bottom),
    ];
    for sub in path.subpaths() {
        if let [only] = sub {
            if rect.contains(*only) {
                out.move_to(*only);
            }
            continue;
        }
        // Whether the last point pushed ends the current output sub-path.
        let mut open = false;
        for seg in sub.windows(2) {
            match clip_segment(seg[0], seg[1], bounds) {
                Some((a, b, a_moved, b_moved)) => {
                    if !open || a_moved {
                        out.move_to(a);
                    }
                    out.line_to(b);
                    open = !b_moved;
                }
                None => open = false,
            }
        }
    }
}

/// Liang–Barsky: the part of segment a→b inside [left, top, right, bottom], and whether
/// each end moved.
fn clip_segment(
    a: (f64, f64),
    b: (f64, f64),
    [left, top, right, bottom]: [f64; 4],
) -> Option<((f64, f64), (f64, f64), bool, bool)> {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - left),
        (dx, right - a.0),
        (-dy, a.1 - top),
        (dy, bottom - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| (a.0 + t * dx, a.1 + t * dy);
    Some((at(t0), at(t1), t0 > 0.0, t1 < 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECT: PixelRect = PixelRect {
        left: 0,
        top: 0,
        right: 10,
        bottom: 10,
    };

    fn clipped(points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let mut path = Polyline::default();
        for &p in points {
            path.line_to(p);
        }
        let mut out = Polyline::default();
        clip(&path, RECT, &mut out);
        out.subpaths().map(<[_]>::to_vec).collect()
    }

    #[test]
    fn inside_is_untouched() {
        let pts = [(1.0, 1.0), (5.0, 5.0), (9.0, 2.0)];
        assert_eq!(clipped(&pts), [pts.to_vec()]);
    }

    #[test]
    fn leaving_and_coming_back_splits_the_path() {
        let parts = clipped(&[(5.0, 5.0), (15.0, 5.0), (15.0, 8.0), (5.0, 8.0)]);
        assert_eq!(
            parts,
            [vec![(5.0, 5.0), (10.0, 5.0)], vec![(10.0, 8.0), (5.0, 8.0)]]
        );
    }

    #[test]
    fn crossing_keeps_only_the_inside_part() {
        let parts = clipped(&[(-10.0, 5.0), (20.0, 5.0)]);
        assert_eq!(parts, [vec![(0.0, 5.0), (10.0, 5.0)]]);
        assert!(clipped(&[(-5.0, -5.0), (-1.0, 20.0)]).is_empty());
    }
}
