//! Bytes in Bokeh's JSON: inline (base64 of gzip data, as Bokeh 3.9 writes and as its
//! Python decoder requires) or in binary buffers that travel beside the message, each
//! referenced by id (`{"type":"bytes","data":{"id":"…"}}`).

use std::io::{Read, Write};
use std::ops::Range;

use base64::engine::general_purpose::STANDARD;
use base64::write::EncoderStringWriter;
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

/// The binary buffers of one message, in the order they travel, and how many bytes the
/// message's arrays may decode to in all: a gzip member may inflate a thousandfold, and a
/// buffer may be referred to by a thousand arrays, so what a message's arrays hold is
/// bounded as the message's own size is.
#[derive(Clone, Debug, PartialEq)]
pub struct Buffers {
    entries: Vec<(BufferId, Vec<u8>)>,
    array_limit: usize,
}

impl Default for Buffers {
    fn default() -> Buffers {
        Buffers {
            entries: Vec::new(),
            array_limit: usize::MAX,
        }
    }
}

impl Buffers {
    /// No buffers, arrays of any size (a document read from one's own file).
    pub fn new() -> Buffers {
        Buffers::default()
    }

    /// No buffers yet; the arrays read with these may decode to `limit` bytes in all,
    /// inline or from a buffer (a server ties it to the largest message it takes).
    pub fn with_array_limit(limit: usize) -> Buffers {
        Buffers {
            array_limit: limit,
            ..Buffers::default()
        }
    }

    /// How many bytes the arrays read with these buffers may decode to, in all.
    pub fn array_limit(&self) -> usize {
        self.array_limit
    }

    /// Adds a buffer that arrived with a message.
    pub fn insert(&mut self, id: BufferId, bytes: Vec<u8>) {
        self.entries.push((id, bytes));
    }

    /// The bytes of buffer `id`, if these have it.
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

