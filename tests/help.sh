#!/bin/sh
# help.sh — every command's --help exits 0 and lists its options, and the
# man page documents every option --help shows.
SUITE=help
. "$(dirname "$0")/lib.sh"
GALLEY=${GALLEY:-./galley}
MAN=${MAN:-build/galley.1}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

options_of() {   # options_of COMMAND: the long options its --help lists
  $GALLEY "$1" --help | sed -nE 's/^  (-[a-z], )?--([a-z-]+).*/\2/p' | grep -vx 'help\(-all\)\?'
}

expect() {   # expect COMMAND OPTION...: --help exits 0 and lists each option
  command=$1; shift
  $GALLEY "$command" --help > "$TMP/help"
  check "$command --help exits 0" test $? -eq 0
  check "$command --help: usage line" grep -q "^  galley $command " "$TMP/help"
  check "$command --help: an example" grep -q "^  galley $command" "$TMP/help"
  for option in "$@"; do
    check "$command --help lists --$option" grep -q -- "--$option" "$TMP/help"
  done
  check "$command --help lists nothing more" test "$(options_of "$command" | sort | tr '\n' ' ')" = "$(printf '%s\n' "$@" | sort | tr '\n' ' ')"
}

expect build layout output watch print bleed edition pdfx pdfx-cmyk min-photo-ppi placeholder-images overlay dump-boxes jobs date-order keep-all quiet verbose
expect preview layout output format dpi pages page sheet term graphics size placeholder-images overlay dump-boxes jobs date-order keep-all quiet verbose
expect check layout json dump-boxes jobs date-order keep-all quiet verbose
expect import output date-order keep-all quiet verbose
expect fonts json verbose
expect layouts verbose
expect new layout quiet

check "galley --help lists every command" sh -c "for c in build preview check import fonts layouts new; do $GALLEY --help | grep -q \"^  \$c \" || exit 1; done"
if [ -s "$MAN" ]; then
  for command in build preview check import fonts layouts new; do
    for option in $(options_of $command); do
      roff="\\-\\-$(printf '%s' "$option" | sed 's/-/\\-/g')"   # \-\-date\-order
      check "man page documents $command --$option" grep -qF -- "$roff" "$MAN"
    done
    check "man page names $command" grep -q "^\\.B galley $command" "$MAN"
  done
else
  skip "$MAN not built: man page not checked"
fi

finish
