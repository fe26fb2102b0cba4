//! A counter that counts by itself: a periodic callback adds one every 100 ms. The
//! server runs it for each session; with several servers sharing sessions, only the
//! session's owner does (the shared-session tests check it runs once, and goes on when
//! that server dies).

use std::time::Duration;

use rokeh::models::Slider;
use rokeh::Document;

/// How often the count goes up.
pub const TICK: Duration = Duration::from_millis(100);

pub fn ticker(doc: &mut Document) {
    let count = doc.add(Slider::new("count", 0.0, 0.0, 1e9, 1.0));
    doc.add_root(count);
    doc.add_periodic_callback(TICK, move |doc| {
        let next = doc.get(count, Slider::VALUE) + 1.0;
        doc.set(count, Slider::VALUE, next)
    });
    doc.set_title("Ticker");
}
