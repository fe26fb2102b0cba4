//! The ten-glyph figure alone (the bench's `ten_glyphs` app), as a user's one-figure crate
//! builds it: static only, with only the views of the glyphs it draws.
//! scripts/page-sizes.sh builds its page; `make bench` times its cold first paint.
use rokeh::{views, App};

fn main() {
    let apps = vec![App::new("ten_glyphs", rokeh_gallery::ten_glyphs)];
    rokeh::run_with_views(
        &[
            views::LINE,
            views::SCATTER,
            views::VBAR,
            views::STEP,
            views::TEXT,
            views::QUAD,
            views::HBAR,
            views::WEDGE,
            views::SEGMENT,
            views::VAREA,
            views::PATCH,
        ],
        apps,
    );
}
