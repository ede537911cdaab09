#!/usr/bin/env bash
# Benchmarks the checker (./corrector calificar) against Maven (./mvnw -o test) on a synthetic class:
#   1. grades ALUMNOS students x every exercise with a reference (bench/checker-clase.sh), with the exercises'
#      suites already prepared, into an empty results folder, and again with everything saved (incremental);
#   2. runs ./mvnw -o test on MUESTRAS student-exercises of that class, each copied into solutions/NN of a copy of
#      the workbook so Maven runs the visible and the hidden tests, as the checker does;
#   3. compares the verdicts, the points per task, of both for those samples.
# Targets: the class graded in <= 60 s on 2 cores; >= 15x faster per student-exercise than Maven; same verdicts.
# Wall time depends on what else the machine runs, so CPU time (user + system of the command and every process it
# starts) is reported too: it is the fairer ratio on a shared machine. It is read from a cpuacct cgroup (cgroup v1,
# needs root), because the child JVMs end inside bubblewrap's PID namespace where GNU time does not count them.
# Usage: bench/checker.sh [ALUMNOS] [MUESTRAS]     (defaults 40 and 7)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
students="${1:-40}"
samples="${2:-7}"
work="$(mktemp -d)"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
cpu_group=""
if [[ -w /sys/fs/cgroup/cpuacct ]] && mkdir "/sys/fs/cgroup/cpuacct/bench-corrector-$$" 2>/dev/null; then
  cpu_group="/sys/fs/cgroup/cpuacct/bench-corrector-$$"
fi
cleanup() {
  rm -rf "$work"
  if [[ -n "$cpu_group" ]]; then
    cat "$cpu_group/cgroup.procs" 2>/dev/null | while read -r pid; do echo "$pid" > /sys/fs/cgroup/cpuacct/cgroup.procs; done
    rmdir "$cpu_group" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# Runs a command in the CPU-accounting cgroup; appends "wall cpu" (seconds) to the file $1.
timed() {
  local record="$1"
  shift
  local start
  start="$(now)"
  if [[ -n "$cpu_group" ]]; then
    echo 0 > "$cpu_group/cpuacct.usage"
    bash -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$cpu_group" "$@" || true
    echo "$(seconds "$start" "$(now)") $(awk '{ printf "%.1f", $1 / 1e9 }' "$cpu_group/cpuacct.usage")" >> "$record"
  else
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$@" || true
    tail -1 "$work/time.txt" | awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' >> "$record"
  fi
}

echo "== Máquina =="
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //') ($(nproc) núcleos)"
echo "Memoria: $(free -h | awk '/^Mem:/ {print $2}'); carga media al empezar: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ -n "$cpu_group" ]]; then
  echo "CPU medida con el cgroup $cpu_group"
else
  echo "Aviso: sin cgroup cpuacct escribible; la CPU sale de GNU time y no cuenta las JVM que terminan dentro de bubblewrap"
fi
java -version 2>&1 | head -1
echo

echo "== Preparación (compila el corrector, resuelve dependencias y prepara las suites; no se mide) =="
bench/checker-clase.sh "$work/clase" "$students"
bench/checker-clase.sh "$work/calentamiento" 1 >/dev/null
./corrector calificar "$work/calentamiento" --salida "$work/notas-calentamiento" >/dev/null 2>&1
exercises="$(ls "$work/clase/alumno-00/exercises" | tr '\n' ' ')"
count=$(( students * $(echo $exercises | wc -w) ))
echo

echo "== Corrector: $students alumnos x ejercicios $exercises($count entregas) =="
timed "$work/corrector.time" ./corrector calificar "$work/clase" --salida "$work/notas" \
  > "$work/corrector.log" 2> "$work/corrector.err"
read -r checker_total checker_cpu < "$work/corrector.time"
timed "$work/corrector2.time" ./corrector calificar "$work/clase" --salida "$work/notas" \
  > "$work/corrector2.log" 2>/dev/null
read -r checker_again _ < "$work/corrector2.time"
grep 'alumnos ×' "$work/corrector.log"
echo "Tiempo total: $checker_total s de reloj, $checker_cpu s de CPU; segunda pasada (todo guardado): $checker_again s"
echo "Carga media al terminar: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

echo "== Maven: ./mvnw -o test por entrega, en $samples muestras =="
copy="$work/cuaderno"
mkdir -p "$copy"
tar -C "$root" --exclude=./target --exclude='*/target' --exclude=./.git --exclude=node_modules -cf - . \
  | tar -C "$copy" -xf -
(cd "$copy" && ./mvnw -o -q -B install -DskipTests -pl kit/core,kit/services,events -am >/dev/null)
maven_total=0
maven_cpu=0
agree=0
compared=0
read -r -a ids <<< "$exercises"
for ((s = 0; s < samples; s++)); do
  # Student 6s with exercise s mod 7 has profile 7s mod 5: reference, mistake, broken, starter, mistake, ...
  student="$(printf 'alumno-%02d' "$(( s * 6 % students ))")"
  id="${ids[$(( s % ${#ids[@]} ))]}"
  module="$copy/solutions/$id"
  saved="$work/guardado-$id"
  rm -rf "$saved" && mkdir -p "$saved" && cp -r "$module/." "$saved/"
  declared="$(sed -n 's/^ *StudentFiles: *\[\(.*\)\].*/\1/p' "$copy/exercises/$id/template.yaml" | tr -d ' ')"
  for path in $(echo "${declared:-src/main/java}" | tr ',' ' '); do
    rm -rf "${module:?}/$path"
    if [[ -e "$work/clase/$student/exercises/$id/$path" ]]; then
      mkdir -p "$(dirname "$module/$path")"
      cp -r "$work/clase/$student/exercises/$id/$path" "$(dirname "$module/$path")/"
    fi
  done
  (cd "$copy" && timed "$work/maven.time" ./mvnw -o -B test -pl "solutions/$id" > "$work/maven-$s.log" 2>&1)
  read -r elapsed cpu < <(tail -1 "$work/maven.time")
  maven_total="$(awk -v a="$maven_total" -v b="$elapsed" 'BEGIN { print a + b }')"
  maven_cpu="$(awk -v a="$maven_cpu" -v b="$cpu" 'BEGIN { print a + b }')"
  rm -rf "$module" && mkdir -p "$module" && cp -r "$saved/." "$module/"

  if grep -q "COMPILATION ERROR" "$work/maven-$s.log"; then
    maven_verdict="no compila"
  else
    maven_verdict="$(grep -o 'Tarea [0-9]*: [0-9]*/[0-9]*' "$work/maven-$s.log" | sed 's/Tarea //; s/: /=/' | sort -u \
      | tr '\n' ' ')"
  fi
  feedback="$work/notas/alumnos/$student/feedback.md"
  if awk -v id="$id" '$0 ~ "^## Ejercicio " id ":" {on=1; next} /^## / {on=0} on' "$feedback" \
      | grep -q 'Estado: \*\*no compila\*\*'; then
    checker_verdict="no compila"
  else
    checker_verdict="$(awk -v id="$id" '$0 ~ "^## Ejercicio " id ":" {on=1; next} /^## / {on=0} on' "$feedback" \
      | grep -o 'Tarea [0-9]*: [0-9]* de [0-9]*' | sed 's/Tarea //; s/: /=/; s/ de /\//' | sort -u | tr '\n' ' ')"
  fi
  compared=$(( compared + 1 ))
  if [[ "$maven_verdict" == "$checker_verdict" ]]; then
    agree=$(( agree + 1 ))
    mark="igual"
  else
    mark="DISTINTO"
  fi
  echo "  $student · $id: Maven ${elapsed} s (${cpu} s CPU) [$maven_verdict] · corrector [$checker_verdict] → $mark"
