//! Annotations: a plot's Title.

use crate::core::Color;

use super::enums::TextAlign;

models! {
    /// A plot's title text.
    pub struct Title("Title") {
        text: String = "",
        text_color: Option<Color> = Some("#444444".into()),
        text_font_size: String = "13px",
        align: TextAlign = TextAlign::Left,
    }
}
