#!/usr/bin/env bash
# Every figure of issue 14 in one run, as one Markdown table: the reads at 1,000,000 comments
# with nginx on the same bytes (bench/first-page.sh), POST with pgbench's insert rate
# (bench/post.sh), the moderation queue on the same scale (bench/moderation-queue.sh), a burst
# through Varnish (bench/varnish.sh), reads as the data grows (bench/growth.sh) and start-up
# (bench/startup.sh). Each script's own output is kept next to the table.
# Usage: bench/all.sh [SECONDS]   (default 30 s per read scenario, 20 s for POST and the queue)
# About 50 minutes. Needs the packaged jar (./mvnw package -DskipTests); JVM flags: deploy/jvm.options.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-30}
out=$(mktemp -d)
echo "outputs in $out" >&2
"$root/bench/first-page.sh" "$seconds" 32 > "$out/first-page.txt" 2>&1
"$root/bench/post.sh" "$(( seconds * 2 / 3 ))" 32 > "$out/post.txt" 2>&1
"$root/bench/moderation-queue.sh" "$(( seconds * 2 / 3 ))" > "$out/queue.txt" 2>&1
"$root/bench/varnish.sh" "$(( seconds * 2 / 3 ))" > "$out/varnish.txt" 2>&1
"$root/bench/growth.sh" 10 32 > "$out/growth.txt" 2>&1
"$root/bench/startup.sh" 5 > "$out/startup.txt" 2>&1

read_row() { # file name -> "req/s p50 p99 ratio"
  awk -v n="$2" '$1 == n { print $3, $5, $7, $8 }' "$1"
}
row() { # scenario, today, measured, reference, target, met
  printf '| %s | %s | %s | %s | %s | %s |\n' "$@"
}
met() { # value op limit -> yes/no (values may carry ms/us)
  awk -v v="$1" -v op="$2" -v l="$3" 'function ms(x) { if (x ~ /us$/) return x / 1000; if (x ~ /ms$/) return x + 0; if (x ~ /s$/) return x * 1000; return x + 0 }
    BEGIN { a = ms(v); b = ms(l); print ((op == ">=" ? a >= b : a <= b) ? "yes" : "**no**") }'
}
fp="$out/first-page.txt"
read -r anon_rps _ anon_p99 anon_x <<<"$(read_row "$fp" anonymous)"
read -r sign_rps _ sign_p99 sign_x <<<"$(read_row "$fp" signed-in)"
read -r nginx_rps _ _ _ <<<"$(read_row "$fp" nginx)"
read -r kept_rps _ kept_p99 kept_x <<<"$(read_row "$fp" second-page,kept)"
read -r next_rps _ next_p99 next_x <<<"$(read_row "$fp" next-pages,random)"
read -r top_rps _ top_p99 top_x <<<"$(read_row "$fp" top,next-pages,random)"
read -r counts_rps _ counts_p99 counts_x <<<"$(read_row "$fp" counts,10-articles)"
read -r off_rps _ off_p99 off_x <<<"$(read_row "$fp" anonymous,page-cache-off)"
post_rps=$(awk '/^POST \/comments  / {print $4}' "$out/post.txt")
post_p99=$(awk '/^POST \/comments  / {print $8}' "$out/post.txt")
post_rss=$(awk '/^POST \/comments  / {print $10, $11}' "$out/post.txt")
keyed_rps=$(awk '/^POST \/comments with Idempotency-Key/ {print $6}' "$out/post.txt")
keyed_p99=$(awk '/^POST \/comments with Idempotency-Key/ {print $10}' "$out/post.txt")
limiter=$(sed -n 's/^limiter decisions during the run: //p' "$out/post.txt")
post_cpu=$(sed -n 's/^CPU during the run, of both cores: //p' "$out/post.txt")
pg_tps=$(awk '/^pgbench/ {printf "%.0f", $5}' "$out/post.txt")
post_ratio=$(awk -v a="$post_rps" -v b="$pg_tps" 'BEGIN { printf "%.4f", a / b }')
q_page_p99=$(awk '/^first page of pending/ {print $10}' "$out/queue.txt")
q_claim_p99=$(awk '/^claim 20 pending/ {print $9}' "$out/queue.txt")
rss=$(sed -n 's/^service RSS after the runs (cache on): \([0-9]* MiB\) (peak \([0-9]* MiB\)).*/\1, peak \2/p' "$fp")
ready=$(sed -n 's/^launch to ready: \([0-9.]*\) s on an empty database (migrations), \([0-9.]*\) s on the seeded one.*/\2 s on 1M comments (\1 s migrating an empty database)/p' "$fp")
st="$out/startup.txt"
ready_with=$(sed -n 's/^launch to ready with the class-data archive: .*(median \([0-9.]*\) s)/\1/p' "$st")
ready_without=$(sed -n 's/^launch to ready without it.*(median \([0-9.]*\) s)/\1/p' "$st")
jvm_launch=$(sed -n 's/^reference, .*(median \([0-9.]*\) s)/\1/p' "$st")
peak=$(sed -n 's/.*(peak \([0-9]*\) MiB).*/\1/p' "$fp")

