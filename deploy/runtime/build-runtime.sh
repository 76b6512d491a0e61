#!/usr/bin/env sh
# Builds the trimmed Java runtime the exporter images ship: the modules in deploy/runtime/modules,
# no debug symbols, headers or man pages, with the JDK's class-data sharing archive (faster start,
# less private memory). The module image is not compressed: a compressed one is inflated into
# each process's memory (+5 MiB RSS measured), which costs more than the 18 MB it saves on disk.
# Shared libraries the runtime needs beyond glibc, libgcc and libstdc++ (a distribution's JDK
# links the system zlib) are copied into it, so it runs on a base with just those.
# Usage: build-runtime.sh OUTPUT_DIR [JDK_HOME]
set -eu
out=$1
jdk=${2:-${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}}
here=$(cd "$(dirname "$0")" && pwd)
modules=$(grep -v '^#' "$here/modules" | grep -v '^$' | paste -sd, -)
# Only a runtime built before is replaced: never a directory that holds anything else (the JDK).
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/release" ]; then
  echo "build-runtime.sh: $out exists and is not a runtime; choose an empty or new directory" >&2
  exit 2
fi
case "$(readlink -m "$jdk")/" in
  "$(readlink -m "$out")"/*) echo "build-runtime.sh: $out holds the JDK $jdk" >&2; exit 2 ;;
esac
rm -rf "$out"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --generate-cds-archive --output "$out"
# Libraries from the build system's /lib or /usr/lib that a glibc + libstdc++ base lacks.
find "$out/bin" "$out/lib" -type f \( -name '*.so' -o -perm -u+x \) -print 2>/dev/null \
  | xargs ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | sort -u \
  | while read -r name path; do
      case "$name" in
        libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*|ld-linux*|libgcc_s.so.*|\
        libstdc++.so.*|libjvm.so|libjava.so|libjli.so|libnet.so|libnio.so|libzip.so|libverify.so) ;;
        *) case "$path" in "$out"/*) ;; *) cp -L "$path" "$out/lib/$name"; echo "runtime: + $name" ;; esac ;;
      esac
    done
echo "runtime: $out ($modules)"
