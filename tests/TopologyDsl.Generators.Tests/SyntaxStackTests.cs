using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators.Tests.Infrastructure;
using Xunit;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The generator reads stacks from syntax alone (<see cref="Parsing.ProgramSyntax"/>) and leaves a stack to the compiler
/// where the syntax leaves a doubt. Every generator test compares the syntax reading with the bound one
/// (<see cref="ParserEquivalence.CheckSyntax"/>); these tests pin down which programs take which way.
/// </summary>
public class SyntaxStackTests
{
    private const string Network = """
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24", Kind = SubnetKind.Public, Zone = 1)] public partial record Public;
        [Subnet<Net>("10.0.2.0/24")] public partial record Private;
        [InternetGateway<Net>] public partial record Igw;
        [NatGateway<Public>] public partial record Nat;
        [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
        [RouteTable<Net>, Associate<Private>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
        [SecurityGroup<Net>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS"), Egress(Protocol.All, 0, "0.0.0.0/0")] public partial record WebGroup;
        [SecurityGroup<Net>("db"), IngressFrom<WebGroup>(Protocol.Tcp, 3306)] public partial record DbGroup;
        [Parameter(Type = ParameterTypes.ImageId)] public partial record Ami;
        [Instance<Public>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro", PublicIp = true), Uses<WebGroup>, Tag("Role", "web")] public partial record Web;
        [Instance<Private>, Uses<DbGroup>, SshVia<Web>(User = "ec2-user"), Policies(DeletionPolicy = RemovalPolicy.Retain)] public partial record Db;
        [Secret(Length = 40)] public partial record DbPassword;

        """;

    private static ParserEquivalence.SyntaxReading Read(params string[] sources) => ParserEquivalence.CheckSyntax(TestCompilation.Create(sources));

    private static string Stack(string records, string usings = TestCompilation.Prelude, string before = "") =>
        usings + "namespace Shop;\n" + before + "[Stack(\"shop\", Description = \"A shop\"), Output(\"Vpc\", \"Net.Id\"), Tag(\"Team\", \"web\")]\npublic static partial class ShopStack\n{\n" + records + "}\n";

    [Fact]
    public void ATwoTierNetworkWithInstances_IsReadFromSyntax()
    {
        var reading = Read(Stack(Network));

        Assert.Equal(["Shop.ShopStack"], reading.Read);
        Assert.Empty(reading.Bound);
    }

    [Fact]
    public void EveryExampleStack_IsReadFromSyntax()
    {
        var root = Path.Combine(RepositoryRoot(), "examples");
        foreach (var project in Directory.GetDirectories(root))
        {
            var sources = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .Select(File.ReadAllText)
                .ToArray();
            var reading = Read(sources);

            Assert.True(reading.Read.Count > 0, project);
            Assert.True(reading.Bound.Count == 0, project + ": bound " + string.Join(", ", reading.Bound));
        }
    }

