#!/usr/bin/env bash
# The build-time share of TopologyDsl's generator and analyzer, on synthetic projects of about 100,
# 1,000 and 10,000 CloudFormation resources, laid out in stacks of at most 499 resources and all in
# one stack. Each project is built once to restore and build its dependencies, then rebuilt alone,
# RUNS times (default 3, medians reported), in three forms that alternate:
#   - full: as users build it, with -p:ReportAnalyzer=true, so that csc reports the time of each
#     generator and analyzer;
#   - generator only: the same with every TDSL diagnostic set to none in a global analyzer config,
#     which makes the compiler skip the analyzer altogether (the generator still runs: the code needs it);
#   - without TopologyDsl: neither generator nor analyzer, the code the generator wrote in the full
#     form compiled as ordinary source instead. The compiler then builds the same program, so the
#     difference in CPU seconds from the full form is everything TopologyDsl adds to the build.
# csc's figure for a generator or analyzer is wall-clock time per callback, so it also counts work the
# compiler needs anyway and time spent waiting for a core: the first caller of GetAttributes() on a
# record binds its attributes, which the compiler would bind for emit, and the first semantic question
# about a compilation (the generator's, on [Stack]) loads the metadata of every referenced assembly,
# which the compiler would load to compile. The CPU differences between the forms are the real costs;
# the script prints both kinds. One caveat: the generator too reads the severities (an error the
# project silenced does not stop its template), so in a stack over the 500-resource quota the second
# form also generates the whole template; read ana_cpu only for the split layout.
#
# The generator is the one the package ships: built in Release and, on a linux-x64 machine, its
# ReadyToRun image (READYTORUN=0 measures the plain assembly instead).
#
#   benchmarks/measure-build.sh                 # 100 1000 10000
#   benchmarks/measure-build.sh 1000            # one size
#   KEEP=1 benchmarks/measure-build.sh 100      # keep the generated projects (their folder is printed)
#   RUNS=5 benchmarks/measure-build.sh 1000     # more rebuilds per form
#   SERVER=1 benchmarks/measure-build.sh 1000   # through the compiler server, as `dotnet build` does by default
#   READYTORUN=0 benchmarks/measure-build.sh 1000  # the generator's plain assembly, JIT-compiled by each compiler
#
# Without SERVER, every build starts a fresh compiler (UseSharedCompilation=false), as CI with the
# server off does: the compiler's time then includes its start-up and the JIT compilation of every
# analyzer and generator, ours included. With SERVER=1 the server is started by a first build and
# reused, as on a developer's machine; its CPU is then not a child of the build, so only csc's
# figures and the wall time are printed.
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
    <ProjectReference Include="$repo/generators/TopologyDsl.Generators/TopologyDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release"
                      Condition="'\$(TopologyDslOff)' != 'true'" />
    <!-- Without TopologyDsl: what the generator wrote in a full build, compiled as ordinary source. -->
    <Compile Remove="pregenerated/**" />
    <Compile Include="pregenerated/*.cs" Condition="'\$(TopologyDslOff)' == 'true'" />
    <!-- Two global configs that set one key cancel it out, so the analyzer-off config (TDSL302 included) replaces the quota one. -->
    <GlobalAnalyzerConfigFiles Include="quota.globalconfig" Condition="'\$(TopologyDslAnalyzerOff)' != 'true'" />
    <GlobalAnalyzerConfigFiles Include="analyzer-off.globalconfig" Condition="'\$(TopologyDslAnalyzerOff)' == 'true'" />
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
runs=${RUNS:-3}

