//! Buttons: clicking one sends Bokeh's `button_click` event.

models! {
    /// A push button, like Bokeh's `Button(label=…)`; a click is a
    /// [`ButtonClick`](crate::document::EventKind::ButtonClick) event for `on_event`.
    pub struct Button("Button") {
        label: String = "Button",
        disabled: bool = false,
    }
}
