//! The page's query parameters (`?app=sliders`). An app reads its own through its
//! document's [`SessionContext`](crate::SessionContext), served or not.

/// Parameter `name` of the page's URL, as given.
pub fn query_text(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}
