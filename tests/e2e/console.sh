# End-to-end tests of the console in a pseudo-terminal (tmux): navigate,
# accept a cluster, reject one, edit a field, undo, quit, at 80x24 and after a
# resize; then the workspace is checked with sqlite3 (the audit entries).
# Also: the demo starts and quits cleanly.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/tmux.sh"

# Fixture: a generated export, imported, standardized and matched.
"$STEWARD" sample --out c.csv --rows 300 --seed 3 >/dev/null 2>&1
"$STEWARD" import c.steward c.csv >/dev/null 2>&1
"$STEWARD" standardize c.steward >/dev/null 2>&1
"$STEWARD" match c.steward >/dev/null 2>&1
check "fixture has clusters" [ "$(sql c.steward 'select count(*) from cluster')" -gt 2 ]
check "fixture has findings" [ "$(sql c.steward 'select count(*) from finding')" -gt 0 ]
cp c.steward fresh.steward
# steward profile keeps its figures for the console's dashboard.
"$STEWARD" profile fresh.steward >/dev/null 2>&1
check "profile keeps the dashboard figures" \
	[ "$(sql fresh.steward "select count(*) from meta where key='console_quality'")" = 1 ]

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

# ---- M: match again from the dashboard ----
cp fresh.steward m.steward
before=$(sql m.steward "select group_concat(record_id) from (select record_id from cluster_member order by 1)")
start 80 24 "$STEWARD" m.steward
check "match start" screen_wait "Steward  m.steward"
keys 1 M
check "match message" screen_wait "matched: "
keys q
check "match quits" exited
stop
check "same clusters after matching again" \
	[ "$(sql m.steward "select group_concat(record_id) from (select record_id from cluster_member order by 1)")" = "$before" ]

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

# ---- demo: the welcome, the panes, the same clusters as the command line ----
SAMPLE=${SOURCE_ROOT:?}/sample-db
sample_sum() { cat "$SAMPLE/contacts.csv" "$SAMPLE/companies.csv" | sha256sum; }
sum_before=$(sample_sum)
mkdir demo-tmp
start 80 24 TMPDIR="$WORK/demo-tmp" "$STEWARD" demo --keep
check "demo welcome" screen_wait "Welcome to Steward" 120
check "welcome explains the panes" grep -qF "2 Duplicates  clusters of likely duplicates" "$WORK/screen"
check "welcome names the incomplete pane" grep -qF "3 Incomplete" "$WORK/screen"
check "welcome says where the data is from" grep -qF "contacts.csv and companies.csv from" "$WORK/screen"
check "welcome in 80 columns" [ "$(LC_ALL=C.UTF-8 wc -L <"$WORK/screen")" -le 80 ]
keys x
check "demo console" screen_wait "open clusters · by score"
shown=$(sed -n 's/.*│ \([0-9]*\) open clusters │.*/\1/p' "$WORK/screen" | head -1)
keys 1
check "demo dashboard: quality score" screen_wait "overall score, of 100"
check "demo dashboard: both entities" grep -qF "Companies: 500 records" "$WORK/screen"
keys q
check "demo quits" exited
stop
check "sample files untouched" [ "$(sample_sum)" = "$sum_before" ]
demo_ws=$(ls -d "$WORK"/demo-tmp/steward-demo.*/demo.steward | head -1)
open_clusters() { "$STEWARD" clusters "$1" --status open --csv | tail -n +2 | cut -d, -f1 | sort -u | wc -l; }
check "demo shows the open clusters of its workspace" [ "$shown" = "$(open_clusters "$demo_ws")" ]
# The same data through the commands gives the same clusters.
cp "$SAMPLE/contacts.csv" "$SAMPLE/companies.csv" .
"$STEWARD" import cmd.steward contacts.csv companies.csv >/dev/null 2>&1
"$STEWARD" standardize cmd.steward >/dev/null 2>&1
"$STEWARD" match cmd.steward >/dev/null 2>&1
check "demo clusters = command-line clusters" [ "$shown" = "$(open_clusters cmd.steward)" ]
# The clusters the README's tour walks through.
"$STEWARD" clusters "$demo_ws" --csv >tour.csv
in_cluster() { # in_cluster CLUSTER ID...: each external id is in the cluster
	local c=$1 id
	shift
	for id in "$@"; do grep -q "^$c,.*,003p600000$id," tour.csv || return 1; done
}
check "tour: cluster 8 is the four Thompsons" in_cluster 8 AIlzZAAT AImD9AAL AImhVAAT AIoJVAA1
check "tour: Nicholas Bowen apart" in_cluster 25 AIm72AAD AIq0JAAT
check "tour: Barbara Bowen apart" in_cluster 26 AIm7KAAT AIscdAAD
check "tour: cluster 195 is the two Annas" in_cluster 195 AIoQJAA1 AIpaeAAD
# Without sample-db the demo generates the same contacts, and says so.
start 80 24 STEWARD_SAMPLE_DIR="$WORK/nowhere" TMPDIR="$WORK/demo-tmp" "$STEWARD" demo
check "demo fallback says so" screen_wait "sample-db/ was not found" 120
keys x
check "fallback console" screen_wait "2000 records"
keys q
check "fallback quits" exited
stop
check "demo records = command-line records" \
	[ "$(sql "$demo_ws" "select count(*) from rec")" = "$(sql cmd.steward "select count(*) from rec")" ]

finish
