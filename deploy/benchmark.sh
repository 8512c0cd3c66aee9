#!/usr/bin/env bash
# The end-to-end benchmark: builds, starts Kafka, Elasticsearch and the three services (each -Xmx512m) on free
# ports, loads 1,000 alert rules, warms the services up, pushes synthetic commentary through the pipeline and measures,
# in the same run, the raw baselines (embedding model alone, Kafka, Elasticsearch bulk) and the CPU seconds of every
# process (services, Elasticsearch, Kafka, the benchmark itself) per phase and per document. Prints a table and writes
# deploy/system-tests/target/benchmark.json. Everything it starts is stopped and wiped at the end.
#
#   deploy/benchmark.sh [--documents N] [--rate R] [--latency-seconds S] [--rules K] [--warm-up W] [--no-build]
#
#   --documents N        documents of the throughput phase (default 400)
#   --rate R             documents per second of the latency phase (default 5)
#   --latency-seconds S  length of the latency phase (default 60)
#   --rules K            alert rules loaded (default 1000)
#   --warm-up W          documents pushed through first and not counted (default 2500, about 8 minutes: until
#                        then the JVMs' JIT compilers still take 0.1–0.2 cores, which a long-running system does not pay)
#   --no-build           use the jars already built and installed
set -euo pipefail
self="$(realpath "$0")"
cd "$(dirname "$self")/.."
export OPT_OUT_TRACKING=true
properties=()
build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --documents) properties+=("-Dbenchmark.documents=$2"); shift 2 ;;
    --rate) properties+=("-Dbenchmark.rate=$2"); shift 2 ;;
    --latency-seconds) properties+=("-Dbenchmark.latency-seconds=$2"); shift 2 ;;
    --rules) properties+=("-Dbenchmark.rules=$2"); shift 2 ;;
    --warm-up) properties+=("-Dbenchmark.warm-up-documents=$2"); shift 2 ;;
    --no-build) build=false; shift ;;
    -h|--help) sed -n '2,15p' "$self"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if $build; then
  echo "[benchmark] building (install: the benchmark module resolves the launcher from the local repository) ..."
  ./mvnw -B -ntp -q install -DskipTests
fi
echo "[benchmark] running (several minutes) ..."
# -Dit.test selects the benchmark alone; -Dtest=none skips the module's unit tests.
./mvnw -B -ntp -pl deploy/system-tests verify -Dit.test=EndToEndBenchmark -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false "${properties[@]+"${properties[@]}"}"
echo "[benchmark] figures: deploy/system-tests/target/benchmark.json"
