//! Hatch patterns as BokehJS draws them: a tile `scale` pixels square with lines
//! `weight` wide (square caps), repeated from the canvas' origin. BokehJS's own calls make
//! the tile ([`TileCall`]): the page draws them on a canvas, so its tiles are the
//! browser's pixels as BokehJS's are; natively they are rasterized here.

use std::cell::{Cell, RefCell};

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

/// One of BokehJS's calls drawing a tile, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TileCall {
    MoveTo(f64, f64),
    LineTo(f64, f64),
    /// A whole circle (BokehJS's `arc`, counterclockwise from angle 0).
    Circle((f64, f64), f64),
    /// Strokes everything traced so far: BokehJS begins no new path between its strokes,
    /// so a tile's first lines are stroked again with each later one (and their
    /// antialiased pixels darken).
    Stroke,
    Fill,
}

/// A hatch tile as BokehJS draws it: `size` device pixels square, its `calls` made in
/// `color` with square caps and lines `weight` device pixels wide.
#[derive(Clone, Debug)]
pub struct Tile {
    pub size: usize,
    pub calls: Vec<TileCall>,
    pub color: Rgba,
    pub weight: f64,
}

/// Draws a tile's straight RGBA pixels as the browser draws them (the page's).
pub type DrawTile = fn(&Tile) -> Option<Vec<u8>>;

thread_local! {
    /// How the page draws tiles; natively they are rasterized here.
    static DRAW_TILE: Cell<Option<DrawTile>> = const { Cell::new(None) };
    /// The tiles drawn lately, by what they were asked for with: a glyph asks for its
    /// row's tile at every row of every paint, and a figure uses a few.
    static DRAWN: RefCell<Vec<(Asked, Pattern)>> = const { RefCell::new(Vec::new()) };
}

/// From now on tiles are drawn with `draw` (the page's canvas, where BokehJS's are drawn
/// too), or rasterized here.
#[cfg(target_arch = "wasm32")]
pub fn draw_tiles_with(draw: Option<DrawTile>) {
    DRAW_TILE.set(draw);
    DRAWN.with_borrow_mut(Vec::clear);
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
    let asked = (name, color, [scale, weight, dpr]);
    let known = DRAWN.with_borrow(|drawn| {
        (drawn.iter())
            .find(|((n, c, f), _)| (n.as_str(), *c, *f) == asked)
            .map(|(_, pattern)| pattern.clone())
    });
    if known.is_some() {
        return known;
    }
    let tile = tile(name, color, scale, weight, dpr)?;
    let rgba = (DRAW_TILE.get())
        .and_then(|draw| draw(&tile))
        .unwrap_or_else(|| rasterize(&tile));
    let pattern = Pattern {
        width: tile.size,
        height: tile.size,
        rgba,
    };
    DRAWN.with_borrow_mut(|drawn| {
        if drawn.len() >= 16 {
            drawn.remove(0);
        }
        drawn.push((
            (name.to_owned(), color, [scale, weight, dpr]),
            pattern.clone(),
        ));
    });
    Some(pattern)
}

/// What a tile is asked for with: its pattern's name, color, scale, weight and the
/// device's pixels per CSS pixel.
type Asked = (String, Rgba, [f64; 3]);

