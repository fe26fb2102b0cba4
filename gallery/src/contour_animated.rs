//! Bokeh's "contour_animated" demo: four Gaussian bumps breathing in and out, contoured
//! at 11 levels and filled from a diverging palette, worked out again every 40 ms.

use std::time::Duration;

use rokeh::document::{CallbackResult, Document};
use rokeh::models::Place;
use rokeh::np;
use rokeh::plotting::{contour_data, figure, ContourArgs, ContourColor, FigureArgs};

/// The field at `timestep` over the grid `axis` × `axis`, row by row.
fn get_z(axis: &[f64], timestep: u32) -> Vec<f64> {
    let delta = 0.08 * (f64::from(timestep) * 0.15).cos();
    let bumps = [
        (0.95, -0.4, -0.4, 0.4 + delta),
        (0.95, 0.4, 0.4, 0.4 + delta),
        (-0.95, -0.4, 0.4, 0.4 - delta),
        (-0.95, 0.4, -0.4, 0.4 - delta),
    ];
    let at = |x: f64, y: f64| -> f64 {
        let bump = |&(amp, xmid, ymid, rad): &(f64, f64, f64, f64)| {
            amp * (-((x - xmid).powi(2) + (y - ymid).powi(2)) / (rad * rad)).exp()
        };
        bumps.iter().map(bump).sum()
    };
    axis.iter()
        .flat_map(|&y| axis.iter().map(move |&x| at(x, y)))
        .collect()
}

pub fn contour_animated(doc: &mut Document) -> CallbackResult {
    let axis = np::linspace(-1.0, 1.0, 41).to_vec();
    let levels = np::linspace(-1.0, 1.0, 11).to_vec();
    let fig = figure(
        doc,
        FigureArgs {
            width: 600,
            height: 450,
            ..FigureArgs::default()
        },
    );
    let mut line_width = vec![1.0; 11];
    line_width[5] = 3.0;
    let args = ContourArgs {
        fill_color: Some(ContourColor::Palette("PiYG".into())),
        line_color: Some(ContourColor::Same("black".into())),
        line_width,
        ..ContourArgs::default()
    };
    let field = (&axis[..], &axis[..], &get_z(&axis, 0)[..]);
    let contour = fig
        .contour(doc, field, &levels, args)
        .expect("a 41 x 41 grid and increasing levels");
    let colorbar = contour.construct_color_bar(doc);
    fig.add_layout_at(doc, colorbar.any(), Place::Right);

    let mut timestep = 0;
    doc.add_periodic_callback(Duration::from_millis(40), move |doc| {
        timestep += 1;
        let z = get_z(&axis, timestep);
        let data = contour_data((&axis, &axis, &z), &levels).expect("the same grid and levels");
        contour.set_data(doc, &data)
    });
    doc.add_root(fig);
    Ok(())
}
