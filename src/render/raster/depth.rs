//! Markers of one colour, stacked in any order. Over one another, `n` layers of one colour
//! let `Π(1 − aᵢ)` of the background through whatever their order: so each pixel sums the
//! layers' optical depth `−ln(1 − aᵢ)`, and where markers pile up on the same spot they
//! are counted first and stamped once, `count` times as deep. The picture is the one
//! stamping them one over another in order paints (to a rounding of the last bit).

use crate::core::Rgba;

use super::pixels::{straight, Sprite};

/// Depth standing for an opaque pixel (e^-16 of the background shows: none of it).
const OPAQUE: f32 = 16.0;

/// A sprite's ink as optical depth.
pub(crate) struct DepthSprite {
    anchor: (i32, i32),
    reach: usize,
    /// Per inked row: the row, its first column, and the depths of its columns from there.
    rows: Vec<(i32, i32, Vec<f32>)>,
}

impl DepthSprite {
    pub fn new(sprite: &Sprite) -> DepthSprite {
        let rows = (sprite.rows.0..sprite.rows.1)
            .filter_map(|r| {
                let (a, b) = sprite.spans[usize::from(r)];
                (a < b).then(|| {
                    let start = usize::from(r) * sprite.width;
                    let depths = sprite.data[start + usize::from(a)..start + usize::from(b)]
                        .iter()
                        .map(|p| depth(p[3]))
                        .collect();
                    (i32::from(r), i32::from(a), depths)
                })
            })
            .collect();
        DepthSprite {
            anchor: sprite.anchor,
            reach: sprite.reach().max(0) as usize,
            rows,
        }
    }

    /// How many pixels hold ink.
    pub fn ink(&self) -> usize {
        self.rows.iter().map(|r| r.2.len()).sum()
    }

    /// How far the sprite's ink reaches from its anchor, any direction (what a
    /// [`Depth`]'s margin must be).
    pub fn reach(&self) -> usize {
        self.reach
    }
}

fn depth(alpha: u8) -> f32 {
    if alpha == 255 {
        OPAQUE
    } else {
        -(1.0 - f32::from(alpha) / 255.0).ln()
    }
}

/// Optical depth per pixel over a buffer and a margin around it that no sprite reaches
/// past, so stamping never clips.
pub(crate) struct Depth {
    width: usize,
    height: usize,
    margin: usize,
    /// Row length with the margins.
    stride: usize,
    data: Vec<f32>,
}

impl Depth {
    /// A `width` × `height` buffer for sprites reaching at most `margin` from the anchor.
    pub fn new(width: usize, height: usize, margin: usize) -> Depth {
        let stride = width + 2 * margin;
        Depth {
            width,
            height,
            margin,
            stride,
            data: vec![0.0; stride * (height + 2 * margin)],
        }
    }

    /// Whether a sprite anchored on pixel (x, y) stays within the margins.
    #[inline]
    pub fn holds(&self, x: i32, y: i32) -> bool {
        let m = self.margin as i32;
        x >= -m
            && y >= -m
            && x < (self.width + self.margin) as i32
            && y < (self.height + self.margin) as i32
    }

    /// Adds `sprite` `times` over with its anchor on pixel (x, y), which [`Depth::holds`].
    #[inline(always)]
    pub fn stamp(&mut self, sprite: &DepthSprite, x: i32, y: i32, times: f32) {
        let left = x - sprite.anchor.0 + self.margin as i32;
        let top = y - sprite.anchor.1 + self.margin as i32;
        for (r, c, depths) in &sprite.rows {
            let (row, column) = ((top + r) as usize, (left + c) as usize);
            let start = row * self.stride + column;
            let Some(dst) = self.data.get_mut(start..start + depths.len()) else {
                continue;
            };
            for (d, s) in dst.iter_mut().zip(depths) {
                *d += times * s;
            }
        }
    }

