//! A premultiplied RGBA pixel buffer and sprites stamped into it: a marker drawn once,
//! then copied to every point. A million markers cost a million small copies, not a
//! million canvas paths — and fewer: [`Under`] stamps the last marker first, each beneath
//! what is there, and skips a marker whose every pixel is already opaque (the same
//! picture as drawing them in order, since "over" is associative).

use crate::core::Rgba;

use super::coverage::Coverage;

/// Premultiplied RGBA, one `[r, g, b, a]` per pixel, row by row.
pub(crate) struct Pixels {
    pub width: usize,
    pub height: usize,
    pub data: Vec<[u8; 4]>,
}

/// A small picture with its anchor: the pixel that lands on a point.
pub(crate) struct Sprite {
    pub width: usize,
    pub height: usize,
    /// Where the point is, in the sprite's pixels.
    pub anchor: (i32, i32),
    pub data: Vec<[u8; 4]>,
    /// Every pixel is opaque or empty: stamping copies instead of blending.
    pub solid: bool,
    /// Per row, the columns holding anything (`start..end`, empty for a blank row).
    pub(super) spans: Vec<(u16, u16)>,
    /// The rows holding anything.
    pub(super) rows: (u16, u16),
    /// The columns holding anything.
    pub(super) columns: (u16, u16),
}

impl Sprite {
    /// How far from its anchor the sprite's ink reaches, in pixels, any direction.
    pub fn reach(&self) -> i32 {
        let (ax, ay) = self.anchor;
        [
            ax - i32::from(self.columns.0),
            i32::from(self.columns.1) - 1 - ax,
            ay - i32::from(self.rows.0),
            i32::from(self.rows.1) - 1 - ay,
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
    }
}

/// Premultiplies a color at `coverage`.
fn premultiplied(color: Rgba, coverage: f32) -> [u8; 4] {
    let a = (color.alpha as f32 * coverage).clamp(0.0, 1.0);
    let c = |v: u8| (f32::from(v) * a).round() as u8;
    [
        c(color.r),
        c(color.g),
        c(color.b),
        (a * 255.0).round() as u8,
    ]
}

/// A premultiplied pixel as straight RGBA.
#[inline]
pub(super) fn straight(p: [u8; 4]) -> [u8; 4] {
    match p[3] {
        0 => [0; 4],
        255 => p,
        a => {
            let un = |v: u8| ((u16::from(v) * 255 + u16::from(a) / 2) / u16::from(a)) as u8;
            [un(p[0]), un(p[1]), un(p[2]), a]
        }
    }
}

/// `src` over `dst`, both premultiplied.
#[inline]
fn over(src: [u8; 4], dst: [u8; 4]) -> [u8; 4] {
    let keep = 255 - u16::from(src[3]);
    let mix = |s: u8, d: u8| s.saturating_add(((u16::from(d) * keep + 127) / 255) as u8);
    [
        mix(src[0], dst[0]),
        mix(src[1], dst[1]),
        mix(src[2], dst[2]),
        mix(src[3], dst[3]),
    ]
}

/// `src` beneath `dst`, both premultiplied: `dst` over `src`.
#[inline]
fn beneath(src: [u8; 4], dst: [u8; 4]) -> [u8; 4] {
    over(dst, src)
}

/// Which parts of a [`Pixels`] are opaque, by tiles of [`TILE`]² pixels: what
/// [`Pixels::stamp_under`] may skip.
pub(crate) struct Under {
    columns: usize,
    rows: usize,
    /// Per tile, how many of its pixels are not opaque yet.
    open: Vec<u16>,
    /// Per tile, whether it and its eight neighbours are all opaque: a sprite reaching
    /// at most a tile from its anchor in this tile has nothing left to paint.
    near: Vec<bool>,
}

/// The side of an [`Under`] tile, in pixels.
pub(crate) const TILE: usize = 8;

impl Under {
    /// Nothing opaque yet over `pixels`.
    pub fn new(pixels: &Pixels) -> Under {
        let columns = pixels.width.div_ceil(TILE);
        let rows = pixels.height.div_ceil(TILE);
        let mut open = Vec::with_capacity(columns * rows);
        for ty in 0..rows {
            let th = TILE.min(pixels.height - ty * TILE);
            for tx in 0..columns {
                let tw = TILE.min(pixels.width - tx * TILE);
                open.push((tw * th) as u16);
            }
        }
        Under {
            columns,
            rows,
            near: vec![false; open.len()],
            open,
        }
    }

