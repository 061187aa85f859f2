#!/bin/sh
# Driftwatch agent hook: copies the hook's JSON from stdin into Driftwatch's spool folder, one file per event.
#
#   /bin/sh driftwatch-hook.sh SPOOL_DIR AGENT
#
# Agents (Claude Code, Cursor, …) run this for every hook event and wait for it, so it must be fast and must never
# get in the agent's way: it prints nothing, always exits 0 (even when the payload is malformed, huge, or the disk is
# full) and validates nothing. The extension validates every record when it reads the spool.
#
# Atomicity: the payload goes to a dot-file first and is renamed into place only when complete, so the extension never
# reads a partial record and concurrent agents never interleave (each event is its own file; rename is atomic within a
# folder). File names sort by time: <seconds><nanoseconds>-<pid>-<agent>.json
exec >/dev/null 2>&1
dir=$1
agent=$2
case $agent in
  ''|*[!a-z0-9-]*) agent=unknown ;;
esac
[ -n "$dir" ] && [ -d "$dir" ] || { cat >/dev/null; exit 0; }
now=$(date +%s%N 2>/dev/null)
case $now in
  *N*|'') now=$(date +%s)000000000 ;;
esac
name="$now-$$-$agent.json"
tmp="$dir/.$name.tmp"
# 16 MiB is far above any real hook payload; anything longer is cut (and then rejected by the extension as malformed)
# rather than filling the disk.
if head -c 16777216 >"$tmp" && [ -s "$tmp" ]; then
  mv -f "$tmp" "$dir/$name" || rm -f "$tmp"
else
  rm -f "$tmp"
fi
exit 0
