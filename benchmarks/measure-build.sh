#!/usr/bin/env bash
# The build-time share of TopologyDsl's generator and analyzer, on synthetic projects of about 100,
# 1,000 and 10,000 CloudFormation resources, laid out in stacks of at most 499 resources and all in
# one stack. Each project is built once to restore and build its dependencies, then:
#   - rebuilt alone RUNS times (default 3, medians reported) as users build it, with
#     -p:ReportAnalyzer=true, so that csc reports the time of each generator and analyzer;
#   - its compiler command line, taken from that build's log, run alone ROUNDS times (default 9) in
#     three forms that alternate: as built; with every TDSL diagnostic set to none in a global
#     analyzer config, which makes the compiler skip the analyzer (the generator still runs: the code
#     needs it); and without TopologyDsl, neither generator nor analyzer, the code the generator wrote
#     compiled as ordinary source instead. The compiler then builds the same program in all three, so
#     the medians of the paired differences in CPU seconds are what the analyzer, the generator and
#     both together really add. Then the first and third forms once more, listing the methods the JIT
#     compiles (DOTNET_JitStdOutFile): those compiled with TopologyDsl and not without it are the ones a
#     fresh compiler compiles for it on every build (the `jit` column), load-independent where times are not.
# csc's figure for a generator or analyzer is wall-clock time per callback, so it also counts work the
# compiler needs anyway and time spent waiting for a core: the first caller of GetAttributes() on a
# record binds its attributes, which the compiler would bind for emit, and the first semantic question
# about a compilation (the generator's, on [Stack]) loads the metadata of every referenced assembly,
# which the compiler would load to compile. The compiler is run alone for the real costs because a
# whole `dotnet build` varies by more than they are (MSBuild's own work, its nodes). One caveat: the
# generator too reads the severities (an error the project silenced does not stop its template), so in
# a stack over the 500-resource quota the second form also generates the whole template; read ana_real
# only for the split layout.
#
# With PROBES=1, each project's compiler command line is also run ROUNDS times without TopologyDsl but with
# benchmarks/TopologyDsl.Probes, a generator that finds the [Stack] classes from syntax and asks the
# compiler one question about them, of increasing depth (syntax, declarations, references, declared,
# lookup, attributes; see FirstQuestionProbe.cs), alternating with the form as built: the medians of
# csc's figure for the probe, beside TopologyDsl's generator's, show how much of the latter any
# generator that asks that question pays, whatever it then does.
#
# The generator is the one the package ships: built in Release and, on a linux-x64 machine, its
# ReadyToRun image (READYTORUN=0 measures the plain assembly instead).
#
#   benchmarks/measure-build.sh                 # 100 1000 10000
#   benchmarks/measure-build.sh 1000            # one size
#   KEEP=1 benchmarks/measure-build.sh 100      # keep the generated projects (their folder is printed)
#   RUNS=5 benchmarks/measure-build.sh 1000     # more rebuilds
#   ROUNDS=15 benchmarks/measure-build.sh 1000  # more rounds of the compiler alone
#   SERVER=1 benchmarks/measure-build.sh 1000   # through the compiler server, as `dotnet build` does by default
#   READYTORUN=0 benchmarks/measure-build.sh 1000  # the generator's plain assembly, JIT-compiled by each compiler
#   PROBES=1 benchmarks/measure-build.sh 1000   # also what the compiler charges a generator for its first question
#
# Without SERVER, every build starts a fresh compiler (UseSharedCompilation=false), as CI with the
# server off does: the compiler's time then includes its start-up and the JIT compilation of every
# analyzer and generator, ours included. With SERVER=1 the server is started by a first build and
# reused, as on a developer's machine; its CPU is then not a child of the build, so only csc's
# figures and the wall time are printed, and the compiler is not run alone.
#
# The topology is the benchmarks' (TopologyBenchmarks.Source): /28 subnets in /16 VPCs, an internet
# gateway and one route table per VPC associated with every subnet, an instance in every tenth subnet.
# A stack over the quota reports TDSL302, an error; the projects lower it to a warning in a global
# analyzer config so that the build completes and its time can be read.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
work="$(mktemp -d)"
if [ -n "${KEEP:-}" ]; then echo "projects in $work"; else trap 'rm -rf "$work"' EXIT; fi

