#!/bin/sh
# deps.sh check|install PACKAGE... — galley's Debian packages.
# check: exit 1 with the exact apt-get line when any is missing.
# install: as root, install the missing ones; otherwise print the line and fail.
# Packages only some tests use (they skip, saying so, without them) are
# installed with the others but never required: GNU parallel (archive.sh).
TEST_ONLY="parallel"
mode=$1; shift
missing=""
packages="$*"
[ "$mode" = install ] && packages="$packages $TEST_ONLY"
for p in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $p" ;;
  esac
done
[ -z "$missing" ] && exit 0
if [ "$mode" = install ] && [ "$(id -u)" = 0 ]; then
  echo "deps: installing$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
  exit $?
fi
echo "galley needs Debian packages that are not installed. Run:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