    /// The buffer's pixels (not the margins) in `color`, as opaque as their depth says,
    /// as straight RGBA bytes: each rounded premultiplied first, as a [`Pixels`] would
    /// hold it, with no such buffer between.
    ///
    /// [`Pixels`]: super::Pixels
    pub fn to_straight_rgba(&self, color: Rgba) -> Vec<u8> {
        let mut out = vec![[0; 4]; self.width * self.height];
        for y in 0..self.height {
            let start = (y + self.margin) * self.stride + self.margin;
            let src = &self.data[start..start + self.width];
            let dst = &mut out[y * self.width..(y + 1) * self.width];
            for (d, &depth) in dst.iter_mut().zip(src) {
                if depth > 0.0 {
                    let a = 1.0 - (-depth).exp();
                    let c = |v: u8| (f32::from(v) * a).round() as u8;
                    *d = straight([
                        c(color.r),
                        c(color.g),
                        c(color.b),
                        (a * 255.0).round() as u8,
                    ]);
                }
            }
        }
        out.into_flattened()
    }
}

/// Markers piled on one sprite position, counted before they are stamped: per pixel of a
/// buffer and its margin, and per sub-pixel phase.
pub(crate) struct Counts {
    stride: usize,
    margin: usize,
    /// Sub-pixel phases per axis.
    phases: usize,
    /// Phases per pixel: `phases` squared.
    slots: usize,
    data: Vec<u16>,
}

impl Counts {
    /// No markers yet over `depth`'s pixels, at `phases` × `phases` sub-pixel phases.
    pub fn new(depth: &Depth, phases: usize) -> Counts {
        let slots = phases * phases;
        Counts {
            stride: depth.stride,
            margin: depth.margin,
            phases,
            slots,
            data: vec![0; depth.data.len() * slots],
        }
    }

    /// One more marker anchored on pixel (x, y) (which the depth buffer `holds`) at
    /// `phase`.
    #[inline]
    pub fn add(&mut self, x: i32, y: i32, phase: usize) {
        let m = self.margin as i32;
        let i = ((y + m) as usize * self.stride + (x + m) as usize) * self.slots + phase;
        if let Some(c) = self.data.get_mut(i) {
            *c = c.saturating_add(1);
        }
    }

    /// Counts every point of the columns, mapped to pixels of a frame by
    /// `x = ox + x × fx` and `y = oy + y × fy`, the buffer being the frame's part from
    /// its pixel `corner` on (points are placed on the frame, then moved by whole pixels,
    /// so the phase a point lands at does not depend on the buffer): the hot loop of a
    /// million markers, by hand.
    pub fn add_mapped(
        &mut self,
        xs: &[f64],
        ys: &[f64],
        (ox, fx): (f64, f64),
        (oy, fy): (f64, f64),
        corner: (i32, i32),
    ) {
        let m = self.margin as f64;
        let (ox, oy) = (ox + m, oy + m);
        // The counted cells, in the frame's pixels (and margin): `left..right`,
        // `top..bottom`, the first at index 0.
        let (left, top) = (f64::from(corner.0), f64::from(corner.1));
        let right = left + self.stride as f64;
        let bottom = top + (self.data.len() / self.slots / self.stride) as f64;
        let first = corner.1 as usize * self.stride + corner.0 as usize;
        let steps = self.phases as f64;
        if self.phases == 1 {
            for (&x, &y) in xs.iter().zip(ys) {
                let (cx, cy) = (ox + x * fx, oy + y * fy);
                if cx >= left && cy >= top && cx < right && cy < bottom {
                    let i = cy as usize * self.stride + cx as usize - first;
                    if let Some(c) = self.data.get_mut(i) {
                        *c = c.saturating_add(1);
                    }
                }
            }
            return;
        }
        for (&x, &y) in xs.iter().zip(ys) {
            let (cx, cy) = (ox + x * fx, oy + y * fy);
            // Outside the buffer and its margin, or not a number.
            if !(cx >= left && cy >= top && cx < right && cy < bottom) {
                continue;
            }
            let (ix, iy) = (cx as usize, cy as usize);
            let k = ((cy - iy as f64) * steps) as usize * self.phases
                + ((cx - ix as f64) * steps) as usize;
            let i = (iy * self.stride + ix - first) * self.slots + k;
            if let Some(c) = self.data.get_mut(i) {
                *c = c.saturating_add(1);
            }
        }
    }