    /// Pixel (x, y) turned opaque.
    #[inline]
    fn opaque(&mut self, x: usize, y: usize) {
        let i = (y / TILE) * self.columns + x / TILE;
        let t = &mut self.open[i];
        *t = t.saturating_sub(1);
        if *t == 0 {
            self.closed(i);
        }
    }

    /// Tile `i` turned opaque: its neighbours (and it) may now be `near`.
    fn closed(&mut self, i: usize) {
        let (tx, ty) = ((i % self.columns) as isize, (i / self.columns) as isize);
        for y in ty - 1..=ty + 1 {
            for x in tx - 1..=tx + 1 {
                if let Some(j) = self.tile(x, y) {
                    let all = (y - 1..=y + 1).all(|v| {
                        (x - 1..=x + 1).all(|u| self.tile(u, v).is_none_or(|k| self.open[k] == 0))
                    });
                    self.near[j] = all;
                }
            }
        }
    }

    /// The tile at (x, y), if it is one (outside the buffer there is nothing to paint).
    fn tile(&self, x: isize, y: isize) -> Option<usize> {
        (x >= 0 && y >= 0 && (x as usize) < self.columns && (y as usize) < self.rows)
            .then(|| y as usize * self.columns + x as usize)
    }

    /// Whether a sprite anchored on pixel (x, y), reaching at most [`TILE`] pixels from
    /// it, would find everything it touches opaque.
    #[inline]
    pub fn buried(&self, x: usize, y: usize) -> bool {
        self.near[(y / TILE) * self.columns + x / TILE]
    }

    /// Whether every tile touching pixels x0..=x1 × y0..=y1 is opaque.
    #[inline]
    fn all_opaque(&self, x0: usize, x1: usize, y0: usize, y1: usize) -> bool {
        (y0 / TILE..=y1 / TILE).all(|ty| {
            let row = &self.open[ty * self.columns..(ty + 1) * self.columns];
            row[x0 / TILE..=x1 / TILE].iter().all(|&n| n == 0)
        })
    }
}

impl Sprite {
    /// A sprite of the given size around `anchor`, transparent.
    pub fn empty(width: usize, height: usize, anchor: (i32, i32)) -> Sprite {
        Sprite {
            width,
            height,
            anchor,
            data: vec![[0; 4]; width * height],
            solid: true,
            spans: vec![(0, 0); height],
            rows: (0, 0),
            columns: (0, 0),
        }
    }

    /// Paints `color` where `coverage` says, over what the sprite holds. Coverage is in
    /// the sprite's pixel coordinates.
    pub fn paint(&mut self, coverage: &Coverage, color: Rgba) {
        for (x, y, c) in coverage.pixels() {
            if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
                continue;
            }
            let i = y as usize * self.width + x as usize;
            self.data[i] = over(premultiplied(color, c), self.data[i]);
        }
        self.solid = self.data.iter().all(|p| p[3] == 0 || p[3] == 255);
        self.measure();
    }

