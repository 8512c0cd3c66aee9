#!/usr/bin/env bash
# Runs the whole system on the local stack: builds what is needed, starts Kafka, Elasticsearch and the
# three services, imports the reference corpus and prints where to look. Ctrl-C stops everything.
# Options are passed to the launcher (java -jar deploy/local-stack/target/local-stack.jar help).
set -euo pipefail
cd "$(dirname "$0")/.."
export OPT_OUT_TRACKING=true
echo "[commentary-watch] building (the first build downloads Kafka, Elasticsearch and the libraries) ..."
./mvnw -B -ntp -q package -DskipTests
exec java -jar deploy/local-stack/target/local-stack.jar run "$@"