echo "$(date -u +%F) $(git -C "$root" rev-parse --short HEAD); wrk -t2 -c32 on the same 2 cores; $(head -1 "$fp" | sed 's/^wrk[^;]*; //')"
echo
row scenario "today (issue 14)" measured "same-run reference" target met
row --- --- --- --- --- ---
row "anonymous first page, bench-hot" "450 req/s, p99 181 ms" "$anon_rps req/s, p99 $anon_p99" "$anon_x of nginx ($nginx_rps)" "≥ 15,000, p99 ≤ 10 ms" "$(met "$anon_rps" ">=" 15000) / $(met "$anon_p99" "<=" 10ms)"
row "signed-in first page (reader with likes)" "—" "$sign_rps req/s, p99 $sign_p99" "$sign_x of nginx" "≥ 5,000, p99 ≤ 20 ms" "$(met "$sign_rps" ">=" 5000) / $(met "$sign_p99" "<=" 20ms)"
row "next pages, 500 random cursors (rendered)" "491 req/s, p99 137 ms" "$next_rps req/s, p99 $next_p99" "$next_x of nginx" "≥ 2,500, p99 ≤ 30 ms" "$(met "$next_rps" ">=" 2500) / $(met "$next_p99" "<=" 30ms)"
row "top next pages, 500 random cursors (rendered)" "—" "$top_rps req/s, p99 $top_p99" "$top_x of nginx" "≥ 2,500, p99 ≤ 30 ms" "$(met "$top_rps" ">=" 2500) / $(met "$top_p99" "<=" 30ms)"
row "second page, kept (what a surge asks for)" "—" "$kept_rps req/s, p99 $kept_p99" "$kept_x of nginx" "—" "—"
row "counts for 10 articles" "~10,000 req/s" "$counts_rps req/s, p99 $counts_p99" "$counts_x of nginx" "≥ 20,000" "$(met "$counts_rps" ">=" 20000)"
row "anonymous first page, page cache off" "450 req/s" "$off_rps req/s, p99 $off_p99" "$off_x of nginx" "—" "—"
row "POST a comment (JWT, limiter, moderation, insert, live)" "145 req/s, p99 462 ms" "$post_rps req/s, p99 $post_p99" "$post_ratio of pgbench inserts ($pg_tps tps)" "≥ 1,500, p99 ≤ 50 ms" "$(met "$post_rps" ">=" 1500) / $(met "$post_p99" "<=" 50ms)"
row "POST as the widget sends it (with Idempotency-Key)" "—" "$keyed_rps req/s, p99 $keyed_p99" "$(awk -v a="$keyed_rps" -v b="$pg_tps" 'BEGIN { printf "%.4f", a / b }') of pgbench inserts" "—" "—"
row "where the POST run's limiter decided" "—" "$limiter" "—" "all in Redis" "$( [[ $limiter == *"local 0;"* ]] && echo yes || echo '**no**')"
row "where the POST run's CPU went" "—" "$post_cpu" "—" "—" "—"
row "moderation queue first page, 1M comments, 100,000 pending" "p99 < 20 ms at 100k" "p99 $q_page_p99" "—" "p99 < 20 ms" "$(met "$q_page_p99" "<=" 20ms)"
row "claim 20 pending, same database" "p99 < 20 ms at 100k" "p99 $q_claim_p99" "—" "p99 < 20 ms" "$(met "$q_claim_p99" "<=" 20ms)"
row "RSS through the reads (deploy/jvm.options)" "502 MB" "$rss" "—" "≤ 256 MB" "$(met "${peak:-9999}" "<=" 256)"
row "RSS after the POST run" "502 MB" "$post_rss" "—" "≤ 256 MB" "$(met "${post_rss% MiB}" "<=" 256)"
v="$out/varnish.txt"
row "burst through Varnish (128 connections), hit ratio" "—" "$(awk '/^through Varnish/ {print $4 " req/s, p99 " $6 ", hit ratio " $9}' "$v")" "Hiwar alone: $(awk '/^Hiwar alone/ {print $6}' "$v") req/s" "—" "—"
row "origin load during that burst" "—" "$(awk '/^origin during/ {print $6 " req/s (" substr($7, 2) " requests)"}' "$v")" "—" "—" "—"
row "new comment visible through Varnish (5 tries)" "—" "purge: $(sed -n 's/^  with Hiwar.s purge: *//p' "$v") s; no purge: $(sed -n 's/^  without.*: //p' "$v") s" "—" "—" "—"
row "launch to ready, median of 5 (bench/startup.sh)" "—" "$ready_with s with the class-data archive, $ready_without s without" "JVM launch $jvm_launch s: $(awk -v a="$ready_with" -v r="$jvm_launch" 'BEGIN { printf "%.0f", a / r }') ×" "≤ 3 s" "$(met "$ready_with" "<=" 3)"
row "launch to ready in the read run" "—" "$ready" "—" "≤ 3 s" "$(met "${ready%% *}" "<=" 3)"
echo
echo "Reads as the data grows (bench/growth.sh):"
echo
sed -n '/^comments/,$p' "$out/growth.txt"
