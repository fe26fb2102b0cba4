//! The built page (Trunk's `dist/`) served from its folder: the app page with the session
//! it is to join written into it, and the files it loads.

use std::path::{Component, Path, PathBuf};

use crate::protocol::page_link::SESSION_META;

/// What the page needs to show its app and connect to its session.
pub(crate) struct PageSession<'a> {
    pub app: &'a str,
    pub ws_path: &'a str,
    pub session_id: &'a str,
    pub token: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum PageError {
    #[error(
        "the page is not built: no index.html with this binary's wasm in {}. Build it with \
         `trunk build --release` in its crate's folder (or point {} at Trunk's output folder).",
        .0.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        super::config::DIST_VAR
    )]
    NotBuilt(Vec<PathBuf>),
    #[error("could not read {0}: {1}")]
    Unreadable(PathBuf, std::io::Error),
}

/// The app page with `session` written into its head. Read on every request, so a
/// rebuilt page is served without a restart.
pub(crate) fn app_page(
    dir: &Result<PathBuf, Vec<PathBuf>>,
    session: &PageSession<'_>,
) -> Result<String, PageError> {
    let dir = dir
        .as_ref()
        .map_err(|places| PageError::NotBuilt(places.clone()))?;
    let path = dir.join("index.html");
    let html = std::fs::read_to_string(&path).map_err(|e| PageError::Unreadable(path, e))?;
    let meta = format!(
        r#"<meta name="{SESSION_META}" data-app="{}" data-ws-path="{}" data-session-id="{}" data-token="{}">"#,
        escape_attr(session.app),
        escape_attr(session.ws_path),
        escape_attr(session.session_id),
        escape_attr(session.token)
    );
    Ok(match html.find("</head>") {
        Some(at) => format!("{}{meta}\n{}", &html[..at], &html[at..]),
        None => format!("{meta}\n{html}"),
    })
}

/// A file of the built page, read.
pub(crate) struct PageFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub content_type: &'static str,
}

/// A file of the built page, by its URL path; `None` for anything outside the folder.
pub(crate) fn file(dir: &Result<PathBuf, Vec<PathBuf>>, url_path: &str) -> Option<PageFile> {
    let dir = dir.as_ref().ok()?;
    let relative = Path::new(url_path.trim_start_matches('/'));
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !inside || relative.as_os_str().is_empty() {
        return None;
    }
    let path = dir.join(relative);
    let bytes = std::fs::read(&path).ok()?;
    let content_type = content_type(&path);
    Some(PageFile {
        path,
        bytes,
        content_type,
    })
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

pub(crate) fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dist() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("rokeh-page-test-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("snippets")).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<html><head><title>t</title></head><body></body></html>",
        )
        .unwrap();
        std::fs::write(dir.join("app.wasm"), b"\0asm").unwrap();
        std::fs::write(dir.join("snippets/x.js"), b"x").unwrap();
        dir
    }

    #[test]
    fn page_gets_the_session_in_its_head() {
        let dir = Ok(temp_dist());
        let html = app_page(
            &dir,
            &PageSession {
                app: "sliders",
                ws_path: "/sliders/ws",
                session_id: "abc",
                token: "t.k",
            },
        )
        .unwrap();
        assert!(html.contains(
            r#"<meta name="rokeh-session" data-app="sliders" data-ws-path="/sliders/ws" data-session-id="abc" data-token="t.k">
</head>"#
        ));
    }

    #[test]
    fn files_inside_the_folder_only() {
        let dir = Ok(temp_dist());
        assert_eq!(
            file(&dir, "/app.wasm").unwrap().content_type,
            "application/wasm"
        );
        assert_eq!(file(&dir, "/snippets/x.js").unwrap().bytes, b"x");
        assert!(file(&dir, "/../etc/passwd").is_none());
        assert!(file(&dir, "/snippets/../../x").is_none());
        assert!(file(&dir, "/").is_none());
    }

    /// Fuzzed: whatever the URL path, a file outside the folder is never served.
    #[test]
    fn no_path_reaches_outside_the_folder() {
        let dir = temp_dist();
        let secret = dir.parent().unwrap().join("rokeh-page-test-secret");
        std::fs::write(&secret, b"secret").unwrap();
        let dir = Ok(dir);
        bolero::check!().for_each(|bytes: &[u8]| {
            let path = String::from_utf8_lossy(bytes);
            for path in [path.to_string(), format!("/{path}"), format!("/../{path}")] {
                if let Some(found) = file(&dir, &path) {
                    assert_ne!(found.bytes, b"secret", "{path:?} reached outside");
                }
            }
        });
        for path in [
            "/../rokeh-page-test-secret",
            "/snippets/../../rokeh-page-test-secret",
        ] {
            assert!(file(&dir, path).is_none(), "{path}");
        }
    }

    #[test]
    fn missing_page_says_how_to_build_it() {
        let places = Err(vec![PathBuf::from("dist")]);
        let session = PageSession {
            app: "",
            ws_path: "",
            session_id: "",
            token: "",
        };
        let err = app_page(&places, &session).unwrap_err().to_string();
        assert!(err.contains("trunk build --release"), "{err}");
    }
}
