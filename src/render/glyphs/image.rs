//! Image: 2D arrays of scalars coloured by a color mapper, placed with their
//! `anchor`/`origin` corner at (x, y), `dw` × `dh` data units, each cell a block of
//! pixels (no smoothing).

use crate::core::Rgba;
use crate::document::Value;
use crate::render::mappers::ColorScale;
use crate::render::ranges::Bounds;
use crate::render::scales::Maps;
use crate::render::specs::Numbers;
use crate::render::surface::{Image as Picture, Rect};
use crate::render::RenderError;

use super::{bounds_of, each_row, GlyphInput, GlyphView, Paint};

/// One row's image: its cells, row-major from the first row of data.
pub(crate) struct Grid {
    pub width: usize,
    pub height: usize,
    pub cells: Vec<f64>,
}

/// A 2D array, or a list of lists, as a grid of numbers.
pub(crate) fn grid(v: &Value) -> Option<Grid> {
    match v {
        Value::Array(a) if a.shape.len() == 2 => Some(Grid {
            height: a.shape[0],
            width: a.shape[1],
            cells: (0..a.len())
                .map(|i| a.data.get_f64(i).unwrap_or(f64::NAN))
                .collect(),
        }),
        Value::List(rows) => {
            let rows: Vec<Vec<f64>> = rows
                .iter()
                .map(|r| match r {
                    Value::List(items) => Some(
                        items
                            .iter()
                            .map(|v| v.as_f64().unwrap_or(f64::NAN))
                            .collect(),
                    ),
                    Value::Array(a) => Some(
                        (0..a.len())
                            .map(|i| a.data.get_f64(i).unwrap_or(f64::NAN))
                            .collect(),
                    ),
                    _ => None,
                })
                .collect::<Option<_>>()?;
            let width = rows.first().map_or(0, Vec::len);
            (rows.iter().all(|r| r.len() == width)).then(|| Grid {
                height: rows.len(),
                width,
                cells: rows.concat(),
            })
        }
        _ => None,
    }
}

/// Where images go: their corners and sizes in data units.
pub(crate) struct Placement<'d> {
    pub x: Numbers<'d>,
    pub y: Numbers<'d>,
    pub dw: Numbers<'d>,
    pub dh: Numbers<'d>,
    pub alpha: Numbers<'d>,
    pub len: usize,
}

impl Placement<'_> {
    pub fn read<'d>(input: &GlyphInput<'_, 'd>) -> Result<Placement<'d>, RenderError> {
        let s = &input.specs;
        Ok(Placement {
            x: s.coords("x", input.x_factors)?,
            y: s.coords("y", input.y_factors)?,
            dw: s.numbers("dw")?,
            dh: s.numbers("dh")?,
            alpha: s.numbers("global_alpha")?,
            len: s.rows.len,
        })
    }

    /// Row `i`'s rectangle on screen (bottom-left anchored, as Bokeh's default).
    pub fn rect(&self, maps: &Maps, i: usize) -> Rect {
        let (x, y) = (self.x.get(i), self.y.get(i));
        let a = maps.point(x, y);
        let b = maps.point(x + self.dw.get(i), y + self.dh.get(i));
        Rect::from_corners(a, b)
    }

    pub fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        let ends = |c: &Numbers<'_>, d: &Numbers<'_>| {
            let far: Vec<f64> = (0..self.len).map(|i| c.get(i) + d.get(i)).collect();
            Bounds::union(bounds_of(c, self.len), Bounds::of(&far))
        };
        (ends(&self.x, &self.dw), ends(&self.y, &self.dh))
    }

    /// Draws straight RGBA `pixels` of a `grid`-shaped image for row `i`: data row 0 at
    /// the bottom.
    pub fn draw(
        &self,
        p: &mut Paint<'_>,
        i: usize,
        width: usize,
        height: usize,
        mut rgba: Vec<u8>,
    ) {
        let alpha = self.alpha.get(i);
        if alpha < 1.0 {
            for px in rgba.chunks_exact_mut(4) {
                px[3] = (f64::from(px[3]) * alpha).round() as u8;
            }
        }
        // Flip: the canvas' first row is the top.
        let row = 4 * width;
        let flipped: Vec<u8> = (0..height)
            .rev()
            .flat_map(|r| rgba[r * row..(r + 1) * row].iter().copied())
            .collect();
        let image = Picture {
            width,
            height,
            rgba: &flipped,
        };
        p.surface.image(image, self.rect(&p.maps, i));
    }
}

pub(crate) fn build<'d>(
    input: &GlyphInput<'_, 'd>,
) -> Result<Box<dyn GlyphView + 'd>, RenderError> {
    let s = &input.specs;
    let placement = Placement::read(input)?;
    let grids: Vec<Option<Grid>> = match s.parts("image")?.source {
        crate::render::specs::Source::Field(name) => s.column(&name)?.map_values(|v| grid(&v)),
        _ => return Err(s.r.bad(s.model, "image", "a field of 2D arrays")),
    };
    let mapper =
        s.r.reference(s.model, "color_mapper")?
            .ok_or_else(|| s.r.bad(s.model, "color_mapper", "set"))?;
    let all: Vec<f64> = grids
        .iter()
        .flatten()
        .flat_map(|g| g.cells.iter().copied())
        .collect();
    let colors = ColorScale::read(s.r, mapper, &all)?;
    Ok(Box::new(View {
        placement,
        grids,
        colors,
    }))
}

struct View<'d> {
    placement: Placement<'d>,
    grids: Vec<Option<Grid>>,
    colors: ColorScale,
}

fn rgba_bytes(c: Rgba) -> [u8; 4] {
    [c.r, c.g, c.b, (c.alpha * 255.0).round() as u8]
}

impl GlyphView for View<'_> {
    fn bounds(&self) -> (Option<Bounds>, Option<Bounds>) {
        self.placement.bounds()
    }

    fn paint(&self, p: &mut Paint<'_>, rows: Option<&[usize]>) -> Result<(), RenderError> {
        for i in each_row(rows, self.grids.len()) {
            let Some(g) = &self.grids[i] else { continue };
            let rgba: Vec<u8> = g
                .cells
                .iter()
                .flat_map(|&v| rgba_bytes(self.colors.color(v)))
                .collect();
            self.placement.draw(p, i, g.width, g.height, rgba);
        }
        Ok(())
    }

    fn legend(&self, _p: &mut Paint<'_>, _rect: Rect, _row: Option<usize>) {}

    fn hit_point(&self, maps: &Maps, at: (f64, f64)) -> Vec<usize> {
        (0..self.placement.len)
            .filter(|&i| self.placement.rect(maps, i).contains(at))
            .collect()
    }

    fn len(&self) -> usize {
        self.placement.len
    }
}
