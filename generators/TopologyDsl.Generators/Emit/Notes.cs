using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Emit;

/// <summary>What the generator reads for a stack: its spec, and the info IDs the project hides.</summary>
internal sealed record StackInput(StackSpec Spec, EquatableArray<string> HiddenInfoIds);

/// <summary>An info finding carried into the generated code: its ID and formatted message.</summary>
internal sealed record NoteSpec(string Id, string Message);

/// <summary>
/// Info findings (TDSL112, TDSL407-409) never show in <c>dotnet build</c> output, so the generated
/// <c>BuildTemplate()</c> adds them to the template as notes and <c>synth</c> prints them.
/// A project that set an info ID to <c>none</c> or <c>silent</c> (.editorconfig, a global
/// AnalyzerConfig, or NoWarn) gets no note for it. <c>#pragma warning disable</c> and
/// <c>[SuppressMessage]</c> are tied to source positions, which the generator's model does not
/// keep (STYLE §3), so they silence the analyzer's diagnostic but not the note.
/// </summary>
internal static class Notes
{
    private static readonly string[] InfoIds = DiagnosticCatalog.All
        .Where(d => d.DefaultSeverity == DiagnosticSeverity.Info)
        .Select(d => d.Id)
        .ToArray();

    public static bool IsInfo(string id) => InfoIds.Contains(id);

    /// <summary>The finding's message, as the analyzer would word it.</summary>
    public static string Message(Finding finding) =>
        string.Format(CultureInfo.InvariantCulture,
            DiagnosticCatalog.Get(finding.Id).MessageFormat.ToString(CultureInfo.InvariantCulture),
            finding.Arguments.Cast<object>().ToArray());

    /// <summary>The info IDs that the options set to <c>none</c> or <c>silent</c> for the stack's file: a few dictionary look-ups.</summary>
    public static EquatableArray<string> HiddenInfoIds(CompilationOptions options, SyntaxTree tree, CancellationToken cancellationToken) =>
        InfoIds.Where(id => IsHidden(options, tree, id, cancellationToken)).ToEquatableArray();

    private static bool IsHidden(CompilationOptions options, SyntaxTree tree, string id, CancellationToken cancellationToken)
    {
        if (options.SpecificDiagnosticOptions.TryGetValue(id, out var fromCommandLine) && fromCommandLine == ReportDiagnostic.Suppress)
        {
            return true;
        }

        // An .editorconfig section for the file wins over a global AnalyzerConfig, which wins over the project's options.
        var provider = options.SyntaxTreeOptionsProvider;
        if (provider is null
            || !(provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var severity)
                 || provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out severity)))
        {
            severity = options.SpecificDiagnosticOptions.TryGetValue(id, out var specific) ? specific : ReportDiagnostic.Default;
        }

        return severity is ReportDiagnostic.Suppress or ReportDiagnostic.Hidden;
    }
}
