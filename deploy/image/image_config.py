#!/usr/bin/env python3
"""Reads an unpacked docker-save image (Jib's buildTar output): prints, one per line, the layer
files in order (LAYER path), the entrypoint and default arguments as one shell-quoted command
(COMMAND ...), each environment variable (ENV NAME=value), the user (USER uid:gid) and the health
check command (HEALTHCHECK ...). Fails when the image has no user, no health check or no entrypoint.

usage: image_config.py UNPACKED_DIR
"""
import json
import os
import shlex
import sys


def main(directory):
    with open(os.path.join(directory, "manifest.json")) as f:
        manifest = json.load(f)[0]
    with open(os.path.join(directory, manifest["Config"])) as f:
        config = json.load(f)["config"]
    for layer in manifest["Layers"]:
        print("LAYER", os.path.join(directory, layer))
    if not config.get("Entrypoint"):
        sys.exit("image has no entrypoint")
    print("COMMAND", shlex.join(config["Entrypoint"] + (config.get("Cmd") or [])))
    print("ENTRYPOINT", shlex.join(config["Entrypoint"]))
    for env in config.get("Env", []):
        print("ENV", env)
    user = config.get("User", "")
    if not user or user.split(":")[0] in ("", "0", "root"):
        sys.exit("image runs as root (User=%r)" % user)
    print("USER", user)
    test = (config.get("Healthcheck") or {}).get("Test") or []
    if len(test) < 2 or test[0] != "CMD":
        sys.exit("image has no CMD health check")
    print("HEALTHCHECK", shlex.join(test[1:]))


if __name__ == "__main__":
    main(sys.argv[1])
