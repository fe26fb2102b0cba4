//! Bytes in Bokeh's JSON: inline (base64 of gzip data, as Bokeh 3.9 writes and as its
//! Python decoder requires) or in binary buffers that travel beside the message, each
//! referenced by id (`{"type":"bytes","data":{"id":"…"}}`).

use std::io::{Read, Write};

use base64::Engine;
use flate2::{read::GzDecoder, write::GzEncoder, Compression};

use super::JsonError;

/// The id of a binary buffer within one message.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BufferId(pub String);

impl std::fmt::Display for BufferId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The binary buffers of one message, in the order they travel.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Buffers {
    entries: Vec<(BufferId, Vec<u8>)>,
}

impl Buffers {
    pub fn new() -> Buffers {
        Buffers::default()
    }

    /// Adds a buffer that arrived with a message.
    pub fn insert(&mut self, id: BufferId, bytes: Vec<u8>) {
        self.entries.push((id, bytes));
    }

    pub fn get(&self, id: &BufferId) -> Option<&[u8]> {
        self.entries
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, b)| b.as_slice())
    }

    /// The buffers in the order they were added (and must be sent).
    pub fn iter(&self) -> impl Iterator<Item = (&BufferId, &[u8])> {
        self.entries.iter().map(|(id, b)| (id, b.as_slice()))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Stores `bytes` under a new id, unique within these buffers.
    pub(crate) fn push(&mut self, bytes: Vec<u8>) -> BufferId {
        let id = BufferId(format!("b{}", self.entries.len() + 1));
        self.entries.push((id.clone(), bytes));
        id
    }
}

impl IntoIterator for Buffers {
    type Item = (BufferId, Vec<u8>);
    type IntoIter = std::vec::IntoIter<(BufferId, Vec<u8>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

/// Where the bytes of arrays go when writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BufferMode {
    /// Base64 of gzip data inside the JSON: one self-contained text (documents in files,
    /// the page's static boot).
    Inline,
    /// Binary buffers beside the JSON, as Bokeh's server sends them: no base64, no gzip.
    Binary,
}

/// Gzip level for inline bytes: the fastest. Float columns barely compress, and a
/// document is written far more often than it is worth squeezing (Bokeh's default is 2).
const INLINE_LEVEL: u32 = 1;

pub(super) fn encode_inline(bytes: &[u8]) -> String {
    let mut gz = GzEncoder::new(
        Vec::with_capacity(bytes.len() / 2 + 64),
        Compression::new(INLINE_LEVEL),
    );
    gz.write_all(bytes).expect("writing to a Vec");
    let zipped = gz.finish().expect("writing to a Vec");
    base64::engine::general_purpose::STANDARD.encode(zipped)
}

/// Inline bytes: base64, of gzip data when they start with gzip's magic (Bokeh 3.9),
/// plain otherwise (earlier Bokeh 3 releases).
pub(super) fn decode_inline(text: &str) -> Result<Vec<u8>, JsonError> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(text)
        .map_err(|e| JsonError::BadBytes(format!("invalid base64: {e}")))?;
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::with_capacity(raw.len() * 2);
    GzDecoder::new(raw.as_slice())
        .read_to_end(&mut out)
        .map_err(|e| JsonError::BadBytes(format!("invalid gzip data: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_bytes_round_trip_through_gzip() {
        let bytes: Vec<u8> = (0..1000u32).flat_map(|i| i.to_le_bytes()).collect();
        let text = encode_inline(&bytes);
        assert!(text.starts_with("H4sI"), "gzip magic in base64: {text:.8}");
        assert_eq!(decode_inline(&text).unwrap(), bytes);
    }

    #[test]
    fn plain_base64_is_read_too() {
        assert_eq!(decode_inline("AQID").unwrap(), vec![1, 2, 3]);
        assert!(decode_inline("@@").is_err());
    }
}