    /// Stamps every counted pile into `depth`, `sprites[phase]` as deep as its count.
    pub fn stamp(&self, depth: &mut Depth, sprites: &[DepthSprite]) {
        let m = self.margin as i32;
        for (cell, counts) in self.data.chunks_exact(self.slots).enumerate() {
            if counts.iter().all(|&c| c == 0) {
                continue;
            }
            let x = (cell % self.stride) as i32 - m;
            let y = (cell / self.stride) as i32 - m;
            for (k, &c) in counts.iter().enumerate() {
                if c > 0 {
                    depth.stamp(&sprites[k], x, y, f32::from(c));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dot(alpha: u8) -> Sprite {
        let mut s = Sprite::empty(3, 3, (1, 1));
        s.data[4] = [alpha, 0, 0, alpha];
        s.data[5] = [255, 0, 0, 255];
        s.solid = false;
        s.measure();
        s
    }

    #[test]
    fn depths_add_up_to_what_stacking_paints() {
        let half = DepthSprite::new(&dot(128));
        let mut depth = Depth::new(4, 4, 2);
        depth.stamp(&half, 1, 1, 1.0);
        depth.stamp(&half, 1, 1, 2.0);
        let px = depth.to_straight_rgba(Rgba::rgb(255, 0, 0));
        let at = |i: usize| &px[4 * i..4 * i + 4];
        // Three halves: 1 − 0.5³ = 0.875 of red.
        let a = at(4 + 1)[3];
        assert!((222..=224).contains(&a), "{a}");
        assert_eq!(at(4 + 1)[..3], [255, 0, 0], "straight red");
        // Opaque ink stays opaque.
        assert_eq!(at(4 + 2), [255, 0, 0, 255]);
        assert_eq!(at(0)[3], 0);
    }

    /// The hand-mapped count puts each point in the cell and sub-pixel phase that
    /// counting it by pixel and phase does, at every phase count, over a whole frame or
    /// over part of it (points off it and its margin left out).
    #[test]
    fn mapped_points_count_where_their_pixel_and_phase_say() {
        let xs = [0.1, 1.3, 1.6, 2.45, 2.9, 3.2, -1.7, 0.55, 5.5, 6.2];
        let ys = [0.2, 0.7, 1.3, 3.6, 0.95, 2.05, 1.4, -0.8, 4.5, 1.1];
        for corner in [(0, 0), (1, 2)] {
            for phases in [1, 2, 4] {
                let depth = Depth::new(4, 4, 2);
                let mut mapped = Counts::new(&depth, phases);
                let mut by_pixel = Counts::new(&depth, phases);
                mapped.add_mapped(&xs, &ys, (0.0, 1.0), (0.0, 1.0), corner);
                for (&x, &y) in xs.iter().zip(&ys) {
                    let (ix, iy) = (x.floor(), y.floor());
                    let (bx, by) = (ix as i32 - corner.0, iy as i32 - corner.1);
                    if depth.holds(bx, by) {
                        let steps = phases as f64;
                        let k = ((y - iy) * steps) as usize * phases + ((x - ix) * steps) as usize;
                        by_pixel.add(bx, by, k);
                    }
                }
                assert_eq!(
                    mapped.data, by_pixel.data,
                    "{phases} phases from {corner:?}"
                );
                assert!(mapped.data.iter().any(|&c| c > 0));
            }
        }
    }

    #[test]
    fn counted_piles_stamp_as_the_markers_one_by_one() {
        let sprites = [DepthSprite::new(&dot(100))];
        let mut one_by_one = Depth::new(5, 5, 2);
        let mut counted = Depth::new(5, 5, 2);
        let mut counts = Counts::new(&counted, 1);
        for &(x, y) in &[(0, 0), (2, 2), (0, 0), (-1, 4), (2, 2), (2, 2)] {
            assert!(one_by_one.holds(x, y));
            one_by_one.stamp(&sprites[0], x, y, 1.0);
            counts.add(x, y, 0);
        }
        counts.stamp(&mut counted, &sprites);
        let (a, b) = (
            one_by_one.to_straight_rgba(Rgba::rgb(0, 0, 255)),
            counted.to_straight_rgba(Rgba::rgb(0, 0, 255)),
        );
        assert_eq!(a, b);
        assert!(!one_by_one.holds(-3, 0));
    }
}
