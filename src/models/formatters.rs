//! Tick formatters: how an axis writes its tick labels.

models! {
    /// Plain numbers, switching to scientific notation for very large or small ones.
    pub struct BasicTickFormatter("BasicTickFormatter") {
        use_scientific: bool = true,
    }
}