per_deployable_stack=235   # 235 subnets: 499 resources

# topology SUBNETS PER_STACK: the C# of the stacks.
topology() {
  local subnets=$1 per=$2 stacks k first count name vpcs v s index octet vpc_base=0 line
  [ "$per" -gt "$subnets" ] && per=$subnets
  stacks=$(( (subnets + per - 1) / per ))
  printf 'using TopologyDsl;\nnamespace Bench;\n'
  for ((k = 0; k < stacks; k++)); do
    first=$((k * per)); count=$((subnets - first)); [ "$count" -gt "$per" ] && count=$per
    if [ "$stacks" -eq 1 ]; then name=Bench; else name="Bench$k"; fi
    printf '[Stack("%s")]\npublic static partial class %s\n{\n' "${name,,}" "$name"
    vpcs=$(( (count + 4095) / 4096 ))
    for ((v = 0; v < vpcs; v++)); do
      octet=$(( (vpc_base + v) % 256 ))
      printf '    [Vpc("10.%d.0.0/16")] public partial record Vpc%d;\n' "$octet" "$v"
      printf '    [InternetGateway<Vpc%d>] public partial record Igw%d;\n' "$v" "$v"
      line="    [RouteTable<Vpc$v>, Route<Igw$v>(\"0.0.0.0/0\")"
      for ((s = v * 4096; s < count && s < (v + 1) * 4096; s++)); do line+=", Associate<S$s>"; done
      printf '%s] public partial record Routes%d;\n' "$line" "$v"
    done
    for ((s = 0; s < count; s++)); do
      index=$((s % 4096)); octet=$(( (vpc_base + s / 4096) % 256 ))
      printf '    [Subnet<Vpc%d>("10.%d.%d.%d/28")] public partial record S%d;\n' $((s / 4096)) "$octet" $((index / 16)) $((index % 16 * 16)) "$s"
      if ((s % 10 == 0)); then
        printf '    [Instance<S%d>("10.%d.%d.%d", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro")] public partial record I%d;\n' \
          "$s" "$octet" $((index / 16)) $((index % 16 * 16 + 4)) "$s"
      fi
    done
    vpc_base=$((vpc_base + vpcs))
    printf '}\n'
  done
}

# project DIR SUBNETS PER_STACK: a library project that uses TopologyDsl as the examples do.
project() {
  mkdir -p "$1"
  cat > "$1/Bench.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
  </PropertyGroup>
  <PropertyGroup>
    <TopologyDslReadyToRunDirectory>$repo/generators/TopologyDsl.Generators/bin/Release/netstandard2.0/readytorun/</TopologyDslReadyToRunDirectory>
  </PropertyGroup>
  <Import Project="$repo/src/TopologyDsl/build/TopologyDsl.targets" />
  <ItemGroup>
    <ProjectReference Include="$repo/src/TopologyDsl/TopologyDsl.csproj" />
    <ProjectReference Include="$repo/generators/TopologyDsl.Generators/TopologyDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
    <!-- What the generator wrote, kept for the compiler's form without TopologyDsl: not part of the project. -->
    <Compile Remove="pregenerated/**" />
    <!-- analyzer-off.globalconfig replaces it for the compiler's form without the analyzer: two global
         configs that set one key cancel it out, and the analyzer-off one sets TDSL302 too. -->
    <GlobalAnalyzerConfigFiles Include="quota.globalconfig" />
  </ItemGroup>
</Project>
EOF
  printf 'is_global = true\ndotnet_diagnostic.TDSL302.severity = warning\n' > "$1/quota.globalconfig"
  { echo 'is_global = true'; grep -hoE '^TDSL[0-9]+' "$repo"/generators/TopologyDsl.Generators/AnalyzerReleases.*.md | sort -u |
      sed 's/.*/dotnet_diagnostic.&.severity = none/'; } > "$1/analyzer-off.globalconfig"
  topology "$2" "$3" > "$1/Topology.cs"
}

# seconds LOG PATTERN: the number after the pattern (csc's report) or 0.
seconds() { grep -m1 -oE "$2 [0-9.]+" "$1" | grep -oE '[0-9.]+$' || echo 0; }

