#!/usr/bin/env bash
# Benchmark of the local S3 server's start (kit/services LocalS3Server), the cost every graded test JVM of
# exercises 05 and 06 pays. Runs bench/src/.../LocalS3Startup in RUNS fresh JVMs with the AWS Lambda runtime's JVM
# flags (C1 only, serial collector) and prints the median process CPU time of:
#   start + createBucket            LocalS3Server.start() and one bucket;
#   first put/get via the SDK       building the S3 client, the first PutObject and GetObject over HTTP.
# Needs: JDK 17+. Variables: RUNS (default 15), JAVA (java).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-15}
JAVA=${JAVA:-java}
WORK=$ROOT/bench/target/s3-startup

[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || { echo "Error: RUNS vale '$RUNS'; usa un número mayor que 0." >&2; exit 1; }

cd "$ROOT"
./mvnw -q -B install -DskipTests -pl kit/core,kit/services
./mvnw -q -B dependency:build-classpath -pl kit/services -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
classpath="$ROOT/kit/services/target/classes:$(cat "$WORK/classpath.txt")"
javac -d "$WORK/classes" -cp "$classpath" bench/src/dev/lambdaworkbook/bench/LocalS3Startup.java

starts=()
firsts=()
for ((run = 1; run <= RUNS; run++)); do
  read -r start first < <("$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$WORK/classes:$classpath" \
    dev.lambdaworkbook.bench.LocalS3Startup 2>/dev/null)
  starts+=("$start")
  firsts+=("$first")
done

median() {
  printf '%s\n' "$@" | sort -g | awk '{ values[NR] = $1 } END { print values[int((NR + 1) / 2)] }'
}

echo "Servidor S3 local: mediana de $RUNS JVMs (CPU del proceso, ms; -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)"
echo "| paso | CPU (ms) |"
echo "|---|---|"
echo "| start + createBucket | $(median "${starts[@]}") |"
echo "| primer put/get con el SDK (incluye crear el cliente) | $(median "${firsts[@]}") |"
