#!/usr/bin/env python3
"""A proxy that holds every POST for a while before passing it on: the browser test through it
checks that each step waits for the page its click caused (Tests/Browser/run --slow-posts S).

    slow_proxy.py PORT_FILE TARGET_URL SECONDS

Listens on a free port of 127.0.0.1, writes that port to PORT_FILE once it listens, and forwards
each request to TARGET_URL (the running crm-roi-serve) with the target's Host, following no
redirect. The answer of a POST comes SECONDS late, as from a slow server: a step that reads the
page right after its click then sees the old page and fails.
"""

import http.server
import os
import socketserver
import sys
import time
import urllib.error
import urllib.request

DROPPED = ("connection", "content-length", "host", "keep-alive", "transfer-encoding")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments, **keywords):
        return None


def handler(target, delay):
    opener = urllib.request.build_opener(NoRedirect)
    host = target.split("//", 1)[1].rstrip("/")

    class Forward(http.server.BaseHTTPRequestHandler):
        def forward(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            request = urllib.request.Request(target.rstrip("/") + self.path, data=body, method=self.command)
            for name, value in self.headers.items():
                if name.lower() not in DROPPED:
                    request.add_header(name, value)
            request.add_header("Host", host)
            if self.command == "POST":
                time.sleep(delay)
            try:
                response = opener.open(request, timeout=60)
            except urllib.error.HTTPError as error:
                response = error
            data = response.read()
            self.send_response(response.status if hasattr(response, "status") else response.code)
            for name, value in response.headers.items():
                if name.lower() not in DROPPED:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = forward

        def log_message(self, *arguments):
            pass

    return Forward


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def main():
    if len(sys.argv) != 4:
        print("usage: slow_proxy.py PORT_FILE TARGET_URL SECONDS", file=sys.stderr)
        return 64
    port_file, target, delay = sys.argv[1], sys.argv[2], float(sys.argv[3])
    server = Server(("127.0.0.1", 0), handler(target, delay))
    with open(port_file + ".tmp", "w") as file:
        file.write(str(server.server_address[1]))
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
