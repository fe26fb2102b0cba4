//! `rokeh new NAME` (native): a ready crate in `./NAME` that depends on rokeh, with the
//! files Trunk needs to build its page (`index.html`, `Trunk.toml`, the stylesheet, the
//! embed loader) and a small app in `src/main.rs`: `trunk serve` shows it, `cargo run --
//! serve --show` serves it.

use std::path::{Path, PathBuf};

/// The wasm-bindgen CLI Trunk must run: the version rokeh pins `wasm-bindgen` to
/// (`=0.2.130` in its Cargo.toml; a test checks they agree).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// `rokeh new`'s command line.
#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The crate's name; its folder is created in the current one.
    pub name: String,
    /// Depend on the rokeh crate in this folder (default: the rokeh this command was built
    /// from).
    #[arg(long, value_name = "DIR", conflicts_with = "git")]
    pub path: Option<PathBuf>,
    /// Depend on rokeh from this git repository.
    #[arg(long, value_name = "URL")]
    pub git: Option<String>,
    /// With --git: the commit to use.
    #[arg(long, requires = "git")]
    pub rev: Option<String>,
}

/// Where the new crate gets rokeh from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RokehSource {
    /// A folder holding rokeh's Cargo.toml.
    Path(PathBuf),
    /// A git repository holding rokeh.
    Git {
        /// The repository's URL.
        url: String,
        /// A commit, tag or branch; `None`: the default branch.
        rev: Option<String>,
    },
    /// A release from crates.io.
    Version(String),
}

impl RokehSource {
    /// What `args` asked for; by default the rokeh this code was built from: its source
    /// folder, or its release when that folder is cargo's copy of a crates.io download.
    pub fn from_args(args: &NewArgs) -> Result<RokehSource, ScaffoldError> {
        if let Some(url) = &args.git {
            return Ok(RokehSource::Git {
                url: url.clone(),
                rev: args.rev.clone(),
            });
        }
        let dir = match &args.path {
            Some(dir) => dir.clone(),
            None if BUILT_FROM.contains("/registry/src/") => {
                return Ok(RokehSource::Version(env!("CARGO_PKG_VERSION").into()))
            }
            None => PathBuf::from(BUILT_FROM),
        };
        let dir = dir
            .canonicalize()
            .map_err(|e| ScaffoldError::NoRokeh(dir.clone(), e.to_string()))?;
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml"))
            .map_err(|e| ScaffoldError::NoRokeh(dir.clone(), e.to_string()))?;
        if !manifest.contains("name = \"rokeh\"") {
            return Err(ScaffoldError::NoRokeh(
                dir,
                "its Cargo.toml is not rokeh's".into(),
            ));
        }
        Ok(RokehSource::Path(dir))
    }

    /// The dependency line of the new crate's Cargo.toml: with the `server` feature, so
    /// `cargo run -- serve` works.
    fn dependency(&self) -> String {
        let source = match self {
            RokehSource::Path(dir) => format!("path = {}", toml_string(dir)),
            RokehSource::Git { url, rev: None } => format!("git = {}", toml_string(url)),
            RokehSource::Git {
                url,
                rev: Some(rev),
            } => format!("git = {}, rev = {}", toml_string(url), toml_string(rev)),
            RokehSource::Version(version) => format!("version = {}", toml_string(version)),
        };
        format!("rokeh = {{ {source}, features = [\"server\"] }}")
    }
}

/// The source folder of the rokeh this code was built from.
const BUILT_FROM: &str = env!("CARGO_MANIFEST_DIR");

/// Why `rokeh new` wrote nothing, or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// The name, and why cargo would refuse it.
    #[error("{0:?} is not a valid crate name: {1}")]
    InvalidName(String, &'static str),
    /// The crate's folder is taken.
    #[error("{} already exists: choose another name, or remove it first", .0.display())]
    Exists(PathBuf),
    /// `--path` (or the folder rokeh was built from) holds no rokeh crate.
    #[error("no rokeh crate in {dir}: {why}", dir = .0.display(), why = .1)]
    NoRokeh(PathBuf, String),
    /// A file or folder of the new crate could not be written.
    #[error("could not write {path}: {error}", path = .0.display(), error = .1)]
    Write(PathBuf, std::io::Error),
}

/// The files of a new crate named `name`, by path inside its folder.
pub fn files(name: &str, rokeh: &RokehSource) -> Vec<(&'static str, String)> {
    let fill = |template: &str| {
        template
            .replace("{{name}}", name)
            .replace("{{rokeh}}", &rokeh.dependency())
            .replace("{{wasm_bindgen}}", WASM_BINDGEN_VERSION)
    };
    vec![
        ("Cargo.toml", fill(include_str!("template/Cargo.toml.in"))),
        (
            ".cargo/config.toml",
            include_str!("template/config.toml").into(),
        ),
        ("Trunk.toml", fill(include_str!("template/Trunk.toml"))),
        ("index.html", fill(include_str!("template/index.html"))),
        ("src/main.rs", fill(include_str!("template/main.rs"))),
        (
            "style/rokeh.css",
            include_str!("../../style/rokeh.css").into(),
        ),
        ("rokeh-embed.js", include_str!("../rokeh-embed.js").into()),
        (".gitignore", include_str!("template/gitignore").into()),
    ]
}

