using System;
using System.Linq;
using BenchmarkDotNet.Running;
using TopologyDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/TopologyDsl.Benchmarks -- --filter '*'
// Add --job short for a quick look; results land in BenchmarkDotNet.Artifacts/.
// "describe" prints what each size holds and which diagnostics it raises, without timing anything.
if (args.FirstOrDefault() == "describe")
{
    foreach (var size in new[] { 10, 100, 1_000, 10_000 })
    {
        var bench = new TopologyBenchmarks { Subnets = size };
        bench.Setup();
        var ids = bench.DiagnosticIds();
        Console.WriteLine($"{size,6} subnets: {bench.Generator()} generated file(s); analyzer: {(ids.Length == 0 ? "no diagnostics" : string.Join(", ", ids))}");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TopologyBenchmarks).Assembly).Run(args);
