#!/usr/bin/env bash
# CPU seconds (user + system, the process and its children) of the ways to refresh or check the
# example's template once nothing needs building: the median of RUNS runs (default 5) after one
# warm-up run each.
#
#   benchmarks/measure-synth.sh
#   RUNS=9 benchmarks/measure-synth.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-5}
app=examples/WordPress/bin/Debug/net10.0/WordPress
dotnet build examples/WordPress -v:q -nologo > /dev/null
times=$(mktemp)
trap 'rm -f "$times"' EXIT

measure() {
  local name=$1; shift
  "$@" > /dev/null 2>&1
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%U %S %e' -o "$times" "$@" > /dev/null 2>&1
    cat "$times"
  done | awk '{print $1 + $2, $3}' | sort -n | awk -v name="$name" -v runs="$runs" '
    {cpu[NR] = $1; wall[NR] = $2}
    END {printf "%-52s %6.2f s CPU  (%.2f s wall)\n", name, cpu[int((runs + 1) / 2)], wall[int((runs + 1) / 2)]}'
}

echo "median of $runs runs: CPU seconds (user + system), wall seconds of that run"
measure "dotnet run --project examples/WordPress -- synth" dotnet run --project examples/WordPress -- synth
measure "dotnet build examples/WordPress -p:TopologyDslSynth=write" dotnet build examples/WordPress -p:TopologyDslSynth=write
measure "dotnet build examples/WordPress -p:TopologyDslSynth=check" dotnet build examples/WordPress -p:TopologyDslSynth=check
measure "dotnet build examples/WordPress" dotnet build examples/WordPress
measure "$app synth" "$app" synth
measure "$app synth --check" "$app" synth --check
