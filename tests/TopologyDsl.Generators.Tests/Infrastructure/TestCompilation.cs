using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TopologyDsl.Generators;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>An additional file (user data) held in memory.</summary>
/// <summary>Build properties as the compiler sees them (build_property.X in the global options), for tests of options.</summary>
public sealed class BuildPropertiesProvider(params (string Name, string Value)[] properties) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new Options(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } =
        new Options(properties.ToImmutableDictionary(p => "build_property." + p.Name, p => p.Value));

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}

public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
}

/// <summary>The generator's result over a compilation, with the declaration diagnostics it reports (DiagnosticCatalog.ReportedByGenerator).</summary>
public sealed record GeneratorRun(CSharpCompilation Input, Compilation Output, GeneratorDriver Driver, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics)
{
    public ImmutableArray<GeneratedSourceResult> Sources => Result.Results[0].GeneratedSources;
}

/// <summary>
/// Compiles test sources in memory against .NET 10 reference assemblies and the runtime library,
/// runs the generator, and runs the analyzer over the result.
/// </summary>
public static class TestCompilation
{
    public const string Prelude = "using TopologyDsl;\nusing static TopologyDsl.Protocol;\n";

    /// <summary>A valid two-tier network (public subnet routed to an internet gateway, private one through a NAT gateway), without instances.</summary>
    public const string TwoTierNetwork = """
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24")] public partial record Public;
            [Subnet<Net>("10.0.2.0/24")] public partial record Private;
            [InternetGateway<Net>] public partial record Igw;
            [NatGateway<Public>] public partial record Nat;
            [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [RouteTable<Net>, Associate<Private>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;

        """;

    /// <summary>An image parameter that test stacks name as <c>nameof(Ami)</c>.</summary>
    public const string AmiParameter =
        "[Parameter(Type = ParameterTypes.ImageIdFromSsm, Default = \"/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64\")] public partial record Ami;\n";

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    internal static readonly MetadataReference[] References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(TopologyDsl.VpcAttribute).Assembly.Location),
    ];

    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestTopology",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: i == 0 ? "Topology.cs" : $"Other{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText>? files = null, AnalyzerConfigOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            [new TopologyGenerator().AsSourceGenerator()],
            additionalTexts: files?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty,
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun RunGenerator(CSharpCompilation compilation, IEnumerable<AdditionalText>? files = null, AnalyzerConfigOptionsProvider? options = null)
    {
        ParserEquivalence.Check(compilation);
        var driver = CreateDriver(files, options).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.All(generatorDiagnostics, d => Assert.Contains(d.Id, Diagnostics.DiagnosticCatalog.ReportedByGenerator));
        return new GeneratorRun(compilation, output, driver, driver.GetRunResult(), generatorDiagnostics);
    }

    /// <summary>Runs the generator, then the analyzer over the generated compilation; returns compiler errors, generator and analyzer diagnostics together.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string source, IEnumerable<AdditionalText>? files = null, AnalyzerConfigOptionsProvider? buildProperties = null)
    {
        var fileList = files?.ToList() ?? [];
        var run = RunGenerator(Create(source), fileList, buildProperties);
        var options = buildProperties is null
            ? new AnalyzerOptions(fileList.ToImmutableArray())
            : new AnalyzerOptions(fileList.ToImmutableArray(), buildProperties);
        var analyzed = run.Output.WithAnalyzers([new TopologyAnalyzer()], options);
        var analyzer = await analyzed.GetAnalyzerDiagnosticsAsync();
        var compiler = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(analyzer, d => d.Id == "AD0001");
        Assert.DoesNotContain(compiler, d => d.Id == "CS8785");
        ImmutableArray<Diagnostic> all = [.. compiler, .. run.Diagnostics, .. analyzer];
        TemplateCorpus.Offer(run.Output, all);
        return all;
    }
}
