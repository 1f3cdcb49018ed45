using System;
using System.Linq;
using BenchmarkDotNet.Running;
using TopologyDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/TopologyDsl.Benchmarks -- --filter '*'
// Add --job short for a quick look; results land in BenchmarkDotNet.Artifacts/.
// "describe" prints what each size holds and which diagnostics it raises, without timing anything.
if (args.FirstOrDefault() == "describe")
{
    foreach (var size in new[] { 500, 1_000, 10_000 })
    {
        var bench = new TopologyBenchmarks { Resources = size };
        bench.Setup();
        var ids = bench.DiagnosticIds();
        Console.WriteLine($"{size,6} resources ({TopologyBenchmarks.SubnetsFor(size)} subnets): {bench.Generator()} generated file(s); analyzer: {(ids.Length == 0 ? "no diagnostics" : string.Join(", ", ids))}");
    }

    return;
}

// "stages N..." times each stage of validation on one stack of about N resources.
if (args.FirstOrDefault() == "stages")
{
    foreach (var size in args.Skip(1).Select(int.Parse))
    {
        Stages.Print(TopologyBenchmarks.SubnetsFor(size));
    }

    return;
}

// "acl" prints what the network ACL benchmark's topologies hold and the findings their rules make (AclBenchmarks).
if (args.FirstOrDefault() == "acl")
{
    foreach (var oneStack in new[] { true, false })
    {
        foreach (var subnets in new[] { 100, 1_000, 10_000 })
        {
            var bench = new AclBenchmarks { Subnets = subnets, OneStack = oneStack };
            bench.Setup();
            Console.WriteLine(bench.Describe());
        }
    }

    return;
}

// "acl-stages N..." times each stage of the network ACL rules and the reachability model on one stack of N subnets with ACLs (AclBenchmarks).
if (args.FirstOrDefault() == "acl-stages")
{
    foreach (var subnets in args.Skip(1).Select(int.Parse))
    {
        Stages.PrintAcl(subnets);
    }

    return;
}

// "program-stages" prints the bytes each stage allocates on the many-stack program below (ProgramStages).
if (args.FirstOrDefault() == "program-stages")
{
    ProgramStages.Print();
    return;
}

// "siblings" prints the bytes the analyzer's check of unrelated stacks allocates with 20 and 60 application stacks, two or six per VPC (SiblingBenchmarks).
if (args.FirstOrDefault() == "siblings")
{
    foreach (var perVpc in new[] { 2, 6 })
    {
        foreach (var appStacks in new[] { 20, 60 })
        {
            var bench = new SiblingBenchmarks { AppStacks = appStacks, PerVpc = perVpc };
            bench.Setup();
            bench.CheckSiblings();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var findings = bench.CheckSiblings();
            Console.WriteLine($"{appStacks + 1,3} stacks, {perVpc} per VPC: {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0,6:N1} MB allocated by the check of unrelated stacks, {findings} finding(s)");
        }
    }

    return;
}

// "program" prints what the many-stack program holds and the diagnostics it raises.
if (args.FirstOrDefault() == "program")
{
    var bench = new ProgramBenchmarks();
    bench.Setup();
    var ids = bench.DiagnosticIds();
    Console.WriteLine($"{ProgramBenchmarks.AppStacks + 1} stacks: {bench.Generator()} generated file(s); analyzer: {(ids.Length == 0 ? "no diagnostics" : string.Join(", ", ids))}");
    return;
}

// "size" prints the generated C# per resource for topologies in stacks under the quota.
if (args.FirstOrDefault() == "size")
{
    foreach (var resources in new[] { 100, 1_000, 10_000 })
    {
        var (planned, bytes, lines) = TopologyBenchmarks.GeneratedSize(resources);
        Console.WriteLine($"{planned,6} resources: {bytes,10:N0} bytes, {lines,8:N0} lines of generated C# ({(double)bytes / planned:F0} bytes, {(double)lines / planned:F1} lines per resource)");
    }

    return;
}

// "reach" prints what the reachability benchmark's specs hold: paths and findings, without timing anything.
if (args.FirstOrDefault() == "reach")
{
    foreach (var size in new[] { 100, 1_000 })
    {
        var bench = new ReachabilityBenchmarks { Instances = size };
        bench.Setup();
        Console.WriteLine($"{size,6} instances: {bench.Matrix():N0} rows in the matrix, {bench.AllPairs():N0} open paths instance by instance, {bench.Rules()} reachability findings, {bench.Overview():N0} characters of Markdown");
        var across = new CrossVpcReachabilityBenchmarks { Instances = size };
        across.Setup();
        Console.WriteLine($"{size,6} instances in three VPCs (peering, transit gateway): {across.Matrix():N0} rows in the matrix, {across.Rules()} reachability findings, {across.Overview():N0} characters of Markdown");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(TopologyBenchmarks).Assembly).Run(args);
