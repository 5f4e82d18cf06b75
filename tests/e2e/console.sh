# End-to-end tests of the console in a pseudo-terminal (tmux): navigate,
# accept a cluster, reject one, edit a field, undo, quit, at 80x24 and after a
# resize; then the workspace is checked with sqlite3 (the audit entries).
# Also: the demo starts and quits cleanly.
. "$(dirname "$0")/lib.sh"

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

# Fixture: a generated export, imported, standardized and matched.
"$STEWARD" sample --out c.csv --rows 300 --seed 3 >/dev/null 2>&1
"$STEWARD" import c.steward c.csv >/dev/null 2>&1
"$STEWARD" standardize c.steward >/dev/null 2>&1
"$STEWARD" match c.steward >/dev/null 2>&1
check "fixture has clusters" [ "$(sql c.steward 'select count(*) from cluster')" -gt 2 ]
check "fixture has findings" [ "$(sql c.steward 'select count(*) from finding')" -gt 0 ]
cp c.steward fresh.steward

# ---- 80x24: navigate, accept, reject, edit, undo, quit ----
start 80 24 "$STEWARD" c.steward
check "header shows the workspace" screen_wait "Steward  c.steward"
check "header counts records" grep -qF "300 records" "$WORK/screen"
check "bottom bar lists keys" grep -qF "a accept r reject" "$WORK/screen"
check "queue shows open clusters" grep -qF "open clusters · by score" "$WORK/screen"
first=$(sql c.steward "select id from cluster where status='open' order by max_prob desc, id limit 1")
second=$(sql c.steward "select id from cluster where status='open' order by max_prob desc, id limit 1 offset 1")
keys Enter
check "detail opens" screen_wait "Cluster $first · open"
check "golden column" grep -qF "golden" "$WORK/screen"
check "why line" grep -qF "why #" "$WORK/screen"
keys j j l
keys a
check "accepted message" screen_wait "cluster $first accepted"
# The queue moved on: the next cluster is selected; reject it.
keys Enter
check "next cluster" screen_wait "Cluster $second · open"
keys r
check "rejected message" screen_wait "cluster $second rejected"
keys '?'
check "help overlay" screen_wait "Keys"
check "help lists undo" grep -qF "u undo" "$WORK/screen"
keys Escape
# Incomplete: edit the first row's value.
keys 3
check "incomplete pane" screen_wait "record  name"
rule=$(sql c.steward "select f.rule from finding f join rec r on r.id=f.record_id and r.status='active' group by f.rule order by count(distinct f.record_id) desc, f.rule limit 1")
rec=$(sql c.steward "select f.record_id from finding f join rec r on r.id=f.record_id and r.status='active' where f.rule='$rule' order by f.record_id, f.id limit 1")
field=$(sql c.steward "select f.field from finding f join rec r on r.id=f.record_id and r.status='active' where f.rule='$rule' order by f.record_id, f.id limit 1")
keys e
check "editor opens" screen_wait "New value:"
keys C-u
keys -l "Zoë 東京"
keys Enter
check "edit saved" screen_wait "record $rec changed"
check "edited value stored" [ "$(sql c.steward "select \"$field\" from rec where id=$rec")" = "Zoë 東京" ]
# Undo the edit.
keys u
check "undo message" screen_wait "undid audit #"
keys 4
check "log pane" screen_wait "Audit trail:"
check "log shows undo first" grep -qE "^ +[0-9]+ .* tester +undo" "$WORK/screen"
keys q
check "quits cleanly" exited
stop

check "audit: exactly accept, reject, edit, undo" \
	[ "$(sql c.steward 'select group_concat(action, " ") from (select action from audit order by seq)')" = "accept reject edit undo" ]
check "audit: all by the steward" [ "$(sql c.steward "select count(*) from audit where steward='tester'")" -eq 4 ]
check "cluster accepted" [ "$(sql c.steward "select status from cluster where id=$first")" = accepted ]
check "cluster rejected" [ "$(sql c.steward "select status from cluster where id=$second")" = rejected ]
check "edit undone" [ "$(sql c.steward "select coalesce(\"$field\",'') from rec where id=$rec")" != "Zoë 東京" ]
check "audit chain verifies" "$STEWARD" log c.steward --verify

# ---- resize: the cursor survives a reflow ----
cp fresh.steward r.steward
start 120 40 "$STEWARD" --steward resizer r.steward
check "wide start" screen_wait "Steward  r.steward"
keys j j
third=$(sql r.steward "select id from cluster where status='open' order by max_prob desc, id limit 1 offset 2")
keys Enter
check "third cluster" screen_wait "Cluster $third · open"
tmux resize-window -t "$SESSION" -x 80 -y 24 2>/dev/null || tmux resize-pane -t "$SESSION" -x 80 -y 24
check "reflowed, same cluster" screen_wait "Cluster $third · open"
check "80 columns" [ "$(LC_ALL=C.UTF-8 wc -L <"$WORK/screen")" -le 80 ]
keys d
check "deferred after resize" screen_wait "cluster $third deferred"
keys q
check "quits after resize" exited
stop
check "defer logged" [ "$(sql r.steward "select action || ' ' || steward || ' ' || subject from audit")" = "defer resizer cluster:$third" ]

# ---- escape sequences in data never reach the terminal ----
printf 'First Name,Last Name,Email\r\n"\033[31mEvil","Name\007",x@example.com\r\n' >esc.csv
"$STEWARD" import esc.steward esc.csv >/dev/null 2>&1
start 80 24 "$STEWARD" esc.steward
check "esc start" screen_wait "Steward  esc.steward"
keys / 'E' v i l Enter
check "shown escaped" screen_wait '\e[31mEvil'
keys Escape q
check "esc quits" exited
stop

# ---- masking ----
start 80 24 "$STEWARD" --mask fresh.steward
check "mask start" screen_wait "[masked]"
keys Enter
check "mask detail" screen_wait "golden"
check "emails masked" grep -qE '[a-z]\*\*\*@[a-z]\*\*\*' "$WORK/screen"
keys q
check "mask quits" exited
stop

# ---- demo: starts with the welcome and quits cleanly ----
start 80 24 "$STEWARD" demo
check "demo welcome" screen_wait "Welcome to Steward" 60
keys x
check "demo console" screen_wait "open clusters · by score"
keys q
check "demo quits" exited
stop

finish
