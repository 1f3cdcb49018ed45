#!/usr/bin/env bash
# The build-time share of TopologyDsl's generator and analyzer, on synthetic projects of about 100,
# 1,000 and 10,000 CloudFormation resources, laid out in stacks of at most 499 resources and all in
# one stack. Each project is built once to restore and build its dependencies, then rebuilt alone
# with -p:ReportAnalyzer=true; the script prints the compiler's (Csc task) time, the generator and
# analyzer times csc reports for TopologyDsl and for every other analyzer (the SDK's), and their share.
#
#   benchmarks/measure-build.sh                 # 100 1000 10000
#   benchmarks/measure-build.sh 1000            # one size
#   KEEP=1 benchmarks/measure-build.sh 100      # keep the generated projects (their folder is printed)
#   RUNS=2 benchmarks/measure-build.sh          # rebuild twice, report the second (warm compiler server)
#
# Times are what csc reports in this environment: with UseSharedCompilation=false every build starts
# a fresh compiler, so the compiler's total includes its own start-up and JIT.
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
[ -n "${KEEP:-}" ] && echo "projects in $work" || trap 'rm -rf "$work"' EXIT

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
  <Import Project="$repo/src/TopologyDsl/build/TopologyDsl.targets" />
  <ItemGroup>
    <ProjectReference Include="$repo/src/TopologyDsl/TopologyDsl.csproj" />
    <ProjectReference Include="$repo/generators/TopologyDsl.Generators/TopologyDsl.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <GlobalAnalyzerConfigFiles Include="quota.globalconfig" />
  </ItemGroup>
</Project>
EOF
  printf 'is_global = true\ndotnet_diagnostic.TDSL302.severity = warning\n' > "$1/quota.globalconfig"
  topology "$2" "$3" > "$1/Topology.cs"
}

# seconds LOG PATTERN: the number after the pattern (csc's report) or 0.
seconds() { grep -m1 -oE "$2 [0-9.]+" "$1" | grep -oE '[0-9.]+$' || echo 0; }

printf '%-9s %-7s %6s %8s %8s %8s %8s %9s %8s %6s\n' resources layout stacks build_s csc_s tdsl_gen tdsl_ana sdk_ana gen_kB share
for resources in "${sizes[@]}"; do
  subnets=$(( (resources - 5) * 10 / 21 ))
  for layout in split one; do
    per=$per_deployable_stack; [ "$layout" = one ] && per=$subnets
    [ "$layout" = one ] && [ "$subnets" -le "$per_deployable_stack" ] && continue   # one stack either way
    dir="$work/r$resources-$layout"
    project "$dir" "$subnets" "$per"
    stacks=$(grep -c '^\[Stack' "$dir/Topology.cs")
    dotnet build "$dir" -v:q -nologo > "$dir/first.log" 2>&1 || { cat "$dir/first.log"; exit 1; }
    # RUNS rebuilds (default 1), reporting the last: with the compiler server on, use 2 so the first starts it.
    for ((run = 0; run < ${RUNS:-1}; run++)); do
      start=$(date +%s.%N)
      dotnet build "$dir" --no-restore --no-dependencies --no-incremental -v:d -nologo -clp:PerformanceSummary \
        -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true > "$dir/build.log" 2>&1 || { tail -50 "$dir/build.log"; exit 1; }
      build=$(echo "$(date +%s.%N) - $start" | bc)
    done
    csc=$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$dir/build.log" | awk '{print $1/1000}' | head -1)
    gen=$(grep -E '^ +[0-9.]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyGenerator' "$dir/build.log" | awk '{print $1}' | head -1)
    ana=$(grep -E '^ +[0-9.]+ +[0-9<]+ +TopologyDsl\.Generators\.TopologyAnalyzer' "$dir/build.log" | awk '{print $1}' | head -1)
    all=$(seconds "$dir/build.log" 'Total analyzer execution time:')
    kb=$(find "$dir/obj" -path '*generated*' -name '*.g.cs' -printf '%s\n' | awk '{s += $1} END {printf "%.0f", s / 1024}')
    sdk=$(echo "$all - ${ana:-0}" | bc)
    share=$(echo "scale=1; 100 * (${gen:-0} + ${ana:-0}) / $csc" | bc)
    printf '%-9s %-7s %6s %8.2f %8.2f %8.3f %8.3f %9.3f %8s %5s%%\n' "$resources" "$layout" "$stacks" "$build" "$csc" "${gen:-0}" "${ana:-0}" "$sdk" "$kb" "$share"
  done
done
echo "build_s: wall time of the rebuild; csc_s: the Csc task; tdsl_gen/tdsl_ana: TopologyDsl's generator and analyzer (csc -reportanalyzer);"
echo "sdk_ana: every other analyzer; gen_kB: generated C#; share: (tdsl_gen + tdsl_ana) / csc_s. Analyzers run concurrently, so their times can overlap."
