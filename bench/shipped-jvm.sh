# Sourced by the benchmarks: runs the exporter on the JVM the images ship, so what is measured is
# what is deployed. Builds the trimmed runtime (deploy/runtime/build-runtime.sh) into
# target/runtime when missing, and trains the exporter's class-data sharing archive as the image
# build does (deploy/runtime/train-cds.sh) when missing or older than the jar. Sets JAVA and adds
# the archive to JAVA_OPTS. SHIPPED_JVM=0 keeps the JDK on the PATH, without an archive.
# Usage: shipped_jvm EXPORTER JAR [FAKE_CLOUDFLARE_CLASSPATH]
shipped_jvm() {
  local exporter=$1 jar=$2 fake_cp=${3:-}
  JAVA=java
  if [ "${SHIPPED_JVM:-1}" = 0 ]; then
    echo "jvm: $(command -v java), no class-data sharing archive (SHIPPED_JVM=0)"
    return
  fi
  local runtime=target/runtime archive=target/cds/$exporter.jsa
  if [ ! -x "$runtime/bin/java" ] || [ deploy/runtime/modules -nt "$runtime/release" ] \
      || [ deploy/runtime/build-runtime.sh -nt "$runtime/release" ]; then
    deploy/runtime/build-runtime.sh "$runtime" >/dev/null
  fi
  mkdir -p target/cds
  if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ] || [ jvm.options -nt "$archive" ]; then
    JAVA_OPTS="$JAVA_OPTS" deploy/runtime/train-cds.sh "$runtime/bin/java" "$jar" \
      "$archive" "$exporter" "$fake_cp" >/dev/null
  fi
  # A file written minutes ago is mapped by the kernel in larger pieces than one read from disk
  # (libjvm.so: 17.6 MiB RSS against 13.0): drop the new files from the page cache, so they are
  # read from disk as in a container started from the image.
  sync
  python3 - "$runtime/lib/server/libjvm.so" "$runtime/lib/modules" "$archive" <<'PY'
import os, sys
for path in sys.argv[1:]:
    fd = os.open(path, os.O_RDONLY)
    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    os.close(fd)
PY
  JAVA=$runtime/bin/java
  JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=$archive"
  echo "jvm: the image's runtime ($runtime) with its class-data sharing archive ($archive)"
}
