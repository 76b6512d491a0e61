#!/usr/bin/env sh
# The exporter images' start command: the shipped JVM flags, then the exporter's own flags.
# JAVA_OPTS replaces the flags of /app/jvm.options; EXPORTER_JAR names the jar (set in the image).
set -eu
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
java_home=${JAVA_HOME:-/opt/java}
opts=${JAVA_OPTS:-$(cat "${JVM_OPTIONS:-/app/jvm.options}")}
# The image's class-data sharing archive (train-cds.sh): the exporter's classes mapped ready-parsed.
# One that does not match this java and jar is ignored by the JVM with a warning.
archive=${CDS_ARCHIVE:-/app/app.jsa}
[ -f "$archive" ] && opts="$opts -XX:SharedArchiveFile=$archive"
# shellcheck disable=SC2086
exec "$java_home/bin/java" $opts -jar "${EXPORTER_JAR:-/app/exporter.jar}" "$@"
