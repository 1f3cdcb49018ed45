using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TopologyDsl.CodeFixes;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

public class CodeFixTests
{
    private static async Task<(string Title, string Fixed)?> FixAsync(string body, string id)
    {
        var source = TestCompilation.Prelude + "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + body + "}\n";
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Shop", LanguageNames.CSharp)
            .WithParseOptions(TestCompilation.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences([.. Net100.References.All, MetadataReference.CreateFromFile(typeof(VpcAttribute).Assembly.Location)]);
        var document = project.AddDocument("Topology.cs", SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.Single(d => d.Id == id);

        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UseSuggestedBlockCodeFix().RegisterCodeFixesAsync(context);
        if (actions.Count == 0)
        {
            return null;
        }

        var action = Assert.Single(actions);
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var text = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        return (action.Title, text.ToString().Substring(TestCompilation.Prelude.Length));
    }

    [Fact]
    public async Task TDSL103_Fix_WritesTheNetworkAddress()
    {
        var result = await FixAsync("    [Vpc(\"10.0.0.0/16\")] public partial record Net;\n    [Subnet<Net>(\"10.0.1.5/24\")] public partial record A;\n", "TDSL103");
        Assert.Equal("Use the network address 10.0.1.0/24", result?.Title);
        Assert.Contains("[Subnet<Net>(\"10.0.1.0/24\")] public partial record A;", result?.Fixed);
    }

    [Fact]
    public async Task TDSL107_Fix_WritesTheNextFreeBlockOfTheSameSize()
    {
        var result = await FixAsync("""
                [Vpc("10.0.0.0/16")] public partial record Net;
                [Subnet<Net>("10.0.0.0/24")] public partial record A;
                [Subnet<Net>("10.0.1.0/24")] public partial record B;
                [Subnet<Net>("10.0.2.0/23")] public partial record C;
                [Subnet<Net>("10.0.1.0/24")] public partial record D;

            """, "TDSL107");
        Assert.Equal("Use the free block 10.0.4.0/24", result?.Title);
        Assert.Contains("[Subnet<Net>(\"10.0.4.0/24\")] public partial record D;", result?.Fixed);
    }

    [Fact]
    public async Task TDSL107_NoFreeBlock_OffersNoFix()
    {
        var result = await FixAsync("""
                [Vpc("10.0.0.0/28")] public partial record Net;
                [Subnet<Net>("10.0.0.0/28")] public partial record A;
                [Subnet<Net>("10.0.0.0/28")] public partial record B;

            """, "TDSL107");
        Assert.Null(result);
    }

    [Fact]
    public async Task TDSL103_ValueFromAConstant_OffersNoFix()
    {
        var result = await FixAsync("    const string Block = \"10.0.1.5/24\";\n    [Vpc(\"10.0.0.0/16\")] public partial record Net;\n    [Subnet<Net>(Block)] public partial record A;\n", "TDSL103");
        Assert.Null(result);
    }

    [Fact]
    public void FixableIds_AreInTheCatalog() =>
        Assert.All(new UseSuggestedBlockCodeFix().FixableDiagnosticIds, id => Assert.NotNull(Diagnostics.DiagnosticCatalog.Get(id)));
}
