//! Map tiles: a TileRenderer draws the square images of a web map that cover the frame,
//! fetched from a tile source's `url` template, as Bokeh's `bokeh.models.tiles` (what
//! Python's `p.add_tile("OSM")` makes). The sources differ in how a tile's address is
//! written: `{X}`, `{Y}` and `{Z}` counted from the top left (WMTS, the usual web map)
//! or the bottom left (TMS), a quadkey `{Q}` (Bing), or the tile's bounds `{XMIN}`…
//! (BBox). Coordinates are Web Mercator metres.

use crate::core::{AnyId, Dict, Value};
use crate::models::enums::RenderLevel;

models! {
    /// Draws the tiles of `tile_source` covering the frame at the zoom level its
    /// ranges fit, at `alpha`, smoothed when `smoothing`; while a tile is fetched, the
    /// nearest coarser one already fetched stands in (`render_parents`). The ranges are
    /// the plot's default ones. (Bokeh's default source, an empty WMTSTileSource, is
    /// `None` here: a renderer without one draws nothing.)
    pub struct TileRenderer("TileRenderer") {
        alpha: f64 = 1.0,
        level: RenderLevel = RenderLevel::Image,
        render_parents: bool = true,
        smoothing: bool = true,
        tile_source: Option<AnyId> = None,
        visible: bool = true,
    }

    /// Tiles addressed as web maps address them: `{X}` and `{Y}` counted from the top
    /// left, at zoom `{Z}` (OpenStreetMap's and most providers' scheme).
    pub struct WMTSTileSource("WMTSTileSource") {
        /// Shown in the frame's bottom right corner (HTML).
        attribution: String = "",
        /// Substituted for `{NAME}` in `url`.
        extra_url_vars: Dict<Value> = Dict::default(),
        initial_resolution: Option<f64> = Some(156543.03392804097),
        max_zoom: i64 = 30,
        min_zoom: i64 = 0,
        snap_to_zoom: bool = false,
        tile_size: i64 = 256,
        url: String = "",
        /// Whether the world repeats east and west.
        wrap_around: bool = true,
        x_origin_offset: f64 = 20037508.34,
        y_origin_offset: f64 = 20037508.34,
    }

    /// Tiles addressed as TMS does: `{X}` and `{Y}` counted from the bottom left.
    pub struct TMSTileSource("TMSTileSource") {
        attribution: String = "",
        extra_url_vars: Dict<Value> = Dict::default(),
        initial_resolution: Option<f64> = Some(156543.03392804097),
        max_zoom: i64 = 30,
        min_zoom: i64 = 0,
        snap_to_zoom: bool = false,
        tile_size: i64 = 256,
        url: String = "",
        wrap_around: bool = true,
        x_origin_offset: f64 = 20037508.34,
        y_origin_offset: f64 = 20037508.34,
    }

    /// Tiles addressed by quadkey, `{Q}` (Bing Maps).
    pub struct QUADKEYTileSource("QUADKEYTileSource") {
        attribution: String = "",
        extra_url_vars: Dict<Value> = Dict::default(),
        initial_resolution: Option<f64> = Some(156543.03392804097),
        max_zoom: i64 = 30,
        min_zoom: i64 = 0,
        snap_to_zoom: bool = false,
        tile_size: i64 = 256,
        url: String = "",
        wrap_around: bool = true,
        x_origin_offset: f64 = 20037508.34,
        y_origin_offset: f64 = 20037508.34,
    }

    /// Tiles addressed by their bounds, `{XMIN}`, `{YMIN}`, `{XMAX}`, `{YMAX}`: metres,
    /// or degrees when `use_latlon` (a WMS server's).
    pub struct BBoxTileSource("BBoxTileSource") {
        attribution: String = "",
        extra_url_vars: Dict<Value> = Dict::default(),
        initial_resolution: Option<f64> = Some(156543.03392804097),
        max_zoom: i64 = 30,
        min_zoom: i64 = 0,
        snap_to_zoom: bool = false,
        tile_size: i64 = 256,
        url: String = "",
        use_latlon: bool = false,
        wrap_around: bool = true,
        x_origin_offset: f64 = 20037508.34,
        y_origin_offset: f64 = 20037508.34,
    }
}

impl TileRenderer {
    /// A renderer of the tiles of `tile_source` (a tile source in the document), with
    /// Bokeh's defaults.
    pub fn new(tile_source: AnyId) -> TileRenderer {
        TileRenderer {
            alpha: 1.0,
            level: RenderLevel::Image,
            render_parents: true,
            smoothing: true,
            tile_source: Some(tile_source),
            visible: true,
        }
    }
}

impl WMTSTileSource {
    /// OpenStreetMap's tiles, as Python's `p.add_tile("OSM")` (xyzservices'
    /// `OpenStreetMap.Mapnik`) makes them.
    pub fn osm() -> WMTSTileSource {
        WMTSTileSource {
            attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">\
                          OpenStreetMap</a> contributors"
                .into(),
            max_zoom: 19,
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            ..WMTSTileSource::default()
        }
    }
}
