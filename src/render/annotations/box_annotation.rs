//! BoxAnnotation: a shaded box between `left`, `right`, `bottom` and `top`; an edge left
//! unset reaches the frame's edge.

use crate::core::Rgba;
use crate::document::{AnyId, Value};
use crate::render::hatch::hatch_pattern;
use crate::render::read::Reader;
use crate::render::surface::{FillRule, Path, Rect, Stroke};
use crate::render::RenderError;

use super::{coordinate, AnnotationCtx, AnnotationView};

pub(crate) fn build<'d>(
    r: Reader<'d>,
    b: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    Ok(Box::new(read(r, b)?))
}

/// A RangeTool's box: its overlay between the ends of the tool's ranges, as BokehJS's
/// `update_overlay_from_ranges` places it (a dimension without a range spans the frame);
/// nothing for a tool without an overlay or ranges with numeric ends. (Read as an
/// annotation of the plot whose toolbar holds the tool; in the page only with the view
/// `views::RANGE_TOOL`.)
pub(crate) fn range_overlay<'d>(
    r: Reader<'d>,
    tool: AnyId,
) -> Result<Box<dyn AnnotationView + 'd>, RenderError> {
    let ends = |attr: &str| -> Result<Option<(Value, Value)>, RenderError> {
        let Some(range) = r.reference(tool, attr)? else {
            return Ok(None);
        };
        let number = |end| {
            let v = r.number(range, end).ok();
            v.filter(|v| v.is_finite()).map(Value::Float)
        };
        Ok(number("start").zip(number("end")))
    };
    let (x, y) = (ends("x_range")?, ends("y_range")?);
    let mut view = match r.reference(tool, "overlay")? {
        Some(overlay) => read(r, overlay)?,
        None => return Ok(Box::new(View::default())),
    };
    view.visible &= x.is_some() || y.is_some();
    (view.left, view.right) = x.unzip();
    (view.bottom, view.top) = y.unzip();
    // The ranges are in data units of the plot's default scales.
    view.x_range_name = "default".into();
    view.y_range_name = "default".into();
    Ok(Box::new(view))
}

fn read(r: Reader<'_>, b: AnyId) -> Result<View, RenderError> {
    let edge = |attr: &str| -> Result<Option<Value>, RenderError> {
        Ok(match r.value(b, attr)? {
            Value::Null => None,
            Value::Ref(_) => None,
            v => Some(v),
        })
    };
    let hatch = match r.get::<Option<String>>(b, "hatch_pattern")? {
        Some(p) => r.color(b, "hatch_color", Some("hatch_alpha"))?.map(|c| {
            (
                p,
                c,
                r.number(b, "hatch_scale").unwrap_or(12.0),
                r.number(b, "hatch_weight").unwrap_or(1.0),
            )
        }),
        None => None,
    };
    Ok(View {
        left: edge("left")?,
        right: edge("right")?,
        top: edge("top")?,
        bottom: edge("bottom")?,
        fill: r.fill(b, "")?,
        line: r.stroke(b, "", 1.0)?,
        hatch,
        visible: r.flag(b, "visible")?,
        x_range_name: r.string(b, "x_range_name")?,
        y_range_name: r.string(b, "y_range_name")?,
    })
}

/// By default, nothing: hidden.
#[derive(Default)]
struct View {
    left: Option<Value>,
    right: Option<Value>,
    top: Option<Value>,
    bottom: Option<Value>,
    fill: Option<Rgba>,
    line: Option<Stroke>,
    hatch: Option<(String, Rgba, f64, f64)>,
    visible: bool,
    x_range_name: String,
    y_range_name: String,
}

impl AnnotationView for View {
    // A box in data or screen units: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        if !self.visible {
            return Ok(());
        }
        let maps = (c.maps)(&self.x_range_name, &self.y_range_name);
        let xf = (c.factors)(&self.x_range_name, true);
        let yf = (c.factors)(&self.y_range_name, false);
        let f = c.frame;
        let edge = |v: &Option<Value>, factors, apply: &dyn Fn(f64) -> f64, default: f64| {
            v.as_ref()
                .and_then(|v| coordinate(v, factors))
                .map_or(default, apply)
        };
        let x0 = edge(&self.left, xf, &|v| maps.x.apply(v), f.x);
        let x1 = edge(&self.right, xf, &|v| maps.x.apply(v), f.right());
        let y0 = edge(&self.top, yf, &|v| maps.y.apply(v), f.y);
        let y1 = edge(&self.bottom, yf, &|v| maps.y.apply(v), f.bottom());
        let mut path = Path::new();
        path.rect(Rect::from_corners((x0, y0), (x1, y1)));
        if let Some(fill) = self.fill {
            c.surface.fill(&path, fill, FillRule::NonZero);
        }
        if let Some((name, color, scale, weight)) = &self.hatch {
            if let Some(p) = hatch_pattern(name, *color, scale * c.scale, weight * c.scale) {
                c.surface.fill_pattern(&path, &p, FillRule::NonZero);
            }
        }
        if let Some(line) = &self.line {
            let stroke = Stroke {
                width: line.width * c.scale,
                dash: line.dash.iter().map(|d| d * c.scale).collect(),
                ..line.clone()
            };
            c.surface.stroke(&path, &stroke);
        }
        Ok(())
    }
}
