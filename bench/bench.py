#!/usr/bin/env python3
"""Runs each scenario against Wharf and dockerd, alternating A/B so drift hits both alike,
and writes medians, p95 and the Wharf/dockerd ratio to a markdown table."""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import tempfile
import time

BUSYBOX = "busybox:latest"


def docker(host, *args, stdin=None, check=True):
    env = dict(os.environ, DOCKER_HOST=host)
    return subprocess.run(["docker", *args], env=env, stdin=stdin, capture_output=True, check=check)


def ensure_busybox(host):
    if docker(host, "image", "inspect", BUSYBOX, check=False).returncode == 0:
        return
    root = tempfile.mkdtemp(prefix="bench-busybox-")
    for d in ("bin", "etc", "proc", "sys", "dev", "tmp"):
        os.makedirs(os.path.join(root, d))
    subprocess.run(["cp", "/bin/busybox", os.path.join(root, "bin/busybox")], check=True)
    for applet in subprocess.run(["/bin/busybox", "--list"], capture_output=True, text=True).stdout.split():
        if applet != "busybox":
            os.symlink("busybox", os.path.join(root, "bin", applet))
    tar = root + ".tar"
    subprocess.run(["tar", "--numeric-owner", "-C", root, "-cf", tar, "."], check=True)
    with open(tar, "rb") as f:
        docker(host, "import", "-", BUSYBOX, stdin=f)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def scenario_run_rm(host):
    """`docker run --rm --network none busybox true` through the real CLI."""
    return timed(lambda: docker(host, "run", "--rm", "--network", "none", BUSYBOX, "true"))


PULL_LAYERS = 3
PULL_LAYER_MB = 20
PULL = {"ref": None, "bytes": 0}


def prepare_pull(registry, dockerd):
    """Builds FROM scratch an image of PULL_LAYERS layers of random bytes on the reference dockerd (legacy
    builder) and pushes it to the loopback registry, from which both engines then pull it."""
    ref = f"{registry}/bench/pull:{PULL_LAYERS}x{PULL_LAYER_MB}mb"
    ctx = tempfile.mkdtemp(prefix="bench-pull-")
    lines = ["FROM scratch"]
    for i in range(PULL_LAYERS):
        with open(os.path.join(ctx, f"random{i}"), "wb") as f:
            f.write(os.urandom(PULL_LAYER_MB * 1000 * 1000))
        lines.append(f"COPY random{i} /random{i}")
    with open(os.path.join(ctx, "Dockerfile"), "w") as f:
        f.write("\n".join(lines) + "\n")
    env = dict(os.environ, DOCKER_HOST=dockerd, DOCKER_BUILDKIT="0")
    subprocess.run(["docker", "build", "-q", "-t", ref, ctx], env=env, check=True, capture_output=True)
    subprocess.run(["docker", "push", ref], env=env, check=True, capture_output=True)
    subprocess.run(["rm", "-rf", ctx], check=True)
    PULL["ref"] = ref
    PULL["bytes"] = PULL_LAYERS * PULL_LAYER_MB * 1000 * 1000


def scenario_pull(host):
    """`docker pull` of the random image from the loopback registry, after removing it (untimed)."""
    docker(host, "rmi", "-f", PULL["ref"], check=False)
    return timed(lambda: docker(host, "pull", PULL["ref"]))


LOAD = {"tar": None}


def prepare_load(dockerd):
    """`docker save` of the random pull image by the reference dockerd, once: both engines load that tar."""
    tar = os.path.join(tempfile.mkdtemp(prefix="bench-load-"), "image.tar")
    subprocess.run(["docker", "save", "-o", tar, PULL["ref"]], env=dict(os.environ, DOCKER_HOST=dockerd),
                   check=True, capture_output=True)
    LOAD["tar"] = tar


def scenario_load(host):
    """`docker load -i` of that tar, after removing the image (untimed)."""
    docker(host, "rmi", "-f", PULL["ref"], check=False)
    return timed(lambda: docker(host, "load", "-q", "-i", LOAD["tar"]))


SCENARIOS = {
    "run_rm": ("docker run --rm --network none busybox true (s)", scenario_run_rm),
    "pull": (f"docker pull, {PULL_LAYERS} layers x {PULL_LAYER_MB} MB random, loopback registry (s)", scenario_pull),
    "load": (f"docker load of a saved image, {PULL_LAYERS} layers x {PULL_LAYER_MB} MB random (s)", scenario_load),
}


