"""Real Python Bokeh reads a document rokeh wrote (the "widgets" gallery app): every
model must load (Bokeh validates each property), and every one must be reachable from
the roots, so none is lost to an id Python made for a default of its own.

Usage: widgets_load.py PATH
Prints "ok N" (N models) or exits non-zero with what is wrong.
"""
import json
import sys

from bokeh.document import Document


def main(path):
    with open(path) as f:
        doc_json = json.load(f)
    doc = Document.from_json(doc_json)
    ours = {m["id"] for m in doc_json["roots"]}

    def collect(value):
        if isinstance(value, dict):
            if value.get("type") == "object" and "id" in value:
                ours.add(value["id"])
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(doc_json["roots"])
    theirs = {m.id for m in doc.models}
    if ours - theirs:
        print(f"FAIL: not in Bokeh's document: {sorted(ours - theirs)}", file=sys.stderr)
        sys.exit(1)
    types = {type(m).__name__ for m in doc.models}
    print(f"ok {len(theirs)} {' '.join(sorted(types))}")


if __name__ == "__main__":
    main(sys.argv[1])
