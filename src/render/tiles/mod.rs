//! A TileRenderer, as BokehJS's `TileRendererView` paints it: the tiles of its source
//! at the zoom level the plot's default ranges fit in the frame, nearest the centre
//! first, each where its bounds map to; a tile not fetched yet stands in for by the
//! nearest coarser one fetched (`render_parents`). The surface fetches them (see
//! [`Surface::fetched`]); natively none is, and only the attribution is drawn. The
//! attribution BokehJS shows as HTML over the frame's bottom right corner is painted
//! there as plain text, its tags left out. A page draws tiles with the view
//! [`crate::views::TILE_RENDERER`]: the figure knows them only as [`MapTiles`], so a
//! page without it carries none of this.
//!
//! As BokehJS's, the renderer fits the plot's default ranges to the frame's shape
//! ([`TileView::fit`]); unlike it, at every paint (BokehJS fits them when it first
//! paints and when the frame changes size, so a box zoom keeps its own shape there) and
//! without writing them into the document. Not done either: a tile is asked for at once
//! (BokehJS waits until the view rests 65 ms), children are neither prefetched nor shown
//! while zooming out, and the ranges do not snap back past the zoom levels the source
//! has.

mod source;

use crate::core::Rgba;
use crate::document::AnyId;
use crate::models::{TextAlign, TextBaseline};

use super::ranges::Interval;
use super::read::Reader;
use super::scales::Maps;
use super::surface::{FillRule, Font, ImageSource, Path, Placed, Rect, Retry, Surface, TextStyle};
use super::RenderError;

use source::{Extent, TileSource, TileXyz};

/// A TileRenderer read, as the figure uses it.
pub(crate) trait MapTiles {
    /// The default ranges `(x, y)` fitted to a frame of `frame` (width, height) CSS
    /// pixels.
    fn fit(&self, ranges: (Interval, Interval), frame: (f64, f64)) -> (Interval, Interval);
    /// Paints the tiles covering `frame` (device pixels) with the default ranges' `maps`.
    fn paint(&self, s: &mut dyn Surface, maps: &Maps, frame: Rect);
}

/// Reads TileRenderer `renderer` of figure `figure`.
pub(crate) type ReadTiles =
    for<'d> fn(Reader<'d>, AnyId, AnyId) -> Result<Box<dyn MapTiles>, RenderError>;

/// Reads TileRenderer `renderer` of figure `figure` (a [`ReadTiles`]).
pub(crate) fn read(
    r: Reader<'_>,
    renderer: AnyId,
    figure: AnyId,
) -> Result<Box<dyn MapTiles>, RenderError> {
    Ok(Box::new(TileView::read(r, renderer, figure)?))
}

/// The reader of TileRenderers, if rokeh draws them (in a page: if its views list
/// them).
pub(crate) fn reader() -> Option<ReadTiles> {
    #[cfg(target_arch = "wasm32")]
    return super::shown::tiles();
    #[cfg(not(target_arch = "wasm32"))]
    Some(read)
}

/// A TileRenderer, read.
struct TileView {
    source: TileSource,
    alpha: f64,
    smoothing: bool,
    render_parents: bool,
    visible: bool,
    /// The plot's outline width (CSS pixels): the tiles are clipped inside it.
    outline_width: f64,
    /// The attribution as text.
    attribution: String,
}

impl TileView {
    fn read(r: Reader<'_>, renderer: AnyId, figure: AnyId) -> Result<TileView, RenderError> {
        let source = r
            .reference(renderer, "tile_source")?
            .ok_or_else(|| r.bad(renderer, "tile_source", "a tile source"))?;
        let source = TileSource::read(r, source)?;
        Ok(TileView {
            alpha: r.get(renderer, "alpha")?,
            smoothing: r.flag(renderer, "smoothing")?,
            render_parents: r.flag(renderer, "render_parents")?,
            visible: r.flag(renderer, "visible")?,
            outline_width: r.get(figure, "outline_line_width")?,
            attribution: plain_text(&source.attribution),
            source,
        })
    }

