using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The compiler is checked against cfn-lint: every topology of these tests that builds clean gives a
/// template without any cfn-lint finding (errors and warnings, default rules). A finding here is a
/// defect of the compiler or the emitter, never something to suppress.
/// </summary>
public class CfnLintCorpusTests
{
    /// <summary>Test classes that build no topology worth linting (random inputs, caching, the catalog, code fixes) or that run this one.</summary>
    private static readonly string[] Skipped = ["RobustnessTests", "IncrementalTests", "CatalogTests", "CodeFixTests", nameof(CfnLintCorpusTests)];

    [SkippableFact]
    public async Task EveryTopologyThatBuildsClean_IsCfnLintClean()
    {
        var cfnLint = Find("cfn-lint");
        Skip.If(cfnLint is null, "cfn-lint is not on PATH (pip install cfn-lint)");

        var templates = await TemplateCorpus.CollectAsync(RunTheOtherTestsAsync);
        var distinct = templates.GroupBy(t => t.Yaml, StringComparer.Ordinal).Select(g => g.First()).ToList();
        Assert.True(distinct.Count >= 30, $"only {distinct.Count} clean topologies were found; the corpus is meant to hold the tests' valid topologies");

        var folder = Path.Combine(Path.GetTempPath(), "topologydsl-corpus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = distinct.Select((t, i) =>
            {
                var file = Path.Combine(folder, i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + "-" + t.Stack + ".yaml");
                File.WriteAllText(file, t.Yaml);
                return file;
            }).ToList();

            var start = new ProcessStartInfo(cfnLint!) { RedirectStandardOutput = true, RedirectStandardError = true };
            // W2001 (unused parameter) is TDSL323's twin: test topologies carry parameters that only some cases use.
            // W3011 (one of DeletionPolicy and UpdateReplacePolicy without the other) is TDSL413's twin, which its tests build on purpose.
            start.ArgumentList.Add("--ignore-checks");
            start.ArgumentList.Add("W2001");
            start.ArgumentList.Add("--ignore-checks");
            start.ArgumentList.Add("W3011");
            start.ArgumentList.Add("--");
            files.ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), "cfn-lint did not finish in 10 minutes");
            Assert.True(process.ExitCode == 0 && (await output).Trim().Length == 0,
                $"cfn-lint found problems in {distinct.Count} templates (kept in {folder}):\n{await output}\n{await errors}");
            Directory.Delete(folder, recursive: true);
        }
        finally
        {
            // On a failure the folder stays for a look at the templates; the message names it.
        }
    }

    /// <summary>Runs every fact and inline-data theory of the other test classes, so their compilations are offered to the corpus.</summary>
    private static async Task RunTheOtherTestsAsync()
    {
        var classes = typeof(CfnLintCorpusTests).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && !Skipped.Contains(t.Name))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in classes)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(m => m.Name, StringComparer.Ordinal);
            foreach (var method in methods)
            {
                var cases = new List<object?[]>();
                if (method.GetCustomAttributes<FactAttribute>().Any(a => a is not TheoryAttribute && a.Skip is null) && method.GetParameters().Length == 0)
                {
                    cases.Add([]);
                }

                if (method.GetCustomAttribute<TheoryAttribute>() is not null)
                {
                    cases.AddRange(method.GetCustomAttributes<InlineDataAttribute>().SelectMany(a => a.GetData(method)));
                }

                foreach (var arguments in cases)
                {
                    var instance = Activator.CreateInstance(type);
                    try
                    {
                        if (method.Invoke(instance, arguments) is Task task)
                        {
                            await task;
                        }
                    }
                    catch (Exception)
                    {
                        // A failing test is reported by its own run; here only its compilations matter.
                    }
                    finally
                    {
                        (instance as IDisposable)?.Dispose();
                    }
                }
            }
        }
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
