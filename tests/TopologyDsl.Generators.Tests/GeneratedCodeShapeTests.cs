using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Names and values that are legal C# but could break the generated code: keywords as names, a stack
/// name that tries to end the generated doc comment, [Stack] on two partial declarations. Each test
/// compiles the generated code (Markup fails on any error in it) and asserts the diagnostics.
/// </summary>
public class GeneratedCodeShapeTests
{
    [Fact]
    public Task KeywordNames_AreEscapedInGeneratedCode() => Markup.VerifyAsync("""
        namespace @event.@class;
        [Stack("shop")]
        public static partial class @static
        {
            [Vpc("10.0.0.0/16")] public partial record @event;
            [Subnet<@event>("10.0.1.0/24")] public partial record @class;
            [SecurityGroup<@event>("web")] public partial record @int;
        }
        """);

    private const string Injecting = """
        namespace Shop;
        [Stack({|TDSL007:"shop\n        public static int Injected() => 1;\n        //"|})]
        public static partial class Shop
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
        }
        """;

    [Fact]
    public Task StackNameWithALineBreak_IsReportedOnly() => Markup.VerifyAsync(Injecting);

    [Fact]
    public void StackNameWithALineBreak_StaysInsideTheDocComment()
    {
        var (source, _) = Markup.Parse(TestCompilation.Prelude + Injecting);
        var generated = TestCompilation.RunGenerator(TestCompilation.Create(source)).Sources.Single().SyntaxTree;
        var methods = generated.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().Select(m => m.Identifier.Text);
        Assert.Equal(["BuildTemplate"], methods);
    }

    [Fact]
    public async Task StackAttributeOnTwoPartialDeclarations_GeneratesOnce()
    {
        var source = TestCompilation.Prelude + """
            namespace Shop;
            [Stack("shop")]
            public static partial class Shop
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
            }
            [Stack("shop")]
            public static partial class Shop
            {
                [Subnet<Net>("10.0.1.0/24")] public partial record Sub;
            }
            """;
        var run = TestCompilation.RunGenerator(TestCompilation.Create(source));
        Assert.Single(run.Sources);
        var diagnostics = await TestCompilation.DiagnosticsAsync(source);
        Assert.Equal(["CS0579"], diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id).Distinct());
    }

    private const string SixBlocks = """
        namespace Shop;
        [Stack("shop")]
        public static partial class Shop
        {
            // AWS raised this account's quota of blocks per VPC.
        #pragma warning disable TDSL117
            [Vpc("10.0.0.0/16", FlowLogs = true, SecondaryCidrBlocks = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16", "10.5.0.0/16"])] public partial record Net;
        #pragma warning restore TDSL117
        }
        """;

    /// <summary>An error silenced on purpose leaves a clean build and a template: BuildTemplate() does not throw its ID.</summary>
    [Fact]
    public async Task SilencedError_ByPragma_BuildsTheTemplate()
    {
        await Markup.VerifyAsync(SixBlocks);
        var (source, _) = Markup.Parse(TestCompilation.Prelude + SixBlocks);
        var generated = TestCompilation.RunGenerator(TestCompilation.Create(source)).Sources.Single().SourceText.ToString();
        Assert.DoesNotContain("throw new", generated);
        Assert.Contains("t.Vpc(", generated);
    }

    [Fact]
    public void SilencedError_ByNoWarn_BuildsTheTemplate()
    {
        var (source, _) = Markup.Parse(TestCompilation.Prelude + SixBlocks.Replace("#pragma warning disable TDSL117", "").Replace("#pragma warning restore TDSL117", ""));
        var compilation = TestCompilation.Create(source);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions([new("TDSL117", Microsoft.CodeAnalysis.ReportDiagnostic.Suppress)]));
        var generated = TestCompilation.RunGenerator(compilation).Sources.Single().SourceText.ToString();
        Assert.DoesNotContain("throw new", generated);
    }

    [Fact]
    public void UnsilencedError_StillThrows()
    {
        var (source, _) = Markup.Parse(TestCompilation.Prelude + SixBlocks.Replace("#pragma warning disable TDSL117", "").Replace("#pragma warning restore TDSL117", ""));
        var generated = TestCompilation.RunGenerator(TestCompilation.Create(source)).Sources.Single().SourceText.ToString();
        Assert.Contains("throw new global::TopologyDsl.Resources.TopologyException(\"TDSL117\"", generated);
    }
}
