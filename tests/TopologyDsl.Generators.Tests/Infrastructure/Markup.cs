using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Test sources mark where each diagnostic is expected: <c>{|TDSL106:"10.1.1.0/24"|}</c>. The marks are
/// stripped before compiling, and the test asserts that the diagnostics are exactly these, by ID and
/// span, and nothing else (compiler errors included, so a cascade cannot hide).
/// </summary>
public static partial class Markup
{
    private const string UnusedParameter = "TDSL323";

    /// <summary>Most tests declare a security group alone to test its rules; TDSL425 (a group nothing uses) counts only where a test marks it.</summary>
    private const string UnusedGroup = "TDSL425";

    /// <summary>Most test topologies pair fixed addresses with the SSM image parameter; TDSL334 counts only where a test expects it.</summary>
    private const string ResolvedImage = "TDSL334";

    public static (string Source, List<(string Id, TextSpan Span)> Expected) Parse(string marked)
    {
        var source = new StringBuilder();
        var expected = new List<(string, TextSpan)>();
        var open = new Stack<(string Id, int Start)>();
        var i = 0;
        while (i < marked.Length)
        {
            var match = OpenMark().Match(marked, i);
            var close = marked.IndexOf("|}", i, System.StringComparison.Ordinal);
            if (match.Success && match.Index == i)
            {
                open.Push((match.Groups[1].Value, source.Length));
                i += match.Length;
            }
            else if (close == i && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, TextSpan.FromBounds(start, source.Length)));
                i += 2;
            }
            else
            {
                source.Append(marked[i]);
                i++;
            }
        }

        return (source.ToString(), expected);
    }

    /// <summary>
    /// Compiles the marked source and asserts its diagnostics are exactly the marked ones. The
    /// security findings (TDSL4xx, TDSL232-234), unused parameters (TDSL323) and unused security groups (TDSL425)
    /// are advice that most topologies in these tests draw; each counts only in tests that mark it.
    /// </summary>
    public static Task VerifyAsync(string marked, params AdditionalText[] files) => VerifyAsync(marked, security: false, null, files);

    /// <summary>As <see cref="VerifyAsync(string, AdditionalText[])"/>, with build properties.</summary>
    public static Task VerifyAsync(string marked, BuildPropertiesProvider buildProperties, params AdditionalText[] files) =>
        VerifyAsync(marked, security: false, buildProperties, files);

    /// <summary>As <see cref="VerifyAsync(string, AdditionalText[])"/>, with the security findings always counted (TDSL425 still only where marked).</summary>
    public static Task VerifyAllAsync(string marked, params AdditionalText[] files) => VerifyAsync(marked, security: true, null, files);

    private static async Task VerifyAsync(string marked, bool security, BuildPropertiesProvider? buildProperties, AdditionalText[] files)
    {
        var (source, expected) = Parse(TestCompilation.Prelude + marked);
        var diagnostics = await TestCompilation.DiagnosticsAsync(source, files, buildProperties);
        var unusedParameters = expected.Any(e => e.Id == UnusedParameter);
        var resolvedImages = expected.Any(e => e.Id == ResolvedImage);
        var unusedGroups = expected.Any(e => e.Id == UnusedGroup);
        security |= expected.Any(e => IsAdvice(e.Id));
        diagnostics = diagnostics
            .Where(d => security || !IsAdvice(d.Id))
            .Where(d => unusedParameters || d.Id != UnusedParameter)
            .Where(d => resolvedImages || d.Id != ResolvedImage)
            .Where(d => unusedGroups || d.Id != UnusedGroup)
            .ToImmutableArray();
        var actual = diagnostics
            .Where(d => d.Location.SourceTree?.FilePath == "Topology.cs" || !d.Location.IsInSource)
            .Select(d => (d.Id, d.Location.SourceSpan))
            .OrderBy(d => d.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .ToList();
        var wanted = expected.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal).ToList();
        var render = string.Join("\n", diagnostics.Select(d => d.ToString()));
        Assert.True(wanted.SequenceEqual(actual), $"Expected:\n{Show(source, wanted)}\nActual:\n{Show(source, actual)}\nAll diagnostics:\n{render}");
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath is { } path && path != "Topology.cs" && d.Severity == DiagnosticSeverity.Error);
    }

    /// <summary>Security findings (TDSL4xx) and the reachability findings of implicit intent (TDSL232-234).</summary>
    private static bool IsAdvice(string id) =>
        id.StartsWith("TDSL4", System.StringComparison.Ordinal) || id is "TDSL232" or "TDSL233" or "TDSL234";

    private static string Show(string source, IEnumerable<(string Id, TextSpan Span)> items) =>
        string.Join("\n", items.Select(d => $"  {d.Id} at {d.Span}: {source.Substring(d.Span.Start, d.Span.Length)}"));

    [GeneratedRegex(@"\{\|([A-Z]+[0-9]+):")]
    private static partial Regex OpenMark();
}
