//! `rokeh serve`: the optional sync server (native only).

/// The native `rokeh` command line.
pub fn main_cli() {
    eprintln!("rokeh serve is not built yet");
    std::process::exit(2);
}
