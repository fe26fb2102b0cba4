//! Image glyphs: Image (scalars through a color mapper) and ImageRGBA.

use crate::core::{AnyId, NumberSpec, Spec, Value};
use crate::models::enums::ImageOrigin;

models! {
    /// Scalar images (2D arrays) coloured by a color mapper, placed at (x, y) as dw × dh.
    pub struct Image("Image") {
        anchor: Value = Value::str("bottom_left"),
        color_mapper: Option<AnyId> = None,
        dh: NumberSpec = Spec::field("dh"),
        dilate: bool = false,
        dw: NumberSpec = Spec::field("dw"),
        global_alpha: NumberSpec = Spec::Value(1.0),
        image: NumberSpec = Spec::field("image"),
        origin: ImageOrigin = ImageOrigin::BottomLeft,
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
    }

    /// RGBA images (2D arrays of packed u32 colors) placed at (x, y) as dw × dh.
    pub struct ImageRGBA("ImageRGBA") {
        anchor: Value = Value::str("bottom_left"),
        dh: NumberSpec = Spec::field("dh"),
        dilate: bool = false,
        dw: NumberSpec = Spec::field("dw"),
        global_alpha: NumberSpec = Spec::Value(1.0),
        image: NumberSpec = Spec::field("image"),
        origin: ImageOrigin = ImageOrigin::BottomLeft,
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
    }
}
