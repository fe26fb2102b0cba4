//! `rokeh new`: the crate it writes builds natively and for the page (Trunk, as its user
//! would), and its own binary serves its app's page. The builds share this repository's
//! target folder, so only rokeh and the new crate compile. (server_browser.rs shows the
//! crate's app in Chromium.)
#![cfg(not(target_arch = "wasm32"))] // runs cargo and trunk

mod server_support;

use server_support::*;

#[test]
fn a_new_crate_builds_for_both_targets_and_serves_its_app() {
    let new = NewCrate::create("hello-plot");
    let manifest = std::fs::read_to_string(new.dir.join("Cargo.toml")).unwrap();
    // By default, the rokeh this binary was built from.
    let rokeh_dir = repo_root().canonicalize().unwrap();
    assert!(
        manifest.contains(&format!(
            "rokeh = {{ path = \"{}\", features = [\"server\"] }}",
            rokeh_dir.display()
        )),
        "{manifest}"
    );

    new.build();
    let dist = std::fs::read_dir(new.dir.join("dist"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect::<Vec<_>>();
    let wasm = dist
        .iter()
        .find(|f| f.starts_with(new.name) && f.ends_with("_bg.wasm"))
        .unwrap_or_else(|| panic!("no wasm of {} in {dist:?}", new.name));
    assert!(dist.iter().any(|f| f == "rokeh-embed.js"), "{dist:?}");

    // Its own binary is the command line: `serve` finds the page in ./dist.
    let server = new.serve(&[]);
    let (status, page) = http_get(&server.http(&format!("/{}", new.name)));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<meta name=\"rokeh-session\""), "{page}");
    assert!(
        page.contains(&format!("data-app=\"{}\"", new.name)),
        "{page}"
    );
    assert!(page.contains(wasm.as_str()), "{page}");
    let glue = wasm.replace("_bg.wasm", ".js");
    let (status, response) = http_get(&server.http(&format!("/{glue}")));
    assert_eq!(status, 200);
    assert!(
        response.contains("content-type: text/javascript"),
        "{response}"
    );
    drop(server);

    // Any binary built on rokeh has the command line, `new` too.
    let created = std::process::Command::new(new.binary())
        .args(["new", "its-own-app"])
        .current_dir(&new.parent)
        .output()
        .unwrap();
    assert!(created.status.success(), "{}", said(&created));
    assert!(new.parent.join("its-own-app/src/main.rs").is_file());
}

fn fresh_folder() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "rokeh-new-refused-{}-{}",
        std::process::id(),
        rand::random::<u32>()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_taken_or_invalid_name_is_refused_and_nothing_written() {
    let parent = fresh_folder();
    std::fs::create_dir(parent.join("taken")).unwrap();
    let refused = rokeh_in(&parent, &["new", "taken"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        said(&refused).contains("already exists"),
        "{}",
        said(&refused)
    );
    assert_eq!(std::fs::read_dir(parent.join("taken")).unwrap().count(), 0);

    for bad in ["9lives", "my app", "fn", "rokeh", "../escape"] {
        let refused = rokeh_in(&parent, &["new", bad]);
        assert_eq!(refused.status.code(), Some(2), "{bad}: {}", said(&refused));
        assert!(
            said(&refused).contains("not a valid crate name"),
            "{bad}: {}",
            said(&refused)
        );
    }
    let refused = rokeh_in(&parent, &["new", "app", "--path", "/nonexistent/rokeh"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        said(&refused).contains("no rokeh crate"),
        "{}",
        said(&refused)
    );
    let left: Vec<_> = std::fs::read_dir(&parent).unwrap().collect();
    assert_eq!(left.len(), 1, "only `taken` is there: {left:?}");
    let _ = std::fs::remove_dir_all(&parent);
}

#[test]
fn rokeh_from_git_or_a_path_as_asked() {
    let parent = fresh_folder();
    let url = "https://github.com/example/rokeh";
    let created = rokeh_in(
        &parent,
        &["new", "from-git", "--git", url, "--rev", "0123abc"],
    );
    assert!(created.status.success(), "{}", said(&created));
    let manifest = std::fs::read_to_string(parent.join("from-git/Cargo.toml")).unwrap();
    assert!(
        manifest.contains(&format!(
            "rokeh = {{ git = \"{url}\", rev = \"0123abc\", features = [\"server\"] }}"
        )),
        "{manifest}"
    );

    let root = repo_root();
    let created = rokeh_in(
        &parent,
        &["new", "from-path", "--path", root.to_str().unwrap()],
    );
    assert!(created.status.success(), "{}", said(&created));
    let manifest = std::fs::read_to_string(parent.join("from-path/Cargo.toml")).unwrap();
    let root = root.canonicalize().unwrap();
    assert!(
        manifest.contains(&format!(
            "rokeh = {{ path = \"{}\", features = [\"server\"] }}",
            root.display()
        )),
        "{manifest}"
    );
    let _ = std::fs::remove_dir_all(&parent);
}
