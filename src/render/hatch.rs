//! Hatch patterns as BokehJS draws them: a tile `scale` pixels square with lines
//! `weight` wide (square caps), repeated from the canvas' origin.

use crate::core::Rgba;
use crate::models::LineCap;

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

/// The tile of pattern `name` in `color`, `scale` device pixels square; `None` for no
/// pattern ("blank", unknown names). Out of line: most fills have no hatch (see the
/// module docs of `render`).
#[inline(never)]
pub(crate) fn hatch_pattern(name: &str, color: Rgba, scale: f64, weight: f64) -> Option<Pattern> {
    let h = scale.round();
    if h.is_nan() || !(1.0..=512.0).contains(&h) {
        return None;
    }
    let (h2, h4) = (h / 2.0, h / 4.0);
    let mut strokes = Path::new();
    let mut fills = Path::new();
    let line = |p: &mut Path, pts: &[(f64, f64)]| {
        p.move_to(pts[0].0, pts[0].1);
        for &(x, y) in &pts[1..] {
            p.line_to(x, y);
        }
    };
    let horz = |p: &mut Path, w: f64| line(p, &[(0.0, h2 + 0.5), (w, h2 + 0.5)]);
    let vert = |p: &mut Path, w: f64| line(p, &[(h2 + 0.5, 0.0), (h2 + 0.5, w)]);
    let x = |p: &mut Path| {
        line(p, &[(0.0, h), (h, 0.0)]);
        line(p, &[(0.0, 0.0), (h, h)]);
    };
    match unalias(name) {
        "dot" => fills.circle((h2, h2), h2 / 2.0),
        "ring" => strokes.circle((h2, h2), h2 / 2.0),
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
            strokes.move_to(h2, h2);
            for i in 0..360 {
                let a = 0.1 * f64::from(i);
                strokes.line_to(h2 + h30 * a * a.cos(), h2 + h30 * a * a.sin());
            }
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
    let stroke = Stroke {
        cap: LineCap::Square,
        ..Stroke::solid(color, weight)
    };
    let polys = stroke_polygons(&strokes, &stroke);
    let cover = Coverage::fill(polys.iter().map(Vec::as_slice), FillRule::NonZero, clip);
    sprite.paint(&cover, color);
    let mut pixels = Pixels::new(size, size);
    pixels.stamp(&sprite, 0, 0);
    // BokehJS's tiles show in Chromium as whole pixels of the hatch colour: a pixel
    // mostly covered is the colour, the rest is clear (blended edges turn a thin line
    // into a wider band of the two colours mixed).
    let full = (color.alpha.clamp(0.0, 1.0) * 255.0).round() as u8;
    let mut rgba = pixels.into_straight_rgba();
    for px in rgba.chunks_exact_mut(4) {
        let covered = u16::from(px[3]) * 2 >= u16::from(full) && full > 0;
        px.copy_from_slice(&[color.r, color.g, color.b, if covered { full } else { 0 }]);
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
        let p = hatch_pattern("-", Rgba::rgb(0, 0, 0), 12.0, 1.0).unwrap();
        assert_eq!((p.width, p.height), (12, 12));
        assert_eq!(p.at(3, 6)[3], 255);
        assert_eq!(p.at(3, 2)[3], 0);
        assert!(hatch_pattern("blank", Rgba::WHITE, 12.0, 1.0).is_none());
    }

    #[test]
    fn a_diagonal_tile_is_whole_pixels_of_its_colour() {
        let p = hatch_pattern("/", Rgba::rgb(128, 0, 128), 12.0, 1.0).unwrap();
        let alphas: Vec<u8> = p.rgba.chunks(4).map(|px| px[3]).collect();
        assert!(alphas.iter().all(|&a| a == 0 || a == 255));
        let drawn = alphas.iter().filter(|&&a| a == 255).count();
        // Three lines across a 12 px tile, about a pixel wide each.
        assert!((24..=48).contains(&drawn), "{drawn} pixels");
    }
}
