"""Minimal docker-CLI-like client: wait(next-exit) + attach + start, then demux the stream."""
import socket, struct, sys, json, threading, time, http.client
import os
H, P = "127.0.0.1", int(os.environ.get("CS_PORT", "17711"))
ref = sys.argv[1]; cond = sys.argv[2] if len(sys.argv) > 2 else "next-exit"
t0 = time.time()
res = {}
def wait():
    c = http.client.HTTPConnection(H, P, timeout=60); c.request("POST", f"/internal/v1/containers/{ref}/wait?condition={cond}")
    r = c.getresponse(); res["wait"] = (r.status, r.read().decode(), round(time.time() - t0, 3))
wt = threading.Thread(target=wait); wt.start()
s = socket.create_connection((H, P))
s.sendall(f"POST /internal/v1/containers/{ref}/attach?stream=1&stdout=1&stderr=1&stdin=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n".encode())
buf = b""
while b"\r\n\r\n" not in buf:
    d = s.recv(4096)
    if not d: break
    buf += d
head, _, rest = buf.partition(b"\r\n\r\n")
print(head.decode())
s.shutdown(socket.SHUT_WR)  # half-close like the docker CLI
tty = b"raw-stream" in head
c = http.client.HTTPConnection(H, P); c.request("POST", f"/internal/v1/containers/{ref}/start"); r = c.getresponse(); print("start", r.status, r.read(), round(time.time() - t0, 3))
data = rest
while True:
    d = s.recv(65536)
    if not d: break
    data += d
print("stream closed at", round(time.time() - t0, 3))
if tty:
    print("RAW:", data)
else:
    while len(data) >= 8:
        st, n = data[0], struct.unpack(">I", data[4:8])[0]
        print({1: "OUT", 2: "ERR"}.get(st, st), data[8:8 + n])
        data = data[8 + n:]
wt.join(); print("wait", res["wait"])
