"""Bokeh's own contours (bokeh.plotting.contour.contour_data, contourpy) of the field that
Bokeh's contour_animated example starts with: each band's area and each level's line
length, for rokeh's contours to be checked against.

Usage: contour_measures.py  — prints {"x": [...], "y": [...], "z": [...], "levels": [...],
"areas": [...], "lengths": [...]} (z row by row).
"""
import json

import numpy as np

from bokeh.plotting.contour import contour_data


def signed_area(xs, ys):
    return 0.5 * float(np.sum(xs * np.roll(ys, -1) - np.roll(xs, -1) * ys))


def length(xs, ys):
    steps = np.hypot(np.diff(xs), np.diff(ys))
    return float(np.nansum(steps))


def main():
    x1 = np.linspace(-1, 1, 41)
    x, y = np.meshgrid(x1, x1)
    levels = np.linspace(-1.0, 1.0, 11)
    z = np.zeros_like(x)
    for amp, xmid, ymid in zip([0.95, 0.95, -0.95, -0.95], [-0.4, 0.4, -0.4, 0.4], [-0.4, 0.4, 0.4, -0.4]):
        z += amp * np.exp(-((x - xmid) ** 2 + (y - ymid) ** 2) / 0.4 ** 2)
    data = contour_data(x, y, z, levels)
    fill, line = data.fill_data, data.line_data
    areas = [
        sum(abs(sum(signed_area(np.asarray(rx), np.asarray(ry)) for rx, ry in zip(px, py))) for px, py in zip(bx, by))
        for bx, by in zip(fill.xs, fill.ys)
    ]
    lengths = [length(np.asarray(lx), np.asarray(ly)) for lx, ly in zip(line.xs, line.ys)]
    print(json.dumps({
        "x": x1.tolist(), "y": x1.tolist(), "z": z.ravel().tolist(), "levels": levels.tolist(),
        "areas": areas, "lengths": lengths,
    }))


if __name__ == "__main__":
    main()
