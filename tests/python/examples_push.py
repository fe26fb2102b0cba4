"""Runs Bokeh example scripts and pushes what each shows into a `rokeh serve` session.

    examples_push.py URL OUT.json EXAMPLE.py...

Each script runs with `show`/`save`/`output_file` made to keep the object shown (or its
`curdoc()` roots); its document (a new one with it as root, if it has none) is titled
`exN` and pushed to URL (a rokeh serve app, e.g. http://127.0.0.1:5006/sliders) as session
`sweep-exN`. OUT.json maps each script to its session, or to why it was not pushed (an
import Bokeh's examples need and the venv lacks, a document rokeh refused). With
REFERENCE_DIR set, each document is also written there as `sweep-exN.html` by Bokeh's
own file_html (INLINE resources): what BokehJS shows of it.
"""
import json
import os
import runpy
import signal
import sys

import bokeh.embed
import bokeh.io
import bokeh.io.saving
import bokeh.io.showing
import bokeh.plotting
import bokeh.util.browser
from bokeh.resources import INLINE
from bokeh.client import push_session
from bokeh.document import Document
from bokeh.io import curdoc
from bokeh.io.doc import set_curdoc
from bokeh.layouts import column

shown = []
reference_dir = os.environ.get("REFERENCE_DIR")
real_file_html = bokeh.embed.file_html


def keep(obj=None, *args, **kwargs):
    shown.append(obj)


for module in (bokeh.io, bokeh.plotting):
    module.show = keep
    module.save = keep
    module.output_file = lambda *args, **kwargs: None
    module.output_notebook = lambda *args, **kwargs: None
bokeh.io.showing.show = keep
bokeh.io.saving.save = keep
# The low-level examples (examples/models/) write their Document with file_html and
# open it with view.
bokeh.embed.file_html = lambda obj, *args, **kwargs: keep(obj) or ""
bokeh.util.browser.view = lambda *args, **kwargs: None


def timed_out(*args):
    raise TimeoutError("ran for more than 20 s")


def shown_document():
    """The document of what the script showed: its own if it has one (a script may add
    its plot to curdoc() and show it too), else a new one with it as root."""
    if shown and shown[-1] is not None:
        obj = shown[-1]
        if isinstance(obj, Document):
            return obj
        if isinstance(obj, (list, tuple)):  # show([a, b]) shows them in a column
            obj = column(*obj)
        if obj.document is not None:
            return obj.document
        doc = Document()
        doc.add_root(obj)
        return doc
    if not curdoc().roots:
        raise RuntimeError("nothing shown")
    return curdoc()


def main():
    url, out_path, scripts = sys.argv[1], sys.argv[2], sys.argv[3:]
    signal.signal(signal.SIGALRM, timed_out)
    results = {}
    for i, script in enumerate(scripts):
        shown.clear()
        cwd = os.getcwd()
        try:
            os.chdir(os.path.dirname(os.path.abspath(script)))
            # Each script starts from an empty curdoc(), as `python script.py` would.
            set_curdoc(Document())
            signal.alarm(20)
            runpy.run_path(script, run_name="__main__")
            signal.alarm(0)
            doc = shown_document()
            if reference_dir:
                html = real_file_html(doc, INLINE, title=f"ex{i}")
                with open(os.path.join(reference_dir, f"sweep-ex{i}.html"), "w") as ref:
                    ref.write(html)
            doc.title = f"ex{i}"
            push_session(doc, session_id=f"sweep-ex{i}", url=url).close()
            results[script] = {"session": f"sweep-ex{i}", "title": f"ex{i}"}
        except BaseException as e:  # an example's own failure is a result too
            signal.alarm(0)
            results[script] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
        finally:
            os.chdir(cwd)
        print(script, results[script], flush=True)
    with open(out_path, "w") as out:
        json.dump(results, out, indent=1)


if __name__ == "__main__":
    main()
