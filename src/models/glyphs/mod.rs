//! Glyphs: the shapes a renderer draws for the rows of its data source, one area file per
//! family as in Bokeh's `bokeh.models.glyphs`.

pub(crate) mod areas;
pub(crate) mod bars;
pub(crate) mod images;
pub(crate) mod lines;
pub(crate) mod markers;
pub(crate) mod radial;
pub(crate) mod text;

pub use areas::{HArea, HAreaStep, HexTile, MultiPolygons, Patch, Patches, VArea, VAreaStep};
pub use bars::{Block, HBar, HStrip, Quad, Rect, VBar, VStrip};
pub use images::{Image, ImageRGBA, ImageURL};
pub use lines::{Arc, Bezier, HSpan, Line, MultiLine, Quadratic, Ray, Segment, Step, VSpan};
pub use markers::{Circle, Scatter};
pub use radial::{AnnularWedge, Annulus, Ellipse, Ngon, Wedge};
pub use text::Text;
