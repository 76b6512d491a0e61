#!/usr/bin/env bash
# JMH microbenchmarks of the core (exporter-common/src/test/java/io/exporters/common/bench).
# Usage: bench/jmh.sh [JMH args], e.g. bench/jmh.sh ExpositionBenchmark -p tables=1000
# Runs with the JVM flags of jvm.options (C1 only), as the exporters run; JMH_JVM_ARGS overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl exporter-common test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
cp="exporter-common/target/test-classes:exporter-common/target/classes:$(cat exporter-common/target/jmh.classpath)"
# shellcheck disable=SC2046
exec java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 3 -w 2s -r 2s \
  -jvmArgs "${JMH_JVM_ARGS:-$(cat jvm.options)}" "${@:-ExpositionBenchmark}" -i 5
