using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
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
/// A stopwatch over each stage of the analyzer's work on one stack (parse, index, each group of
/// rules), to find what grows faster than the topology: the median of a few runs after a warm-up.
/// </summary>
public static class Stages
{
    public static void Print(int subnets, int runs = 5)
    {
        var compilation = CSharpCompilation.Create("Stages",
            [CSharpSyntaxTree.ParseText(TopologyBenchmarks.Source(subnets), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var stack = compilation.GetTypeByMetadataName("Bench.Bench")!;
        CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var attribute = stack.GetAttributes().Single();
        var stages = new (string Name, Action<State> Run)[]
        {
            ("parse (with source map)", s => s.Spec = TopologyParser.Parse(stack, attribute, withSourceMap: true, default).Spec),
            ("parse on a fresh generated compilation", s =>
            {
                var fresh = s.Generated!.Clone();
                fresh.GetDeclarationDiagnostics();
                var bench = fresh.GetTypeByMetadataName("Bench.Bench")!;
                var watch = Stopwatch.StartNew();
                TopologyParser.Parse(bench, bench.GetAttributes().Single(), withSourceMap: true, default);
                s.FreshParse = watch.Elapsed;

            }),
            ("per-type checks, as AnalyzeType", s =>
            {
                foreach (var member in stack.GetTypeMembers())
                {
                    var own = member.GetAttributes().FirstOrDefault(a => a.AttributeClass is { } c && TopologyParser.MetadataName(c) == KnownNames.Stack);
                    var inStack = member.ContainingType?.GetAttributes().Any(a => a.AttributeClass is { } c && TopologyParser.MetadataName(c) == KnownNames.Stack) == true;
                }
            }),
            ("index", s => s.Index = new StackIndex(s.Spec!, _ => null)),
            ("ShapeRules", s => ShapeRules.Check(s.Index!, s.Findings)),
            ("ReferenceRules", s => ReferenceRules.Check(s.Index!, s.Findings)),
            ("CidrRules", s => CidrRules.Check(s.Index!, s.Findings)),
            ("NamingRules", s => NamingRules.Check(s.Index!, s.Findings)),
            ("SubstitutionRules", s => SubstitutionRules.Check(s.Index!, s.Findings)),
            ("SecurityRules", s => SecurityRules.Check(s.Index!, s.Findings)),
            ("Validate (stops at quota)", s => TopologyValidator.Validate(s.Spec!, _ => null)),
            ("plan", s => StackPlan.Template(s.Index!)),
            ("generator (fresh driver)", s => CSharpGeneratorDriver.Create(new TopologyGenerator()).RunGenerators(compilation.Clone())),
            ("analyzer, end to end", s => s.AnalyzerTime = AnalyzerTime(s.Generated!, bindFirst: false)),
            ("analyzer, declarations bound first", s => s.AnalyzerTimeBound = AnalyzerTime(s.Generated!, bindFirst: true)),
            ("no-op symbol analyzer, bound first", s => s.NoopTime = AnalyzerTime(s.Generated!, bindFirst: true, new NoopAnalyzer())),
        };
        var times = stages.ToDictionary(s => s.Name, _ => new List<double>());
        times.Add(AnalyzerOwn, []);
        times.Add(AnalyzerOwnBound, []);
        times.Add(NoopOwn, []);
        times.Add(FreshParse, []);

        for (var run = 0; run <= runs; run++)
        {
            var state = new State { Generated = generated };
            foreach (var (name, action) in stages)
            {
                var watch = Stopwatch.StartNew();
                action(state);
                if (run > 0)
                {
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            if (run > 0)
            {
                times[AnalyzerOwn].Add(state.AnalyzerTime.TotalMilliseconds);
                times[AnalyzerOwnBound].Add(state.AnalyzerTimeBound.TotalMilliseconds);
                times[NoopOwn].Add(state.NoopTime.TotalMilliseconds);
                times[FreshParse].Add(state.FreshParse.TotalMilliseconds);

            }
        }

        Console.WriteLine($"{subnets} subnets in one stack, median of {runs} runs:");
        foreach (var name in stages.Select(s => s.Name).Append(AnalyzerOwn).Append(AnalyzerOwnBound).Append(NoopOwn).Append(FreshParse))
        {
            var sorted = times[name].OrderBy(t => t).ToList();
            Console.WriteLine($"  {name,-26} {sorted[sorted.Count / 2],10:F1} ms");
        }
    }

    /// <summary>
    /// The stages of the network ACL rules and the reachability model on one stack of <paramref name="subnets"/>
    /// subnets with ACLs (<see cref="AclBenchmarks"/>, the quota ignored): the median time and the bytes
    /// allocated of a few runs after a warm-up. The allocations depend less on the machine's load than the times.
    /// </summary>
    public static void PrintAcl(int subnets, int runs = 5)
    {
        var compilation = CSharpCompilation.Create("Stages",
            [CSharpSyntaxTree.ParseText(AclBenchmarks.Source(subnets), new CSharpParseOptions(LanguageVersion.Latest))],
            [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var stack = compilation.GetTypeByMetadataName("Bench.Bench")!;
        var attribute = stack.GetAttributes().Single(a => a.AttributeClass?.Name == "StackAttribute");
        var spec = TopologyParser.Parse(stack, attribute, withSourceMap: false, default).Spec;
        var acls = spec.Resources.OfType<NetworkAclSpec>().ToList();
        var stages = new (string Name, Func<int> Run)[]
        {
            ("parse (with source map)", () => TopologyParser.Parse(stack, attribute, withSourceMap: true, default).Spec.Resources.Count),
            ("index", () => new StackIndex(spec, _ => null).AllResources.Count),
            ("Unfiltered.Of, once per VPC", () =>
            {
                var index = new StackIndex(spec, _ => null);
                return spec.Resources.OfType<VpcSpec>().Sum(v => Unfiltered.Of(index, v).Count);
            }),
            ("Unfiltered.HoldsOnly, once per rule", () =>
            {
                var index = new StackIndex(spec, _ => null);
                var unfiltered = Unfiltered.Of(index, index.VpcOf(acls[0]));
                return acls.SelectMany(a => a.Ingress.Concat(a.Egress)).Count(r => AclBlock.Parse(r.Cidr) is { } b && Unfiltered.HoldsOnly(unfiltered, b));
            }),
            ("NetworkAclRules (with index)", () =>
            {
                var findings = new List<Finding>();
                NetworkAclRules.Check(new StackIndex(spec, _ => null), ValidationOptions.Default, findings);
                return findings.Count;
            }),
            ("reachability model (with index)", () => new StackIndex(spec, _ => null).Reachability.Instances.Count),
            ("ReachabilityRules (with index and model)", () =>
            {
                var findings = new List<Finding>();
                ReachabilityRules.Check(new StackIndex(spec, _ => null), findings);
                return findings.Count;
            }),
            ("SecurityRules (with index and model)", () =>
            {
                var findings = new List<Finding>();
                SecurityRules.Check(new StackIndex(spec, _ => null), findings);
                return findings.Count;
            }),
            ("every rule (with index and model)", () => AclBenchmarks.Rules(new StackIndex(spec, _ => null)).Count),
        };

        Console.WriteLine($"{subnets} subnets and {acls.Count} network ACLs in one stack, median of {runs} runs:");
        foreach (var (name, run) in stages)
        {
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i <= runs; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var watch = Stopwatch.StartNew();
                run();
                if (i > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            times.Sort();
            Console.WriteLine($"  {name,-42} {times[times.Count / 2],10:F1} ms {bytes / 1024.0 / 1024.0,10:F2} MB");
        }
    }

    private const string AnalyzerOwn = "analyzer, own time";
    private const string AnalyzerOwnBound = "analyzer, own time, declarations bound first";
    private const string NoopOwn = "no-op analyzer reporting once at the stack name, own time";
    private const string FreshParse = "parse alone, fresh generated compilation";

    /// <summary>
    /// The analyzer over a fresh copy of the compilation; returns the time spent in its own
    /// callbacks, the figure -p:ReportAnalyzer=true reports (the end-to-end time adds the compiler's binding).
    /// </summary>
    public static TimeSpan AnalyzerTime(Compilation generated, bool bindFirst, DiagnosticAnalyzer? analyzer = null)
    {
        analyzer ??= new TopologyAnalyzer();
        var copy = generated.Clone();
        if (bindFirst)
        {
            // What the compiler does for its own sake before analyzers see a symbol in a build: complete
            // every declaration (attributes, base types, constraints).
            copy.GetDeclarationDiagnostics();
        }

        var withAnalyzers = copy.WithAnalyzers([analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime;
    }

    /// <summary>A symbol action on every type that does nothing: what the analyzer driver itself costs per type.</summary>
#pragma warning disable RS1041, RS1036, RS2008, RS1026 // a measuring stick, never loaded by a compiler
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class NoopAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new("NOOP001", "never", "never", "none", DiagnosticSeverity.Error, true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Never];

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(static c =>
            {
                // Reports once, where TDSL302 goes: on the stack's name.
                if (c.Symbol.Name == "Bench" && c.Symbol.GetAttributes().FirstOrDefault()?.ApplicationSyntaxReference?.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax a)
                {
                    c.ReportDiagnostic(Diagnostic.Create(Never, a.ArgumentList!.Arguments[0].GetLocation()));
                }
            }, SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1041, RS1036, RS2008, RS1026

    private sealed class State
    {
        public StackSpec? Spec;
        public StackIndex? Index;
        public List<Finding> Findings = [];
        public Compilation? Generated;
        public TimeSpan AnalyzerTime;
        public TimeSpan AnalyzerTimeBound;
        public TimeSpan NoopTime;
        public TimeSpan FreshParse;

    }
}
