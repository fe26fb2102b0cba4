//! The page's files gzip'd for browsers that accept it, as Bokeh's server compresses its
//! responses: the page's wasm is about 2.3 MB as built and a third of that gzip'd. A file
//! is compressed once per content and kept, so a rebuilt page is still served without a
//! restart; the server compresses the page's files as it starts, so the first visitor
//! (`--show`) does not wait for it.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::http::{header, HeaderMap};
use flate2::{write::GzEncoder, Compression};

/// Smaller files go as they are: gzip's framing would save next to nothing.
const MIN_BYTES: usize = 1024;

/// The gzip'd content of the page's files, by path.
#[derive(Default)]
pub(crate) struct GzipCache {
    files: Mutex<HashMap<PathBuf, Gzipped>>,
}

struct Gzipped {
    /// The length and CRC-32 of the content it was made from.
    of: (usize, u32),
    bytes: Arc<[u8]>,
}

impl GzipCache {
    /// `bytes`, the content of `path` now, gzip'd: from the cache when it was compressed
    /// before, so only a changed file is compressed again.
    pub(crate) fn gzip(&self, path: &Path, bytes: &[u8]) -> Arc<[u8]> {
        let of = (bytes.len(), crc32fast::hash(bytes));
        if let Some(hit) = self.files().get(path).filter(|g| g.of == of) {
            return hit.bytes.clone();
        }
        let mut encoder =
            GzEncoder::new(Vec::with_capacity(bytes.len() / 2), Compression::default());
        let gzipped: Arc<[u8]> = encoder
            .write_all(bytes)
            .and_then(|()| encoder.finish())
            .expect("writing into a Vec cannot fail")
            .into();
        self.files().insert(
            path.to_owned(),
            Gzipped {
                of,
                bytes: gzipped.clone(),
            },
        );
        gzipped
    }

    fn files(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Gzipped>> {
        // A panic while holding the lock leaves a map that is still whole.
        self.files.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether a file of `content_type` and `len` bytes is worth gzip'ing: text and wasm,
/// not images or the gallery's data files (gzip'd already).
pub(crate) fn worth_it(content_type: &str, len: usize) -> bool {
    len >= MIN_BYTES
        && (content_type.starts_with("text/")
            || matches!(
                content_type,
                "application/wasm" | "application/json" | "image/svg+xml"
            ))
}

/// Whether the request's `Accept-Encoding` takes gzip (by name or `*`, not with `q=0`).
pub(crate) fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;
    use std::io::Read;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        headers
    }

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn gzip_is_taken_as_browsers_and_curl_ask_for_it() {
        assert!(accepts_gzip(&accepting("gzip, deflate, br, zstd")));
        assert!(accepts_gzip(&accepting("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&accepting("*")));
        assert!(!accepts_gzip(&accepting("gzip;q=0")));
        assert!(!accepts_gzip(&accepting("br, deflate")));
        assert!(!accepts_gzip(&accepting("identity")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[test]
    fn a_changed_file_is_compressed_again_an_unchanged_one_is_not() {
        let cache = GzipCache::default();
        let path = Path::new("page_bg.wasm");
        let first = cache.gzip(path, &[7; 5000]);
        assert_eq!(gunzip(&first), vec![7; 5000]);
        assert!(
            first.len() < 200,
            "5,000 equal bytes gzip to {} bytes",
            first.len()
        );
        assert!(Arc::ptr_eq(&first, &cache.gzip(path, &[7; 5000])));
        let rebuilt = cache.gzip(path, &[8; 5000]);
        assert_eq!(gunzip(&rebuilt), vec![8; 5000]);
    }

    #[test]
    fn only_text_and_wasm_of_some_size_are_worth_it() {
        assert!(worth_it("application/wasm", 2_000_000));
        assert!(worth_it("text/javascript", 60_000));
        assert!(!worth_it("text/css", 100));
        assert!(!worth_it("image/png", 60_000));
        assert!(!worth_it("application/octet-stream", 60_000));
    }
}
