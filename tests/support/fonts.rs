//! Natively plotters draws text only with fonts registered by name (the page uses the
//! browser's): the render tests and benches register Debian's DejaVu Sans as rokeh's family.

use std::sync::Once;

use plotters::style::{register_font, FontStyle};
use rokeh::render::FONT_FAMILY;

const FONT_DIR: &str = "/usr/share/fonts/truetype/dejavu";

pub fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for (file, style) in [
            ("DejaVuSans.ttf", FontStyle::Normal),
            ("DejaVuSans-Bold.ttf", FontStyle::Bold),
        ] {
            let path = format!("{FONT_DIR}/{file}");
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("{path}: {e} (install Debian's fonts-dejavu-core)"));
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            if register_font(FONT_FAMILY, style, bytes).is_err() {
                panic!("{path} is not a font plotters can read");
            }
        }
    });
}