    /// Finds the rows and columns holding anything.
    pub(super) fn measure(&mut self) {
        let w = self.width;
        let mut rows = None::<(usize, usize)>;
        for (r, span) in self.spans.iter_mut().enumerate() {
            let row = &self.data[r * w..(r + 1) * w];
            let first = row.iter().position(|p| p[3] != 0);
            let last = row.iter().rposition(|p| p[3] != 0);
            *span = match (first, last) {
                (Some(a), Some(b)) => {
                    rows = Some(rows.map_or((r, r + 1), |(r0, _)| (r0, r + 1)));
                    (a as u16, (b + 1) as u16)
                }
                _ => (0, 0),
            };
        }
        let (r0, r1) = rows.unwrap_or((0, 0));
        self.rows = (r0 as u16, r1 as u16);
        let inked = self.spans.iter().filter(|(a, b)| a < b);
        self.columns = (
            inked.clone().map(|s| s.0).min().unwrap_or(0),
            inked.map(|s| s.1).max().unwrap_or(0),
        );
    }
}

impl Pixels {
    pub fn new(width: usize, height: usize) -> Pixels {
        Pixels {
            width,
            height,
            data: vec![[0; 4]; width * height],
        }
    }

    /// Stamps `sprite` with its anchor on pixel (x, y).
    #[inline]
    pub fn stamp(&mut self, sprite: &Sprite, x: i32, y: i32) {
        let left = x - sprite.anchor.0;
        let top = y - sprite.anchor.1;
        let (w, h) = (self.width as i32, self.height as i32);
        let (sw, sh) = (sprite.width as i32, sprite.height as i32);
        if left >= w || top >= h || left + sw <= 0 || top + sh <= 0 {
            return;
        }
        let (c0, c1) = ((-left).max(0), sw.min(w - left));
        let (r0, r1) = ((-top).max(0), sh.min(h - top));
        for r in r0..r1 {
            let src = &sprite.data[(r * sw) as usize..][c0 as usize..c1 as usize];
            let start = ((top + r) * w + left + c0) as usize;
            let dst = &mut self.data[start..start + src.len()];
            if sprite.solid {
                for (d, s) in dst.iter_mut().zip(src) {
                    if s[3] != 0 {
                        *d = *s;
                    }
                }
            } else {
                for (d, s) in dst.iter_mut().zip(src) {
                    if s[3] != 0 {
                        *d = over(*s, *d);
                    }
                }
            }
        }
    }

    /// Stamps `sprite` with its anchor on pixel (x, y) *beneath* what the buffer holds
    /// (`dst + src × (1 − dst.alpha)`), skipping it if `under` knows everything it would
    /// touch is opaque. Stamping markers last to first this way paints what stamping
    /// them first to last paints.
    #[inline]
    pub fn stamp_under(&mut self, sprite: &Sprite, x: i32, y: i32, under: &mut Under) {
        let left = x - sprite.anchor.0;
        let top = y - sprite.anchor.1;
        let (w, h) = (self.width as i32, self.height as i32);
        let (r0, r1) = (
            i32::from(sprite.rows.0).max(-top),
            i32::from(sprite.rows.1).min(h - top),
        );
        let (c0, c1) = (
            (left + i32::from(sprite.columns.0)).max(0),
            (left + i32::from(sprite.columns.1)).min(w),
        );
        if r0 >= r1 || c0 >= c1 {
            return;
        }
        // The tiles under the sprite's ink: all opaque, nothing to do.
        if under.all_opaque(
            c0 as usize,
            (c1 - 1) as usize,
            (top + r0) as usize,
            (top + r1 - 1) as usize,
        ) {
            return;
        }
        let sw = sprite.width as i32;
        for r in r0..r1 {
            let (s0, s1) = sprite.spans[r as usize];
            let a = i32::from(s0).max(-left);
            let b = i32::from(s1).min(w - left);
            if a >= b {
                continue;
            }
            let src = &sprite.data[(r * sw + a) as usize..(r * sw + b) as usize];
            let py = (top + r) as usize;
            let start = py * self.width + (left + a) as usize;
            let dst = &mut self.data[start..start + src.len()];
            for (k, (d, s)) in dst.iter_mut().zip(src).enumerate() {
                if d[3] == 255 || s[3] == 0 {
                    continue;
                }
                let n = beneath(*s, *d);
                if n[3] == 255 {
                    under.opaque((left + a) as usize + k, py);
                }
                *d = n;
            }
        }
    }

