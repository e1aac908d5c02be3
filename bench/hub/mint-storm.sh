#!/usr/bin/env bash
# Mint storm: 100 concurrent Hub calls with a token that is no longer good must cause exactly one JWT mint.
# Usage: bench/hub/mint-storm.sh [calls=100] [mint-delay-ms=100]
# Prints a Markdown table (one row per scenario); exits 1 if any scenario minted more than once.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# shellcheck source=/dev/null
. "$root/.ci/find-java"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# compile plugin-api, engine and testkit in the reactor (never install) and write testkit's runtime classpath
(cd "$root" && mvn -q -o -pl testkit -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2) \
  || (cd "$root" && mvn -q -pl testkit -am compile dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2)
cp="$root/testkit/target/classes:$root/engine/target/classes:$root/plugin-api/target/classes:$(cat "$cp_file")"
exec "$JAVA_HOME/bin/java" -cp "$cp" "$here/MintStorm.java" "$@"
