//! Bytes in Bokeh's JSON: inline (base64 of gzip data, as Bokeh 3.9 writes and as its
//! Python decoder requires) or in binary buffers that travel beside the message, each
//! referenced by id (`{"type":"bytes","data":{"id":"…"}}`).

use std::io::Read;

use base64::Engine;
use flate2::read::GzDecoder;

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

/// Inline bytes as Bokeh 3.9's reader requires them: base64 of gzip data. The gzip
/// stream holds the bytes in stored (uncompressed) deflate blocks: float columns barely
/// compress, and deflating costs ~20x the rest (miniz at level 1 ran at 45 MB/s; even
/// its level 0 at ~200 MB/s), where stored blocks cost a CRC and a copy.
pub(super) fn encode_inline(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(gzip_stored(bytes))
}

/// A gzip member (RFC 1952) whose deflate data (RFC 1951) is stored blocks.
fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    const MAX_BLOCK: usize = u16::MAX as usize;
    // Header: magic, deflate, no flags, mtime 0, no extra flags, OS unknown.
    let header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let blocks = bytes.len().div_ceil(MAX_BLOCK).max(1);
    let mut out = Vec::with_capacity(header.len() + bytes.len() + blocks * 5 + 8);
    out.extend_from_slice(&header);
    let mut chunks = bytes.chunks(MAX_BLOCK).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]); // one empty final block
    }
    while let Some(chunk) = chunks.next() {
        let last = u8::from(chunks.peek().is_none());
        let len = chunk.len() as u16;
        out.push(last); // BFINAL, BTYPE 00: stored
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&crc32fast::hash(bytes).to_le_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out
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
    fn stored_gzip_of_nothing_and_of_many_blocks_reads_back() {
        for len in [0, 1, 65535, 65536, 200_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            assert_eq!(
                decode_inline(&encode_inline(&bytes)).unwrap(),
                bytes,
                "{len}"
            );
        }
    }

    #[test]
    fn plain_base64_is_read_too() {
        assert_eq!(decode_inline("AQID").unwrap(), vec![1, 2, 3]);
        assert!(decode_inline("@@").is_err());
    }
}