    /// The number of buffers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no buffers.
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

/// Bytes of a stored deflate block: under deflate's 65535 and a multiple of every
/// element size, so a block holds whole elements of any typed array.
pub(super) const BLOCK: usize = 65528;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Inline bytes as Bokeh 3.9's reader requires them: base64 of gzip data. The gzip
/// member holds the bytes in stored (uncompressed) deflate blocks: float columns barely
/// compress, and deflating cost ~20x the rest (miniz at level 1 ran at 45 MB/s).
///
/// `len` bytes come from `write`, asked for one block's byte range at a time, straight
/// into the base64 text: no buffer of the whole size but the text itself.
pub(super) fn encode_inline(
    len: usize,
    mut write: impl FnMut(Range<usize>, &mut Vec<u8>),
) -> String {
    let blocks = len.div_ceil(BLOCK).max(1);
    let gzip_len = 10 + blocks * 5 + len + 8;
    let mut text = String::with_capacity(gzip_len.div_ceil(3) * 4);
    let mut b64 = EncoderStringWriter::from_consumer(&mut text, &STANDARD);
    // Writing to a String cannot fail: no message (and no io::Error's Debug) for it.
    let mut put = |bytes: &[u8]| {
        if b64.write_all(bytes).is_err() {
            unreachable!()
        }
    };
    // Header: magic, deflate, no flags, mtime 0, no extra flags, OS unknown.
    put(&[GZIP_MAGIC[0], GZIP_MAGIC[1], 8, 0, 0, 0, 0, 0, 0, 255]);
    if len == 0 {
        put(&[1, 0, 0, 0xff, 0xff]); // one empty final block
    }
    let mut crc = crc32fast::Hasher::new();
    let mut block = Vec::with_capacity(BLOCK.min(len));
    for start in (0..len).step_by(BLOCK) {
        let end = (start + BLOCK).min(len);
        block.clear();
        write(start..end, &mut block);
        debug_assert_eq!(block.len(), end - start);
        crc.update(&block);
        let size = block.len() as u16;
        let [lo, hi] = size.to_le_bytes();
        let [nlo, nhi] = (!size).to_le_bytes();
        put(&[u8::from(end == len), lo, hi, nlo, nhi]); // BFINAL, BTYPE 00: stored
        put(&block);
    }
    put(&crc.finalize().to_le_bytes());
    put(&(len as u32).to_le_bytes());
    b64.into_inner(); // writes the last partial group
    text
}

/// Inline bytes: base64, of gzip data when they start with gzip's magic (Bokeh 3.9),
/// plain otherwise (earlier Bokeh 3 releases). At most `limit` bytes come out: more is
/// refused before it is held (a gzip member is inflated through a limit, not to its end).
pub(super) fn decode_inline(text: &str, limit: usize) -> Result<Vec<u8>, JsonError> {
    let too_big = || JsonError::TooLarge(format!("inline bytes decode past {limit} bytes"));
    let mut raw = STANDARD
        .decode(text)
        .map_err(|e| JsonError::BadBytes(format!("invalid base64: {e}")))?;
    if !raw.starts_with(&GZIP_MAGIC) {
        return if raw.len() > limit {
            Err(too_big())
        } else {
            Ok(raw)
        };
    }
    if stored_blocks(&raw).is_some() {
        unstore(&mut raw)?;
        return if raw.len() > limit {
            Err(too_big())
        } else {
            Ok(raw)
        };
    }
    // The trailer's last four bytes state the size (mod 2^32): one allocation of that size
    // instead of doubling copies, which some allocators hold at twice the peak; a lie
    // costs at most `limit`.
    let stated = raw
        .last_chunk::<4>()
        .map_or(0, |size| u32::from_le_bytes(*size) as usize);
    let mut out = Vec::with_capacity(stated.min(limit).saturating_add(1));
    GzDecoder::new(raw.as_slice())
        .take((limit as u64).saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| JsonError::BadBytes(format!("invalid gzip data: {e}")))?;
    if out.len() > limit {
        return Err(too_big());
    }
    Ok(out)
}

/// Where the trailer starts, when `gzip` is one plain member of stored blocks only (as
/// rokeh writes it): those need no inflating.
fn stored_blocks(gzip: &[u8]) -> Option<usize> {
    const HEADER: usize = 10;
    // Deflate, and no optional header fields.
    if gzip.len() < HEADER || gzip[2] != 8 || gzip[3] != 0 {
        return None;
    }
    let mut at = HEADER;
    loop {
        let head = *gzip.get(at)?;
        if head & 0b110 != 0 {
            return None; // a compressed block
        }
        let size = u16::from_le_bytes([*gzip.get(at + 1)?, *gzip.get(at + 2)?]) as usize;
        at += 5 + size;
        if head & 1 == 1 {
            return (gzip.len() >= at + 8).then_some(at);
        }
    }
}

/// Turns a gzip member of stored blocks into its bytes, in place, checking the blocks'
/// lengths, the CRC and the size.
fn unstore(gzip: &mut Vec<u8>) -> Result<(), JsonError> {
    let bad = |what: &str| JsonError::BadBytes(format!("invalid gzip data: {what}"));
    let trailer = stored_blocks(gzip).ok_or_else(|| bad("not stored blocks"))?;
    let (mut at, mut len) = (10, 0);
    while at < trailer {
        let size = u16::from_le_bytes([gzip[at + 1], gzip[at + 2]]);
        if !size != u16::from_le_bytes([gzip[at + 3], gzip[at + 4]]) {
            return Err(bad("a stored block's length check fails"));
        }
        let size = size as usize;
        gzip.copy_within(at + 5..at + 5 + size, len);
        (at, len) = (at + 5 + size, len + size);
    }
    let word = |i: usize| u32::from_le_bytes(gzip[i..i + 4].try_into().expect("4 bytes"));
    let (crc, size) = (word(trailer), word(trailer + 4));
    gzip.truncate(len);
    if crc != crc32fast::hash(gzip) || size != len as u32 {
        return Err(bad("CRC or size mismatch"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(bytes: &[u8]) -> String {
        encode_inline(bytes.len(), |range, out| {
            out.extend_from_slice(&bytes[range])
        })
    }

    #[test]
    fn compressed_gzip_is_inflated_and_a_bad_crc_refused() {
        use flate2::{write::GzEncoder, Compression};
        let bytes: Vec<u8> = (0..5000u32).flat_map(|i| (i % 7).to_le_bytes()).collect();
        let mut gz = GzEncoder::new(Vec::new(), Compression::new(6));
        gz.write_all(&bytes).unwrap();
        let text = STANDARD.encode(gz.finish().unwrap());
        assert_eq!(decode_inline(&text, usize::MAX).unwrap(), bytes);

        let mut stored = STANDARD.decode(inline(&bytes)).unwrap();
        let at = stored.len() - 8;
        stored[at] ^= 1;
        let err = decode_inline(&STANDARD.encode(stored), usize::MAX).unwrap_err();
        assert!(err.to_string().contains("CRC"), "{err}");
    }

    #[test]
    fn inline_bytes_round_trip_through_gzip() {
        let bytes: Vec<u8> = (0..1000u32).flat_map(|i| i.to_le_bytes()).collect();
        let text = inline(&bytes);
        assert!(text.starts_with("H4sI"), "gzip magic in base64: {text:.8}");
        assert_eq!(decode_inline(&text, usize::MAX).unwrap(), bytes);
    }

    #[test]
    fn stored_gzip_of_nothing_and_of_many_blocks_reads_back() {
        for len in [0, 1, 65535, 65536, 200_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            assert_eq!(
                decode_inline(&inline(&bytes), usize::MAX).unwrap(),
                bytes,
                "{len}"
            );
        }
    }

    #[test]
    fn plain_base64_is_read_too() {
        assert_eq!(decode_inline("AQID", 3).unwrap(), vec![1, 2, 3]);
        assert!(decode_inline("@@", 3).is_err());
    }

    #[test]
    fn inline_bytes_past_the_limit_are_refused_without_inflating_them() {
        use flate2::{write::GzEncoder, Compression};
        // 64 MiB of zeros deflate to about 64 KiB.
        let mut gz = GzEncoder::new(Vec::new(), Compression::best());
        gz.write_all(&vec![0; 64 << 20]).unwrap();
        let bomb = STANDARD.encode(gz.finish().unwrap());
        let err = decode_inline(&bomb, 1 << 20).unwrap_err();
        assert!(matches!(err, JsonError::TooLarge(_)), "{err}");
        let bytes = vec![7u8; 5000];
        assert!(decode_inline(&inline(&bytes), 4999).is_err());
        assert_eq!(decode_inline(&inline(&bytes), 5000).unwrap(), bytes);
        assert!(decode_inline("AQID", 2).is_err());
    }
}
