//! The page's query parameters (`?N=100000`, `?app=sliders`).

/// Parameter `name` of the page's URL, as given.
pub fn query_text(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Parameter `name` of the page's URL as a count from `min` to `max`. Anything else is
/// reported on the console and ignored, so a bad URL still shows the page.
pub fn query_count(name: &str, min: usize, max: usize) -> Option<usize> {
    let raw = query_text(name)?;
    match raw.trim().parse::<usize>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            let message =
                format!("ignoring ?{name}={raw}: expected a whole number from {min} to {max}");
            web_sys::console::warn_1(&message.into());
            None
        }
    }
}
