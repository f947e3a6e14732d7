"""An HTTP server on 127.0.0.1 for xiezuo's fetch tests: serves the seeds as pages and injects
faults by path. Prints "PORT <n>" once listening, logs every request to --log as
"<path> <status> <if-none-match or -> <unix time> <user-agent>", and exits by itself after --lifetime seconds.

Paths (NAME is a file in --root):
  /seeds/NAME           the file, text/plain; charset=utf-8, with ETag and Last-Modified; 304 when they match
  /flaky/NAME           500 on the first request, then as /seeds/NAME
  /limited/NAME         429 with Retry-After: 1 on the first request, then as /seeds/NAME
  /limited-date/NAME    as /limited, with Retry-After as an HTTP-date
  /limited-long/NAME    429 with Retry-After: 3600, always
  /always500/NAME       500, always
  /notfound/NAME        404
  /slow/NAME            waits 4 s before answering
  /truncated/NAME       announces the whole length, sends half, closes
  /big                  streams 8 MiB without Content-Length
  /big-declared         announces 8 MiB in Content-Length
  /redirect/NAME        302 to /seeds/NAME
  /redirect-loop        302 to itself
  /redirect-file        302 to file:///etc/passwd
  /redirect-ftp         302 to ftp://127.0.0.1:<port>/seeds/x
  /redirect-link-local  302 to http://169.254.169.254/latest/meta-data/ (where clouds serve credentials)
  /redirect-private     302 to http://10.255.255.1/secret
  /endless              chunked (HTTP/1.1), chunks written as fast as the client takes them, never ending
  /gzip-bomb            Content-Encoding: gzip, about 2 MB on the wire and 2 GiB inflated (zeros)
  /html/NAME            the file as a small HTML page, UTF-8, charset in the header only
  /gbk/NAME             the same page in GBK, "text/html; charset=gbk", no <meta>
  /gbk-big5-meta/NAME   the GBK page with a wrong <meta charset="big5">, header says gbk
  /feed.rss, /feed.atom a feed linking to /seeds/NAME for every file (RSS: relative links)
  /feed-private.rss     RSS with two items: the first seed on 127.0.0.1 and http://169.254.169.254/item
"""

import argparse
import email.utils
import hashlib
import html
import http.server
import os
import struct
import sys
import threading
import time
import zlib

parser = argparse.ArgumentParser()
parser.add_argument("--root", required=True)
parser.add_argument("--log", required=True)
parser.add_argument("--lifetime", type=float, default=120)
args = parser.parse_args()

lock = threading.Lock()
hits = {}
LAST_MODIFIED = email.utils.formatdate(1700000000, usegmt=True)


def gzip_bomb():
    """A gzip member inflating to 2 GiB of zeros. After a full flush deflate restarts from an
    empty window, so the compressed form of each 1 MiB of zeros is the same bytes: they are
    repeated rather than compressed 2048 times."""
    global bomb
    with lock:
        if bomb is None:
            chunk = bytes(1 << 20)
            block = zlib.compressobj(9, zlib.DEFLATED, -15)
            piece = block.compress(chunk) + block.flush(zlib.Z_FULL_FLUSH)
            crc = 0
            for _ in range(2048):
                crc = zlib.crc32(chunk, crc)
            end = zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH)
            header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
            bomb = (header, piece, end + struct.pack("<II", crc, (2048 << 20) & 0xFFFFFFFF))
        return bomb


bomb = None


def names():
    return sorted(n for n in os.listdir(args.root) if not n.startswith("."))


