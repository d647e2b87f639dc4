#!/usr/bin/env bash
# bench/peer: Sagaboard side by side with the bpmn-js Modeler on the same generated graph, in the
# same headless Chromium, with the same viewport path and timing code, runs interleaved
# (bpmn-js, Sagaboard, bpmn-js, ...). The shared harness (peer-bench/bpmn-bench: bench-core.js,
# measure.mjs, gen-diagram.mjs) is used unchanged; this folder owns the Sagaboard side: the page
# (peer.html + peer-entry.ts, built with vite.peer.config.ts), the graph's mapping to a design
# (to-sagaboard.mjs) and the table (summarize.mjs).
#
#   npm run bench:peer [-- N ...]      default: 1000 2000;  REPS=3 ZOOM=0.5 by default
#
# OPENS=N instead times opening only, N interleaved opens per size in fresh contexts (opens.mjs):
# the opening figures move by tens of ms with the load, so they need more runs than REPS gives.
# Env: REPS, ZOOM, OPENS, PEER_BENCH (the shared harness, default ../shared/peer-bench from the project
# root), PEER_WORK (default /tmp/sagaboard-peer-work: builds, logs, raw results), BPMN_BENCH_WORK
# (default /tmp/bpmn-bench-work, bpmn-js' install), CHROMIUM (default /usr/bin/chromium).
# Prints the side-by-side table (medians over reps, [min..max], ratio sagaboard / bpmn-js) and the
# load average before and after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/peer"
PEER_BENCH="${PEER_BENCH:-$ROOT/../shared/peer-bench}"
export PEER_BENCH="$(cd "$PEER_BENCH" 2>/dev/null && pwd || echo "$PEER_BENCH")"
BPMN="$PEER_BENCH/bpmn-bench"
[ -f "$BPMN/measure.mjs" ] || { echo "bench:peer: the shared harness is not at $BPMN (set PEER_BENCH)" >&2; exit 2; }
REPS="${REPS:-3}"
ZOOM="${ZOOM:-0.5}"
WORK="${PEER_WORK:-/tmp/sagaboard-peer-work}"
BWORK="${BPMN_BENCH_WORK:-/tmp/bpmn-bench-work}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
[ $# -ge 1 ] || set -- 1000 2000
for n in "$@"; do [[ "$n" =~ ^[0-9]+$ ]] || { echo "bench:peer: N must be an integer, got '$n'" >&2; exit 2; }; done
mkdir -p "$WORK" "$BWORK"

# 1. bpmn-js: the steps of the harness' own run.sh (sources, install once, esbuild bundle, page)
cp "$BPMN/package.json" "$BPMN/gen-diagram.mjs" "$BPMN/measure.mjs" "$BWORK/"
rm -rf "$BWORK/src" && cp -r "$BPMN/src" "$BWORK/src"
stamp="$BWORK/node_modules/.bench-package-sha256"
want="$(sha256sum "$BWORK/package.json" | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  (cd "$BWORK" && npm install --no-audit --no-fund --loglevel=error >&2)
  echo "$want" > "$stamp"
fi
BDIST="$WORK/dist-bpmn"
rm -rf "$BDIST" && mkdir -p "$BDIST/diagrams"
"$BWORK/node_modules/.bin/esbuild" "$BWORK/src/bpmn-page.js" --bundle --minify --format=esm --target=es2022 \
  --outdir="$BDIST" --asset-names='assets/[name]-[hash]' \
  --loader:.woff=file --loader:.woff2=file --loader:.ttf=file --loader:.eot=file --loader:.svg=file \
  '--define:process.env.NODE_ENV="production"' --log-level=warning
cp "$BWORK/src/index.html" "$BDIST/"

# 2. Sagaboard: the production build with the benchmark page (bench/peer/peer.html)
SDIST="$WORK/dist-sagaboard"
(cd "$ROOT" && npx vite build -c bench/peer/vite.peer.config.ts --outDir "$SDIST" --emptyOutDir --logLevel error)
# measure.mjs reads diagrams/ next to the page: the page goes to the root (its assets are absolute).
mv "$SDIST/bench/peer/peer.html" "$SDIST/peer.html"
if [ -n "${NAMES:-}" ]; then # unminified twin, for profiles with readable function names
  (cd "$ROOT" && npx vite build -c bench/peer/vite.peer.config.ts --outDir "$WORK/dist-sagaboard-names" --emptyOutDir --minify false --logLevel error)
  mv "$WORK/dist-sagaboard-names/bench/peer/peer.html" "$WORK/dist-sagaboard-names/peer.html"
fi

# 3. the same diagrams for both: gen-diagram's BPMN + JSON, and the JSON as a Sagaboard design
for n in "$@"; do
  node "$BWORK/gen-diagram.mjs" "$n" --out "$BDIST/diagrams"
  mkdir -p "$SDIST/diagrams"
  cp "$BDIST/diagrams/diagram-$n.json" "$SDIST/diagrams/"
  node "$HERE/to-sagaboard.mjs" "$BDIST/diagrams/diagram-$n.json" > "$SDIST/diagrams/diagram-$n.sagaboard.json"
  if [ -d "$WORK/dist-sagaboard-names" ]; then cp -r "$SDIST/diagrams" "$WORK/dist-sagaboard-names/"; fi
done

# 4. serve both on loopback; the servers stop by PID on every exit path
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
BPORT="$(free_port)"; SPORT="$(free_port)"
python3 -m http.server "$BPORT" --bind 127.0.0.1 --directory "$BDIST" > "$WORK/server-bpmn.log" 2>&1 & BPID=$!
python3 -m http.server "$SPORT" --bind 127.0.0.1 --directory "$SDIST" > "$WORK/server-sagaboard.log" 2>&1 & SPID=$!
trap 'kill "$BPID" "$SPID" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for port in "$BPORT" "$SPORT"; do
  for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break; sleep 0.2; done
done

# 5. measure, interleaved: A, B, A, B, ...
SIZES="$(IFS=,; echo "$*")"
if [ -n "${OPENS:-}" ]; then
  echo "bench:peer: opening only, $OPENS interleaved opens per size; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  node "$HERE/opens.mjs" --opens "$OPENS" --sizes "$SIZES" --zoom "$ZOOM" --bpmn "http://127.0.0.1:$BPORT/index.html" --sagaboard "http://127.0.0.1:$SPORT/peer.html"
  echo "bench:peer: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi
RAW="$WORK/results-$(date +%Y%m%d-%H%M%S).jsonl"
echo "bench:peer: chromium $(${CHROMIUM:-/usr/bin/chromium} --version 2>/dev/null || true); sizes $SIZES; reps $REPS; zoom $ZOOM; raw $RAW"
echo "bench:peer: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for rep in $(seq 1 "$REPS"); do
  node "$BWORK/measure.mjs" --url "http://127.0.0.1:$BPORT/index.html" --name bpmn-js --sizes "$SIZES" --reps 1 --zoom "$ZOOM" --raw "$RAW" > /dev/null
  node "$BWORK/measure.mjs" --url "http://127.0.0.1:$SPORT/peer.html" --name sagaboard --sizes "$SIZES" --reps 1 --zoom "$ZOOM" --raw "$RAW" > /dev/null
  echo "bench:peer: rep $rep/$REPS done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
node "$HERE/summarize.mjs" "$RAW"
