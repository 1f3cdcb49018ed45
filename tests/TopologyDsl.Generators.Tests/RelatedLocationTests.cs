using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TopologyDsl.Generators.Tests.Infrastructure;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// A diagnostic's second place (its additional location) in a record of another stack: an imported stack's, for a
/// stack's own analysis; a sibling's or a routing stack's, for the compilation-end one. It resolves in that stack's
/// source map, at the argument that holds the value, as a place in the reporting stack does.
/// </summary>
public class RelatedLocationTests
{
    private const string Hub = """
        namespace Shop;
        [Stack("hub")]
        public static partial class Hub
        {
            [Vpc("10.10.0.0/16")] public partial record HubVpc;
            [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
            [InternetGateway<HubVpc>] public partial record HubIgw;
            [NatGateway<HubA>] public partial record HubNat;
            [RouteTable<HubVpc>, Associate<HubA>, Route<HubIgw>("0.0.0.0/0"), Route<HubNat>("10.20.0.0/16")] public partial record HubRoutes;
        }

        """;

    private static string Spoke(string body) => """
        [Stack("spoke")]
        public static partial class Spoke
        {
            [Vpc("10.20.0.0/16")] public partial record SpokeVpc;
            [Subnet<SpokeVpc>("10.20.1.0/24", Zone = 0)] public partial record SpokeA;
            [VpcPeering<SpokeVpc, Hub.HubVpc>] public partial record SpokeToHub;
            [RouteTable<SpokeVpc>, Associate<SpokeA>, Route<SpokeToHub>("10.10.0.0/16")] public partial record SpokeRoutes;

        """ + body + "}\n";

