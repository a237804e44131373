"""Container lifecycle through docker-py (the Docker SDK for Python) against the engine in DOCKER_HOST.

Run by DockerPyIT with a unique name prefix; exits non-zero with the failed check on any difference.
"""
import socket
import struct
import sys
import time

import docker

prefix = sys.argv[1]
client = docker.from_env(version="auto")
made = []


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def read_frames(sock, wanted):
    """Reads stdcopy frames from an attach socket until `wanted` is in stdout (or the stream ends)."""
    out = b""
    sock.settimeout(20)
    while wanted not in out:
        header = b""
        while len(header) < 8:
            chunk = sock.recv(8 - len(header))
            if not chunk:
                return out
            header += chunk
        stream, size = header[0], struct.unpack(">I", header[4:])[0]
        body = b""
        while len(body) < size:
            body += sock.recv(size - len(body))
        if stream == 1:
            out += body
    return out


try:
    check(client.ping(), "ping")
    check(client.version()["ApiVersion"] == "1.47", "API version")
    started = int(time.time())

    # run in the foreground: stdout is returned, stderr is not
    output = client.containers.run("busybox", ["sh", "-c", "echo hello; echo err >&2"], remove=True)
    check(output == b"hello\n", "run output: %r" % output)

    # a failing foreground run raises ContainerError with the exit status
    try:
        client.containers.run("busybox", ["sh", "-c", "exit 5"], remove=True)
        check(False, "exit 5 raised nothing")
    except docker.errors.ContainerError as e:
        check(e.exit_status == 5, "exit status %s" % e.exit_status)

    name = prefix + "-detached"
    made.append(name)
    c = client.containers.run("busybox", ["sh", "-c", "echo started; exec sleep 1000"], name=name, detach=True,
                              labels={"suite": prefix})
    for _ in range(100):
        if b"started" in c.logs():
            break
        time.sleep(0.1)
    check(c.logs() == b"started\n", "logs: %r" % c.logs())
    c.reload()
    check(c.status == "running", "status " + c.status)
    check(c.attrs["Config"]["Labels"] == {"suite": prefix}, "labels %r" % c.attrs["Config"]["Labels"])
    listed = [x.name for x in client.containers.list(filters={"label": "suite=" + prefix})]
    check(listed == [name], "list by label: %r" % listed)

    result = c.exec_run(["sh", "-c", "echo $((6 * 7))"])
    check(result.exit_code == 0 and result.output == b"42\n", "exec_run: %r" % (result,))
    result = c.exec_run("sh -c 'exit 3'")
    check(result.exit_code == 3, "exec_run exit code %r" % result.exit_code)
    top = c.top()
    check(any("sleep" in " ".join(p) for p in top["Processes"]), "top: %r" % top)
    stats = c.stats(stream=False)
    check(stats["memory_stats"].get("usage", 0) > 0, "stats: %r" % stats["memory_stats"])

    c.pause()
    c.reload()
    check(c.status == "paused", "paused: " + c.status)
    c.unpause()
    c.kill(signal="SIGKILL")
    check(c.wait()["StatusCode"] == 137, "wait after SIGKILL")
    c.remove()
    try:
        client.containers.get(name)
        check(False, "removed container still found")
    except docker.errors.NotFound:
        pass

    # stdin through the attach socket, output back on it, multiplexed
    name = prefix + "-stdin"
    made.append(name)
    c = client.containers.create("busybox", "cat", name=name, stdin_open=True)
    sock = c.attach_socket(params={"stdin": 1, "stdout": 1, "stream": 1})
    raw = sock._sock if hasattr(sock, "_sock") else sock
    c.start()
    raw.sendall(b"ping\n")
    check(read_frames(raw, b"ping\n") == b"ping\n", "attach echo")
    raw.shutdown(socket.SHUT_WR)
    check(c.wait(timeout=20)["StatusCode"] == 0, "cat ends with its stdin")
    raw.close()
    c.remove()

    # the lifecycle reached the event stream, in order
    until = int(time.time()) + 1
    actions = [e["Action"] for e in client.events(since=started, until=until, decode=True,
                                                   filters={"container": prefix + "-detached"})]
    expected = ["create", "start", "pause", "unpause", "kill", "die", "destroy"]
    seen = [a for a in actions if a in expected]
    check(seen == expected, "events %r" % actions)

    # errors are typed as docker-py maps Docker's status codes
    try:
        client.containers.get(prefix + "-missing")
        check(False, "missing container found")
    except docker.errors.NotFound as e:
        check("No such container" in str(e), str(e))
    print("docker-py scenario passed")
finally:
    for n in made:
        try:
            client.containers.get(n).remove(force=True)
        except docker.errors.NotFound:
            pass
