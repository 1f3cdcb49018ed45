using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;

namespace TopologyDsl.Generators.Emit;

/// <summary>What the generator reads for a stack: its spec, and the diagnostic IDs the project silenced for it.</summary>
internal sealed record StackInput(StackSpec Spec, EquatableArray<string> SilencedIds);

/// <summary>An info finding carried into the generated code: its ID and formatted message.</summary>
internal sealed record NoteSpec(string Id, string Message);

/// <summary>
/// Info findings (TDSL112, TDSL407-409) never show in <c>dotnet build</c> output, so the generated
/// <c>BuildTemplate()</c> adds them to the template as notes and <c>synth</c> prints them.
/// What the project silenced is left out, and a silenced error does not make <c>BuildTemplate()</c>
/// throw (a quota AWS raised for the account, say): see <see cref="SilencedIds"/>.
/// </summary>
internal static class Notes
{
    private static readonly string[] InfoIds = DiagnosticCatalog.All
        .Where(d => d.DefaultSeverity == DiagnosticSeverity.Info)
        .Select(d => d.Id)
        .ToArray();

    private static readonly string[] AllIds = DiagnosticCatalog.All.Select(d => d.Id).ToArray();

    public static bool IsInfo(string id) => InfoIds.Contains(id);

    /// <summary>The finding's message, as the analyzer would word it.</summary>
    public static string Message(Finding finding) =>
        string.Format(CultureInfo.InvariantCulture,
            DiagnosticCatalog.Get(finding.Id).MessageFormat.ToString(CultureInfo.InvariantCulture),
            finding.Arguments.Cast<object>().ToArray());

    /// <summary>
    /// The IDs the project silenced for this stack: set to <c>none</c> or <c>silent</c> (.editorconfig,
    /// a global AnalyzerConfig, NoWarn), disabled by a <c>#pragma warning disable</c> in a file that
    /// declares the stack, or suppressed with <c>[SuppressMessage]</c> on the stack class or one of its
    /// records. The generator keeps no positions (STYLE §3), so a pragma counts for the whole stack:
    /// where it silences one finding and another of the same ID remains, the analyzer still reports
    /// that one and the build fails, so the template is never written from a stack with a live error.
    /// </summary>
    public static EquatableArray<string> SilencedIds(INamedTypeSymbol stack, CompilationOptions options, SyntaxTree tree, CancellationToken cancellationToken,
        AttributeSource? attributes = null)
    {
        var pragmas = new HashSet<string>(System.StringComparer.Ordinal);
        var all = false;
        foreach (var reference in stack.DeclaringSyntaxReferences)
        {
            var root = reference.SyntaxTree.GetRoot(cancellationToken);
            if (!root.ContainsDirectives)
            {
                continue;
            }

            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                if (directive is PragmaWarningDirectiveTriviaSyntax pragma && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
                {
                    all |= pragma.ErrorCodes.Count == 0;
                    pragmas.UnionWith(pragma.ErrorCodes.Select(code => code.ToString().Trim()));
                }
            }
        }

        var suppressed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var symbol in new[] { stack }.Concat(stack.GetTypeMembers()))
        {
            foreach (var attribute in (attributes ?? AttributeSource.Bound).Of(symbol, cancellationToken))
            {
                if (attribute.MetadataName == SuppressMessage
                    && attribute.ConstructorArgumentCount == 2 && attribute.Argument(1) is string check)
                {
                    // "TDSL117" or "TDSL117:Title", as the compiler reads CheckId.
                    suppressed.Add(check.Split(':')[0].Trim());
                }
            }
        }

        return AllIds.Where(id => all || pragmas.Contains(id) || suppressed.Contains(id) || IsHidden(options, tree, id, cancellationToken)).ToEquatableArray();
    }

    /// <summary>
    /// <see cref="SilencedIds(INamedTypeSymbol, CompilationOptions, SyntaxTree, CancellationToken, AttributeSource?)"/> from a reading of
    /// the stack's syntax: the warnings its files' pragmas disable (or all of them), the IDs its [SuppressMessage] attributes name, and
    /// the IDs the build's options hide for the file that declares [Stack] (<see cref="HiddenIds"/>).
    /// </summary>
    public static EquatableArray<string> SilencedIds(bool disablesAll, IEnumerable<string> disabled, IEnumerable<AttributeView> attributes, EquatableArray<string> hidden)
    {
        var pragmas = new HashSet<string>(disabled, System.StringComparer.Ordinal);
        var suppressed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (attribute.MetadataName == SuppressMessage && attribute.ConstructorArgumentCount == 2 && attribute.Argument(1) is string check)
            {
                suppressed.Add(check.Split(':')[0].Trim());
            }
        }

        return AllIds.Where(id => disablesAll || pragmas.Contains(id) || suppressed.Contains(id) || hidden.Contains(id)).ToEquatableArray();
    }

    /// <summary>The metadata name of the attribute that suppresses a finding in code.</summary>
    public const string SuppressMessage = "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute";

    /// <summary>The IDs the build's options (command line, .editorconfig, global AnalyzerConfig) set to none or silent for a file.</summary>
    public static EquatableArray<string> HiddenIds(CompilationOptions options, SyntaxTree tree, CancellationToken cancellationToken) =>
        AllIds.Where(id => IsHidden(options, tree, id, cancellationToken)).ToEquatableArray();

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
