//! Builds the relaxed-SIMD side module (`side/kernel.rs`, see `src/relaxed.rs`) when the
//! crate is built for wasm32 with simd128, and checks that it owns no memory.

use std::path::PathBuf;
use std::process::Command;
use std::{env, fs};

fn main() {
    for source in [
        "side/kernel.rs",
        "src/blocks.rs",
        "src/lanes.rs",
        "src/fast.rs",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
    let features = env::var("CARGO_CFG_TARGET_FEATURE").unwrap_or_default();
    let wasm = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && features.split(',').any(|f| f == "simd128");
    if !wasm {
        return;
    }
    let out =
        PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("relaxed.wasm");
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let status = Command::new(rustc)
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "cdylib",
            "--crate-name",
            "rokeh_np_relaxed",
        ])
        .args([
            "--target",
            "wasm32-unknown-unknown",
            "-C",
            "opt-level=3",
            "-C",
            "panic=abort",
        ])
        .args([
            "-C",
            "target-feature=+simd128,+relaxed-simd",
            "-C",
            "strip=symbols",
        ])
        // The page's memory, and no stack of its own: a use of one traps at address 0 − n.
        .args([
            "-C",
            "link-arg=--import-memory",
            "-C",
            "link-arg=-zstack-size=0",
        ])
        .arg("side/kernel.rs")
        .arg("-o")
        .arg(&out)
        .status()
        .expect("rustc runs");
    assert!(
        status.success(),
        "the relaxed-SIMD side module does not build"
    );
    let module = fs::read(&out).expect("rustc wrote the side module");
    check(&module);
}

/// Panics unless `module` is under 4 KiB (browsers compile no more synchronously on the
/// main thread) and has no data (it would be written into the page's memory).
fn check(module: &[u8]) {
    assert!(
        module.len() < 4096,
        "the side module has {} bytes",
        module.len()
    );
    let mut at = 8; // magic and version
    while at < module.len() {
        let id = module[at];
        let (size, len) = leb128(&module[at + 1..]);
        assert!(
            id != 11 && id != 12,
            "the side module has data: it would overwrite the page's"
        );
        at += 1 + len + size;
    }
}

/// An unsigned LEB128 number and how many bytes it took.
fn leb128(bytes: &[u8]) -> (usize, usize) {
    let mut value = 0;
    for (i, &b) in bytes.iter().enumerate() {
        value |= usize::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return (value, i + 1);
        }
    }
    panic!("a truncated LEB128 number in the side module")
}
