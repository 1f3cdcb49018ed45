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
            ("analyzer, end to end", s => s.AnalyzerTime = AnalyzerTime(s.Generated!)),
        };
        var times = stages.ToDictionary(s => s.Name, _ => new List<double>());
        times.Add(AnalyzerOwn, []);
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
            }
        }

        Console.WriteLine($"{subnets} subnets in one stack, median of {runs} runs:");
        foreach (var name in stages.Select(s => s.Name).Append(AnalyzerOwn))
        {
            var sorted = times[name].OrderBy(t => t).ToList();
            Console.WriteLine($"  {name,-26} {sorted[sorted.Count / 2],10:F1} ms");
        }
    }

    private const string AnalyzerOwn = "analyzer, own time";

    /// <summary>
    /// The analyzer over a fresh copy of the compilation; returns the time spent in its own
    /// callbacks, the figure -p:ReportAnalyzer=true reports (the end-to-end time adds the compiler's binding).
    /// </summary>
    public static TimeSpan AnalyzerTime(Compilation generated)
    {
        var analyzer = new TopologyAnalyzer();
        var withAnalyzers = generated.Clone().WithAnalyzers([analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime;
    }

    private sealed class State
    {
        public StackSpec? Spec;
        public StackIndex? Index;
        public List<Finding> Findings = [];
        public Compilation? Generated;
        public TimeSpan AnalyzerTime;
    }
}
