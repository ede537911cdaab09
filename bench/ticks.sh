#!/usr/bin/env bash
# Benchmark of exercise 06's tick filter. It runs these tools side by side on one synthetic BME file:
#   wc -l                  reading the file and counting lines, the floor for any line-based tool;
#   Java (reference core)  solutions/06's TickFilter with a 64 MB heap (-Xmx64m): once with the JDK's defaults,
#                          once with the JIT stopped at C1 and the serial collector, the defaults of the AWS Lambda
#                          Java 17+ runtimes (AWS Lambda developer guide, "Customize Java runtime startup behavior");
#   pandas                 the course deck's approach: read_csv with usecols, str.strip, isin, to_csv;
# then the reference handler end to end through the local S3 server (kit/services).
# Prints a Markdown table: median wall and CPU time of RUNS runs, MB/s, ratio to pandas, peak resident memory.
#
# Needs: JDK 17+, GNU time (/usr/bin/time) and Debian's pandas (apt-get install -y time python3-pandas).
# Variables: ROWS (default 2000000), RUNS (3), WORK (bench/target), PYTHON (/usr/bin/python3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROWS=${ROWS:-2000000}
RUNS=${RUNS:-3}
WORK=${WORK:-$ROOT/bench/target}
PYTHON=${PYTHON:-/usr/bin/python3}
TIME=/usr/bin/time

fail() {
  echo "Error: $1" >&2
  exit 1
}

[[ -x $TIME ]] || fail "no está GNU time en $TIME. Instálalo con: apt-get install -y time"
"$PYTHON" -c 'import pandas' 2>/dev/null \
  || fail "$PYTHON no tiene pandas. Instala el de Debian con: apt-get install -y python3-pandas (o indica otro intérprete con PYTHON=...)"
[[ $ROWS =~ ^[0-9]+$ && $ROWS -gt 0 ]] || fail "ROWS vale '$ROWS'; usa un número de filas mayor que 0."
[[ $RUNS =~ ^[0-9]+$ && $RUNS -gt 0 ]] || fail "RUNS vale '$RUNS'; usa un número de repeticiones mayor que 0."

mkdir -p "$WORK"
cd "$ROOT"

echo "== Compilando la solución 06 y los servicios locales"
./mvnw -q -B install -DskipTests -pl solutions/06 -am
./mvnw -q -B dependency:build-classpath -pl solutions/06 -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" > /dev/null
CLASSPATH_BENCH="$WORK/classes:$ROOT/solutions/06/target/classes:$(cat "$WORK/classpath.txt")"
rm -rf "$WORK/classes"
javac -d "$WORK/classes" -cp "$CLASSPATH_BENCH" bench/src/dev/lambdaworkbook/bench/*.java

INPUT="$WORK/RV_TICK_$ROWS.csv"
echo "== Generando $INPUT"
java -cp "$CLASSPATH_BENCH" dev.lambdaworkbook.kit.services.ticks.TickFileMain --filas "$ROWS" --salida "$INPUT"
BYTES=$(stat -c %s "$INPUT")
MEGABYTES=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
cat "$INPUT" > /dev/null  # every contender then reads from the page cache

# Runs a command RUNS times under GNU time; sets WALL and CPU (medians, seconds) and RSS (max resident KB).
measure() {
  local name=$1
  shift
  local walls=() cpus=() wall user system kilobytes
  RSS=0
  for _ in $(seq "$RUNS"); do
    "$TIME" -f '%e %U %S %M' -o "$WORK/time.txt" "$@" > "$WORK/$name.log" 2>&1 \
      || { cat "$WORK/$name.log" >&2; fail "falló '$name' (salida arriba)"; }
    read -r wall user system kilobytes < "$WORK/time.txt"
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    if (( kilobytes > RSS )); then
      RSS=$kilobytes
    fi
  done
  WALL=$(median "${walls[@]}")
  CPU=$(median "${cpus[@]}")
}

median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "== Midiendo ($RUNS ejecuciones de cada uno; se toma la mediana)"
measure wc wc -l "$INPUT"
wc_wall=$WALL wc_cpu=$CPU wc_rss=$RSS
measure java java -Xmx64m -cp "$CLASSPATH_BENCH" dev.lambdaworkbook.bench.TickFilterCore "$INPUT" \
  "$WORK/salida-java.csv"
java_wall=$WALL java_cpu=$CPU java_rss=$RSS java_detail=$(cat "$WORK/java.log")
measure java-lambda java -Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CLASSPATH_BENCH" \
  dev.lambdaworkbook.bench.TickFilterCore "$INPUT" "$WORK/salida-java-lambda.csv"
lambda_wall=$WALL lambda_cpu=$CPU lambda_rss=$RSS lambda_detail=$(cat "$WORK/java-lambda.log")
measure pandas "$PYTHON" bench/ticks_pandas.py "$INPUT" "$WORK/salida-pandas.csv"
pandas_wall=$WALL pandas_cpu=$CPU pandas_rss=$RSS pandas_detail=$(cat "$WORK/pandas.log")

if cmp -s "$WORK/salida-java.csv" "$WORK/salida-pandas.csv" \
    && cmp -s "$WORK/salida-java.csv" "$WORK/salida-java-lambda.csv"; then
  same="idénticas byte a byte"
else
  same="DISTINTAS (compara $WORK/salida-java.csv y $WORK/salida-pandas.csv)"
fi

echo "== Extremo a extremo por el servidor S3 local (un proceso; el servidor guarda el fichero en el heap)"
java -Xmx3g -cp "$CLASSPATH_BENCH" dev.lambdaworkbook.bench.TickFilterEndToEnd "$INPUT" > "$WORK/end-to-end.log" 2>&1 \
  || { cat "$WORK/end-to-end.log" >&2; fail "falló la medición extremo a extremo (salida arriba)"; }
end_to_end=$(tail -1 "$WORK/end-to-end.log")

row() {
  local name=$1 wall=$2 cpu=$3 rss=$4
  awk -v n="$name" -v w="$wall" -v c="$cpu" -v r="$rss" -v mb="$MEGABYTES" -v p="$pandas_wall" 'BEGIN {
    speed = w > 0 ? sprintf("%.0f", mb / w) : "-"
    ratio = w > 0 ? sprintf("%.1f×", p / w) : "-"
    printf "| %s | %.2f | %.2f | %s | %s | %.0f |\n", n, w, c, speed, ratio, r / 1024
  }'
}

echo
echo "Fichero: $ROWS filas, $MEGABYTES MB ($INPUT); carga media del sistema al terminar: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| herramienta | tiempo real (s, mediana de $RUNS) | CPU (s, user+sys) | MB/s | más rápido que pandas | memoria máxima (MB RSS) |"
echo "|---|---|---|---|---|---|"
row "wc -l" "$wc_wall" "$wc_cpu" "$wc_rss"
row "Java, TickFilter de la solución 06 (-Xmx64m)" "$java_wall" "$java_cpu" "$java_rss"
row "Java, JVM como la de Lambda (-Xmx64m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)" "$lambda_wall" "$lambda_cpu" "$lambda_rss"
row "pandas (read_csv usecols, strip, isin, to_csv)" "$pandas_wall" "$pandas_cpu" "$pandas_rss"
echo
echo "- Java ($(java -version 2>&1 | head -1)): $java_detail"
echo "- Java como en Lambda: $lambda_detail"
echo "- pandas ($("$PYTHON" --version 2>&1)): $pandas_detail"
echo "- Salidas de Java y pandas: $same"
echo "- $end_to_end"
