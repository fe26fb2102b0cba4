//! A figure drawn natively into an RGB bitmap, with the layout drawing used, and pixel
//! queries for tests that check pixels where the maths says.
// Each test binary uses part of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use plotters::prelude::{BitMapBackend, IntoDrawingArea, WHITE};

use rokeh::document::{Document, Id};
use rokeh::models::Figure;
use rokeh::render::{draw_figure, draw_figure_inspected, FrameLayout, Inspected};

use super::fonts::register_fonts;

/// A rendered figure: RGB pixels and the layout used to draw them.
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub rgb: Vec<u8>,
    pub layout: FrameLayout,
}

impl Picture {
    pub fn pixel(&self, x: i32, y: i32) -> Option<[u8; 3]> {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 {
            return None;
        }
        let i = 3 * (y as usize * self.width as usize + x as usize);
        Some([self.rgb[i], self.rgb[i + 1], self.rgb[i + 2]])
    }

    /// Whether some pixel within `radius` of (x, y) has `color` (±`tol` per channel).
    pub fn has_near(&self, (x, y): (f64, f64), radius: i32, color: [u8; 3], tol: u8) -> bool {
        let (cx, cy) = (x.round() as i32, y.round() as i32);
        (-radius..=radius).any(|dy| {
            (-radius..=radius).any(|dx| {
                self.pixel(cx + dx, cy + dy)
                    .is_some_and(|p| close(p, color, tol))
            })
        })
    }

    /// How many pixels within the rectangle (x0..x1, y0..y1) have `color`.
    pub fn count(
        &self,
        (x0, y0): (i32, i32),
        (x1, y1): (i32, i32),
        color: [u8; 3],
        tol: u8,
    ) -> usize {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| self.pixel(x, y).is_some_and(|p| close(p, color, tol)))
            .count()
    }

    /// How many pixels of the whole picture have `color`.
    pub fn count_all(&self, color: [u8; 3], tol: u8) -> usize {
        self.count((0, 0), (self.width as i32, self.height as i32), color, tol)
    }
}

pub fn close(a: [u8; 3], b: [u8; 3], tol: u8) -> bool {
    a.iter().zip(b).all(|(&a, b)| a.abs_diff(b) <= tol)
}

/// Greys (white, the grid, the outline, black) have equal channels.
pub fn is_grey(p: [u8; 3]) -> bool {
    p.iter().max().unwrap() - p.iter().min().unwrap() <= 2
}

/// Draws `figure` on a `width` × `height` CSS-pixel bitmap at `scale`.
pub fn render_size(doc: &Document, figure: Id<Figure>, size: (u32, u32), scale: f64) -> Picture {
    render_inspected(doc, figure, size, scale, &Inspected::new())
}

/// [`render_size`], with the rows in `inspected` drawn with their hover glyphs.
pub fn render_inspected(
    doc: &Document,
    figure: Id<Figure>,
    (width, height): (u32, u32),
    scale: f64,
    inspected: &Inspected,
) -> Picture {
    register_fonts();
    let (w, h) = (
        (f64::from(width) * scale) as u32,
        (f64::from(height) * scale) as u32,
    );
    // A page's white under the canvas (BokehJS leaves the half pixel its HiDPI shift
    // uncovers at the top and left unpainted).
    let mut rgb = vec![255u8; (3 * w * h) as usize];
    let layout = {
        let area = BitMapBackend::with_buffer(&mut rgb, (w, h)).into_drawing_area();
        let layout =
            draw_figure_inspected(doc, figure, &area, scale, inspected).expect("the figure draws");
        area.present().expect("the bitmap takes the picture");
        layout
    };
    Picture {
        width: w,
        height: h,
        rgb,
        layout,
    }
}

/// Writes the figure as a PNG for a person to look at.
pub fn save_png(
    doc: &Document,
    figure: Id<Figure>,
    (width, height): (u32, u32),
    scale: f64,
    name: &str,
) -> PathBuf {
    register_fonts();
    let (w, h) = (
        (f64::from(width) * scale) as u32,
        (f64::from(height) * scale) as u32,
    );
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    {
        let area = BitMapBackend::new(&path, (w, h)).into_drawing_area();
        area.fill(&WHITE).expect("the bitmap is white");
        draw_figure(doc, figure, &area, scale).expect("the figure draws");
        area.present().expect("the PNG is written");
    }
    path
}
