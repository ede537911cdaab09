#!/usr/bin/env bash
# Benchmark of exercise 06's tick filter. It runs these tools side by side on one synthetic BME file:
#   wc -l                  reads the file and counts lines, the floor for any line-based tool.
#   Java (reference core)  solutions/06's TickFilter with a 64 MB heap (-Xmx64m), on JDK 17 and, when installed,
#                          JDK 25, each in three JVM settings. The first stops the JIT at C1 and uses the serial
#                          collector, the defaults of the AWS Lambda Java 17, 21 and 25 runtimes (AWS Lambda
#                          developer guide, "Customize Java runtime startup behavior"). The second adds a class
#                          archive from a training run (AppCDS on JDK 17, the AOT cache on JDK 25). The third keeps
#                          the JDK's own defaults, where C2 compiles the hot loops.
#   pandas                 the course deck's approach: read_csv with usecols, str.strip, isin, to_csv.
# Then it runs the reference handler end to end through the local S3 server (kit/services).
# The runs go round-robin (one run of every tool, then the next round) so that a change in the machine's load hits
# all tools alike. Prints a Markdown table: median wall and CPU time, MB/s, ratios to pandas, peak resident memory.
#
# Needs: JDK 17+, GNU time (/usr/bin/time) and Debian's pandas (apt-get install -y time python3-pandas).
# Variables: ROWS (default 2000000), RUNS (7), WORK (bench/target), PYTHON (/usr/bin/python3), JAVA (java),
# JAVA25 (/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; empty to skip the JDK 25 rows).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-7}
WORK=${WORK:-$ROOT/bench/target}
PYTHON=${PYTHON:-/usr/bin/python3}
JAVA=${JAVA:-java}
JAVA25=${JAVA25-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
TIME=/usr/bin/time
LAMBDA_FLAGS=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

fail() {
  echo "Error: $1" >&2
  exit 1
}

[[ -x $TIME ]] || fail "no está GNU time en $TIME. Instálalo con: apt-get install -y time"
"$PYTHON" -c 'import pandas' 2>/dev/null \
  || fail "$PYTHON no tiene pandas. Instala el de Debian con: apt-get install -y python3-pandas (o indica otro intérprete con PYTHON=...)"
[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || fail "ROWS vale '$ROWS'; usa un número de filas mayor que 0."
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || fail "RUNS vale '$RUNS'; usa un número de repeticiones mayor que 0."
"$JAVA" -version > /dev/null 2>&1 || fail "no se puede ejecutar JAVA='$JAVA'. Indica un JDK 17 o posterior con JAVA=..."
if [[ -n $JAVA25 && ! -x $JAVA25 ]]; then
  echo "Aviso: no está JAVA25='$JAVA25'; se omiten las filas de Java 25 (indica otro con JAVA25=...)." >&2
  JAVA25=
fi

mkdir -p "$WORK"
cd "$ROOT"

echo "== Compilando la solución 06 y los servicios locales"
./mvnw -q -B install -DskipTests -pl solutions/06 -am
./mvnw -q -B dependency:build-classpath -pl solutions/06 -DincludeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" > /dev/null
CLASSPATH_BENCH="$WORK/classes:$ROOT/solutions/06/target/classes:$(cat "$WORK/classpath.txt")"
rm -rf "$WORK/classes"
javac -d "$WORK/classes" -cp "$CLASSPATH_BENCH" bench/src/dev/lambdaworkbook/bench/*.java
# The filter and its driver in one jar: class archives (AppCDS, AOT cache) only take classes from jars.
CORE_JAR="$WORK/ticks-core.jar"
jar cf "$CORE_JAR" -C "$WORK/classes" dev/lambdaworkbook/bench/TickFilterCore.class \
  -C solutions/06/target/classes dev/lambdaworkbook/ticks

INPUT="$WORK/RV_TICK_$ROWS.csv"
echo "== Generando $INPUT"
"$JAVA" -cp "$CLASSPATH_BENCH" dev.lambdaworkbook.kit.services.ticks.TickFileMain --filas "$ROWS" --salida "$INPUT"
BYTES=$(stat -c %s "$INPUT")
MEGABYTES=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
cat "$INPUT" > /dev/null  # every contender then reads from the page cache

echo "== Ejecuciones de entrenamiento para los archivos de clases (no se miden)"
rm -f "$WORK/ticks-core-17.jsa" "$WORK/ticks-core-25.aot"
"$JAVA" -Xmx64m "${LAMBDA_FLAGS[@]}" -XX:ArchiveClassesAtExit="$WORK/ticks-core-17.jsa" -cp "$CORE_JAR" \
  dev.lambdaworkbook.bench.TickFilterCore "$INPUT" "$WORK/entrenamiento.csv" > "$WORK/entrenamiento-17.log" 2>&1 \
  || { cat "$WORK/entrenamiento-17.log" >&2; fail "falló la ejecución de entrenamiento de AppCDS (salida arriba)"; }
if [[ -n $JAVA25 ]]; then
  "$JAVA25" -Xmx64m "${LAMBDA_FLAGS[@]}" -XX:AOTCacheOutput="$WORK/ticks-core-25.aot" -cp "$CORE_JAR" \
    dev.lambdaworkbook.bench.TickFilterCore "$INPUT" "$WORK/entrenamiento.csv" > "$WORK/entrenamiento-25.log" 2>&1 \
    || { cat "$WORK/entrenamiento-25.log" >&2; fail "falló la ejecución de entrenamiento de la caché AOT (salida arriba)"; }
fi
rm -f "$WORK/entrenamiento.csv"

TOOLS=(wc java17-lambda java17-lambda-cds java17-default)
if [[ -n $JAVA25 ]]; then
  TOOLS+=(java25-lambda java25-lambda-aot java25-default)
fi
TOOLS+=(pandas)

# Prints a tool's row label and its JVM options.
label() {
  case $1 in
    wc) echo "wc -l|-" ;;
    java17-lambda) echo "Java 17, JVM como la de Lambda|\`-Xmx64m ${LAMBDA_FLAGS[*]}\`" ;;
    java17-lambda-cds) echo "Java 17, como Lambda + AppCDS|lo anterior + \`-XX:SharedArchiveFile=ticks-core-17.jsa\`" ;;
    java17-default) echo "Java 17, JIT por defecto (C2)|\`-Xmx64m\`" ;;
    java25-lambda) echo "Java 25, JVM como la de Lambda|\`-Xmx64m ${LAMBDA_FLAGS[*]}\`" ;;
    java25-lambda-aot) echo "Java 25, como Lambda + caché AOT|lo anterior + \`-XX:AOTCache=ticks-core-25.aot\`" ;;
    java25-default) echo "Java 25, JIT por defecto (C2)|\`-Xmx64m\`" ;;
    pandas) echo "pandas (read_csv usecols, strip, isin, to_csv)|-" ;;
  esac
}

# Sets COMMAND to the command line that runs a tool once, writing its output to $WORK/salida-TOOL.csv.
set_command() {
  local core=(-cp "$CORE_JAR" dev.lambdaworkbook.bench.TickFilterCore "$INPUT" "$WORK/salida-$1.csv")
  case $1 in
    wc) COMMAND=(wc -l "$INPUT") ;;
    java17-lambda) COMMAND=("$JAVA" -Xmx64m "${LAMBDA_FLAGS[@]}" "${core[@]}") ;;
    java17-lambda-cds)
      COMMAND=("$JAVA" -Xmx64m "${LAMBDA_FLAGS[@]}" -XX:SharedArchiveFile="$WORK/ticks-core-17.jsa" "${core[@]}") ;;
    java17-default) COMMAND=("$JAVA" -Xmx64m "${core[@]}") ;;
    java25-lambda) COMMAND=("$JAVA25" -Xmx64m "${LAMBDA_FLAGS[@]}" "${core[@]}") ;;
    java25-lambda-aot)
      COMMAND=("$JAVA25" -Xmx64m "${LAMBDA_FLAGS[@]}" -XX:AOTCache="$WORK/ticks-core-25.aot" "${core[@]}") ;;
    java25-default) COMMAND=("$JAVA25" -Xmx64m "${core[@]}") ;;
    pandas) COMMAND=("$PYTHON" bench/ticks_pandas.py "$INPUT" "$WORK/salida-pandas.csv") ;;
  esac
}

median() {
  sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== Midiendo ($RUNS rondas; en cada ronda, una ejecución de cada herramienta; carga media: $LOAD_BEFORE)"
for tool in "${TOOLS[@]}"; do
  : > "$WORK/tiempos-$tool.txt"
done
for round in $(seq "$RUNS"); do
  for tool in "${TOOLS[@]}"; do
    set_command "$tool"
    "$TIME" -f '%e %U %S %M' -o "$WORK/time.txt" "${COMMAND[@]}" > "$WORK/$tool.log" 2>&1 \
      || { cat "$WORK/$tool.log" >&2; fail "falló '$tool' (salida arriba)"; }
    cat "$WORK/time.txt" >> "$WORK/tiempos-$tool.txt"
  done
  echo "   ronda $round de $RUNS; carga media: $(cut -d' ' -f1-3 /proc/loadavg)"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

different=()
for tool in "${TOOLS[@]}"; do
  if [[ $tool != wc && $tool != pandas ]] && ! cmp -s "$WORK/salida-$tool.csv" "$WORK/salida-pandas.csv"; then
    different+=("$tool")
  fi
done

echo "== Extremo a extremo por el servidor S3 local (un proceso; el servidor guarda el fichero en el heap)"
"$JAVA" -Xmx3g -cp "$CLASSPATH_BENCH" dev.lambdaworkbook.bench.TickFilterEndToEnd "$INPUT" > "$WORK/end-to-end.log" 2>&1 \
  || { cat "$WORK/end-to-end.log" >&2; fail "falló la medición extremo a extremo (salida arriba)"; }
end_to_end=$(tail -1 "$WORK/end-to-end.log")

# Prints the wall and CPU medians of a tool, then its minimum wall time and its peak RSS in KB.
summary() {
  local times="$WORK/tiempos-$1.txt"
  echo "$(awk '{ print $1 }' "$times" | median) $(awk '{ print $2 + $3 }' "$times" | median)" \
    "$(awk '{ print $1 }' "$times" | sort -g | head -1) $(awk '{ if ($4 > m) m = $4 } END { print m }' "$times")"
}

read -r pandas_wall pandas_cpu _ _ <<< "$(summary pandas)"

echo
echo "Fichero: $ROWS filas, $MEGABYTES MB ($INPUT). Carga media (1, 5, 15 min) antes: $LOAD_BEFORE; después: $LOAD_AFTER."
echo "Máquina: $(nproc) núcleos, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')."
echo
echo "| herramienta | opciones de la JVM | tiempo real (s, mediana de $RUNS) | mínimo (s) | CPU (s, user+sys) | MB/s | × pandas (tiempo real) | × pandas (CPU) | memoria máxima (MB RSS) |"
echo "|---|---|---|---|---|---|---|---|---|"
for tool in "${TOOLS[@]}"; do
  read -r wall cpu fastest kilobytes <<< "$(summary "$tool")"
  awk -v l="$(label "$tool")" -v w="$wall" -v c="$cpu" -v f="$fastest" -v k="$kilobytes" -v mb="$MEGABYTES" \
    -v pw="$pandas_wall" -v pc="$pandas_cpu" 'BEGIN {
      split(l, parts, "|")
      speed = w > 0 ? sprintf("%.0f", mb / w) : "-"
      wall_ratio = w > 0 ? sprintf("%.1f×", pw / w) : "-"
      cpu_ratio = c > 0 ? sprintf("%.1f×", pc / c) : "-"
      printf "| %s | %s | %.2f | %.2f | %.2f | %s | %s | %s | %.0f |\n", parts[1], parts[2], w, f, c, speed,
        wall_ratio, cpu_ratio, k / 1024
    }'
done
echo
echo "- $("$JAVA" -version 2>&1 | head -1); filtro (última ejecución): $(cat "$WORK/java17-lambda.log")"
if [[ -n $JAVA25 ]]; then
  echo "- $("$JAVA25" -version 2>&1 | head -1); filtro (última ejecución): $(cat "$WORK/java25-lambda.log")"
fi
echo "- $("$PYTHON" --version 2>&1): $(cat "$WORK/pandas.log")"
if (( ${#different[@]} == 0 )); then
  echo "- Las salidas de todas las filas de Java son idénticas byte a byte a la de pandas."
else
  echo "- Salidas DISTINTAS de la de pandas: ${different[*]} (compara $WORK/salida-*.csv)"
fi
echo "- $end_to_end"
