//! Band: the area between `lower` and `upper` along `base` (a band across the plot's
//! height has x as its base), filled, with its two edges stroked.

use crate::core::Rgba;
use crate::document::AnyId;
use crate::models::Dimension;
use crate::render::read::Reader;
use crate::render::specs::{Rows, Specs};
use crate::render::surface::{FillRule, Path, Stroke};
use crate::render::RenderError;

use super::{source_rows, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    band: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let rows = source_rows(r, band)?;
    Ok(Box::new(View {
        r,
        band,
        rows,
        dimension: r.get(band, "dimension")?,
        fill: r.fill(band, "")?,
        line: r.stroke(band, "", 1.0)?,
        visible: r.flag(band, "visible")?,
        x_range_name: r.string(band, "x_range_name")?,
        y_range_name: r.string(band, "y_range_name")?,
    }))
}

struct View<'d> {
    r: Reader<'d>,
    band: AnyId,
    rows: Rows,
    dimension: Dimension,
    fill: Option<Rgba>,
    line: Option<Stroke>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View<'_> {
    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let s = Specs {
            r: self.r,
            model: self.band,
            rows: &self.rows,
            overrides: &[],
        };
        let vertical = self.dimension == Dimension::Height;
        let (bf, vf) = if vertical {
            (
                (c.factors)(&self.x_range_name, true),
                (c.factors)(&self.y_range_name, false),
            )
        } else {
            (
                (c.factors)(&self.y_range_name, false),
                (c.factors)(&self.x_range_name, true),
            )
        };
        let base = s.coords("base", bf)?;
        let lower = s.coords("lower", vf)?;
        let upper = s.coords("upper", vf)?;
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let point = |b: f64, v: f64| {
            if vertical {
                maps.point(b, v)
            } else {
                maps.point(v, b)
            }
        };
        let n = self.rows.len;
        let up: Vec<(f64, f64)> = (0..n).map(|i| point(base.get(i), upper.get(i))).collect();
        let low: Vec<(f64, f64)> = (0..n).map(|i| point(base.get(i), lower.get(i))).collect();
        if let Some(fill) = self.fill {
            let mut path = Path::new();
            path.polygon(up.iter().copied().chain(low.iter().rev().copied()));
            c.surface.fill(&path, fill, FillRule::NonZero);
        }
        if let Some(line) = &self.line {
            let stroke = Stroke {
                width: line.width * c.scale,
                dash: line.dash.iter().map(|d| d * c.scale).collect(),
                ..line.clone()
            };
            for edge in [&up, &low] {
                let mut path = Path::new();
                for &(x, y) in edge.iter() {
                    path.line_to(x, y);
                }
                c.surface.stroke(&path, &stroke);
            }
        }
        Ok(())
    }
}
