#!/bin/bash
# Smoke test of the built container-service against a stub image-service (root, runc, conmon, busybox).
# Uses ports 17711/17712 and /tmp/cs-smoke only; removes every container, mount and process it made.
# Usage: container-service/smoke/smoke.sh   (after: mvn -o -q -pl container-service package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/quarkus-app/quarkus-run.jar"
root=/tmp/cs-smoke
B=http://127.0.0.1:17711/internal/v1
rm -rf "$root" && mkdir -p "$root/img/rootfs/"{bin,etc,proc,sys,dev,tmp,root,home} "$root/img/l2"
cp /bin/busybox "$root/img/rootfs/bin/busybox"
for a in $(/bin/busybox --list); do [ "$a" = busybox ] || ln -sf busybox "$root/img/rootfs/bin/$a"; done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' > "$root/img/rootfs/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' > "$root/img/rootfs/etc/group"
tar --numeric-owner -C "$root/img/rootfs" -cf "$root/img/layer1.tar" .
echo hi-from-layer2 > "$root/img/l2/hello.txt"; touch "$root/img/l2/.wh.home"
tar --numeric-owner -C "$root/img/l2" -cf "$root/img/layer2.tar" . && gzip -kf "$root/img/layer2.tar"

python3 "$here/image_stub.py" 17712 "$root/img" & stub=$!
WHARF_DATA_ROOT=$root/data WHARF_RUN_ROOT=$root/run WHARF_CONTAINER_PORT=17711 WHARF_IMAGE_URL=http://127.0.0.1:17712 \
  WHARF_KAFKA_BOOTSTRAP=127.0.0.1:1 WHARF_CGROUP_PARENT=wharf-smoke java -jar "$jar" > "$root/cs.log" 2>&1 & cs=$!
cleanup() {
  for c in $(curl -s "$B/containers/json?all=1" | python3 -c 'import json,sys;print(" ".join(x["Id"] for x in json.load(sys.stdin)))' 2>/dev/null); do
    curl -s -o /dev/null -XDELETE "$B/containers/$c?force=1"; done
  kill $cs $stub 2>/dev/null; wait $cs $stub 2>/dev/null || true
  for d in /sys/fs/cgroup/*/wharf-smoke; do rmdir "$d" 2>/dev/null || true; done
}
trap cleanup EXIT
for i in $(seq 1 80); do curl -s -o /dev/null "$B/info" && break; sleep 0.25; done

id=$(curl -sf -XPOST "$B/containers/create?name=smoke1" -H 'Content-Type: application/json' \
  -d '{"Image":"busybox","Cmd":["sh","-c","echo out; echo err >&2; cat /hello.txt; ls /home 2>/dev/null || echo nohome; exit 3"],"HostConfig":{"AutoRemove":true}}' \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["Id"])')
out=$(CS_PORT=17711 python3 "$here/run_client.py" "$id" removed)
echo "$out"
for want in "OUT b'out\\n'" "ERR b'err\\n'" "OUT b'hi-from-layer2\\n'" "OUT b'nohome\\n'" '"StatusCode":3'; do
  grep -qF "$want" <<<"$out" || { echo "FAIL: missing $want"; exit 1; }
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$B/containers/$id/json")" = 404 ] || { echo "FAIL: AutoRemove"; exit 1; }
[ "$(mount | grep -c "$root" || true)" = 0 ] || { echo "FAIL: mount left behind"; exit 1; }
echo "smoke OK"
