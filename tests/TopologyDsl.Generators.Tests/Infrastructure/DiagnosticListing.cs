using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace TopologyDsl.Generators.Tests.Infrastructure;

/// <summary>
/// Renders diagnostics under the source lines they point at, a caret line under each span followed by
/// the ID, severity and message, so that a snapshot shows a reviewer exactly what a user would see.
/// </summary>
public static class DiagnosticListing
{
    public static string Render(string source, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var byLine = diagnostics
            .Where(d => d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, System.StringComparer.Ordinal)
            .GroupBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ToDictionary(g => g.Key, g => g.ToList());
        var text = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            text.Append(lines[i]).Append('\n');
            if (!byLine.TryGetValue(i, out var found))
            {
                continue;
            }

            foreach (var diagnostic in found)
            {
                var span = diagnostic.Location.GetLineSpan();
                var start = span.StartLinePosition.Character;
                var end = span.EndLinePosition.Line == i ? span.EndLinePosition.Character : lines[i].Length;
                text.Append(' ', start).Append('~', System.Math.Max(1, end - start)).Append(' ')
                    .Append(diagnostic.Id).Append(' ').Append(diagnostic.Severity).Append(": ")
                    .Append(diagnostic.GetMessage(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return text.ToString();
    }
}