    /// <summary>
    /// The spoke's live analysis: its route record repeats a destination of the hub's own routes in the hub's table
    /// (TDSL114). The second place is the hub's [Route] with that destination, which the spoke imports.
    /// </summary>
    [Fact]
    public async Task TDSL114_RouteRecordRepeatsTheImportedTablesRoute_SecondPlaceAtTheHubsRoute()
    {
        var source = TestCompilation.Prelude + Hub + Spoke("""
                [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            """);
        var diagnostic = await Single(source, "TDSL114");
        Assert.Equal(At(source, "\"10.20.0.0/16\")] public partial record HubToSpoke"), diagnostic.Location.SourceSpan.Start);
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"10.20.0.0/16\")] public partial record HubRoutes"), related.SourceSpan.Start);
        Assert.Equal("\"10.20.0.0/16\"", Text(source, related));
    }

    /// <summary>
    /// The spoke asserts a path to the hub's server whose reply the hub's table sends to the NAT gateway (TDSL230): the
    /// broken link, the second place, is the hub's route, in the stack the spoke imports.
    /// </summary>
    [Fact]
    public async Task TDSL230_BrokenLinkInTheImportedHubsRoute_SecondPlaceAtThatRoute()
    {
        var hub = Hub.Replace("public partial record HubRoutes;", """
            public partial record HubRoutes;
                [SecurityGroup<HubVpc>("directory"), Ingress(Tcp, 636, "10.20.0.0/16", Description = "LDAPS")] public partial record Directory;
                [Instance<HubA>("10.10.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Directory>] public partial record DirectoryServer;
            """);
        var source = TestCompilation.Prelude + hub + Spoke("""
                [SecurityGroup<SpokeVpc>("app"), Egress(Tcp, 636, "10.10.0.0/16", Description = "LDAPS")] public partial record App;
                [Instance<SpokeA>("10.20.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<App>] public partial record AppServer;
            """).Replace("[Stack(\"spoke\")]", "[Stack(\"spoke\"), Reaches<Spoke.AppServer, Hub.DirectoryServer>(Tcp, 636)]");
        var diagnostic = await Single(source, "TDSL230");
        Assert.Equal("Reaches<Spoke.AppServer, Hub.DirectoryServer>(Tcp, 636)", Text(source, diagnostic.Location));
        Assert.Contains("route table 'Hub.HubRoutes' sends AppServer (10.20.1.10) to NAT gateway 'Hub.HubNat'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("Route<HubNat>(\"10.20.0.0/16\")", Text(source, related));
    }

    /// <summary>
    /// At compilation end: two stacks that do not see each other route one destination into the hub's table. The later
    /// one gets TDSL114, its second place the earlier one's route record, in a stack it does not import.
    /// </summary>
    [Fact]
    public async Task TDSL114_SiblingsRouteOneDestination_SecondPlaceInTheOtherSibling()
    {
        var source = TestCompilation.Prelude + Hub + Spoke("""
                [Route<Hub.HubRoutes, Hub.HubNat>("192.168.0.0/16")] public partial record HubToOffice;
            """) + """
            [Stack("spoke2")]
            public static partial class Spoke2
            {
                [Route<Hub.HubRoutes, Hub.HubNat>("192.168.0.0/16")] public partial record HubToOfficeAgain;
            }
            """;
        var diagnostic = await Single(source, "TDSL114");
        Assert.Equal(At(source, "\"192.168.0.0/16\")] public partial record HubToOfficeAgain"), diagnostic.Location.SourceSpan.Start);
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"192.168.0.0/16\")] public partial record HubToOffice;"), related.SourceSpan.Start);
        Assert.Equal("\"192.168.0.0/16\"", Text(source, related));
    }

    /// <summary>
    /// A subnet overlapping one of the imported network's subnets (TDSL107): the second place is the network's subnet's
    /// block, which the finding left out while it would have resolved in the wrong stack.
    /// </summary>
    [Fact]
    public async Task TDSL107_OverlapWithAnImportedSubnet_SecondPlaceAtItsBlock()
    {
        var source = TestCompilation.Prelude + Hub + """
            [Stack("app")]
            public static partial class App
            {
                [Subnet<Hub.HubVpc>("10.10.1.128/25", Zone = 0)] public partial record AppA;
            }
            """;
        var diagnostic = await Single(source, "TDSL107");
        Assert.Equal("\"10.10.1.128/25\"", Text(source, diagnostic.Location));
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal(At(source, "\"10.10.1.0/24\", Zone = 0)] public partial record HubA"), related.SourceSpan.Start);
        Assert.Equal("\"10.10.1.0/24\"", Text(source, related));
    }

    /// <summary>Near miss: two subnets of one stack overlap; the second place stays in that stack.</summary>
    [Fact]
    public async Task TDSL107_OverlapInOneStack_SecondPlaceInIt()
    {
        var source = TestCompilation.Prelude + Hub.Replace(
            "public partial record HubA;", "public partial record HubA;\n    [Subnet<HubVpc>(\"10.10.1.128/25\", Zone = 0)] public partial record HubB;");
        var diagnostic = await Single(source, "TDSL107");
        Assert.Equal("\"10.10.1.128/25\"", Text(source, diagnostic.Location));
        Assert.Equal(At(source, "\"10.10.1.0/24\""), Assert.Single(diagnostic.AdditionalLocations).SourceSpan.Start);
    }

    /// <summary>The stacks in two files: the second place is in the other file, at the hub's argument.</summary>
    [Fact]
    public async Task TDSL114_HubInAnotherFile_SecondPlaceInThatFile()
    {
        var spoke = TestCompilation.Prelude + "namespace Shop;\n" + Spoke("""
                [Route<Hub.HubRoutes, SpokeToHub>("10.20.0.0/16")] public partial record HubToSpoke;
            """);
        var hub = TestCompilation.Prelude + Hub;
        var run = TestCompilation.RunGenerator(TestCompilation.Create(spoke, hub));
        var analyzer = await run.Output.WithAnalyzers([new TopologyAnalyzer()], new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty)).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(analyzer, d => d.Id == "AD0001");
        var diagnostic = Assert.Single(analyzer, d => d.Id == "TDSL114");
        Assert.Equal("Topology.cs", diagnostic.Location.SourceTree?.FilePath);
        var related = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("Other1.cs", related.SourceTree?.FilePath);
        Assert.Equal(At(hub, "\"10.20.0.0/16\")] public partial record HubRoutes"), related.SourceSpan.Start);
    }

    private static async Task<Diagnostic> Single(string source, string id) =>
        Assert.Single(await TestCompilation.DiagnosticsAsync(source), d => d.Id == id);

    private static int At(string source, string text)
    {
        var at = source.IndexOf(text, System.StringComparison.Ordinal);
        Assert.True(at >= 0 && source.IndexOf(text, at + 1, System.StringComparison.Ordinal) < 0, "'" + text + "' once in the source");
        return at;
    }

    private static string Text(string source, Location location) => source.Substring(location.SourceSpan.Start, location.SourceSpan.Length);
}
