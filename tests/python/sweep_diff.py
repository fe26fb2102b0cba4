"""Ranks the pages of an examples sweep by how far rokeh's picture is from BokehJS's.

    sweep_diff.py OUT

For each example scripts/examples-sweep.sh showed with BOKEH=1 (OUT/sweep-exN.png beside
OUT/bokeh/sweep-exN.png), rokeh's screenshot is laid onto BokehJS's (neither page has a
margin, as Bokeh's file_html) and the share of the ink of either that differs is
printed, worst first, with the script; OUT/diff/sweep-exN.png holds BokehJS's picture
on the left and rokeh's on the right. A developer tool: where the pages differ is for a
person to judge (widgets are drawn by the browser in either, text antialiasing differs).
"""
import json
import os
import sys

from PIL import Image, ImageChops


def ink(img):
    """A mask of the pixels that are not (near) white."""
    return img.convert("L").point(lambda v: 255 if v < 240 else 0)


def overlap(rokeh, bokeh):
    """Both pictures over the part of the page both show."""
    w, h = min(bokeh.size[0], rokeh.size[0]), min(bokeh.size[1], rokeh.size[1])
    return rokeh.crop((0, 0, w, h)), bokeh.crop((0, 0, w, h))


def score(rokeh, bokeh):
    moved, bokeh = overlap(rokeh, bokeh)
    differs = ImageChops.difference(moved, bokeh).convert("L").point(lambda v: 255 if v > 48 else 0)
    either = ImageChops.lighter(ink(moved), ink(bokeh))
    inked = either.histogram()[255]
    both = ImageChops.multiply(differs, either).histogram()[255]
    return both / inked if inked else 0.0


def main():
    out = sys.argv[1]
    with open(os.path.join(out, "pushed.json")) as f:
        pushed = json.load(f)
    os.makedirs(os.path.join(out, "diff"), exist_ok=True)
    ranked = []
    for script, result in pushed.items():
        session = result.get("session")
        ours = os.path.join(out, f"{session}.png")
        theirs = os.path.join(out, "bokeh", f"{session}.png")
        if not session or not (os.path.exists(ours) and os.path.exists(theirs)):
            continue
        rokeh = Image.open(ours).convert("RGB")
        bokeh = Image.open(theirs).convert("RGB")
        ranked.append((score(rokeh, bokeh), script, session))
        moved, bokeh = overlap(rokeh, bokeh)
        w, h = bokeh.size
        pair = Image.new("RGB", (2 * w, h), "white")
        pair.paste(bokeh, (0, 0))
        pair.paste(moved, (w, 0))
        pair.save(os.path.join(out, "diff", f"{session}.png"))
    ranked.sort(reverse=True)
    print(f"{len(ranked)} pages beside BokehJS's, the share of ink that differs, worst first:")
    for s, script, session in ranked:
        print(f"{s:6.1%}  {session}  {script}")


if __name__ == "__main__":
    main()
