//! Text inputs.

models! {
    /// A one-line text input, like Bokeh's `TextInput(title=…, value=…)`: `value_input`
    /// follows every keystroke, `value` is set on Enter or when the input loses focus.
    pub struct TextInput("TextInput") {
        title: String = "",
        value: String = "",
        value_input: String = "",
        placeholder: String = "",
        disabled: bool = false,
    }
}
