#!/bin/sh
# Records the current Avro contract as release VERSION under schemas/released/VERSION/.
# Usage: schemas/release-schemas.sh VERSION   (e.g. 0.2.0; from anywhere in the repository)
# Refuses when VERSION exists or is not newer than the latest release, or when the current
# schemas are not BACKWARD compatible with the latest release.
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 VERSION" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -B -q -pl schemas compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
exec java -cp "schemas/target/classes:$(cat schemas/target/runtime-classpath.txt)" \
  io.guardstream.evolution.ReleaseSchemas "$1" schemas/released