/// Writes the crate `name` into `parent/name`, which must not exist. Changes nothing when
/// the name is refused.
pub fn create(parent: &Path, name: &str, rokeh: &RokehSource) -> Result<PathBuf, ScaffoldError> {
    check_name(name)?;
    let dir = parent.join(name);
    if dir.symlink_metadata().is_ok() {
        return Err(ScaffoldError::Exists(dir));
    }
    for (path, text) in files(name, rokeh) {
        let path = dir.join(path);
        let folder = path.parent().expect("every file is inside the crate");
        std::fs::create_dir_all(folder).map_err(|e| ScaffoldError::Write(folder.into(), e))?;
        std::fs::write(&path, text).map_err(|e| ScaffoldError::Write(path.clone(), e))?;
    }
    // The versions rokeh is built and tested with, as a start: cargo keeps what still fits.
    if let RokehSource::Path(rokeh_dir) = rokeh {
        if let Ok(lock) = std::fs::read(rokeh_dir.join("Cargo.lock")) {
            let path = dir.join("Cargo.lock");
            std::fs::write(&path, lock).map_err(|e| ScaffoldError::Write(path, e))?;
        }
    }
    Ok(dir)
}

/// Cargo's rules for a package name that is also a binary's.
pub fn check_name(name: &str) -> Result<(), ScaffoldError> {
    let refuse = |why| Err(ScaffoldError::InvalidName(name.into(), why));
    let Some(first) = name.chars().next() else {
        return refuse("it is empty");
    };
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return refuse("use only ASCII letters, digits, `-` and `_`");
    }
    if first.is_ascii_digit() {
        return refuse("it cannot start with a digit");
    }
    if name.len() > 64 {
        return refuse("it is longer than 64 characters");
    }
    let lower = name.to_ascii_lowercase();
    if RESERVED.split_whitespace().any(|r| r == lower) {
        return refuse("it is a Rust keyword or a name cargo reserves");
    }
    if lower == "rokeh" {
        return refuse("the crate depends on `rokeh`, so it cannot be named so");
    }
    Ok(())
}

/// Rust's keywords, the standard crates, cargo's folder names a binary cannot take, and
/// Windows' device names.
const RESERVED: &str = "\
    abstract as async await become box break const continue crate do dyn else enum \
    extern false final fn for gen if impl in let loop macro match mod move mut override \
    priv pub ref return self static struct super trait true try type typeof unsafe \
    unsized use virtual where while yield alloc core proc-macro proc_macro std test \
    build deps examples incremental aux con nul prn com1 com2 com3 com4 com5 com6 com7 \
    com8 com9 lpt1 lpt2 lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9";

/// A TOML basic string.
fn toml_string(text: impl AsRef<std::ffi::OsStr>) -> String {
    let text = text.as_ref().to_string_lossy();
    let mut quoted = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `rokeh new`: creates the crate in the current folder and says what to do next.
pub fn main(args: NewArgs) -> Result<(), ScaffoldError> {
    check_name(&args.name)?;
    let rokeh = RokehSource::from_args(&args)?;
    let dir = create(Path::new("."), &args.name, &rokeh)?;
    println!(
        "Created {} with {}\n\nNext:\n  cd {}\n  trunk serve                 # the page alone, on http://127.0.0.1:8080\n  trunk build --release && cargo run -- serve --show\n                              # served by `rokeh serve`, sessions kept in sync",
        dir.display(),
        rokeh.dependency(),
        args.name
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cargo_refuses_are_refused() {
        for bad in [
            "", "1app", "my app", "app.rs", "über", "fn", "test", "rokeh", "CON", "a/b",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?} accepted");
        }
        for good in ["app", "my-app", "my_app2", "Plots"] {
            check_name(good).unwrap();
        }
    }

    #[test]
    fn dependency_lines() {
        let git = RokehSource::Git {
            url: "https://example.org/rokeh.git".into(),
            rev: Some("abc123".into()),
        };
        assert_eq!(
            git.dependency(),
            r#"rokeh = { git = "https://example.org/rokeh.git", rev = "abc123", features = ["server"] }"#
        );
        let path = RokehSource::Path(PathBuf::from(r#"/a "b"\c"#));
        assert_eq!(
            path.dependency(),
            r#"rokeh = { path = "/a \"b\"\\c", features = ["server"] }"#
        );
    }

    #[test]
    fn by_default_the_rokeh_it_was_built_from() {
        let args = NewArgs {
            name: "app".into(),
            path: None,
            git: None,
            rev: None,
        };
        let source = RokehSource::from_args(&args).unwrap();
        assert_eq!(
            source,
            RokehSource::Path(PathBuf::from(BUILT_FROM).canonicalize().unwrap())
        );
    }

    #[test]
    fn pins_the_wasm_bindgen_rokeh_pins() {
        let manifest = include_str!("../../Cargo.toml");
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={WASM_BINDGEN_VERSION}\"")),
            "WASM_BINDGEN_VERSION differs from Cargo.toml's pin"
        );
    }
}
