#!/usr/bin/env python3
"""A Docker volume plugin for the test suite: JSON over HTTP on a unix socket.

usage: volume-plugin.py <socket> <base-dir> <calls-log> [<volume that exists from the start>]
Volumes are directories <base-dir>/<name>. Every call is appended to <calls-log> as
"<method> <name> [<id>]". Create with the option fail=<message> answers that message as Err;
Mount of a volume created with mountfail=<message> answers that as Err.
"""
import json
import os
import shutil
import socketserver
import sys
from http.server import BaseHTTPRequestHandler

SOCKET, BASE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
volumes = {}
if len(sys.argv) > 4:
    volumes[sys.argv[4]] = {}
    os.makedirs(os.path.join(BASE, sys.argv[4]), exist_ok=True)


def log(*parts):
    with open(LOG, "a") as f:
        f.write(" ".join(p for p in parts if p) + "\n")


def path_of(name):
    return os.path.join(BASE, name)


def handle(method, req):
    name = req.get("Name", "")
    if method == "/Plugin.Activate":
        return {"Implements": ["VolumeDriver"]}
    if method == "/VolumeDriver.Capabilities":
        return {"Capabilities": {"Scope": "global"}}
    log(method[len("/VolumeDriver."):] if method.startswith("/VolumeDriver.") else method, name, req.get("ID", ""))
    if method == "/VolumeDriver.Create":
        opts = req.get("Opts") or {}
        if "fail" in opts:
            return {"Err": opts["fail"]}
        os.makedirs(path_of(name), exist_ok=True)
        volumes[name] = opts
        return {"Err": ""}
    if method == "/VolumeDriver.List":
        return {"Volumes": [{"Name": n, "Mountpoint": path_of(n)} for n in sorted(volumes)], "Err": ""}
    if name not in volumes:
        return {"Err": "no such volume: " + name}
    if method == "/VolumeDriver.Remove":
        shutil.rmtree(path_of(name), ignore_errors=True)
        del volumes[name]
        return {"Err": ""}
    if method == "/VolumeDriver.Mount":
        if "mountfail" in volumes[name]:
            return {"Err": volumes[name]["mountfail"]}
        return {"Mountpoint": path_of(name), "Err": ""}
    if method == "/VolumeDriver.Unmount":
        return {"Err": ""}
    if method == "/VolumeDriver.Path":
        return {"Mountpoint": path_of(name), "Err": ""}
    if method == "/VolumeDriver.Get":
        return {"Volume": {"Name": name, "Mountpoint": path_of(name), "Status": {"plugin": "wharf-test"}}, "Err": ""}
    return None


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b"{}"
        answer = handle(self.path, json.loads(body or b"{}"))
        payload = json.dumps(answer if answer is not None else {"Err": "unknown method " + self.path}).encode()
        self.send_response(200 if answer is not None else 404)
        self.send_header("Content-Type", "application/vnd.docker.plugins.v1+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def address_string(self):
        return "unix"

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True


if os.path.exists(SOCKET):
    os.unlink(SOCKET)
with Server(SOCKET, Handler) as server:
    server.serve_forever()