printf '%-9s %-6s %6s %7s %7s %6s %8s %8s %8s %8s %8s %9s %10s\n' resources layout stacks build_s build_cpu csc_s tdsl_gen ana_rep sdk_ana ana_cpu tdsl_cpu share_rep share_real
for resources in "${sizes[@]}"; do
  subnets=$(( (resources - 5) * 10 / 21 ))
  for layout in split one; do
    per=$per_deployable_stack; [ "$layout" = one ] && per=$subnets
    [ "$layout" = one ] && [ "$subnets" -le "$per_deployable_stack" ] && continue   # one stack either way
    dir="$work/r$resources-$layout"
    project "$dir" "$subnets" "$per"
    stacks=$(grep -c '^\[Stack' "$dir/Topology.cs")
    dotnet build "$dir" -v:q -nologo "${build_args[@]}" > "$dir/first.log" 2>&1 || { cat "$dir/first.log"; exit 1; }
    : > "$dir/full.tsv"; : > "$dir/off.tsv"; : > "$dir/none.tsv"
    for ((run = 0; run < runs; run++)); do
      read -r wall cpu < <(rebuild "$dir" "$dir/build.log")
      # The compiler got the generator this run means to measure.
      if [ "${READYTORUN:-1}" = 0 ] || ! ls "$repo"/generators/TopologyDsl.Generators/bin/Release/netstandard2.0/readytorun/*/TopologyDsl.Generators.dll > /dev/null 2>&1; then
        ! grep -q '/readytorun/' "$dir/build.log" || { echo "the compiler got the ReadyToRun image in $dir/build.log" >&2; exit 1; }
      else
        grep -q '/readytorun/' "$dir/build.log" || { echo "the compiler did not get the ReadyToRun image in $dir/build.log" >&2; exit 1; }
      fi
      csc=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$dir/build.log" | awk '{print $1/1000}' | head -1)
      gen=$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyGenerator' "$dir/build.log" | awk '{print $1}' | tr -d '<' | head -1)
      ana=$(grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyAnalyzer' "$dir/build.log" | awk '{print $1}' | tr -d '<' | head -1)
      all=$(seconds "$dir/build.log" 'Total analyzer execution time:')
      printf '%s %s %s %s %s %s\n' "$wall" "$cpu" "$csc" "${gen:-0}" "${ana:-0}" "$(echo "$all - ${ana:-0}" | bc)" >> "$dir/full.tsv"
      read -r wall cpu < <(rebuild "$dir" "$dir/off.log" -p:TopologyDslAnalyzerOff=true)
      # The analyzer must really be off: csc then reports it at (almost) no time.
      grep -E '^ +[0-9.<]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyAnalyzer' "$dir/off.log" | head -1 | tr -d '<' |
        awk '{exit !($1 < 0.01)}' || { echo "the analyzer still ran in $dir/off.log" >&2; exit 1; }
      printf '%s %s\n' "$wall" "$cpu" >> "$dir/off.tsv"
      # Without TopologyDsl: the generated code of the full form, as source.
      rm -rf "$dir/pregenerated"; mkdir -p "$dir/pregenerated"
      cp "$dir"/obj/Debug/net10.0/generated/TopologyDsl.Generators/TopologyDsl.Generators.TopologyGenerator/*.cs "$dir/pregenerated/"
      read -r wall cpu < <(rebuild "$dir" "$dir/none.log" -p:TopologyDslOff=true)
      if grep -qE 'TopologyDsl\.Generators\.Topology(Generator|Analyzer)' "$dir/none.log"; then echo "TopologyDsl still ran in $dir/none.log" >&2; exit 1; fi
      printf '%s %s\n' "$wall" "$cpu" >> "$dir/none.tsv"
    done
    col() { awk -v c="$2" '{print $c}' "$1" | median; }
    build=$(col "$dir/full.tsv" 1); build_cpu=$(col "$dir/full.tsv" 2); csc=$(col "$dir/full.tsv" 3)
    gen=$(col "$dir/full.tsv" 4); ana=$(col "$dir/full.tsv" 5); sdk=$(col "$dir/full.tsv" 6); off_cpu=$(col "$dir/off.tsv" 2); none_cpu=$(col "$dir/none.tsv" 2)
    if [ -n "${SERVER:-}" ]; then
      ana_cpu=-; tdsl_cpu=-; share_real=-
    else
      ana_cpu=$(printf '%.2f' "$(echo "$build_cpu - $off_cpu" | bc)")
      tdsl_cpu=$(printf '%.2f' "$(echo "$build_cpu - $none_cpu" | bc)")
      share_real=$(echo "scale=1; 100 * $tdsl_cpu / $build_cpu" | bc)%
    fi
    share_rep=$(echo "scale=1; 100 * ($gen + $ana) / $build" | bc)%
    printf '%-9s %-6s %6s %7.2f %7.2f %6.2f %8.3f %8.3f %8.3f %8s %8s %9s %10s\n' "$resources" "$layout" "$stacks" "$build" "$build_cpu" "$csc" "$gen" "$ana" "$sdk" "$ana_cpu" "$tdsl_cpu" "$share_rep" "$share_real"
  done
done
echo "Medians of $runs rebuilds per form. build_s/build_cpu: wall and CPU seconds of the full rebuild; csc_s: the Csc task;"
echo "tdsl_gen/ana_rep: TopologyDsl's generator and analyzer as csc reports them (-reportanalyzer); sdk_ana: every other analyzer;"
echo "ana_cpu: CPU of the full rebuild minus CPU of the rebuild with the analyzer off (its real cost; can be negative in noise);"
echo "tdsl_cpu: CPU of the full rebuild minus CPU of the rebuild without TopologyDsl, its generated code compiled as source"
echo "(what generator and analyzer really add); share_rep: (tdsl_gen + ana_rep) / build_s, as the issue measured it;"
echo "share_real: tdsl_cpu / build_cpu."
echo "The generator's figure is wall time: on a busy machine it includes waiting for a core, so measure on a quiet one."
