"""Throwaway image-service stub: one image 'busybox' with a plain and a gzip layer."""
import hashlib, json, os, sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
from urllib.parse import urlparse, parse_qs
D = sys.argv[2]  # directory holding layer1.tar, layer2.tar, layer2.tar.gz
def sha(p): return "sha256:" + hashlib.sha256(open(p, "rb").read()).hexdigest()
layers = [
  {"digest": sha(f"{D}/layer1.tar"), "diffId": sha(f"{D}/layer1.tar"), "mediaType": "application/vnd.oci.image.layer.v1.tar", "size": os.path.getsize(f"{D}/layer1.tar"), "file": f"{D}/layer1.tar"},
  {"digest": sha(f"{D}/layer2.tar.gz"), "diffId": sha(f"{D}/layer2.tar"), "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "size": os.path.getsize(f"{D}/layer2.tar.gz"), "file": f"{D}/layer2.tar.gz"},
]
image_id = "sha256:" + hashlib.sha256(json.dumps([l["diffId"] for l in layers]).encode()).hexdigest()
inspect = {"Id": image_id, "RepoTags": ["busybox:latest"], "Config": {"Cmd": ["sh"], "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "IMG=1"], "Labels": {"org.example.img": "yes"}}, "RootFS": {"Type": "layers", "Layers": [l["diffId"] for l in layers]}}
class H(BaseHTTPRequestHandler):
    def send(self, code, body, ctype="application/json"):
        self.send_response(code); self.send_header("Content-Type", ctype); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def do_GET(self):
        u = urlparse(self.path); q = parse_qs(u.query); ref = q.get("ref", [""])[0]
        ok = ref in ("busybox", "busybox:latest", image_id)
        if u.path == "/internal/v1/images/inspect":
            return self.send(200, json.dumps(inspect).encode()) if ok else self.send(404, json.dumps({"message": f"No such image: {ref}"}).encode())
        if u.path == "/internal/v1/images/layers":
            return self.send(200, json.dumps([{k: v for k, v in l.items() if k != "file"} for l in layers]).encode()) if ok else self.send(404, json.dumps({"message": f"No such image: {ref}"}).encode())
        if u.path.startswith("/internal/v1/blobs/"):
            d = u.path.rsplit("/", 1)[1]
            for l in layers:
                if l["digest"] == d:
                    return self.send(200, open(l["file"], "rb").read(), "application/octet-stream")
            return self.send(404, b'{"message":"blob unknown"}')
        self.send(404, b'{"message":"not found"}')
    def log_message(self, *a): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
