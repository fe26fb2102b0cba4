//! A premultiplied RGBA pixel buffer and sprites stamped into it: a marker drawn once,
//! then copied to every point. A million markers cost a million small copies, not a
//! million canvas paths.

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

impl Sprite {
    /// A sprite of the given size around `anchor`, transparent.
    pub fn empty(width: usize, height: usize, anchor: (i32, i32)) -> Sprite {
        Sprite {
            width,
            height,
            anchor,
            data: vec![[0; 4]; width * height],
            solid: true,
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

    /// The pixels as straight (not premultiplied) RGBA bytes, for a canvas or bitmap.
    pub fn to_straight_rgba(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.data.len() * 4);
        for p in &self.data {
            match p[3] {
                0 => out.extend_from_slice(&[0, 0, 0, 0]),
                255 => out.extend_from_slice(p),
                a => {
                    let un = |v: u8| ((u16::from(v) * 255 + u16::from(a) / 2) / u16::from(a)) as u8;
                    out.extend_from_slice(&[un(p[0]), un(p[1]), un(p[2]), a]);
                }
            }
        }
        out
    }

    /// Whether nothing was painted.
    pub fn is_blank(&self) -> bool {
        self.data.iter().all(|p| p[3] == 0)
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
    fn translucent_sprites_blend() {
        let mut px = Pixels::new(1, 1);
        let mut sprite = Sprite::empty(1, 1, (0, 0));
        sprite.data[0] = premultiplied(Rgba::rgb(0, 0, 255).with_alpha(0.5), 1.0);
        sprite.solid = false;
        px.stamp(&sprite, 0, 0);
        px.stamp(&sprite, 0, 0);
        // Two halves of blue: alpha 0.75.
        assert!((190..=192).contains(&px.data[0][3]), "{:?}", px.data[0]);
        assert_eq!(px.to_straight_rgba()[2], 255);
    }
}