def percentile(values, p):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * (len(ordered) - 1)))))
    return ordered[k]


def version(host):
    out = docker(host, "version", "--format", "{{.Server.Version}}", check=False)
    return out.stdout.decode().strip() or "?"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wharf", required=True)
    parser.add_argument("--dockerd", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--results", required=True)
    parser.add_argument("--raw", required=True)
    parser.add_argument("--registry", help="host:port of a loopback registry (scenarios pull and load)")
    parser.add_argument("scenarios", nargs="*")
    args = parser.parse_args()
    engines = {"wharf": args.wharf, "dockerd": args.dockerd}
    for host in engines.values():
        ensure_busybox(host)
    rows = []
    notes = []
    for name in args.scenarios or list(SCENARIOS):
        label, fn = SCENARIOS[name]
        if name in ("pull", "load"):
            if not args.registry:
                print(name + ": skipped (no --registry)")
                continue
            if name == "pull" or PULL["ref"] is None:
                prepare_pull(args.registry, args.dockerd)
            if name == "load":
                docker(args.dockerd, "pull", PULL["ref"])
                prepare_load(args.dockerd)
        samples = {engine: [] for engine in engines}
        for _ in range(args.warmup):
            for host in engines.values():
                fn(host)
        for i in range(args.runs):
            order = list(engines.items()) if i % 2 == 0 else list(reversed(engines.items()))
            for engine, host in order:
                samples[engine].append(fn(host))
        with open(os.path.join(args.raw, name + ".json"), "w") as f:
            json.dump(samples, f)
        med = {e: statistics.median(s) for e, s in samples.items()}
        p95 = {e: percentile(s, 95) for e, s in samples.items()}
        rows.append((label, med["wharf"], p95["wharf"], med["dockerd"], p95["dockerd"], med["wharf"] / med["dockerd"]))
        print(f"{name}: wharf median {med['wharf']:.3f} s, dockerd median {med['dockerd']:.3f} s, "
              f"ratio {med['wharf'] / med['dockerd']:.2f}")
        if name in ("pull", "load"):
            mbps = {e: PULL["bytes"] / 1e6 / m for e, m in med.items()}
            notes.append(f"- {name} throughput (median): Wharf {mbps['wharf']:.1f} MB/s, dockerd {mbps['dockerd']:.1f} MB/s "
                         f"({PULL['bytes'] / 1e6:.0f} MB of layers; the image is removed, untimed, before each {name})")
            for host in engines.values():
                docker(host, "rmi", "-f", PULL["ref"], check=False)
    kept = kept_rows(args.results, {row[0] for row in rows})
    with open(args.results, "w") as f:
        f.write("# Benchmark results\n\n")
        f.write(f"- date: {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')}\n")
        f.write(f"- machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}\n")
        f.write(f"- Wharf {version(args.wharf)}; dockerd {version(args.dockerd)}\n")
        f.write(f"- {args.runs} measured runs per engine after {args.warmup} warm-up runs, A/B alternated\n\n")
        f.write("| scenario | Wharf median | Wharf p95 | dockerd median | dockerd p95 | ratio Wharf/dockerd |\n")
        f.write("|---|---|---|---|---|---|\n")
        for label, wm, wp, dm, dp, ratio in rows:
            f.write(f"| {label} | {wm:.3f} | {wp:.3f} | {dm:.3f} | {dp:.3f} | {ratio:.2f} |\n")
        for line in kept:
            f.write(line)
        f.write("\nA ratio below 1 means Wharf is faster. Raw samples: bench/out/*.json. Rows of scenarios not run "
                "this time are kept from the previous results (their date is in the git history).\n")
        for note in notes:
            f.write(note + "\n")
        f.write("- TODO(load): `docker load` throughput against dockerd, once save/load is merged (issue 4, img).\n")


def kept_rows(results, labels):
    """Table rows of the previous results whose scenario was not run this time."""
    if not os.path.exists(results):
        return []
    kept = []
    with open(results) as f:
        for line in f:
            if line.startswith("| ") and not line.startswith("| scenario") and line.split(" | ")[0][2:] not in labels:
                kept.append(line)
    return kept


if __name__ == "__main__":
    main()
