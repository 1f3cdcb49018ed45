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
/// The cost of the generator and the analyzer by topology size: one stack with the given number of
/// subnets (/28 blocks in /16 VPCs of 4,096 subnets each), a route table per VPC associated with
/// every subnet, and an instance in every tenth subnet. Each run starts from a fresh driver and a
/// fresh analyzer, as a full build does.
/// <list type="bullet">
/// <item><c>Generator</c>: a full generator run (parse, validate, emit).</item>
/// <item><c>ParseAndValidate</c>: the analyzer's own work on the stack (parse with a source map, validate), once the compiler has bound the attributes.</item>
/// <item><c>Analyzer</c>: the analyzer end to end over the generated compilation, which includes the compiler binding every method body, generated code included.</item>
/// </list>
/// A stack over 500 resources breaks CloudFormation's quota (TDSL302), so at 1,000 and 10,000 subnets
/// the generator emits the interfaces and a throwing BuildTemplate() instead of the template.
/// </summary>
[MemoryDiagnoser]
public class TopologyBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private Compilation _generated = null!;
    private INamedTypeSymbol _stack = null!;
    private AttributeData _stackAttribute = null!;

    [Params(10, 100, 1_000, 10_000)]
    public int Subnets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CSharpCompilation.Create("Bench",
            [CSharpSyntaxTree.ParseText(Source(Subnets), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGeneratorsAndUpdateCompilation(_compilation, out _generated, out _);
        _stack = _compilation.GetTypeByMetadataName("Bench.Bench")!;
        _stackAttribute = _stack.GetAttributes().Single();
        ParseAndValidate();
    }

    public static string Source(int subnets)
    {
        var text = new StringBuilder("using TopologyDsl;\nnamespace Bench;\n[Stack(\"bench\")]\npublic static partial class Bench\n{\n");
        var vpcs = (subnets + 4095) / 4096;
        for (var v = 0; v < vpcs; v++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    [Vpc(\"10.{v}.0.0/16\")] public partial record Vpc{v};\n");
            text.Append(CultureInfo.InvariantCulture, $"    [InternetGateway<Vpc{v}>] public partial record Igw{v};\n");
            text.Append(CultureInfo.InvariantCulture, $"    [RouteTable<Vpc{v}>, Route<Igw{v}>(\"0.0.0.0/0\")");
            for (var s = v * 4096; s < subnets && s < (v + 1) * 4096; s++)
            {
                text.Append(CultureInfo.InvariantCulture, $", Associate<S{s}>");
            }

            text.Append(CultureInfo.InvariantCulture, $"] public partial record Routes{v};\n");
        }

        for (var s = 0; s < subnets; s++)
        {
            var index = s % 4096;
            text.Append(CultureInfo.InvariantCulture, $"    [Subnet<Vpc{s / 4096}>(\"10.{s / 4096}.{index / 16}.{index % 16 * 16}/28\")] public partial record S{s};\n");
            if (s % 10 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    [Instance<S{s}>(\"10.{s / 4096}.{index / 16}.{index % 16 * 16 + 4}\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\")] public partial record I{s};\n");
            }
        }

        return text.Append("}\n").ToString();
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

    [Benchmark]
    public int ParseAndValidate()
    {
        var result = TopologyParser.Parse(_stack, _stackAttribute, withSourceMap: true, default);
        return TopologyValidator.Validate(result.Spec, EquatableArray<ProjectFile>.Empty).Count;
    }

    [Benchmark]
    public async Task<int> Analyzer()
    {
        var diagnostics = await _generated.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Length;
    }
}
