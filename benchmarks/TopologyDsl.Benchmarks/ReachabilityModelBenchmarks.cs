using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The reachability model's benchmarks over a hand-built spec of a number of instances, which each
/// derived class builds (<see cref="ReachabilityBenchmarks"/>, <see cref="CrossVpcReachabilityBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public abstract class ReachabilityModelBenchmarks
{
    [Params(100, 1_000)]
    public int Instances { get; set; }

    private protected StackSpec Stack { get; private set; } = null!;

    [GlobalSetup]
    public void Setup() => Stack = Build(Instances);

    /// <summary>The reachability findings.</summary>
    [Benchmark]
    public int Rules()
    {
        var findings = new List<Finding>();
        ReachabilityRules.Check(new StackIndex(Stack, _ => null), findings);
        return findings.Count;
    }

    /// <summary>Every open path between classes of instances (what the Markdown lists).</summary>
    [Benchmark]
    public int Matrix() => new StackIndex(Stack, _ => null).Reachability.ClassPaths.Count;

    /// <summary>The Markdown: picture and matrix.</summary>
    [Benchmark]
    public int Overview() => TopologyDsl.Generators.Emit.Overview.Render(new StackIndex(Stack, _ => null)).Length;

    private protected abstract StackSpec Build(int instances);
}
