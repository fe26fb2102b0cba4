//! Markup: text and HTML shown in the layout.

models! {
    /// A block of HTML (`text`), or of plain text with `render_as_text`.
    pub struct Div("Div") {
        text: String = "",
        render_as_text: bool = false,
    }

    /// A paragraph of text.
    pub struct Paragraph("Paragraph") {
        text: String = "",
    }

    /// Preformatted text, in a fixed-width font with its line breaks kept.
    pub struct PreText("PreText") {
        text: String = "",
    }
}
