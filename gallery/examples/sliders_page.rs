//! The sliders app alone, as a user's one-app crate builds it, with only the views of the
//! two widgets and the one glyph it shows: `make bench` builds its page twice
//! (scripts/page-sizes.sh), served (default features) and static only
//! (`--no-default-features`), and prints their sizes.
use rokeh::{views, App};

fn main() {
    let apps = vec![App::new("sliders", rokeh_gallery::sliders)];
    rokeh::run_with_views(&[views::SLIDER, views::TEXT_INPUT, views::LINE], apps);
}
