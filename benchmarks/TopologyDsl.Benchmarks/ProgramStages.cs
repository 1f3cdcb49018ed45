using System;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The bytes each stage allocates on the many-stack program of <see cref="ProgramBenchmarks"/>:
/// one application stack validated and emitted with the network stack it imports, the same with the
/// network stack cut to what that application stack uses (the difference is what it costs to see
/// the rest of the imported stack), and the analyzer's check of unrelated stacks. Allocations are
/// deterministic, so one run after a warm-up is the figure; BenchmarkDotNet's Allocated column
/// gives the totals.
/// </summary>
public static class ProgramStages
{
    public static void Print()
    {
        var compilation = CSharpCompilation.Create("Program",
            ProgramBenchmarks.Sources().Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var types = compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bench").GetTypeMembers().OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var specs = types.Select(t => TopologyParser.Parse(t, TopologyParser.StackAttributeOf(t)!, withSourceMap: false, default).Spec).ToList();
        var network = specs.Single(s => s.ClassName == "Network");
        var app = specs.Single(s => s.ClassName == "App0");
        var imported = new[] { network }.ToEquatableArray();
        var cut = new[] { network with { Resources = network.Resources.Where(r => r.Name is "Tgw" or "Vpc0" or "Tgw0A" or "Tgw0B" or "Attachment0").ToEquatableArray() } }.ToEquatableArray();
        var bench = new ProgramBenchmarks();
        bench.Setup();
        var stages = new (string Name, Action Run)[]
        {
            ("generator, full run", () => bench.Generator()),
            ("generator after editing one stack", () => bench.GeneratorAfterEditingOneAppStack()),
            ("parse every stack (no source map)", () => types.ForEach(t => TopologyParser.Parse(t, TopologyParser.StackAttributeOf(t)!, withSourceMap: false, default))),
            ("validate the network stack", () => TopologyValidator.Validate(network, _ => null)),
            ("validate App0 with the network stack", () => TopologyValidator.Validate(app, imported, _ => null)),
            ("validate App0 with its part of it", () => TopologyValidator.Validate(app, cut, _ => null)),
            ("emit App0 with the network stack", () => TopologyEmitter.Emit(new RenderInput(app, null, default, default, imported, default))),
            ("emit App0 with its part of it", () => TopologyEmitter.Emit(new RenderInput(app, null, default, default, cut, default))),
            ("  of which the overview", () => Overview.Render(new StackIndex(app, imported, _ => null))),
            ("analyzer's check of unrelated stacks", () => ProgramRules.CheckSiblings(specs, _ => null)),
        };
        for (var run = 0; run < 2; run++)
        {
            foreach (var (name, action) in stages)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                action();
                if (run > 0)
                {
                    Console.WriteLine($"  {name,-40} {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0,10:N0} KB");
                }
            }
        }
    }
}
