#!/usr/bin/env bash
# Builds guardstream's container image as a tarball, without a container engine or registry:
#   1. the streams app and its runtime dependencies (Maven),
#   2. the base image from Debian packages and a jlink'd Java (build-base.sh),
#   3. the app layered onto it with Jib (profile "image" of streams-app) -> streams-app/target/jib-image.tar,
#   4. unless --no-verify: the image run for real in a chroot (verify.sh; needs root).
# Load it with `docker load -i streams-app/target/jib-image.tar` (or podman load) as guardstream:<version>.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$(cd "$here/../.." && pwd)"
mvn=("$project/mvnw" -B -q -f "$project/pom.xml" -Djib.disableUpdateChecks=true)

"${mvn[@]}" -pl streams-app -am install -DskipTests
rm -rf "$here/target/lib"
"${mvn[@]}" -pl streams-app dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$here/target/lib"
jar="$(ls "$project"/streams-app/target/guardstream-streams-app-*.jar | grep -v -- '-sources\|-javadoc' | head -1)"
"$here/build-base.sh" "$jar" "$here/target/lib" "$here/target/base-image.tar"
"${mvn[@]}" -pl streams-app package -DskipTests -Pimage \
  -Dguardstream.image.base="tar://$here/target/base-image.tar"
echo "image: $project/streams-app/target/jib-image.tar ($(du -h "$project/streams-app/target/jib-image.tar" | cut -f1))"
[ "${1:-}" = "--no-verify" ] || "$here/verify.sh" "$project/streams-app/target/jib-image.tar"
