#!/usr/bin/env python3
"""Wraps one root file system layer into a docker-save tarball (manifest.json, image config,
layer), the layout Jib accepts as a tar:// base image. The config carries what every container of
the image inherits: the non-root user, PATH to the jlink'd Java, and the HEALTHCHECK.

usage: docker_save.py LAYER_TAR OUTPUT_TAR
"""
import hashlib
import io
import json
import sys
import tarfile


def main(layer_path, output_path):
    digest = hashlib.sha256()
    with open(layer_path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    diff_id = "sha256:" + digest.hexdigest()
    config = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": {
            "User": "10001:10001",
            "Env": [
                "PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin",
                "JAVA_HOME=/opt/java",
                "LANG=C.UTF-8",
            ],
            "WorkingDir": "/var/lib/guardstream",
            # Liveness (not readiness): a rebalancing instance is healthy, just not ready.
            "Healthcheck": {
                "Test": ["CMD", "busybox", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/health/live"],
                "Interval": 15_000_000_000,
                "Timeout": 5_000_000_000,
                "StartPeriod": 60_000_000_000,
                "Retries": 3,
            },
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created": "1970-01-01T00:00:00Z",
                     "created_by": "deploy/image/build-base.sh: Debian runtime libraries, jlink'd Java, user guardstream"}],
    }
    config_bytes = json.dumps(config, indent=2).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    manifest = [{"Config": config_name, "RepoTags": ["guardstream-base:local"], "Layers": ["layer.tar"]}]
    with tarfile.open(output_path, "w") as out:
        add_bytes(out, config_name, config_bytes)
        add_bytes(out, "manifest.json", json.dumps(manifest).encode())
        out.add(layer_path, arcname="layer.tar")


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