    /// The attribution in a small half-white box in the frame's bottom right corner, as
    /// BokehJS's attribution panel (9px text, 2px padding).
    fn paint_attribution(&self, s: &mut dyn Surface, frame: Rect, px: f64) {
        if self.attribution.is_empty() {
            return;
        }
        let font = Font {
            family: super::FONT_FAMILY.into(),
            size: 9.0 * px,
            style: crate::models::FontStyle::Normal,
        };
        let (pad, line) = (2.0 * px, 9.0 * 1.05 * px);
        let width = s.text_width(&self.attribution, &font) + 2.0 * pad;
        let height = line + 2.0 * pad;
        let right = frame.right();
        let bottom = frame.bottom();
        let mut path = Path::new();
        path.rect(Rect::new(right - width, bottom - height, width, height));
        let white = Rgba {
            r: 255,
            g: 255,
            b: 255,
            alpha: 0.5,
        };
        s.fill(&path, white, FillRule::NonZero);
        let style = TextStyle {
            font,
            color: Rgba {
                r: 0,
                g: 0,
                b: 0,
                alpha: 1.0,
            },
            align: TextAlign::Right,
            baseline: TextBaseline::Middle,
            angle: 0.0,
        };
        s.text(
            &self.attribution,
            (right - pad, bottom - height / 2.0),
            &style,
        );
    }
}

impl MapTiles for TileView {
    /// The default ranges `(x, y)` as BokehJS's tile renderer sets them for a frame of
    /// `width` × `height` CSS pixels (`_map_data`, `_enforce_aspect_ratio`): grown about
    /// their centre along one axis to the frame's shape (or to the zoom level's own
    /// extent with `snap_to_zoom`). Hidden tiles fit nothing, as they paint nothing.
    fn fit(
        &self,
        (x, y): (Interval, Interval),
        (width, height): (f64, f64),
    ) -> (Interval, Interval) {
        if !(self.visible && width > 0.0 && height > 0.0) {
            return (x, y);
        }
        let extent = [x.start, y.start, x.end, y.end];
        let level = self.source.level_by_extent(extent, height, width);
        let [x0, y0, x1, y1] = self.source.snap_to_zoom_level(extent, height, width, level);
        let interval = |start, end| Interval { start, end };
        (interval(x0, x1), interval(y0, y1))
    }

    /// Paints the tiles the surface has of those covering the frame (device pixels) with
    /// the default ranges' `maps`, and the attribution.
    fn paint(&self, s: &mut dyn Surface, maps: &Maps, frame: Rect) {
        if !self.visible {
            return;
        }
        let px = maps.scale;
        let extent: Extent = [
            maps.x.invert(frame.x),
            maps.y.invert(frame.bottom()),
            maps.x.invert(frame.right()),
            maps.y.invert(frame.y),
        ];
        let (width, height) = (frame.width / px, frame.height / px);
        let source = &self.source;
        let level = source
            .level_by_extent(extent, height, width)
            .clamp(source.min_zoom, source.max_zoom.max(source.min_zoom));
        let url = |t: TileXyz| source.url(source.normalize(t));
        let fetched = |s: &mut dyn Surface, t: TileXyz, retry: Option<Retry>| {
            s.fetched(ImageSource::Url(&url(t)), retry)
        };
        let mut parents: Vec<TileXyz> = Vec::new();
        let mut cached: Vec<TileXyz> = Vec::new();
        for t in source.tiles_by_extent(extent, level) {
            if fetched(s, t, Some(Retry::default())).is_some() {
                cached.push(t);
            } else if self.render_parents {
                let parent = source.ancestors(t).find(|&p| fetched(s, p, None).is_some());
                if let Some(p) = parent.filter(|p| !parents.contains(p)) {
                    parents.push(p);
                }
            }
        }
        let half = self.outline_width / 2.0 * px;
        s.push_clip(Rect::new(
            frame.x + half,
            frame.y + half,
            frame.width - 2.0 * half,
            frame.height - 2.0 * half,
        ));
        for t in parents.into_iter().chain(cached) {
            let [xmin, ymin, xmax, ymax] = source.tile_bounds(t);
            let (left, top) = maps.point(xmin, ymax);
            let (right, bottom) = maps.point(xmax, ymin);
            let placed = Placed {
                dest: Rect::new(left, top, right - left, bottom - top),
                angle: 0.0,
                alpha: self.alpha,
                smooth: self.smoothing,
            };
            s.draw_fetched(ImageSource::Url(&url(t)), &placed);
        }
        s.pop_clip();
        self.paint_attribution(s, frame, px);
    }
}

/// HTML as the text it shows: tags left out, the usual entities written out.
fn plain_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    text.push_str(rest);
    [
        ("&copy;", "©"),
        ("&nbsp;", " "),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&amp;", "&"),
    ]
    .iter()
    .fold(text, |t, (entity, c)| t.replace(entity, c))
    .trim()
    .to_owned()
}
