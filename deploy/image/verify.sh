#!/usr/bin/env bash
# Verifies guardstream's container image without a container engine: unpacks its layers into a
# root file system and runs the image's own entrypoint in it with chroot, as the image's non-root
# user, with the image's environment, a read-only root, a tmpfs /tmp and a writable state volume
# (as deploy/k8s sets them up). Checks --help, --version and config-reference, then runs the app
# (the image's default command, `run`) against a local broker and registry (./guardstream local)
# until /health/ready answers, and runs the image's HEALTHCHECK command inside the root.
#
# usage: deploy/image/verify.sh [IMAGE_TAR]   (default: streams-app/target/jib-image.tar)
# needs: root (chroot, mounts in a private mount namespace), python3, curl.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
image="${1:-$project/streams-app/target/jib-image.tar}"
work="$here/target/verify"
root="$work/rootfs"
[ "$(id -u)" -eq 0 ] || { echo "verify: needs root (chroot and mounts)" >&2; exit 1; }

pids=()
# Stops what this script started: TERM, then KILL after 30 s, children (the registry process) included.
cleanup() {
  local all=() pid
  for pid in "${pids[@]}"; do
    all+=("$pid" $(pgrep -P "$pid" || true))
  done
  [ ${#all[@]} -eq 0 ] && return
  kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 30); do
    kill -0 "${all[@]}" 2>/dev/null || break
    sleep 1
  done
  kill -9 "${all[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

rm -rf "$work"
mkdir -p "$work/unpacked" "$root" "$work/state"
tar -xf "$image" -C "$work/unpacked"
python3 "$here/image_config.py" "$work/unpacked" > "$work/config.txt"
while read -r kind value; do
  [ "$kind" = LAYER ] && tar --warning=no-unknown-keyword -xf "$value" -C "$root"
done < "$work/config.txt"
command_line="$(sed -n 's/^COMMAND //p' "$work/config.txt")"
entrypoint="$(sed -n 's/^ENTRYPOINT //p' "$work/config.txt")"
healthcheck="$(sed -n 's/^HEALTHCHECK //p' "$work/config.txt")"
user="$(sed -n 's/^USER //p' "$work/config.txt")"
mapfile -t image_env < <(sed -n 's/^ENV //p' "$work/config.txt")
uid="${user%%:*}"
grep -q ":x:$uid:" "$root/etc/passwd" || { echo "verify: uid $uid has no entry in /etc/passwd" >&2; exit 1; }
chown "$user" "$work/state"

echo "image: $(du -b "$image" | cut -f1) bytes as a tar (compressed layers), $(du -sb "$root" | cut -f1) bytes unpacked"
echo "runs as $user: $command_line"

# Replaces the calling (sub)shell with a command line run inside the image root as the image user,
# with only the image's environment plus the given VAR=value pairs, in a private mount namespace
# that disappears with it. Call it in a subshell or in the background.
in_image() {
  local extra_env=()
  while [ $# -gt 1 ] && [[ "$1" == *=* ]]; do extra_env+=("$1"); shift; done
  exec unshare --mount --fork --kill-child=TERM bash -c '
    set -e
    chroot="$1"; root="$2"; state="$3"; user="$4"; command_line="$5"; shift 5
    mount --bind "$root" "$root"
    mount -o remount,bind,ro "$root"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    mount --bind "$state" "$root/var/lib/guardstream/state"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    eval "args=($command_line)"
    exec env -i "$@" "$chroot" --userspec="$user" "$root" "${args[@]}"
  ' in-image "$(command -v chroot)" "$root" "$work/state" "$user" "$1" "${image_env[@]}" "${extra_env[@]}"
}

echo "--- --help"
(in_image "$entrypoint --help") > "$work/help.txt"
head -3 "$work/help.txt"
grep -q "Usage: guardstream" "$work/help.txt"
echo "--- --version"
(in_image "$entrypoint --version")
echo "--- config-reference"
(in_image "$entrypoint config-reference") > "$work/reference.txt"
grep -q '`GUARDSTREAM_BOOTSTRAP_SERVERS`' "$work/reference.txt"
echo "config-reference: $(grep -c '^| `' "$work/reference.txt") settings"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
kafka_port="$(free_port)"; controller_port="$(free_port)"; registry_port="$(free_port)"
stack_http="$(free_port)"; image_http="$(free_port)"

await_ready() {
  local url="$1" seconds="$2" what="$3"
  for _ in $(seq "$seconds"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" = 200 ] && return 0
    sleep 1
  done
  echo "verify: $what not ready at $url after ${seconds}s" >&2
  return 1
}

echo "--- local broker and registry (./guardstream local)"
"$project/guardstream" local --data-dir "$work/stack" --kafka-port "$kafka_port" --controller-port "$controller_port" \
  --registry-port "$registry_port" --http-port "$stack_http" > "$work/stack.log" 2>&1 &
pids+=($!)
await_ready "http://127.0.0.1:$stack_http/health/ready" 240 "local stack" || { tail -20 "$work/stack.log" >&2; exit 1; }

echo "--- the image's default command against it"
in_image GUARDSTREAM_BOOTSTRAP_SERVERS="127.0.0.1:$kafka_port" \
  GUARDSTREAM_SCHEMA_REGISTRY_URL="http://127.0.0.1:$registry_port/apis/ccompat/v7" \
  GUARDSTREAM_APPLICATION_ID=guardstream-image-check GUARDSTREAM_HTTP_HOST=127.0.0.1 \
  GUARDSTREAM_HTTP_PORT="$image_http" GUARDSTREAM_API_KEY=image-check \
  "$command_line" > "$work/app.log" 2>&1 &
pids+=($!)
await_ready "http://127.0.0.1:$image_http/health/ready" 120 "the image's app" || { tail -40 "$work/app.log" >&2; exit 1; }
curl -s -o "$work/metrics.txt" "http://127.0.0.1:$image_http/metrics"
grep -q '^guardstream_rules_active{' "$work/metrics.txt" \
  || { echo "verify: /metrics lacks guardstream_rules_active" >&2; exit 1; }
[ -n "$(find "$work/state" -mindepth 1 -user "$uid" -print -quit)" ] \
  || { echo "verify: the app wrote no state as uid $uid" >&2; exit 1; }
echo "ready on :$image_http, metrics served, state written as uid $uid"

echo "--- HEALTHCHECK inside the image"
(in_image "${healthcheck//8080/$image_http}")
echo "health check passed"
echo "image verified"
