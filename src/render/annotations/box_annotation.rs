//! BoxAnnotation: a shaded box between `left`, `right`, `bottom` and `top`, each in data,
//! screen or canvas units (`left_units`, …); an edge left unset reaches the frame's edge.

use crate::document::{AnyId, Value};
use crate::models::CoordinateUnits;
use crate::render::ranges::Bounds;
use crate::render::read::Reader;
use crate::render::surface::{Path, Rect};
use crate::render::RenderError;

use super::{coordinate, place, AnnotationCtx, AnnotationView, Area, Extent};

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
    view.area.visible &= x.is_some() || y.is_some();
    (view.left, view.right) = x.unzip();
    (view.bottom, view.top) = y.unzip();
    view.units = [CoordinateUnits::Data; 4];
    // The ranges are in data units of the plot's default scales.
    view.area.x_range_name = "default".into();
    view.area.y_range_name = "default".into();
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
    Ok(View {
        left: edge("left")?,
        right: edge("right")?,
        top: edge("top")?,
        bottom: edge("bottom")?,
        units: [
            r.get(b, "left_units")?,
            r.get(b, "right_units")?,
            r.get(b, "top_units")?,
            r.get(b, "bottom_units")?,
        ],
        area: Area::read(r, b)?,
    })
}

struct View {
    left: Option<Value>,
    right: Option<Value>,
    top: Option<Value>,
    bottom: Option<Value>,
    /// Of left, right, top and bottom.
    units: [CoordinateUnits; 4],
    area: Area,
}

/// By default, nothing: hidden.
impl Default for View {
    fn default() -> View {
        View {
            left: None,
            right: None,
            top: None,
            bottom: None,
            units: [CoordinateUnits::Data; 4],
            area: Area::default(),
        }
    }
}

impl AnnotationView for View {
    // A box in data or screen units: drawn from the ranges, not the data.
    fn reads_data(&self) -> bool {
        false
    }

    /// Its edges in data units (a number, not a factor or the frame's edge).
    fn extent(&self) -> Option<Extent<'_>> {
        let [left, right, top, bottom] = self.units;
        let data = |v: &Option<Value>, units| match (v, units) {
            (Some(v), CoordinateUnits::Data) => v.as_f64().unwrap_or(f64::NAN),
            _ => f64::NAN,
        };
        Some(self.area.extent(
            Bounds::of(&[data(&self.left, left), data(&self.right, right)]),
            Bounds::of(&[data(&self.bottom, bottom), data(&self.top, top)]),
        ))
    }

    fn paint(&self, c: &mut AnnotationCtx<'_, '_, '_>) -> Result<(), RenderError> {
        let area = &self.area;
        if !area.visible {
            return Ok(());
        }
        let maps = (c.maps)(&area.x_range_name, &area.y_range_name);
        let xf = (c.factors)(&area.x_range_name, true);
        let yf = (c.factors)(&area.y_range_name, false);
        let f = c.frame;
        let [left, right, top, bottom] = self.units;
        let edge = |v: &Option<Value>, units, along_x: bool, default: f64| {
            let (factors, map) = match along_x {
                true => (xf, maps.x),
                false => (yf, maps.y),
            };
            v.as_ref()
                .and_then(|v| coordinate(v, factors))
                .map_or(default, |v| place(c, units, along_x, v, &|v| map.apply(v)))
        };
        let x0 = edge(&self.left, left, true, f.x);
        let x1 = edge(&self.right, right, true, f.right());
        let y0 = edge(&self.top, top, false, f.y);
        let y1 = edge(&self.bottom, bottom, false, f.bottom());
        let mut path = Path::new();
        path.rect(Rect::from_corners((x0, y0), (x1, y1)));
        area.paint(c.surface, &path, true, c.scale);
        Ok(())
    }
}
