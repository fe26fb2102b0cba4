#!/usr/bin/env python3
"""Writes the hand-made seeds of the fuzz corpus (tests/__fuzz__/<harness>/corpus/seed-*):
real messages from Bokeh's captures and the hostile inputs of issue 11. What `make fuzz`
finds beyond them is added beside them. Run from the repository root."""
import base64, gzip, json, os, struct

ROOT = "tests/__fuzz__"
FIX = "tests/fixtures/bokeh"


def write(harness, name, data):
    folder = os.path.join(ROOT, harness, "corpus")
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(folder, "seed-" + name), "wb") as f:
        f.write(data)


def frames(parts):
    out = b""
    for kind, data in parts:
        if isinstance(data, str):
            data = data.encode()
        out += bytes([0 if kind == "text" else 1]) + struct.pack("<H", len(data)) + data
    return out


def message(header, content, buffers=()):
    parts = [("text", json.dumps(header)), ("text", "{}"), ("text", json.dumps(content))]
    for bid, data in buffers:
        parts += [("text", json.dumps({"id": bid})), ("binary", data)]
    return parts


# The receiver: real frames, and broken framings.
transcript = json.load(open(f"{FIX}/ws_transcript.json"))
sent = [("text" if f["opcode"] == 1 else "binary", f.get("text", "")[:4000])
        for f in transcript["frames"] if f.get("opcode") == 1]
write("receiver", "transcript", frames(sent))
write("receiver", "two-buffers", frames(message(
    {"msgid": "a", "msgtype": "PATCH-DOC", "num_buffers": 2}, {"events": []},
    [("b1", b"\0" * 16), ("b2", b"\1" * 8)])))
write("receiver", "missing-buffer", frames(message(
    {"msgid": "a", "msgtype": "PATCH-DOC", "num_buffers": 2}, {"events": []}, [("b1", b"x")])
    + message({"msgid": "b", "msgtype": "PULL-DOC-REQ"}, {})))
write("receiver", "binary-header", frames([("binary", b"\1\2")] + message({"msgid": "b", "msgtype": "PULL-DOC-REQ"}, {})))
write("receiver", "too-big", frames(message({"msgid": "a", "msgtype": "PATCH-DOC", "num_buffers": 3},
                                            {"events": []}, [("b%d" % i, b"\0" * 1000) for i in range(3)])))
write("receiver", "bad-count", frames(message({"msgid": "a", "msgtype": "PATCH-DOC", "num_buffers": -1}, {"events": []})))

# PATCH-DOC events on the sliders document (its ids are p1001… in creation order).
SOURCE, FREQ, COLUMN, ROW = "p1001", "p1022", "p1023", "p1024"
def nd(shape, data):
    return {"type": "ndarray", "array": {"type": "bytes", "data": data}, "shape": shape,
            "dtype": "float64", "order": "little"}
def gz(n):
    return base64.b64encode(gzip.compress(b"\0" * n, 1)).decode()
seeds = {
    "client-patch": json.load(open(f"{FIX}/patch_doc_from_client.json"))["content"]["events"],
    "slider": [{"kind": "ModelChanged", "model": {"id": FREQ}, "attr": "value", "new": 2.0}],
    "batch": [{"kind": "ModelChanged", "model": {"id": FREQ}, "attr": "value", "new": 1 + i / 100} for i in range(300)],
    "nan-start": [{"kind": "ModelChanged", "model": {"id": FREQ}, "attr": "start", "new": {"type": "number", "value": "nan"}}],
    "stream": [{"kind": "ColumnsStreamed", "model": {"id": SOURCE}, "attr": "data", "rollover": 150,
                "data": {"type": "map", "entries": [["x", [1.0, 2.0]], ["y", [3.0, 4.0]]]}}],
    "patch": [{"kind": "ColumnsPatched", "model": {"id": SOURCE}, "attr": "data",
               "patches": {"type": "map", "entries": [["y", [[3, 9.0], [{"type": "slice", "start": 0, "stop": 4, "step": 2}, [1.0, 2.0]]]]]}}],
    "huge-slice": [{"kind": "ColumnsPatched", "model": {"id": SOURCE}, "attr": "data",
                    "patches": {"type": "map", "entries": [["y", [[{"type": "slice", "start": 0, "stop": 1 << 40, "step": 1}, []]]]]}}],
    "shape-2-40": [{"kind": "ColumnDataChanged", "model": {"id": SOURCE}, "attr": "data", "cols": ["z"],
                    "data": {"type": "map", "entries": [["z", nd([1 << 40, 0], "")]]}}],
    "shape-overflow": [{"kind": "ColumnDataChanged", "model": {"id": SOURCE}, "attr": "data", "cols": ["z"],
                        "data": {"type": "map", "entries": [["z", nd([1 << 32, 1 << 32], "")]]}}],
    "gzip-bomb": [{"kind": "ColumnDataChanged", "model": {"id": SOURCE}, "attr": "data", "cols": ["y"],
                   "data": {"type": "map", "entries": [["y", nd([1 << 19], gz(4 << 20))]]}}],
    "roots": [{"kind": "RootAdded", "model": {"type": "object", "name": "Spacer", "id": "r%d" % i}} for i in range(200)],
    "chain": [{"kind": "RootAdded", "model": {"type": "object", "name": "Link", "id": "c0", "attributes": {
        "next": {"id": "c1"}, "pool": [{"type": "object", "name": "Link", "id": "c%d" % i,
                                        "attributes": {"next": {"id": "c%d" % ((i + 1) % 120)}}} for i in range(1, 120)]}}}],
    "redefine": [{"kind": "ModelChanged", "model": {"id": COLUMN}, "attr": "children",
                  "new": [{"type": "object", "name": "Slider", "id": FREQ, "attributes": {"value": "fast"}}]}],
    "retype": [{"kind": "ModelChanged", "model": {"id": COLUMN}, "attr": "children",
                "new": [{"type": "object", "name": "TextInput", "id": FREQ}]}],
    "remove-root": [{"kind": "RootRemoved", "model": {"id": ROW}}, {"kind": "TitleChanged", "title": "t"}],
    "click": [{"kind": "MessageSent", "msg_type": "bokeh_event", "msg_data": {"type": "event", "name": "button_click",
               "values": {"type": "map", "entries": [["model", {"id": FREQ}]]}}}],
}
for name, events in seeds.items():
    write("patch_json", name, json.dumps(events))

# Tokens.
token = json.load(open(f"{FIX}/token_decoded.json"))["token"]
write("tokens", "bokeh", token)
write("tokens", "signed", token + ".AAAA")
write("tokens", "zlib", base64.urlsafe_b64encode(json.dumps({"session_id": "a", "session_expiry": 1, "__bk__zlib_": "eJyrVgpLLUrOzM/TUQ"}).encode()).decode().rstrip("="))
