#!/usr/bin/env bash
# Fails when a process of the test suite is still running: anything node- or pulumi-based whose working
# directory is inside this checkout (Pulumi's language host and providers run in the test projects' dirs and,
# in process groups of their own, can outlive a killed CLI). Run after `make test`, when nothing should be left.
set -u
root="$(cd "$(dirname "$0")/.." && pwd -P)"
found=0
for proc in /proc/[0-9]*; do
  pid="${proc#/proc/}"
  [ "$pid" = "$$" ] && continue
  cwd="$(readlink "$proc/cwd" 2>/dev/null)" || continue
  case "$cwd" in "$root" | "$root"/*) ;; *) continue ;; esac
  cmd="$(tr '\0' ' ' < "$proc/cmdline" 2>/dev/null)"
  case "$cmd" in *node* | *pulumi*) ;; *) continue ;; esac
  echo "left running after the tests: pid $pid in ${cwd#"$root"/}: ${cmd:0:200}" >&2
  found=1
done
if [ "$found" -ne 0 ]; then
  echo "check-leftover-processes: the test suite left processes running (see above)" >&2
  exit 1
fi
echo "check-leftover-processes: no test process left running"
