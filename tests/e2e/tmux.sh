# Helpers for the end-to-end tests of the console: a tmux session per test,
# keys sent to it and its screen read back. Sourced after lib.sh.

if ! command -v tmux >/dev/null || ! command -v sqlite3 >/dev/null; then
	echo "SKIP: tmux and sqlite3 are needed"
	exit 77
fi

export TMUX_TMPDIR="$WORK"
SESSION=stw$$
trap 'tmux kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

# screen_wait TEXT [SECONDS]: polls the screen until TEXT shows.
screen_wait() {
	local want=$1 limit=${2:-10} i=0
	while [ $i -lt $((limit * 20)) ]; do
		tmux capture-pane -p -t "$SESSION" >"$WORK/screen" 2>/dev/null
		grep -qF -- "$want" "$WORK/screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "--- screen (waiting for: $want)" >&2
	cat "$WORK/screen" >&2
	return 1
}
keys() { tmux send-keys -t "$SESSION" "$@"; }
start() { # start COLS ROWS CMD...
	local cols=$1 rows=$2
	shift 2
	local try
	# A server that is still shutting down after the last test can refuse
	# the session: try again.
	for try in 1 2 3 4 5; do
		tmux new-session -d -s "$SESSION" -x "$cols" -y "$rows" \
			"env NO_COLOR=1 TERM=xterm LANG=C.UTF-8 LC_ALL=C.UTF-8 STEWARD_NAME=tester $* ; echo EXIT=\$? >$WORK/exit; sleep 60" \
			2>/dev/null && tmux has-session -t "$SESSION" 2>/dev/null && return 0
		sleep 0.2
	done
	return 1
}
exited() { # waits for the program to end; checks its status
	local i=0
	while [ ! -s "$WORK/exit" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	grep -qx "EXIT=0" "$WORK/exit"
}
stop() {
	tmux kill-server 2>/dev/null
	local i=0
	while tmux has-session 2>/dev/null && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
	rm -f "$WORK/exit"
}
