"""Bokeh's own patches within a cell (examples/server/app/patch_app.py): a point of one
line of a multi_line's `ys` ([row, j]) and a block of an image's rows ([0, rows, columns]),
for rokeh to apply to the same document and end with the same columns.

Usage: nested_patch.py — prints {"doc": …, "events": […], "after": {"ys": …, "img": …}}.
"""
import json

import numpy as np

from bokeh.core.serialization import Serializer
from bokeh.document import Document
from bokeh.models import ColumnDataSource


def main():
    x = np.linspace(0, 10, 8)
    image = np.arange(20, dtype=np.uint32).reshape((4, 5))
    lines = ColumnDataSource(data=dict(ys=[np.sin(x), np.cos(x)]))
    images = ColumnDataSource(data=dict(img=[image]))
    doc = Document()
    doc.add_root(lines)
    doc.add_root(images)
    before = doc.to_json(deferred=False)
    serializer = Serializer(references=set(doc.models), deferred=False)
    events = []
    doc.on_change(lambda event: events.append(event.to_serializable(serializer)))
    lines.patch({"ys": [([1, 3], [0.5])]})
    images.patch({"img": [([0, slice(1, 4, 2), slice(None)], np.arange(100, 110, dtype=np.uint32))]})
    after = {
        "ys": [np.asarray(y).tolist() for y in lines.data["ys"]],
        "img": np.asarray(images.data["img"][0]).ravel().tolist(),
    }
    print(json.dumps({"doc": before, "events": events, "after": after}))


if __name__ == "__main__":
    main()