/// BokehJS's calls for pattern `name` (see `create_hatch_canvas` in BokehJS's
/// `core/visuals/patterns.ts`), scaled to device pixels.
fn tile(name: &str, color: Rgba, scale: f64, weight: f64, dpr: f64) -> Option<Tile> {
    let h = scale.round();
    if h.is_nan() || !(1.0..=512.0).contains(&h) {
        return None;
    }
    let (h2, h4) = (h / 2.0, h / 4.0);
    // BokehJS draws the tile on a canvas of its own shifted half a CSS pixel, as it
    // shifts the plot's (its diagonals then run through pixel centres); its own nudges
    // are half a CSS pixel too.
    let (o, n) = (HALF_PIXEL * dpr, 0.5 * dpr);
    let mut calls = Vec::new();
    // A line through `pts`, stroked.
    let line = |calls: &mut Vec<TileCall>, pts: &[(f64, f64)]| {
        calls.push(TileCall::MoveTo(pts[0].0 + o, pts[0].1 + o));
        for &(x, y) in &pts[1..] {
            calls.push(TileCall::LineTo(x + o, y + o));
        }
        calls.push(TileCall::Stroke);
    };
    let horz = |calls: &mut Vec<TileCall>, w: f64| line(calls, &[(0.0, h2 + n), (w, h2 + n)]);
    let vert = |calls: &mut Vec<TileCall>, w: f64| line(calls, &[(h2 + n, 0.0), (h2 + n, w)]);
    let x = |calls: &mut Vec<TileCall>| {
        line(calls, &[(0.0, h), (h, 0.0)]);
        line(calls, &[(0.0, 0.0), (h, h)]);
    };
    let circle = TileCall::Circle((h2 + o, h2 + o), h2 / 2.0);
    let c = &mut calls;
    match unalias(name) {
        "dot" => c.extend([circle, TileCall::Fill]),
        "ring" => c.extend([circle, TileCall::Stroke]),
        "horizontal_line" => horz(c, h),
        "vertical_line" => vert(c, h),
        "cross" => {
            horz(c, h);
            vert(c, h);
        }
        "horizontal_dash" => horz(c, h2),
        "vertical_dash" => vert(c, h2),
        "spiral" => {
            let h30 = h / 30.0;
            let mut turn = vec![(h2, h2)];
            for i in 0..360 {
                let a = 0.1 * f64::from(i);
                turn.push((h2 + h30 * a * a.cos(), h2 + h30 * a * a.sin()));
            }
            line(c, &turn);
        }
        "right_diagonal_line" => {
            for k in [-1.0, 1.0, 3.0] {
                line(c, &[(k * h4 + n, h), ((k + 2.0) * h4 + n, 0.0)]);
            }
        }
        "left_diagonal_line" => {
            for k in [1.0, 3.0, 5.0] {
                line(c, &[(k * h4 + n, h), ((k - 2.0) * h4 + n, 0.0)]);
            }
        }
        "diagonal_cross" => x(c),
        "right_diagonal_dash" => line(c, &[(h4 + n, 3.0 * h4 + n), (3.0 * h4 + n, h4 + n)]),
        "left_diagonal_dash" => line(c, &[(h4 + n, h4 + n), (3.0 * h4 + n, 3.0 * h4 + n)]),
        "horizontal_wave" => line(c, &[(0.0, h4), (h2, 3.0 * h4), (h, h4)]),
        "vertical_wave" => line(c, &[(h4, 0.0), (3.0 * h4, h2), (h4, h)]),
        "criss_cross" => {
            x(c);
            horz(c, h);
            vert(c, h);
        }
        _ => return None,
    }
    Some(Tile {
        size: h as usize,
        calls,
        color,
        weight,
    })
}

/// Rasterizes a tile here (natively), each line once.
fn rasterize(tile: &Tile) -> Vec<u8> {
    let (mut strokes, mut fills, mut traced) = (Path::new(), Path::new(), Vec::new());
    for call in &tile.calls {
        let target = match call {
            TileCall::Stroke => &mut strokes,
            TileCall::Fill => &mut fills,
            call => {
                traced.push(*call);
                continue;
            }
        };
        for call in traced.drain(..) {
            match call {
                TileCall::MoveTo(x, y) => target.move_to(x, y),
                TileCall::LineTo(x, y) => target.line_to(x, y),
                TileCall::Circle(c, r) => target.circle(c, r),
                TileCall::Stroke | TileCall::Fill => {}
            }
        }
    }
    let (size, color, weight) = (tile.size, tile.color, tile.weight);
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
    rgba
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
