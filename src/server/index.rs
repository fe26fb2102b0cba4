//! The gallery's index page, as Bokeh's server index lists its apps: each app linked, with
//! its thumbnail (`screenshots/<app>.png` beside the page, made by `make screenshot`) when
//! it has one. `rokeh serve` answers `/` with it; `rokeh index` writes the same list as a
//! static page for a site with no server (GitHub Pages), linking `PAGE?app=<app>`.

use std::path::Path;

use super::page::escape_attr;

/// One app in the index.
pub(crate) struct Entry<'a> {
    pub name: &'a str,
    /// Where the link goes: `/sliders` served, `app.html?app=sliders` static.
    pub href: String,
    /// Its live sessions, when a server counts them.
    pub sessions: Option<usize>,
}

/// The index page; `page_dir` is where thumbnails are looked for.
pub(crate) fn html(entries: &[Entry<'_>], page_dir: Option<&Path>) -> String {
    let thumbnail = |name: &str| {
        let file = format!("screenshots/{name}.png");
        page_dir
            .is_some_and(|d| d.join(&file).is_file())
            .then_some(file)
    };
    let (mut cards, mut plain) = (String::new(), String::new());
    for entry in entries {
        let (name, href) = (escape_attr(entry.name), escape_attr(&entry.href));
        let sessions = entry
            .sessions
            .map_or(String::new(), |n| format!(" <small>({n} sessions)</small>"));
        let link = format!("<a href=\"{href}\">{name}</a>{sessions}");
        match thumbnail(entry.name) {
            Some(img) => cards.push_str(&format!(
                "<li><a href=\"{href}\"><img src=\"{img}\" alt=\"{name}\" loading=\"lazy\"></a>{link}</li>\n"
            )),
            None => plain.push_str(&format!("<li>{link}</li>\n")),
        }
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <link rel=\"icon\" href=\"data:,\"><title>rokeh</title><style>{STYLE}</style></head>\n\
         <body><h1>rokeh</h1><p>Bokeh's server demo apps, written in Rust.</p>\n\
         <ul class=\"cards\">\n{cards}</ul>\n<ul class=\"apps\">\n{plain}</ul>\n</body></html>\n"
    )
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#333}\
    .cards{display:flex;flex-wrap:wrap;gap:1.5em;list-style:none;padding:0}\
    .cards li{display:flex;flex-direction:column;width:300px}\
    .cards img{width:300px;height:200px;object-fit:cover;object-position:top left;\
    border:1px solid #ddd;border-radius:4px}\
    .cards a{font-size:1.1em;margin-top:.3em}.apps{columns:3}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apps_with_thumbnails_are_cards_the_rest_a_list() {
        let dir = std::env::temp_dir().join(format!("rokeh-index-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("screenshots")).unwrap();
        std::fs::write(dir.join("screenshots/movies.png"), b"png").unwrap();
        let entry = |name, sessions| Entry {
            name,
            href: format!("/{name}"),
            sessions,
        };
        let page = html(&[entry("movies", Some(2)), entry("a<b", None)], Some(&dir));
        assert!(page.contains(
            "<li><a href=\"/movies\"><img src=\"screenshots/movies.png\" alt=\"movies\" \
             loading=\"lazy\"></a><a href=\"/movies\">movies</a> <small>(2 sessions)</small></li>"
        ));
        assert!(
            page.contains("<li><a href=\"/a&lt;b\">a&lt;b</a></li>"),
            "{page}"
        );
    }
}