done
echo

maven_each="$(awk -v t="$maven_total" -v n="$samples" 'BEGIN { printf "%.2f", t / n }')"
maven_cpu_each="$(awk -v t="$maven_cpu" -v n="$samples" 'BEGIN { printf "%.2f", t / n }')"
checker_each="$(awk -v t="$checker_total" -v n="$count" 'BEGIN { printf "%.3f", t / n }')"
checker_cpu_each="$(awk -v t="$checker_cpu" -v n="$count" 'BEGIN { printf "%.3f", t / n }')"
ratio="$(awk -v m="$maven_each" -v c="$checker_each" 'BEGIN { printf "%.0f", m / c }')"
cpu_ratio="$(awk -v m="$maven_cpu_each" -v c="$checker_cpu_each" 'BEGIN { printf "%.0f", m / c }')"
idle="$(awk -v c="$checker_cpu" -v n="$(nproc)" 'BEGIN { printf "%.0f", c / n }')"
echo "== Resultado =="
echo "| medida | valor | objetivo |"
echo "| --- | --- | --- |"
echo "| clase de $students alumnos x $(echo $exercises | wc -w) ejercicios ($count entregas), reloj | $checker_total s | <= 60 s |"
echo "| la misma clase, CPU (usuario + sistema) | $checker_cpu s | |"
echo "| estimación con los $(nproc) núcleos libres (CPU / núcleos) | $idle s | <= 60 s |"
echo "| segunda pasada, sin cambios | $checker_again s | |"
echo "| corrector, por entrega: reloj / CPU | $checker_each s / $checker_cpu_each s | |"
echo "| Maven (./mvnw -o test), por entrega: reloj / CPU | $maven_each s / $maven_cpu_each s | |"
echo "| cuántas veces más rápido, por reloj | ${ratio}x | >= 15x |"
echo "| cuántas veces menos CPU | ${cpu_ratio}x | |"
echo "| veredictos iguales (puntos por tarea) | $agree de $compared | todos |"