# median: the middle of the numbers on stdin.
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# first_compiled FILE: the methods a DOTNET_JitStdOutFile list shows compiled for their first call (not
# recompiled hot, Tier1), one per line, without sizes.
first_compiled() { grep -E 'Tier0|MinOpts|FullOpts' "$1" | grep -v 'Tier1' | sed -E 's/^ *[0-9]+: JIT compiled //; s/ \[[^]]*\]$//' | sort -u; }

# rebuild DIR LOG [properties]: rebuild the project alone; prints "wall cpu" (CPU of every process of the build).
rebuild() {
  local dir=$1 log=$2; shift 2
  /usr/bin/time -f '%e %U %S' -o "$log.time" dotnet build "$dir" --no-restore --no-dependencies --no-incremental -v:d -nologo \
    -clp:PerformanceSummary -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true "${build_args[@]}" "$@" > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$log.time"
}

build_args=(-p:UseSharedCompilation=false)
[ -n "${SERVER:-}" ] && build_args=(-p:UseSharedCompilation=true)
[ "${READYTORUN:-1}" = 0 ] && build_args+=(-p:TopologyDslReadyToRun=false)
# The image the package targets pick for this machine: the portable runtime identifier of its OS and
# processor (linux-x64 here; a distribution's SDK may call itself ubuntu.24.04-x64, the targets do not).
case "$(uname -s)" in Darwin) host_os=osx ;; *) host_os=linux ;; esac
case "$(uname -m)" in aarch64 | arm64) host_rid=$host_os-arm64 ;; *) host_rid=$host_os-x64 ;; esac
runs=${RUNS:-3}
rounds=${ROUNDS:-9}
probe_modes=(syntax declarations references declared lookup attributes)
if [ -n "${PROBES:-}" ]; then
  dotnet build "$repo/benchmarks/TopologyDsl.Probes" -c Release -v:q -nologo > "$work/probes-build.log" 2>&1 || { cat "$work/probes-build.log"; exit 1; }
  probe_dll="$repo/benchmarks/TopologyDsl.Probes/bin/Release/netstandard2.0/TopologyDsl.Probes.dll"
  probe_table=""
fi

