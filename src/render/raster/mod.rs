//! rokeh's own rasteriser: polygons to anti-aliased coverage (4 sub-rows per pixel row,
//! exact horizontal coverage), strokes to polygons with Bokeh's joins, caps and dashes,
//! and a premultiplied RGBA pixel buffer that markers are stamped into. The plotters
//! surface paints through it (plotters knows no joins, dashes or holes); the scatter of a
//! million points is rasterised with it in the page too.

mod coverage;
mod depth;
mod pixels;
mod stroke;

pub(crate) use coverage::{Coverage, IRect};
pub(crate) use depth::{Counts, Depth, DepthSprite};
pub(crate) use pixels::{Pixels, Sprite, Under, TILE};
pub(crate) use stroke::stroke_polygons;
