using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>
/// The templates of the test topologies that build without errors, gathered while a test runs the
/// others (<see cref="CfnLintCorpusTests"/>): the generated code is compiled, loaded into a
/// collectible context, and each stack's BuildTemplate() written to YAML, exactly as synth would.
/// </summary>
public static class TemplateCorpus
{
    private static readonly AsyncLocal<List<(string Stack, string Yaml)>?> Collector = new();

    /// <summary>Runs <paramref name="action"/> and returns the templates its clean compilations produced.</summary>
    public static async Task<List<(string Stack, string Yaml)>> CollectAsync(Func<Task> action)
    {
        var templates = new List<(string, string)>();
        Collector.Value = templates;
        try
        {
            await action();
        }
        finally
        {
            Collector.Value = null;
        }

        return templates;
    }

    /// <summary>
    /// Called for every compilation the tests analyze: adds its templates when a collection is running
    /// and the topology builds clean, that is without errors and without warnings other than the
    /// security advice (TDSL4xx but TDSL426, whose <c>${X}</c> in a plain string is cfn-lint's E1029, and TDSL417, an unknown instance type, its E3030), which cfn-lint does not judge, and unused parameters (TDSL323, which
    /// the lint run answers by leaving out its twin W2001), and images resolved on every update (TDSL334, a
    /// trap of later updates that no linter of one template sees). Other warnings mirror a cfn-lint finding,
    /// so their templates are expected to draw one.
    /// </summary>
    public static void Offer(Compilation generated, IEnumerable<Diagnostic> diagnostics)
    {
        if (Collector.Value is not { } templates
            || diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning && (!d.Id.StartsWith("TDSL4", StringComparison.Ordinal) || d.Id is "TDSL426" or "TDSL417") && d.Id is not ("TDSL323" or "TDSL334"))))
        {
            return;
        }

        using var image = new MemoryStream();
        var emitted = generated.Emit(image);
        Assert.True(emitted.Success, "A topology without errors must compile: " + string.Join("\n", emitted.Diagnostics));
        var context = new AssemblyLoadContext("corpus", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            foreach (var type in assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (type.GetMethod("BuildTemplate", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes) is { } build
                    && build.ReturnType == typeof(Template))
                {
                    var template = (Template)build.Invoke(null, null)!;
                    templates.Add((template.StackName, TemplateWriter.Write(template)));
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
