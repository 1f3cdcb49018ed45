using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The cost of a program of many stacks: a network stack with a transit gateway and ten VPCs
/// attached to it (two attachment subnets each), and twenty application stacks of 25 subnets each,
/// every one importing its VPC and the transit gateway from the network stack (two application
/// stacks per VPC), with a route table routing 10.0.0.0/8 to the transit gateway, a security group
/// and an instance in every fifth subnet. Each stack is its own file.
/// <list type="bullet">
/// <item><c>Generator</c>: a full generator run over the 21 stacks, as a build does.</item>
/// <item><c>GeneratorAfterEditingOneAppStack</c>: the run after one application stack's subnet changes, from the driver of the previous run, as the IDE does on a keystroke: only that stack is parsed, validated and emitted again.</item>
/// <item><c>ParseAndValidate</c>: the analyzer's own work, once the compiler has bound the attributes: each stack parsed once with its source map (the network stack's parse shared by the twenty stacks that import from it), each validated with the stacks it imports from, and the program-wide names checked.</item>
/// <item><c>Analyzer</c>: the analyzer end to end over the generated compilation (each stack's symbol action parses the network stack once per compilation; the compilation-end action checks stack and export names).</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class ProgramBenchmarks
{
    public const int AppStacks = 20;
    public const int SubnetsPerAppStack = 25;
    public const int Vpcs = 10;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private Compilation _generated = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        var trees = Sources().Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Stack" + i.ToString(CultureInfo.InvariantCulture) + ".cs")).ToArray();
        _compilation = CSharpCompilation.Create("Program",
            trees,
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = CSharpGeneratorDriver.Create([new TopologyGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out _);
        var app = trees[1];
        var text = app.GetText().ToString();
        // App0's first subnet shrinks from /24 to /25 (its instance stays inside).
        var edited = text.Replace("/24\", Zone = 0)] public partial record S0;", "/25\", Zone = 0)] public partial record S0;");
        if (edited == text)
        {
            throw new System.InvalidOperationException("The edit of App0 matched nothing: the benchmark would time a run with no change.");
        }

        _edited = _compilation.ReplaceSyntaxTree(app, app.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edited)));
    }

    /// <summary>The network stack, then the application stacks.</summary>
    public static string[] Sources() => Sources(AppStacks);

    /// <summary>The network stack, then <paramref name="appStacks"/> application stacks, <paramref name="perVpc"/> in each VPC of the network stack (at most ten per VPC, whose subnets must fit in it; at most 255 VPCs).</summary>
    public static string[] Sources(int appStacks, int perVpc = AppStacks / Vpcs)
    {
        var vpcs = (appStacks + perVpc - 1) / perVpc;
        var sources = new string[appStacks + 1];
        var network = new StringBuilder("using TopologyDsl;\nnamespace Bench;\n[Stack(\"network\")]\npublic static partial class Network\n{\n");
        network.Append("    [TransitGateway(Description = \"core\")] public partial record Tgw;\n");
        for (var v = 0; v < vpcs; v++)
        {
            network.Append(CultureInfo.InvariantCulture, $"    [Vpc(\"10.{v}.0.0/16\")] public partial record Vpc{v};\n");
            network.Append(CultureInfo.InvariantCulture, $"    [Subnet<Vpc{v}>(\"10.{v}.255.0/28\", Zone = 0)] public partial record Tgw{v}A;\n");
            network.Append(CultureInfo.InvariantCulture, $"    [Subnet<Vpc{v}>(\"10.{v}.255.16/28\", Zone = 1)] public partial record Tgw{v}B;\n");
            network.Append(CultureInfo.InvariantCulture, $"    [TransitGatewayAttachment<Tgw, Vpc{v}>, AttachmentSubnet<Tgw{v}A>, AttachmentSubnet<Tgw{v}B>] public partial record Attachment{v};\n");
        }

        sources[0] = network.Append("}\n").ToString();
        for (var k = 0; k < appStacks; k++)
        {
            var v = k % vpcs;
            var app = new StringBuilder("using TopologyDsl;\nusing static TopologyDsl.Protocol;\nnamespace Bench;\n");
            app.Append(CultureInfo.InvariantCulture, $"[Stack(\"app{k}\")]\npublic static partial class App{k}\n{{\n");
            app.Append(CultureInfo.InvariantCulture, $"    [SecurityGroup<Network.Vpc{v}>(\"app\"), Ingress(Tcp, 443, \"10.0.0.0/8\", Description = \"https\"), Egress(Tcp, 443, \"10.0.0.0/8\", Description = \"https\")] public partial record Web;\n");
            app.Append(CultureInfo.InvariantCulture, $"    [RouteTable<Network.Vpc{v}>, Route<Network.Tgw>(\"10.0.0.0/8\")");
            for (var s = 0; s < SubnetsPerAppStack; s++)
            {
                app.Append(CultureInfo.InvariantCulture, $", Associate<S{s}>");
            }

            app.Append("] public partial record Routes;\n");
            for (var s = 0; s < SubnetsPerAppStack; s++)
            {
                var third = (k / vpcs * SubnetsPerAppStack) + s;
                app.Append(CultureInfo.InvariantCulture, $"    [Subnet<Network.Vpc{v}>(\"10.{v}.{third}.0/24\", Zone = {s % 2})] public partial record S{s};\n");
                if (s % 5 == 0)
                {
                    app.Append(CultureInfo.InvariantCulture, $"    [Instance<S{s}>(\"10.{v}.{third}.10\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\"), Uses<Web>] public partial record I{s};\n");
                }
            }

            sources[k + 1] = app.Append("}\n").ToString();
        }

        return sources;
    }

    [Benchmark]
    public int ParseAndValidate()
    {
        var stacks = _compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bench").GetTypeMembers()
            .OrderBy(t => t.Name, System.StringComparer.Ordinal).ToList();
        var parsed = stacks.ToDictionary(t => t.Name, t => TopologyParser.Parse(t, TopologyParser.StackAttributeOf(t)!, withSourceMap: true, default).Spec);
        var network = new[] { parsed["Network"] }.ToEquatableArray();
        var findings = 0;
        foreach (var (name, spec) in parsed)
        {
            findings += TopologyValidator.Validate(spec, name == "Network" ? EquatableArray<StackSpec>.Empty : network, _ => null).Count;
        }

        return findings + ProgramRules.Check(parsed.Values.ToList()).Count;
    }

    [Benchmark]
    public int Generator() =>
        CSharpGeneratorDriver.Create([new TopologyGenerator().AsSourceGenerator()], parseOptions: ParseOptions).RunGenerators(_compilation).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int GeneratorAfterEditingOneAppStack() => _warm.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;

    public string[] DiagnosticIds() =>
        _generated.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .GroupBy(d => d.Id).Select(g => $"{g.Key} x{g.Count()}").ToArray();

    [Benchmark]
    public async Task<int> Analyzer()
    {
        var diagnostics = await _generated.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}
