using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The analyzer's compilation-end check of unrelated stacks (<see cref="ProgramRules.CheckSiblings"/>) on the
/// program of <see cref="ProgramBenchmarks"/> with 20 and 60 application stacks (21 and 61 stacks), two or six
/// of them in each VPC of the network stack (as many VPCs as that takes): every application stack imports the
/// network stack and routes to its transit gateway, so each is a sibling of every other, but only those of one
/// VPC have records that can meet. As in the analyzer, each
/// stack's findings with what it imports are given (its symbol action made them), so what is measured is the
/// check's own work: the conflicts with the earlier siblings and the quotas per region.
/// </summary>
[MemoryDiagnoser]
public class SiblingBenchmarks
{
    private List<StackSpec> _specs = null!;
    private Dictionary<StackSpec, EquatableArray<Finding>> _own = null!;

    [Params(20, 60)]
    public int AppStacks { get; set; }

    [Params(2, 6)]
    public int PerVpc { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _specs = Specs(AppStacks, PerVpc);
        var byKey = _specs.ToDictionary(s => s.Key, System.StringComparer.Ordinal);
        _own = _specs.ToDictionary<StackSpec, StackSpec, EquatableArray<Finding>>(s => s, s => TopologyValidator.Validate(s, ProgramRules.Imported(s, byKey), _ => null), ReferenceComparer.Instance);
    }

    /// <summary>The program's stacks, parsed without source maps, in class-name order.</summary>
    internal static List<StackSpec> Specs(int appStacks, int perVpc)
    {
        var compilation = CSharpCompilation.Create("Program",
            ProgramBenchmarks.Sources(appStacks, perVpc).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bench").GetTypeMembers()
            .OrderBy(t => t.Name, System.StringComparer.Ordinal)
            .Select(t => TopologyParser.Parse(t, TopologyParser.StackAttributeOf(t)!, withSourceMap: false, default).Spec)
            .ToList();
    }

    [Benchmark]
    public int CheckSiblings() => ProgramRules.CheckSiblings(_specs, _ => null, null, (stack, _) => _own[stack]).Count;
}
