//! Image glyphs: Image (scalars through a color mapper), ImageRGBA, and ImageURL (images
//! the page fetches).

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

    /// Images fetched from `url`, placed with their `anchor` at (x, y), `w` × `h` (the
    /// image's own size in screen pixels when unset), turned by `angle` about their
    /// centre. A page fetches each, trying `retry_attempts` more times `retry_timeout`
    /// milliseconds apart, and draws it once it has arrived; natively nothing is fetched.
    pub struct ImageURL("ImageURL") {
        anchor: Value = Value::str("top_left"),
        angle: NumberSpec = Spec::Value(0.0),
        dilate: bool = false,
        global_alpha: NumberSpec = Spec::Value(1.0),
        h: Spec<Option<f64>> = Spec::Value(None),
        retry_attempts: i64 = 0,
        retry_timeout: i64 = 0,
        url: Spec<String> = Spec::field("url"),
        w: Spec<Option<f64>> = Spec::Value(None),
        x: NumberSpec = Spec::field("x"),
        y: NumberSpec = Spec::field("y"),
    }
}
