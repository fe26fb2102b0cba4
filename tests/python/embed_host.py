"""Another site embedding rokeh apps, as a Flask or Django page embeds Bokeh apps.

Usage:
  embed_host.py serve DIR [--cors]    serves DIR on a free loopback port, prints "port N";
                                      --cors lets pages of any origin fetch its files
  embed_host.py document URL…         prints a page with the script bokeh.embed.server_document(URL)
                                      writes (one after the other for several URLs)
  embed_host.py session URL ID        the same with server_session(session_id=ID, url=URL)
"""
import functools
import http.server
import sys

from bokeh.embed import server_document, server_session

PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>host page</title></head>
<body>
<h1 id="before">A page of another site</h1>
{script}
<p id="after">Text after the app.</p>
</body>
</html>
"""


class Handler(http.server.SimpleHTTPRequestHandler):
    cors = False

    def end_headers(self):
        if self.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(folder, cors):
    Handler.cors = cors
    handler = functools.partial(Handler, directory=folder)
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        print(f"port {server.server_address[1]}", flush=True)
        server.serve_forever()


def main(args):
    match args:
        case ["serve", folder, *flags]:
            serve(folder, "--cors" in flags)
        case ["document", *urls] if urls:
            print(PAGE.format(script="\n".join(server_document(url) for url in urls)))
        case ["session", url, session_id]:
            print(PAGE.format(script=server_session(session_id=session_id, url=url)))
        case _:
            sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
