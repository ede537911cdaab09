#!/usr/bin/env bash
# Runs the checker's sandbox tests (static checks, OS isolation, hostile corpus, kill -9 recovery) with another
# JDK, so that both the checker and the child JVMs it starts run on it: JDK 24 and later also get
# --illegal-native-access=deny. The workbook still compiles with release 17.
# Usage: checker/scripts/corpus-jdk.sh [JAVA_HOME]     (Temurin 25 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
jdk="${1:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [[ ! -x "$jdk/bin/java" ]]; then
  echo "corpus-jdk: error: no hay un JDK en '$jdk' (falta $jdk/bin/java). Indica su carpeta como argumento." >&2
  exit 2
fi
"$jdk/bin/java" -version 2>&1 | head -1
./mvnw -B -q install -DskipTests -pl checker -am
./mvnw -B -pl checker test -Djvm="$jdk/bin/java" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest='PolicyScannerTest,SandboxTest,HostileCorpusTest,CrashSafetyTest'
