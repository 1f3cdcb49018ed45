using System.Collections.Generic;
using System.Collections.Immutable;
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
/// The cost of the generator and the analyzer by topology size: one stack of about the given number
/// of CloudFormation resources (subnets of /28 in /16 VPCs of 4,096 subnets each, a route table per
/// VPC associated with every subnet, an instance in every tenth subnet). Each run starts from a
/// fresh driver and a fresh analyzer, as a full build does.
/// <list type="bullet">
/// <item><c>Generator</c>: a full generator run (parse, validate, emit).</item>
/// <item><c>SyntaxReading</c>: the generator's reading of the stack from syntax, without the compiler.</item>
/// <item><c>ParseAndValidate</c>: the analyzer's own work on the stack (parse with a source map, validate), once the compiler has bound the attributes.</item>
/// <item><c>EveryRule</c>: every validation rule on the parsed stack, the quota ignored, to show the rules stay linear past it.</item>
/// <item><c>Analyzer</c>: the analyzer end to end over the generated compilation, which includes the compiler binding every method body, generated code included.</item>
/// </list>
/// 500 is deployable; 1,000 and 10,000 break CloudFormation's quota (TDSL302): validation stops at
/// the count and the generator emits the interfaces and a throwing BuildTemplate() only.
/// </summary>
[MemoryDiagnoser]
public class TopologyBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private Compilation _generated = null!;
    private INamedTypeSymbol _stack = null!;
    private AttributeData _stackAttribute = null!;
    private StackSpec _spec = null!;

    [Params(500, 1_000, 10_000)]
    public int Resources { get; set; }

    /// <summary>The subnets that make about <see cref="Resources"/> resources in one stack (a VPC, its gateway, attachment, table and route besides).</summary>
    public static int SubnetsFor(int resources) => (int)((resources - 5) / ResourcesPerSubnet);

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create("Bench",
            [CSharpSyntaxTree.ParseText(Source(SubnetsFor(Resources)), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out _);
        _stack = _compilation.GetTypeByMetadataName("Bench.Bench")!;
        _stackAttribute = _stack.GetAttributes().Single();
        _spec = TopologyParser.Parse(_stack, _stackAttribute, withSourceMap: false, default).Spec;
        ParseAndValidate();
    }

    /// <summary>Resources one subnet of the synthetic topology adds: the subnet, its route table association and a tenth of an instance.</summary>
    public const double ResourcesPerSubnet = 2.1;

    /// <summary>Subnets per stack that keep a stack under CloudFormation's 500-resource quota (230 subnets: 488 resources).</summary>
    public const int SubnetsPerDeployableStack = 230;

    /// <summary>
    /// The synthetic topology: <paramref name="subnets"/> subnets in stacks of at most
    /// <paramref name="perStack"/> subnets (one stack when it is at least <paramref name="subnets"/>).
    /// Each stack has its own /16 VPCs of up to 4,096 /28 subnets, an internet gateway and a route
    /// table per VPC associated with each of its subnets, and an instance in every tenth subnet.
    /// </summary>
    public static string Source(int subnets, int perStack = int.MaxValue)
    {
        var text = new StringBuilder("using TopologyDsl;\nnamespace Bench;\n");
        perStack = System.Math.Max(1, System.Math.Min(perStack, subnets));
        var stacks = (subnets + perStack - 1) / perStack;
        var vpcBase = 0;
        for (var k = 0; k < stacks; k++)
        {
            var first = k * (long)perStack;
            var count = (int)System.Math.Min(perStack, subnets - first);
            var name = stacks == 1 ? "Bench" : "Bench" + k.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"[Stack(\"{name.ToLowerInvariant()}\")]\npublic static partial class {name}\n{{\n");
            var vpcs = (count + 4095) / 4096;
            for (var v = 0; v < vpcs; v++)
            {
                var octet = (vpcBase + v) % 256;
                text.Append(CultureInfo.InvariantCulture, $"    [Vpc(\"10.{octet}.0.0/16\")] public partial record Vpc{v};\n");
                text.Append(CultureInfo.InvariantCulture, $"    [InternetGateway<Vpc{v}>] public partial record Igw{v};\n");
                text.Append(CultureInfo.InvariantCulture, $"    [RouteTable<Vpc{v}>, Route<Igw{v}>(\"0.0.0.0/0\")");
                for (var s = v * 4096; s < count && s < (v + 1) * 4096; s++)
                {
                    text.Append(CultureInfo.InvariantCulture, $", Associate<S{s}>");
                }

                text.Append(CultureInfo.InvariantCulture, $"] public partial record Routes{v};\n");
            }

            for (var s = 0; s < count; s++)
            {
                var index = s % 4096;
                var octet = (vpcBase + s / 4096) % 256;
                text.Append(CultureInfo.InvariantCulture, $"    [Subnet<Vpc{s / 4096}>(\"10.{octet}.{index / 16}.{index % 16 * 16}/28\")] public partial record S{s};\n");
                if (s % 10 == 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"    [Instance<S{s}>(\"10.{octet}.{index / 16}.{index % 16 * 16 + 4}\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\")] public partial record I{s};\n");
                }
            }

            vpcBase += vpcs;
            text.Append("}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// The generated C# for about <paramref name="resources"/> CloudFormation resources in stacks
    /// under the quota: (resources, generated bytes, generated lines).
    /// </summary>
    public static (int Resources, long Bytes, long Lines) GeneratedSize(int resources)
    {
        var subnets = (int)System.Math.Round(resources / ResourcesPerSubnet);
        var compilation = CSharpCompilation.Create("Size",
            [CSharpSyntaxTree.ParseText(Source(subnets, SubnetsPerDeployableStack), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGenerators(compilation).GetRunResult();
        long bytes = 0, lines = 0;
        foreach (var source in run.Results.SelectMany(r => r.GeneratedSources))
        {
            var text = source.SourceText.ToString();
            bytes += Encoding.UTF8.GetByteCount(text);
            lines += text.Count(c => c == '\n');
        }

        var planned = 0;
        foreach (var type in compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Bench").GetTypeMembers())
        {
            var spec = TopologyParser.Parse(type, type.GetAttributes().Single(), withSourceMap: false, default).Spec;
            planned += StackPlan.Names(spec).Count(n => n.CfnType != "Parameter");
        }

        return (planned, bytes, lines);
    }

    [Benchmark]
    public int Generator()
    {
        var driver = CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    public string[] DiagnosticIds() =>
        _generated.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .GroupBy(d => d.Id).Select(g => $"{g.Key} x{g.Count()}").ToArray();

    /// <summary>
    /// The generator's reading of the stack from syntax alone (Parsing/ProgramSyntax): the file read, then the stack
    /// resolved and parsed. The compiler is asked nothing; the analyzer does the same reading once per compilation (TDSL021).
    /// </summary>
    [Benchmark]
    public int SyntaxReading()
    {
        var file = SourceFileReader.Read((Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)_compilation.SyntaxTrees[0].GetRoot(), default);
        return ProgramSyntax.Read([file], _compilation.Options, default).Single().Input!.Spec.Resources.Count;
    }

    [Benchmark]
    public int ParseAndValidate()
    {
        var result = TopologyParser.Parse(_stack, _stackAttribute, withSourceMap: true, default);
        return TopologyValidator.Validate(result.Spec, EquatableArray<ProjectFile>.Empty).Count;
    }

    [Benchmark]
    public int EveryRule()
    {
        var findings = new List<Finding>();
        var index = new StackIndex(_spec, _ => null);
        ShapeRules.Check(index, findings);
        ReferenceRules.Check(index, findings);
        CidrRules.Check(index, findings);
        NamingRules.Check(index, findings);
        SubstitutionRules.Check(index, findings);
        SecurityRules.Check(index, findings);
        return findings.Count;
    }

    [Benchmark]
    public async Task<int> Analyzer()
    {
        var diagnostics = await _generated.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}
