//! Real Python Bokeh (`bokeh.client`, from ./.venv made by scripts/python-venv.sh) against
//! `rokeh serve`: it pulls the sliders document, moves the frequency slider, and sees the
//! server's callback recompute the sine (tests/python/server_client.py).

mod server_support;

use std::path::Path;
use std::process::Command;

use server_support::Server;

#[test]
fn bokeh_client_pulls_the_document_and_its_slider_drives_the_server_callback() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/python-venv.sh (Python Bokeh 3.9.2 in ./.venv) first",
        python.display()
    );
    let server = Server::start(&[]);
    let output = Command::new(&python)
        .arg(root.join("tests/python/server_client.py"))
        .arg(server.http("/sliders"))
        .output()
        .expect("python runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "server_client.py failed:\n{stdout}\n{stderr}\nserver log:\n{}",
        server.log.lock().unwrap().join("\n")
    );
    assert!(stdout.contains("ok: "), "{stdout}");
}