    /// The pixels as straight (not premultiplied) RGBA bytes, for a canvas or bitmap:
    /// converted where they are, the buffer becoming the bytes (no second buffer to
    /// allocate and fill).
    pub fn into_straight_rgba(mut self) -> Vec<u8> {
        for p in &mut self.data {
            *p = straight(*p);
        }
        self.data.into_flattened()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::raster::IRect;
    use crate::render::surface::FillRule;

    #[test]
    fn stamping_copies_the_sprite_and_clips_at_the_edges() {
        let square = [(0.0, 0.0), (3.0, 0.0), (3.0, 3.0), (0.0, 3.0)];
        let clip = IRect {
            x0: 0,
            y0: 0,
            x1: 3,
            y1: 3,
        };
        let cov = Coverage::fill([&square[..]], FillRule::NonZero, clip);
        let mut sprite = Sprite::empty(3, 3, (1, 1));
        sprite.paint(&cov, Rgba::rgb(255, 0, 0));
        assert!(sprite.solid);
        let mut px = Pixels::new(10, 10);
        px.stamp(&sprite, 5, 5);
        px.stamp(&sprite, 0, 0);
        let red = |x: usize, y: usize| px.data[y * 10 + x] == [255, 0, 0, 255];
        assert!(red(4, 4) && red(6, 6) && !red(7, 7));
        assert!(red(0, 0) && red(1, 1) && !red(2, 2));
    }

    #[test]
    fn stamping_beneath_last_to_first_paints_what_stamping_over_paints() {
        let mut red = Sprite::empty(2, 2, (0, 0));
        red.data = vec![premultiplied(Rgba::rgb(255, 0, 0).with_alpha(0.5), 1.0); 4];
        red.solid = false;
        red.measure();
        let mut blue = Sprite::empty(2, 2, (0, 0));
        blue.data = vec![[0, 0, 255, 255]; 4];
        blue.measure();
        let marks = [(&blue, 0, 0), (&red, 1, 1), (&red, 1, 0), (&blue, 3, 3)];
        let mut forward = Pixels::new(4, 4);
        for &(s, x, y) in &marks {
            forward.stamp(s, x, y);
        }
        let mut backward = Pixels::new(4, 4);
        let mut under = Under::new(&backward);
        for &(s, x, y) in marks.iter().rev() {
            backward.stamp_under(s, x, y, &mut under);
        }
        for (a, b) in forward.data.iter().zip(&backward.data) {
            assert!(
                a.iter().zip(b).all(|(a, b)| a.abs_diff(*b) <= 1),
                "{a:?} vs {b:?}"
            );
        }
        // Once a tile is opaque, stamps beneath it are skipped.
        let mut px = Pixels::new(8, 8);
        let mut under = Under::new(&px);
        let mut whole = Sprite::empty(8, 8, (0, 0));
        whole.data = vec![[0, 0, 255, 255]; 64];
        whole.measure();
        px.stamp_under(&whole, 0, 0, &mut under);
        assert!(under.all_opaque(0, 7, 0, 7));
        px.stamp_under(&red, 3, 3, &mut under);
        assert_eq!(px.data[3 * 8 + 3], [0, 0, 255, 255]);
    }

    #[test]
    fn translucent_sprites_blend() {
        let mut px = Pixels::new(1, 1);
        let mut sprite = Sprite::empty(1, 1, (0, 0));
        sprite.data[0] = premultiplied(Rgba::rgb(0, 0, 255).with_alpha(0.5), 1.0);
        sprite.solid = false;
        px.stamp(&sprite, 0, 0);
        px.stamp(&sprite, 0, 0);
        // Two halves of blue: alpha 0.75.
        assert!((190..=192).contains(&px.data[0][3]), "{:?}", px.data[0]);
        assert_eq!(px.into_straight_rgba()[2], 255);
    }
}
