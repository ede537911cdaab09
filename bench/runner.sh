#!/usr/bin/env bash
# Benchmarks the local runner (./lambda-local) against a direct Java call of the same handler, side by side:
#   1. cold start: command start -> response printed, with hyperfine when installed (apt-get install hyperfine),
#      else a timed loop;
#   2. warm invoke overhead: median round trip of a warm invocation through the runner's child JVM, against the
#      handler called directly in one JVM (RunnerBench, in runner/src/test/java).
# Targets: cold start <= 1.5 s, warm overhead <= 1 ms. Uses solutions/07 (the API sum) and its sample event.
# Usage: bench/runner.sh [ITERATIONS] [COLD_RUNS]     (defaults 500 and 15)
set -euo pipefail
cd "$(dirname "$0")/.."

iterations="${1:-500}"
cold_runs="${2:-15}"

echo "== Máquina =="
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) núcleos)"
echo "Memoria: $(free -h | awk '/^Mem:/ {print $2}')"
java -version 2>&1 | head -1
echo

echo "== Preparación (compila el runner y solutions/07 si hace falta) =="
./lambda-local --help >/dev/null
./lambda-local invocar 07 --solucion >/dev/null
function_cp="solutions/07/target/lambda-local/task:$(cat solutions/07/target/lambda-local/classpath.txt)"
bench_cp="runner/target/test-classes:runner/target/runner-1.0.0-SNAPSHOT.jar:$(cat runner/target/classpath.txt)"
template="exercises/07/template.yaml"
event="events/apigateway-rest-get.json"
direct=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$bench_cp"
  dev.lambdaworkbook.runner.bench.RunnerBench directo "$template" "$function_cp" "$event")
echo "Listo."
echo

echo "== Arranque en frío: de lanzar la orden a tener la respuesta impresa =="
if command -v hyperfine >/dev/null 2>&1; then
  # --prepare rebuilds the runner outside the timed run when its sources changed meanwhile.
  results="$(mktemp)"
  hyperfine --style basic --warmup 2 --runs "$cold_runs" --export-json "$results" \
    --prepare "./lambda-local --help >/dev/null" \
    --command-name "lambda-local invocar 07 --solucion" "./lambda-local invocar 07 --solucion" \
    --command-name "java directo (misma JVM: carga el handler y lo llama una vez)" "${direct[*]}"
  python3 - "$results" <<'PYTHON'
import json, statistics, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"mediana {statistics.median(result['times']) * 1000:7.0f} ms  {result['command']}")
PYTHON
  rm -f "$results"
else
  for label in runner directo; do
    times=()
    for ((run = 0; run < cold_runs; run++)); do
      start=$(date +%s%N)
      if [[ "$label" == runner ]]; then ./lambda-local invocar 07 --solucion >/dev/null; else "${direct[@]}" >/dev/null; fi
      times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$label: mediana ${median} ms en ${cold_runs} ejecuciones"
  done
fi
echo

echo "== Invocación en caliente: sobrecoste frente a la llamada directa =="
java -XX:+UseSerialGC -cp "$bench_cp" dev.lambdaworkbook.runner.bench.RunnerBench caliente \
  "$template" "$function_cp" "$event" "$iterations"
