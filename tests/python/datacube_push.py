"""Real Python Bokeh pushes Bokeh's DataCube example (examples/interaction/widgets/
data_cube.py: prices grouped by d0, then d1, each group summing them) into a `rokeh serve`
session (bokeh.client.push_session), for a page to join.

Usage: datacube_push.py http://127.0.0.1:PORT/APP SESSION_ID
Prints {"pushed": N} (N models) once the session holds the document; exits non-zero with
a message on failure.
"""
import json
import sys

from bokeh.client import push_session
from bokeh.document import Document
from bokeh.models import (
    ColumnDataSource, DataCube, GroupingInfo, StringFormatter, SumAggregator, TableColumn,
)
from tornado.ioloop import IOLoop


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def cube_document():
    source = ColumnDataSource(data=dict(
        d0=['A', 'E', 'E', 'E', 'J', 'L', 'M'],
        d1=['B', 'D', 'D', 'H', 'K', 'L', 'N'],
        d2=['C', 'F', 'G', 'H', 'K', 'L', 'O'],
        px=[10, 20, 30, 40, 50, 60, 70],
    ))
    target = ColumnDataSource(data=dict(row_indices=[], labels=[]))
    formatter = StringFormatter(font_style='bold')
    columns = [
        TableColumn(field='d2', title='py name', width=80, sortable=False, formatter=formatter),
        TableColumn(field='px', title='py price', width=40, sortable=False),
    ]
    grouping = [
        GroupingInfo(getter='d0', aggregators=[SumAggregator(field_='px')]),
        GroupingInfo(getter='d1', aggregators=[SumAggregator(field_='px')]),
    ]
    cube = DataCube(source=source, columns=columns, grouping=grouping, target=target)
    doc = Document()
    doc.add_root(cube)
    doc.title = "Python's cube"
    return doc


def main(url, session_id):
    doc = cube_document()
    session = push_session(doc, session_id=session_id, url=url, io_loop=IOLoop())
    session.close()
    print(json.dumps({"pushed": len(doc.models)}), flush=True)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: datacube_push.py URL SESSION_ID")
    main(sys.argv[1], sys.argv[2])
