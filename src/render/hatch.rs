//! Hatch patterns as BokehJS draws them: a tile `scale` pixels square with lines
//! `weight` wide (square caps), repeated from the canvas' origin.

use crate::core::Rgba;
use crate::models::LineCap;

use super::figure::HALF_PIXEL;
use super::raster::{stroke_polygons, Coverage, IRect, Pixels, Sprite};
use super::surface::{FillRule, Path, Pattern, Stroke};

/// Bokeh's one-character names of the patterns.
fn unalias(name: &str) -> &str {
    match name {
        " " => "blank",
        "." => "dot",
        "o" => "ring",
        "-" => "horizontal_line",
        "|" => "vertical_line",
        "+" => "cross",
        "\"" => "horizontal_dash",
        ":" => "vertical_dash",
        "@" => "spiral",
        "/" => "right_diagonal_line",
        "\\" => "left_diagonal_line",
        "x" => "diagonal_cross",
        "," => "right_diagonal_dash",
        "`" => "left_diagonal_dash",
        "v" => "horizontal_wave",
        ">" => "vertical_wave",
        "*" => "criss_cross",
        other => other,
    }
}

/// The tile of pattern `name` in `color`, `scale` device pixels square, for `dpr` device
/// pixels per CSS pixel; `None` for no pattern ("blank", unknown names). Out of line: most
/// fills have no hatch (see the module docs of `render`).
#[inline(never)]
pub(crate) fn hatch_pattern(
    name: &str,
    color: Rgba,
    scale: f64,
    weight: f64,
    dpr: f64,
) -> Option<Pattern> {
    let h = scale.round();
    // BokehJS draws the tile on a canvas of its own shifted half a CSS pixel, as it
    // shifts the plot's: its diagonals then run through pixel centres.
    let o = HALF_PIXEL * dpr;
    if h.is_nan() || !(1.0..=512.0).contains(&h) {
        return None;
    }
    let (h2, h4) = (h / 2.0, h / 4.0);
    let mut strokes = Path::new();
    let mut fills = Path::new();
    let line = |p: &mut Path, pts: &[(f64, f64)]| {
        p.move_to(pts[0].0 + o, pts[0].1 + o);
        for &(x, y) in &pts[1..] {
            p.line_to(x + o, y + o);
        }
    };
    let horz = |p: &mut Path, w: f64| line(p, &[(0.0, h2 + 0.5), (w, h2 + 0.5)]);
    let vert = |p: &mut Path, w: f64| line(p, &[(h2 + 0.5, 0.0), (h2 + 0.5, w)]);
    let x = |p: &mut Path| {
        line(p, &[(0.0, h), (h, 0.0)]);
        line(p, &[(0.0, 0.0), (h, h)]);
    };
    match unalias(name) {
        "dot" => fills.circle((h2 + o, h2 + o), h2 / 2.0),
        "ring" => strokes.circle((h2 + o, h2 + o), h2 / 2.0),
        "horizontal_line" => horz(&mut strokes, h),
        "vertical_line" => vert(&mut strokes, h),
        "cross" => {
            horz(&mut strokes, h);
            vert(&mut strokes, h);
        }
        "horizontal_dash" => horz(&mut strokes, h2),
        "vertical_dash" => vert(&mut strokes, h2),
        "spiral" => {
            let h30 = h / 30.0;
            let mut turn = vec![(h2, h2)];
            for i in 0..360 {
                let a = 0.1 * f64::from(i);
                turn.push((h2 + h30 * a * a.cos(), h2 + h30 * a * a.sin()));
            }
            line(&mut strokes, &turn);
        }
        "right_diagonal_line" => {
            for k in [-1.0, 1.0, 3.0] {
                line(
                    &mut strokes,
                    &[(k * h4 + 0.5, h), ((k + 2.0) * h4 + 0.5, 0.0)],
                );
            }
        }
        "left_diagonal_line" => {
            for k in [1.0, 3.0, 5.0] {
                line(
                    &mut strokes,
                    &[(k * h4 + 0.5, h), ((k - 2.0) * h4 + 0.5, 0.0)],
                );
            }
        }
        "diagonal_cross" => x(&mut strokes),
        "right_diagonal_dash" => line(
            &mut strokes,
            &[(h4 + 0.5, 3.0 * h4 + 0.5), (3.0 * h4 + 0.5, h4 + 0.5)],
        ),
        "left_diagonal_dash" => line(
            &mut strokes,
            &[(h4 + 0.5, h4 + 0.5), (3.0 * h4 + 0.5, 3.0 * h4 + 0.5)],
        ),
        "horizontal_wave" => line(&mut strokes, &[(0.0, h4), (h2, 3.0 * h4), (h, h4)]),
        "vertical_wave" => line(&mut strokes, &[(h4, 0.0), (3.0 * h4, h2), (h4, h)]),
        "criss_cross" => {
            x(&mut strokes);
            horz(&mut strokes, h);
            vert(&mut strokes, h);
        }
        _ => return None,
    }
    let size = h as usize;
    let clip = IRect {
        x0: 0,
        y0: 0,
        x1: size as i32,
        y1: size as i32,
    };
    let mut sprite = Sprite::empty(size, size, (0, 0));
    let fill = Coverage::fill(fills.subpaths().map(|(p, _)| p), FillRule::NonZero, clip);
    sprite.paint(&fill, color);
    // Chromium strokes a line no wider than a pixel as a hairline, each pixel as much of
    // its colour as the line runs near its centre, faded by the width (BokehJS's
    // hatch_weight 0.5 shows faint): drawn one pixel wide, its coverage sharpened so a
    // line through pixel centres is whole pixels and one between two shares them.
    let hairline = weight <= 1.0 && fills.subpaths().next().is_none();
    let stroke = Stroke {
        cap: LineCap::Square,
        ..Stroke::solid(color, weight.max(1.0))
    };
    let polys = stroke_polygons(&strokes, &stroke);
    let cover = Coverage::fill(polys.iter().map(Vec::as_slice), FillRule::NonZero, clip);
    sprite.paint(&cover, color);
    let mut pixels = Pixels::new(size, size);
    pixels.stamp(&sprite, 0, 0);
    let mut rgba = pixels.into_straight_rgba();
    let full = color.alpha.clamp(0.0, 1.0) * 255.0;
    for px in rgba.chunks_exact_mut(4) {
        let mut alpha = px[3];
        if hairline && full > 0.0 {
            let covered = f64::from(alpha) / full;
            let sharp = ((covered - 0.25) * 2.0).clamp(0.0, 1.0) * weight.max(0.0);
            alpha = (sharp * full).round() as u8;
        }
        // One colour, exactly (un-premultiplying a faint pixel rounds it off).
        px.copy_from_slice(&[color.r, color.g, color.b, alpha]);
    }
    Some(Pattern {
        width: size,
        height: size,
        rgba,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_horizontal_line_crosses_the_tile_mid_height() {
        let p = hatch_pattern("-", Rgba::rgb(0, 0, 0), 12.0, 1.0, 1.0).unwrap();
        assert_eq!((p.width, p.height), (12, 12));
        // Half a pixel down, as BokehJS's: between rows 6 and 7, half in each.
        for y in [6, 7] {
            assert!(p.at(3, y)[3].abs_diff(128) <= 2, "{:?}", p.at(3, y));
        }
        assert_eq!(p.at(3, 2)[3], 0);
        assert!(hatch_pattern("blank", Rgba::WHITE, 12.0, 1.0, 1.0).is_none());
    }

    /// As BokehJS's tile, drawn half a pixel off: its 45° lines run through pixel
    /// centres, one nearly whole pixel per row each, their neighbours nearly clear (a
    /// hairline's, as Chromium draws it).
    #[test]
    fn a_diagonal_cross_runs_through_pixel_centres() {
        let p = hatch_pattern("x", Rgba::rgb(0, 0, 0), 12.0, 1.0, 1.0).unwrap();
        for y in 0..12_i64 {
            let drawn: Vec<i64> = (0..12).filter(|&x| p.at(x, y)[3] > 200).collect();
            let mut want = vec![y, 12 - y];
            want.retain(|&x| x < 12);
            want.sort_unstable();
            want.dedup();
            assert_eq!(drawn, want, "row {y}");
            // Where the two lines cross, each pixel beside both shares their edges.
            let faint = (0..12).filter(|x| !want.contains(x) && !(5..=7).contains(&y));
            assert!(faint.into_iter().all(|x| p.at(x, y)[3] < 30), "row {y}");
        }
    }

    /// A thin line (BokehJS's hatch_weight 0.5) is drawn faint, not left out.
    #[test]
    fn a_thin_line_shows_faint() {
        let p = hatch_pattern("-", Rgba::rgb(0, 0, 0), 12.0, 0.5, 1.0).unwrap();
        let column: Vec<u8> = (0..12).map(|y| p.at(3, y)[3]).collect();
        let peak = *column.iter().max().unwrap();
        assert_eq!(peak, 64, "{column:?}");
        assert_eq!(column.iter().filter(|&&a| a > 0).count(), 2, "{column:?}");
    }
}
