#!/usr/bin/env bash
# Runs one command as the leader of its own process group (the launcher starts us with setsid) and ends
# the whole group when our stdin closes. The launcher holds the other end of that pipe, so the group
# stops when the launcher stops it, exits, or dies (even of kill -9): nothing is left behind.
# A trapped (not ignored) TERM keeps this script alive until its child is gone, so that the launcher can
# wait for it; children get the default TERM behaviour back, as for any trapped signal.
trap ':' TERM INT
# Background jobs of a non-interactive shell get /dev/null as stdin: keep the pipe on fd 3 for the watcher.
exec 3<&0
grace="${WATCHDOG_GRACE_SECONDS:-20}"
"$@" </dev/null 3<&- &
child=$!
(
  trap ':' TERM
  while read -r _ <&3; do :; done
  kill -TERM -- "-$$" 2>/dev/null
  for ((i = 0; i < grace; i++)); do
    kill -0 "$child" 2>/dev/null || exit 0
    sleep 1
  done
  kill -KILL -- "-$$" 2>/dev/null
) &
watcher=$!
status=0
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  status=$?
done
kill -KILL "$watcher" 2>/dev/null
exit "$status"