    [Theory]
    [InlineData("[TopologyDsl.Vpc(\"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[global::TopologyDsl.VpcAttribute(\"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[type: Vpc(cidrBlock: \"10.0.0.0/16\")] public partial record Net;")]
    [InlineData("[Vpc(@\"10.0.0.0/16\", SecondaryCidrBlocks = [\"10.1.0.0/16\", \"\"\"10.2.0.0/16\"\"\"])] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new[] { \"10.1.0.0/16\" }, FlowLogs = true, FlowLogRetentionDays = (7))] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new string[] { })] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = null)] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = SubnetKind.Private, Ipv6Index = -1)] public partial record A;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<ShopStack.Net>(\"10.0.1.0/24\", Zone = 1)] public partial record A;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<global::Shop.ShopStack.Net>(\"10.0.1.0/24\")] public partial record A;")]
    [InlineData("[TransitGateway(AmazonSideAsn = 64512)] public partial record Tgw;")]
    [InlineData("[TransitGateway(AmazonSideAsn = 4200000000L)] public partial record Tgw;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [GatewayEndpoint<Net>(EndpointServices.S3)] public partial record S3;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [SecurityGroup<Net>(\"g\"), Ingress(TopologyDsl.Protocol.Udp, 53, \"10.0.0.0/16\")] public partial record G;")]
    [InlineData("[Parameter(Type = ParameterTypes.KeyPairName), System.Obsolete] public partial record Key;")]
    [InlineData("[Vpc(Cidr)] public partial record Net; private const string Cidr = \"10.0.0.0/16\";")]
    [InlineData("[Vpc(ShopStack.Cidr)] public partial record Net; public const string Cidr = \"10.0.0.0/16\";")]
    [InlineData("[Parameter] public partial record Ami; [Vpc(nameof(Ami))] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Vpc; [Subnet<Vpc>(\"10.0.1.0/24\")] public partial record Subnet;")]
    [InlineData("[Vpc(\"10.0.0.0/16\"), System.Diagnostics.CodeAnalysis.SuppressMessage(\"TopologyDsl\", \"TDSL117\", Justification = \"why\")] public partial record Net;")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; public struct Helper { } public enum Size { Small } public delegate void Callback();")]
    public void PlainForms_AreReadFromSyntax(string records)
    {
        var reading = Read(Stack(records + "\n"));

        Assert.Empty(reading.Bound);
        Assert.Single(reading.Read);
    }

    [Theory]
    [InlineData("[Vpc(\"10.0.\" + \"0.0/16\")] public partial record Net;", "")]
    [InlineData("[Vpc($\"10.0.0.0/{16}\")] public partial record Net;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\", FlowLogRetentionDays = (int)7L)] public partial record Net;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\", SecondaryCidrBlocks = new[] { \"10.1.0.0/16\", null })] public partial record Net;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = (SubnetKind)1)] public partial record A;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\", Kind = 0)] public partial record A;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Missing>(\"10.0.1.0/24\")] public partial record A;", "")]
    [InlineData("[Vpc(42)] public partial record Net;", "")]
    [InlineData("[Vpc(nameof(Missing))] public partial record Net;", "")]
    [InlineData("[Vpc(nameof(System.String))] public partial record Net;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\", Nope = true)] public partial record Net;", "")]
    [InlineData("[Vpc] public partial record Net;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net { public class Inner; }", "")]
    [InlineData("[Network(\"10.0.0.0/16\")] public partial record Net;", "using Network = TopologyDsl.VpcAttribute;\n")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net;", "using Vpc = TopologyDsl.VpcAttribute;\n")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [SecurityGroup<Net>(\"g\"), Ingress(Tcp, 22, \"10.0.0.0/8\")] public partial record G;", "using static System.Math;\n")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Vpc(\"10.1.0.0/16\")] public partial record Other; public sealed class VpcAttribute : System.Attribute { }", "")]
    [InlineData("public const string Cidr = \"10.0.0.0/16\"; [Vpc(Cidr)] public partial record Net { public const string Cidr = \"10.9.0.0/16\"; }", "")]
    [InlineData("public const string Cidr = \"10.0.0.0/16\"; public record Base { public const string Cidr = \"10.9.0.0/16\"; } [Vpc(Cidr)] public partial record Net : Base;", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [SecurityGroup<Net>(\"g\"), Ingress(Tcp, 22, \"10.0.0.0/8\")] public partial record G { public const Protocol Tcp = Protocol.Udp; }", "")]
    [InlineData("[Vpc(\"10.0.0.0/16\")] public partial record Net; [SecurityGroup<Net>(\"g\"), Ingress(Tcp, 22, \"10.0.0.0/8\")] public partial record G;", "using static TopologyDsl.Extras.Ports;\nnamespace TopologyDsl.Extras { public static class Ports { public const Protocol Tcp = Protocol.Udp; } }\n")]
    public void DoubtfulForms_AreLeftToTheCompiler(string records, string usings)
    {
        var reading = Read(Stack(records + "\n", TestCompilation.Prelude + usings));

        Assert.Equal(["ShopStack"], reading.Bound);
        Assert.Empty(reading.Read);
    }

    [Fact]
    public void AUsingInTheFileAndTheSameGlobalUsing_AreNoAmbiguity()
    {
        var reading = Read(Stack(Network), "global using TopologyDsl;\nglobal using static TopologyDsl.Protocol;\n");

        Assert.Equal(["Shop.ShopStack"], reading.Read);
    }

    [Fact]
    public void StackWrittenThroughAnAlias_IsLeftToTheCompiler()
    {
        var source = "using Deploy = TopologyDsl.StackAttribute;\n" + Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\n").Replace("[Stack(\"shop\", Description = \"A shop\")", "[Deploy(\"shop\", Description = \"A shop\")");

        var reading = Read(source);

        Assert.Equal(["ShopStack"], reading.Bound);
        Assert.Contains(TestCompilation.RunGenerator(TestCompilation.Create(source)).Result.GeneratedTrees, t => t.FilePath.EndsWith("Shop.ShopStack.g.cs", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public static class Outer { public static class Mid { [Stack(\"x\")] public static partial class Inner { } } }")]
    [InlineData("public partial record Holder { [Stack(\"x\")] public static partial class Inner { } }")]
    public void AStackNestedAtAnyDepth_IsLeftToTheCompilerWhichReportsTDSL004(string declaration)
    {
        var source = TestCompilation.Prelude + "namespace Shop;\n" + declaration + "\n";

        Assert.Equal(["Inner"], Read(source).Bound);
        Assert.Equal(["TDSL004"], TestCompilation.RunGenerator(TestCompilation.Create(source)).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void ANestedClassUnderTheOuterClassesOwnStackAttribute_IsNoStack()
    {
        var source = "namespace Shop;\npublic static class Outer\n{\n    public sealed class StackAttribute(string name) : System.Attribute { }\n    [Stack(\"x\")] public static partial class Inner { }\n}\n";

        Assert.Empty(TestCompilation.RunGenerator(TestCompilation.Create(source)).Diagnostics);
    }

    [Fact]
    public void AStackWithAPartThatDoesNotSayPartial_IsLeftToTheCompiler_AndSoAreRecordsReadThroughIt()
    {
        // The part without partial is read only as such (CS0260): its records are unknown to the syntax reading.
        var source = TestCompilation.Prelude + """
            namespace Shop;
            [Stack("network")]
            public static partial class Network
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
            }
            public static class Network
            {
                public partial record Net;
            }
            [Stack("app")]
            public static partial class App
            {
                [Subnet<Network.Net>("10.0.1.0/24")] public partial record A;
            }
            """;

        Assert.Equal(["Network", "App"], Read(source).Bound);
    }

    [Fact]
    public void AUsingInsideANamespaceBlock_IsResolvedFromThatNamespace()
    {
        // C# resolves "using Shared;" inside namespace MyNetwork.Spoke from there: MyNetwork.Shared, not the top-level Shared.
        var hubs = """
            namespace Shared { [TopologyDsl.Stack("global-hub")] public static partial class Hub { [TopologyDsl.Vpc("10.1.0.0/16")] public partial record Main; } }
            namespace MyNetwork.Shared { [TopologyDsl.Stack("local-hub")] public static partial class Hub { [TopologyDsl.Vpc("10.2.0.0/16")] public partial record Main; } }
            """;
        var spoke = """
            namespace MyNetwork.Spoke
            {
                using Shared;
                using TopologyDsl;
                [Stack("spoke")] public static partial class SpokeStack { [Subnet<Hub.Main>("10.2.1.0/24", Zone = 0)] public partial record Sub; }
            }
            """;

        var reading = Read(hubs, spoke);

        Assert.Equal(["Shared.Hub", "MyNetwork.Shared.Hub", "MyNetwork.Spoke.SpokeStack"], reading.Read);
    }

    [Theory]
    [InlineData("namespace Shop;\nfile class VpcAttribute { }\n")]
    [InlineData("namespace Shop;\nfile class SubnetAttribute<T> { }\n")]
    [InlineData("namespace Shop;\nfile class StackAttribute { }\n")]
    public void AFileTypeInAnotherFile_LeavesTheStackToTheCompiler(string other)
    {
        // A file type is seen from its own file only: the syntax reading cannot tell, so it is a doubt (the compiler reads TopologyDsl's here).
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net; [Subnet<Net>(\"10.0.1.0/24\")] public partial record Public;\n"), other);

        Assert.Equal(["ShopStack"], reading.Bound);
    }

    [Fact]
    public void APartialMethodNamedBuildTemplate_IsOneMember()
    {
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\nstatic partial void BuildTemplate();\nstatic partial void BuildTemplate() { }\n"));

        Assert.Equal(["Shop.ShopStack"], reading.Read);
    }

    [Fact]
    public void APartialRecordNamedBuildTemplate_IsOneMember()
    {
        // Found by the random topologies (CsCheck_Seed=63eGuYLL26Db): one TDSL012, not one per part.
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\npublic partial record BuildTemplate;\npublic partial record BuildTemplate;\n"));

        Assert.Equal(["Shop.ShopStack"], reading.Read);
    }

    [Fact]
    public void AProjectTypeInTheTopologyDslNamespace_WinsOverTheRuntimes()
    {
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net; [GatewayEndpoint<Net>(EndpointServices.S3)] public partial record S3;\n"),
            "namespace TopologyDsl { public static class EndpointServices { public const string S3 = \"s3x\"; } }\n");

        Assert.Equal(["ShopStack"], reading.Bound);
    }

    [Fact]
    public void AUsingOfALibraryNamespaceInsideTheNamespaceBlock_LeavesTheStackToTheCompiler()
    {
        // Lib.TagAttribute, imported inside the block, hides TopologyDsl's, imported outside it: the syntax cannot see Lib's types.
        var library = CSharpCompilation.Create("Library",
            [CSharpSyntaxTree.ParseText("namespace Lib { public sealed class TagAttribute : System.Attribute { public TagAttribute(string k, string v) { } } }")],
            TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var source = "using TopologyDsl;\nnamespace Shop\n{\n    using Lib;\n    [Stack(\"shop\")]\n    public static partial class ShopStack\n    {\n        [Vpc(\"10.0.0.0/16\"), Tag(\"Team\", \"web\")] public partial record Net;\n    }\n}\n";

        var reading = ParserEquivalence.CheckSyntax(TestCompilation.Create(source).AddReferences(library.ToMetadataReference()));

        Assert.Equal(["ShopStack"], reading.Bound);
    }

    [Fact]
    public void AUserAttributeNamedLikeOursInTheStacksNamespace_LeavesTheStackToTheCompiler()
    {
        // The user's own VpcAttribute in the stack's namespace wins over TopologyDsl's, as C# decides.
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\n",
            before: "public sealed class VpcAttribute(string cidr) : System.Attribute { public string Cidr { get; } = cidr; }\n"));

        Assert.Equal(["ShopStack"], reading.Bound);
    }

    [Fact]
    public void AUserTypeNamedLikeOursThatIsNoAttribute_DoesNotHideOurs()
    {
        // C# looks up Vpc and VpcAttribute; a class Vpc that is no attribute class gives nothing, so [Vpc] is TopologyDsl's.
        var reading = Read(Stack("[Vpc(\"10.0.0.0/16\")] public partial record Net;\n", before: "public sealed class Vpc { }\n"));

        Assert.Equal(["Shop.ShopStack"], reading.Read);
    }

    [Fact]
    public void AStackWithABaseClass_IsLeftToTheCompiler()
    {
        var source = TestCompilation.Prelude + """
            namespace Shop;
            public class Base { public sealed class VpcAttribute(string cidr) : System.Attribute { } }
            [Stack("shop")]
            public partial class ShopStack : Base
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
            }
            """;

        Assert.Equal(["ShopStack"], Read(source).Bound);
    }

    [Fact]
    public void StacksInSeveralFilesAndNamespaces_ResolveEachOthersRecordsThroughUsingsAndGlobalUsings()
    {
        var network = """
            namespace Company.Network
            {
                [Stack("network")]
                public static partial class NetworkStack
                {
                    [Vpc("10.0.0.0/16")] public partial record Net;
                }
            }
            """;
        var app = """
            using Company.Network;

            namespace Company.Apps.Shop;

            [Stack("app")]
            public static partial class AppStack
            {
                [Subnet<NetworkStack.Net>("10.0.1.0/24")] public partial record A;
                [SecurityGroup<Company.Network.NetworkStack.Net>("g"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record G;
            }
            """;
        var globals = "global using TopologyDsl;\nglobal using static TopologyDsl.Protocol;\n";

        var reading = Read(network, app, globals);

        Assert.Equal(["Company.Network.NetworkStack", "Company.Apps.Shop.AppStack"], reading.Read);
    }

    [Fact]
    public void AStackSplitOverPartialDeclarations_IsReadWhole()
    {
        var first = TestCompilation.Prelude + """
            namespace Shop;
            [Stack("shop")]
            public static partial class ShopStack
            {
                [Vpc("10.0.0.0/16")] public partial record Net;
                [Subnet<Net>("10.0.1.0/24")] public partial record A;
            }
            """;
        var second = TestCompilation.Prelude + """
            namespace Shop
            {
                public static partial class ShopStack
                {
                    [Subnet<Net>("10.0.2.0/24")] public partial record B;
                    [Tag("Tier", "a")] public partial record A;
                    public const string Cidr = "10.0.3.0/24";
                }
            }
            """;

        var reading = Read(first, second);

        Assert.Equal(["Shop.ShopStack"], reading.Read);
    }

    [Fact]
    public void AClassNamedStackThatIsNotOurs_IsNoStack()
    {
        var source = """
            namespace Other;
            public sealed class StackAttribute(string name) : System.Attribute { }
            [Stack("not ours")]
            public static partial class NotAStack
            {
                [System.Obsolete] public partial record Net;
            }
            """;

        var reading = Read(source);

        Assert.Empty(reading.Read);
    }

    private const string HiddenStack = """
        using TopologyDsl;
        namespace Shop;
        [Stack("shop")]
        public static partial class ShopStack
        {
            [Vpc("10.0.0.0/16")] public partial record Net;
        }
        """;

    /// <summary>The generator, then the analyzer, on a program that references a library declaring VpcAttribute in <paramref name="libraryNamespace"/>.</summary>
    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithLibrary(string libraryNamespace)
    {
        var library = CSharpCompilation.Create("Library",
            [CSharpSyntaxTree.ParseText("namespace " + libraryNamespace + " { public sealed class VpcAttribute : System.Attribute { public VpcAttribute(string cidr) { } } }")],
            TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = TestCompilation.Create(HiddenStack).AddReferences(library.ToMetadataReference());
        TestCompilation.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return await output.WithAnalyzers([new TopologyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task TDSL021_ALibraryTypeHidesOursInTheStacksNamespace_ReportedAtTheStackName()
    {
        // The syntax cannot see Library's Shop.VpcAttribute, which C# prefers to TopologyDsl's: the generator reads a VPC, the compiler no resource.
        var diagnostics = await AnalyzeWithLibrary("Shop");

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "TDSL021");
        Assert.Equal(HiddenStack.IndexOf("ShopStack", System.StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Equal("ShopStack".Length, diagnostic.Location.SourceSpan.Length);
        Assert.Equal("The generator read stack 'ShopStack' from its syntax differently from the compiler (it read 'Net' as Vpc, the compiler as no resource), "
            + "so its template would not be what the code says", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task TDSL021_ALibraryTypeOfTheSameNameElsewhere_NotReported()
    {
        var diagnostics = await AnalyzeWithLibrary("Elsewhere");

        Assert.DoesNotContain(diagnostics, d => d.Id == "TDSL021");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TopologyDsl.sln")))
        {
            directory = directory.Parent;
        }

        return directory!.FullName;
    }
}
