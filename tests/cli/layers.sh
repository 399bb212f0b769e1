#!/bin/sh
# layers.sh - the folders of src/ form a house without cycles: each folder
# includes headers only from itself and the folders below it.
. "$(dirname "$0")/lib.sh"
ORDER="util nl model store import report auth web cli"
rank() { i=0; for f in $ORDER; do [ "$f" = "$1" ] && { echo $i; return; }; i=$((i + 1)); done; echo 99; }
bad=""
for dir in src/*/; do
	d=$(basename "$dir")
	r=$(rank "$d")
	[ "$r" = 99 ] && { bad="$bad
$d is not in the layer order"; continue; }
	for inc in $(grep -ho '#include "[^"]*/[^"]*"' "$dir"*.[ch] 2>/dev/null | sed 's/#include "//; s/"$//; s#^\.\./##' | cut -d/ -f1 | sort -u); do
		ir=$(rank "$inc")
		if [ "$ir" -gt "$r" ]; then bad="$bad
$d includes $inc (above it)"; fi
	done
done
if [ -z "$bad" ]; then ok "src folders include only themselves and the folders below"; else notok "folder layers" "$bad"; fi