printf '%-9s %-6s %6s %7s %7s %6s %8s %8s %8s %8s %8s %9s %9s %10s %5s\n' resources layout stacks build_s build_cpu csc_s tdsl_gen ana_rep sdk_ana gen_real ana_real tdsl_real share_rep share_real jit
for resources in "${sizes[@]}"; do
  subnets=$(( (resources - 5) * 10 / 21 ))
  for layout in split one; do
    per=$per_deployable_stack; [ "$layout" = one ] && per=$subnets
    [ "$layout" = one ] && [ "$subnets" -le "$per_deployable_stack" ] && continue   # one stack either way
    dir="$work/r$resources-$layout"
    project "$dir" "$subnets" "$per"
    stacks=$(grep -c '^\[Stack' "$dir/Topology.cs")
    dotnet build "$dir" -v:q -nologo "${build_args[@]}" > "$dir/first.log" 2>&1 || { cat "$dir/first.log"; exit 1; }
    : > "$dir/full.tsv"
    for ((run = 0; run < runs; run++)); do
      read -r wall cpu < <(rebuild "$dir" "$dir/build.log")
      # The compiler got the generator this run means to measure.
      if [ "${READYTORUN:-1}" = 0 ] || [ ! -f "$repo/generators/TopologyDsl.Generators/bin/Release/netstandard2.0/readytorun/$host_rid/TopologyDsl.Generators.dll" ]; then
        ! grep -q '/readytorun/' "$dir/build.log" || { echo "the compiler got the ReadyToRun image in $dir/build.log" >&2; exit 1; }
      else
        grep -q '/readytorun/' "$dir/build.log" || { echo "the compiler did not get the ReadyToRun image in $dir/build.log" >&2; exit 1; }
      fi
      csc=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$dir/build.log" | awk '{print $1/1000}' | head -1)
      gen=$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyGenerator' "$dir/build.log" | awk '{print $1}' | tr -d '<' | head -1)
      ana=$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyAnalyzer' "$dir/build.log" | awk '{print $1}' | tr -d '<' | head -1)
      all=$(seconds "$dir/build.log" 'Total analyzer execution time:')
      printf '%s %s %s %s %s %s\n' "$wall" "$cpu" "$csc" "${gen:-0}" "${ana:-0}" "$(echo "$all - ${ana:-0}" | bc)" >> "$dir/full.tsv"
    done
    col() { awk -v c="$2" '{print $c}' "$1" | median; }
    build=$(col "$dir/full.tsv" 1); build_cpu=$(col "$dir/full.tsv" 2); csc=$(col "$dir/full.tsv" 3)
    gen=$(col "$dir/full.tsv" 4); ana=$(col "$dir/full.tsv" 5); sdk=$(col "$dir/full.tsv" 6)
    share_rep=$(echo "scale=1; 100 * ($gen + $ana) / $build" | bc)%
    gen_real=-; ana_real=-; tdsl_real=-; share_real=-; jit=-
    if [ -z "${SERVER:-}" ]; then
      # The compiler alone: its command line from the last build's log, as a response file per form.
      line=$(grep -m1 -E '/Roslyn/bincore/csc(\.dll)?"? /noconfig' "$dir/build.log") || { echo "no compiler command line in $dir/build.log" >&2; exit 1; }
      prefix=${line%% /noconfig*}; prefix=${prefix//\"/}
      read -ra compiler <<< "$prefix"
      printf '%s\n' "/noconfig ${line#* /noconfig }" > "$dir/full.rsp"
      sed 's#/analyzerconfig:quota.globalconfig#/analyzerconfig:analyzer-off.globalconfig#' "$dir/full.rsp" > "$dir/off.rsp"
      rm -rf "$dir/pregenerated"; mkdir -p "$dir/pregenerated"
      cp "$dir"/obj/Debug/net10.0/generated/TopologyDsl.Generators/TopologyDsl.Generators.TopologyGenerator/*.cs "$dir/pregenerated/"
      { sed -E 's#/analyzer:[^ ]*TopologyDsl\.Generators\.dll##' "$dir/full.rsp"; printf '%s\n' "$dir"/pregenerated/*.cs; } > "$dir/none.rsp"
      if ! grep -q 'analyzer-off.globalconfig' "$dir/off.rsp" || grep -q 'TopologyDsl\.Generators\.dll' "$dir/none.rsp"; then
        echo "could not write the compiler's three forms in $dir" >&2; exit 1
      fi
      : > "$dir/rounds.tsv"
      for ((round = 0; round < rounds; round++)); do
        for form in full off none; do
          (cd "$dir" && /usr/bin/time -f '%U %S' -o "$dir/$form.time" "${compiler[@]}" "@$dir/$form.rsp" > "$dir/$form.out" 2>&1) || { tail -20 "$dir/$form.out"; exit 1; }
        done
        # The analyzer must really be off, and TopologyDsl absent, where the form says so.
        ! grep -qE '^ +[0-9.]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyAnalyzer' "$dir/off.out" || { echo "the analyzer still ran in $dir/off.out" >&2; exit 1; }
        ! grep -q 'TopologyDsl\.Generators' "$dir/none.out" || { echo "TopologyDsl still ran in $dir/none.out" >&2; exit 1; }
        printf '%s %s %s\n' "$(awk '{print $1 + $2}' "$dir/full.time")" "$(awk '{print $1 + $2}' "$dir/off.time")" "$(awk '{print $1 + $2}' "$dir/none.time")" >> "$dir/rounds.tsv"
      done
      # Methods the JIT compiled for TopologyDsl: compiled at their first call (not precompiled in a
      # ReadyToRun image) with TopologyDsl and not without it. Each costs a fresh compiler time on every build.
      for form in full none; do
        rm -f "$dir/$form.jit"
        (cd "$dir" && DOTNET_JitStdOutFile="$dir/$form.jit" DOTNET_JitDisasmSummary=1 "${compiler[@]}" "@$dir/$form.rsp" > /dev/null 2>&1) || { echo "the compiler failed in $dir ($form, JIT list)" >&2; exit 1; }
      done
      jit=$(comm -23 <(first_compiled "$dir/full.jit") <(first_compiled "$dir/none.jit") | wc -l)
      if [ -n "${PROBES:-}" ]; then
        : > "$dir/probes.tsv"
        for mode in "${probe_modes[@]}"; do
          printf 'is_global = true\ntopologydsl_probe = %s\n' "$mode" > "$dir/probe-$mode.globalconfig"
          { cat "$dir/none.rsp"; printf '/analyzer:%s\n/analyzerconfig:%s\n' "$probe_dll" "$dir/probe-$mode.globalconfig"; } > "$dir/probe-$mode.rsp"
        done
        for ((round = 0; round < rounds; round++)); do
          (cd "$dir" && "${compiler[@]}" "@$dir/full.rsp" > "$dir/probe-full.out" 2>&1) || { tail -20 "$dir/probe-full.out"; exit 1; }
          printf 'generator %s\n' "$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyGenerator' "$dir/probe-full.out" | awk '{print $1}' | tr -d '<')" >> "$dir/probes.tsv"
          for mode in "${probe_modes[@]}"; do
            (cd "$dir" && "${compiler[@]}" "@$dir/probe-$mode.rsp" > "$dir/probe-$mode.out" 2>&1) || { tail -20 "$dir/probe-$mode.out"; exit 1; }
            grep -qE '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Probes\.FirstQuestionProbe' "$dir/probe-$mode.out" || { echo "the probe did not run in $dir/probe-$mode.out" >&2; exit 1; }
            printf '%s %s\n' "$mode" "$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Probes\.FirstQuestionProbe' "$dir/probe-$mode.out" | awk '{print $1}' | tr -d '<')" >> "$dir/probes.tsv"
          done
        done
        probe_row=$(printf '%-9s %-6s' "$resources" "$layout")
        for mode in generator "${probe_modes[@]}"; do
          probe_row+=$(printf ' %10.3f' "$(awk -v m="$mode" '$1 == m && $2 != "" {print $2}' "$dir/probes.tsv" | median)")
        done
        probe_table+="$probe_row"$'\n'
      fi
      ana_real=$(awk '{print $1 - $2}' "$dir/rounds.tsv" | median)
      gen_real=$(awk '{print $2 - $3}' "$dir/rounds.tsv" | median)
      tdsl_real=$(awk '{print $1 - $3}' "$dir/rounds.tsv" | median)
      share_real=$(echo "scale=1; 100 * $tdsl_real / $build_cpu" | bc)%
      ana_real=$(printf '%.2f' "$ana_real"); gen_real=$(printf '%.2f' "$gen_real"); tdsl_real=$(printf '%.2f' "$tdsl_real")
    fi
    printf '%-9s %-6s %6s %7.2f %7.2f %6.2f %8.3f %8.3f %8.3f %8s %8s %9s %9s %10s %5s\n' "$resources" "$layout" "$stacks" "$build" "$build_cpu" "$csc" "$gen" "$ana" "$sdk" "$gen_real" "$ana_real" "$tdsl_real" "$share_rep" "$share_real" "$jit"
  done
done
echo "Medians of $runs rebuilds and of $rounds rounds of the compiler alone. build_s/build_cpu: wall and CPU seconds of the"
echo "rebuild; csc_s: the Csc task; tdsl_gen/ana_rep: TopologyDsl's generator and analyzer as csc reports them"
echo "(-reportanalyzer); sdk_ana: every other analyzer; gen_real/ana_real/tdsl_real: CPU seconds the generator, the analyzer"
echo "and both add to the compiler run alone (medians of paired differences; can be negative in noise);"
echo "share_rep: (tdsl_gen + ana_rep) / build_s, as the issue measured it; share_real: tdsl_real / build_cpu;"
echo "jit: methods the JIT compiled at their first call with TopologyDsl and not without it (one run of each form)."
echo "The generator's figure is wall time: on a busy machine it includes waiting for a core, so measure on a quiet one."
if [ -n "${PROBES:-}" ] && [ -n "$probe_table" ]; then
  echo
  printf '%-9s %-6s' resources layout; printf ' %10s' generator "${probe_modes[@]}"; echo
  printf '%s' "$probe_table"
  echo "Medians of $rounds rounds, alternating, in seconds as csc reports them: TopologyDsl's generator (generator), and the"
  echo "probe generator asking only the question named, with the generator's code compiled as ordinary source."
fi
