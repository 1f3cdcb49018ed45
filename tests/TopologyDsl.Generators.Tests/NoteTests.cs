using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Info findings never show in <c>dotnet build</c>, so the generated <c>BuildTemplate()</c> adds
/// them to the template as notes (which <c>synth</c> prints), unless the project hides the ID.
/// </summary>
public sealed class NoteTests
{
    // No flow logs (TDSL409), and a group with an undescribed rule and no egress rules (TDSL407, TDSL408).
    private const string Source = TestCompilation.Prelude + """
        namespace Shop;
        [Stack("shop")]
        public static partial class ShopStack
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
            [SecurityGroup<Net>("web"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record Web;
        }
        """;

    private const string FlowLogsNote = "t.Template.AddNote(\"TDSL409\", \"VPC 'Net' records no flow logs\");";

    private static string Generated(CSharpCompilation compilation) =>
        TestCompilation.RunGenerator(compilation).Sources.Single().SourceText.ToString();

    [Fact]
    public void InfoFindings_BecomeNotesInBuildTemplate_InFindingOrder()
    {
        var text = Generated(TestCompilation.Create(Source));
        var notes = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("t.Template.AddNote(", System.StringComparison.Ordinal)).ToList();
        // The program-wide findings (TDSL425: no instance is in the group) come first.
        Assert.Equal(
        [
            "t.Template.AddNote(\"TDSL425\", \"Security group 'Web' is used by no instance or interface endpoint of the program, and no other group's rule, output or boot script names it\");",
            FlowLogsNote,
            "t.Template.AddNote(\"TDSL407\", \"A rule of security group 'Web' has no description\");",
            "t.Template.AddNote(\"TDSL408\", \"Security group 'Web' allows all outbound traffic to anywhere\");",
        ], notes);
    }

    /// <summary>The generator reads boot scripts for TDSL425 as the analyzer does: a group a script names (<c>${Web.GroupId}</c>) is used.</summary>
    [Theory]
    [InlineData("echo ${Web.GroupId}\n", false)]
    [InlineData("echo Web\n", true)]
    public void UnusedGroupNote_CountsABootScriptThatNamesTheGroup(string script, bool noted)
    {
        var source = Source.Replace("public partial record Web;", "public partial record Web;\n"
            + "[Subnet<Net>(\"10.0.1.0/24\")] public partial record App;\n"
            + "[Instance<App>(\"10.0.1.10\", ImageId = \"ami-0123456789abcdef0\", InstanceType = \"t3.micro\", UserData = \"boot.sh\")] public partial record Server;");
        var text = TestCompilation.RunGenerator(TestCompilation.Create(source), [new InMemoryAdditionalText("/p/boot.sh", script)]).Sources.Single().SourceText.ToString();
        Assert.Equal(noted, text.Contains("AddNote(\"TDSL425\", \"Security group 'Web' ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void WarningsAndErrors_AreNotNotes()
    {
        var text = Generated(TestCompilation.Create(Source.Replace("Ingress(Tcp, 443,", "Ingress(Tcp, 22,")));
        Assert.DoesNotContain("TDSL401", text);
    }

    [Fact]
    public void NoWarn_HidesTheNote()
    {
        var compilation = TestCompilation.Create(Source);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("TDSL409", ReportDiagnostic.Suppress)]));
        var text = Generated(compilation);
        Assert.DoesNotContain("TDSL409", text);
        Assert.Contains("\"TDSL407\"", text);
    }

    [Theory]
    [InlineData(ReportDiagnostic.Suppress, false)]
    [InlineData(ReportDiagnostic.Hidden, false)]
    [InlineData(ReportDiagnostic.Info, true)]
    [InlineData(ReportDiagnostic.Warn, true)]
    public void EditorConfigSeverity_ForTheStacksFile_DecidesTheNote(ReportDiagnostic severity, bool shown)
    {
        var compilation = TestCompilation.Create(Source);
        var tree = compilation.SyntaxTrees.Single();
        compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new Severities(new Dictionary<(SyntaxTree?, string), ReportDiagnostic> { [(tree, "TDSL409")] = severity })));
        Assert.Equal(shown, Generated(compilation).Contains(FlowLogsNote, System.StringComparison.Ordinal));
    }

    [Fact]
    public void GlobalConfigNone_HidesTheNote_AndAFileSectionOverridesIt()
    {
        var compilation = TestCompilation.Create(Source);
        var tree = compilation.SyntaxTrees.Single();
        var global = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new Severities(new Dictionary<(SyntaxTree?, string), ReportDiagnostic> { [(null, "TDSL409")] = ReportDiagnostic.Suppress })));
        Assert.DoesNotContain("TDSL409", Generated(global));

        var overridden = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(
            new Severities(new Dictionary<(SyntaxTree?, string), ReportDiagnostic>
            {
                [(null, "TDSL409")] = ReportDiagnostic.Suppress,
                [(tree, "TDSL409")] = ReportDiagnostic.Info,
            })));
        Assert.Contains(FlowLogsNote, Generated(overridden));
    }

    [Fact]
    public void ChangingTheSeverity_ReachesTheOutput_WithoutAFileEdit()
    {
        var compilation = TestCompilation.Create(Source);
        var driver = TestCompilation.CreateDriver().RunGenerators(compilation);
        Assert.Contains(FlowLogsNote, driver.GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString());

        var silenced = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("TDSL409", ReportDiagnostic.Suppress)]));
        driver = driver.RunGenerators(silenced);
        Assert.DoesNotContain("TDSL409", driver.GetRunResult().Results[0].GeneratedSources.Single().SourceText.ToString());
    }

    /// <summary>Severities as an .editorconfig (per file) or a global AnalyzerConfig (tree null) would give them.</summary>
    private sealed class Severities(Dictionary<(SyntaxTree?, string), ReportDiagnostic> values) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            values.TryGetValue((tree, diagnosticId), out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            values.TryGetValue((null, diagnosticId), out severity);
    }
}
