#!/usr/bin/env bash
# Fails when a process of the test suite is still running: a node or pulumi program whose working directory is
# inside this checkout (Pulumi's language host and providers run in the test projects' dirs and, in process
# groups of their own, can outlive a killed CLI). Run after `make test`, when nothing should be left.
#
# Matched on the executable (argv[0] and /proc/PID/exe), never on the whole command line: a CI wrapper such as
# `bash -c '<script that mentions node>'` is not a test process. This script's own ancestors are skipped too.
set -u
root="$(cd "$(dirname "$0")/.." && pwd -P)"

ancestors=" "
pid=$$
while [ -n "$pid" ] && [ "$pid" != 0 ]; do
  ancestors="$ancestors$pid "
  # Field 4 of /proc/PID/stat is the parent; the command name (field 2) may hold spaces, so cut after ')'.
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || break
  rest="${stat##*) }"
  pid="$(echo "$rest" | cut -d' ' -f2)"
done

is_test_program() {
  case "$(basename -- "$1")" in
    node | nodejs | pulumi | pulumi-*) return 0 ;;
  esac
  return 1
}

found=0
for proc in /proc/[0-9]*; do
  pid="${proc#/proc/}"
  case "$ancestors" in *" $pid "*) continue ;; esac
  cwd="$(readlink "$proc/cwd" 2>/dev/null)" || continue
  case "$cwd" in "$root" | "$root"/*) ;; *) continue ;; esac
  argv0="$(tr '\0' '\n' < "$proc/cmdline" 2>/dev/null | head -n 1)"
  exe="$(readlink "$proc/exe" 2>/dev/null || true)"
  is_test_program "$argv0" || is_test_program "${exe% (deleted)}" || continue
  cmd="$(tr '\0' ' ' < "$proc/cmdline" 2>/dev/null)"
  echo "left running after the tests: pid $pid in ${cwd#"$root"/}: ${cmd:0:200}" >&2
  found=1
done
if [ "$found" -ne 0 ]; then
  echo "check-leftover-processes: the test suite left processes running (see above)" >&2
  exit 1
fi
echo "check-leftover-processes: no test process left running"