def page(name):
    text = open(os.path.join(args.root, name), encoding="utf-8").read()
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in text.split("\n") if p.strip())
    return f"<!DOCTYPE html>\n<html><head><title>page</title></head><body>\n{paragraphs}</body></html>\n"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *arguments):
        pass

    def record(self, status):
        with open(args.log, "a") as log:
            log.write(f"{self.path} {status} {self.headers.get('If-None-Match') or '-'} {time.time():.3f} {self.headers.get('User-Agent') or '-'}\n")

    def send(self, status, body=b"", content_type="text/plain; charset=utf-8", headers=()):
        self.record(status)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def first_hit(self):
        with lock:
            hits[self.path] = hits.get(self.path, 0) + 1
            return hits[self.path] == 1

    def seed(self, name):
        path = os.path.join(args.root, name)
        if "/" in name or not os.path.isfile(path):
            return self.send(404, b"no such seed")
        body = open(path, "rb").read()
        etag = '"' + hashlib.sha1(body).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self.record(304)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, body, headers=[("ETag", etag), ("Last-Modified", LAST_MODIFIED)])

    def do_GET(self):
        parts = self.path.lstrip("/").split("/", 1)
        kind, name = parts[0], parts[1] if len(parts) > 1 else ""
        if kind == "seeds":
            return self.seed(name)
        if kind == "flaky":
            return self.send(500, b"try again") if self.first_hit() else self.seed(name)
        if kind == "limited":
            return self.send(429, b"slow down", headers=[("Retry-After", "1")]) if self.first_hit() else self.seed(name)
        if kind == "limited-date":
            if self.first_hit():
                # Whole seconds: the wait is between 1 and 2 s.
                when = email.utils.formatdate(time.time() + 2, usegmt=True)
                return self.send(429, b"slow down", headers=[("Retry-After", when)])
            return self.seed(name)
        if kind == "limited-long":
            return self.send(429, b"slow down", headers=[("Retry-After", "3600")])
        if kind == "always500":
            return self.send(500, b"broken")
        if kind == "notfound":
            return self.send(404, b"not here")
        if kind == "slow":
            time.sleep(4)
            return self.seed(name)
        if kind == "truncated":
            body = open(os.path.join(args.root, name), "rb").read()
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if kind in ("big", "big-declared"):
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            if kind == "big-declared":
                self.send_header("Content-Length", str(8 << 20))
            self.end_headers()
            chunk = ("东西部协作" * 4096).encode("utf-8")
            sent = 0
            try:
                while sent < (8 << 20):
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if kind == "redirect":
            return self.send(302, b"", headers=[("Location", f"/seeds/{name}")])
        if kind == "redirect-loop":
            return self.send(302, b"", headers=[("Location", "/redirect-loop")])
        if kind == "redirect-file":
            return self.send(302, b"", headers=[("Location", "file:///etc/passwd")])
        if kind == "redirect-ftp":
            return self.send(302, b"", headers=[("Location", f"ftp://127.0.0.1:{self.server.server_port}/seeds/x")])
        if kind == "redirect-link-local":
            return self.send(302, b"", headers=[("Location", "http://169.254.169.254/latest/meta-data/")])
        if kind == "redirect-private":
            return self.send(302, b"", headers=[("Location", "http://10.255.255.1/secret")])
        if kind == "endless":
            self.record(200)
            self.protocol_version = "HTTP/1.1"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            data = ("东西部协作" * 4096).encode("utf-8")
            chunk = b"%x\r\n" % len(data) + data + b"\r\n"
            try:
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if kind == "gzip-bomb":
            header, piece, trailer = gzip_bomb()
            self.record(200)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(header) + 2048 * len(piece) + len(trailer)))
            self.end_headers()
            try:
                self.wfile.write(header)
                for _ in range(2048):
                    self.wfile.write(piece)
                self.wfile.write(trailer)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if kind == "html":
            return self.send(200, page(name).encode("utf-8"), content_type="text/html; charset=utf-8")
        if kind == "gbk":
            return self.send(200, page(name).encode("gbk"), content_type="text/html; charset=gbk")
        if kind == "gbk-big5-meta":
            body = page(name).replace("<head>", '<head><meta charset="big5">').encode("gbk")
            return self.send(200, body, content_type="text/html; charset=gbk")
        if kind == "feed.rss":
            items = "".join(f"<item><title>{n}</title><link>/seeds/{n}</link></item>" for n in names())
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>seeds</title>{items}</channel></rss>'
            return self.send(200, body.encode("utf-8"), content_type="application/rss+xml")
        if kind == "feed-private.rss":
            links = [f"/seeds/{names()[0]}", "http://169.254.169.254/item"]
            items = "".join(f"<item><title>{n}</title><link>{n}</link></item>" for n in links)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>seeds</title>{items}</channel></rss>'
            return self.send(200, body.encode("utf-8"), content_type="application/rss+xml")
        if kind == "feed.atom":
            base = f"http://127.0.0.1:{self.server.server_port}"
            entries = "".join(
                f'<entry><title>{n}</title><link rel="alternate" href="{base}/seeds/{n}"/><id>{n}</id></entry>' for n in names()
            )
            body = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>seeds</title>{entries}</feed>'
            return self.send(200, body.encode("utf-8"), content_type="application/atom+xml")
        return self.send(404, b"unknown path")


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Timer(args.lifetime, lambda: os._exit(0)).start()
print(f"PORT {server.server_port}", flush=True)
server.serve_forever()
