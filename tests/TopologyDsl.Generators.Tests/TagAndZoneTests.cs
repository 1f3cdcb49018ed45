using System;
using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>Tags (TDSL013-019) and zones by name or ID (TDSL123-126): each rule fires at the marked argument, its near miss beside it is quiet.</summary>
public class TagAndZoneTests
{
    private static Task Verify(string body, string attributes = "[Stack(\"shop\")]") =>
        Markup.VerifyAsync("namespace Shop;\n" + attributes + "\npublic static partial class Shop\n{\n" + body + "}\n");

    private const string Net = "[Vpc(\"10.0.0.0/16\")] public partial record Net;\n";

    [Fact]
    public Task Tags_ValidUse_HasNoDiagnostics() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24"), Tag("Name", "prod-web"), Tag("Tier", "web"), Tag("CostCenter", "")] public partial record Web;
        [Vpc("10.1.0.0/16", FlowLogs = true, FlowLogRetentionDays = 30), Tag("Owner", "team a/b: x=y+z@example.com")] public partial record Logged;
        """, "[Stack(\"shop\"), Tag(\"CostCenter\", \"42\"), Tag(\"Name\", \"shop\")]");

    [Fact]
    public Task TDSL013_TagOnAParameter() => Verify(Net + """
        [Parameter, {|TDSL013:Tag("Tier", "web")|}] public partial record Size;
        [Subnet<Net>("10.0.1.0/24"), Tag("Tier", "web")] public partial record Web;
        """);

    [Fact]
    public Task TDSL014_TagKeyEmptyOrTooLong() => Verify(Net.Replace("] public", $", Tag({{|TDSL014:\"\"|}}, \"x\"), Tag({{|TDSL014:\"{new string('k', 129)}\"|}}, \"x\"), Tag(\"{new string('k', 128)}\", \"x\")] public"));

    [Fact]
    public Task TDSL014_StackTagKeyEmpty() => Verify(Net, "[Stack(\"shop\"), Tag({|TDSL014:\"\"|}, \"x\"), Tag(\"k\", \"\")]");

    [Fact]
    public Task TDSL015_TagValueTooLong() => Verify(Net.Replace("] public", $", Tag(\"a\", {{|TDSL015:\"{new string('v', 257)}\"|}}), Tag(\"b\", \"{new string('v', 256)}\")] public"));

    [Fact]
    public Task TDSL015_CharactersAreCountedAsAwsCountsThem_APairIsOne() =>
        // 256 characters outside the Basic Multilingual Plane are 512 UTF-16 code units, but 256 characters.
        Verify(Net.Replace("] public", $", Tag(\"a\", \"{string.Concat(Enumerable.Repeat("\U0001F600", 256))}\"), Tag(\"b\", {{|TDSL015:\"{string.Concat(Enumerable.Repeat("\U0001F600", 257))}\"|}})] public"));

    [Fact]
    public Task TDSL016_ReservedPrefix() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24"), Tag({|TDSL016:"aws:cloudformation:stack-name"|}, "x"), Tag({|TDSL016:"AWS:Owner"|}, "x"), Tag("awsOwner", "x"), Tag("Owner", "aws:x")] public partial record Web;
        """);

    [Fact]
    public Task TDSL017_KeyGivenTwice() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24"), Tag("Tier", "web"), Tag({|TDSL017:"Tier"|}, "app"), Tag("tier", "app")] public partial record Web;
        """, "[Stack(\"shop\"), Tag(\"CostCenter\", \"42\"), Tag({|TDSL017:\"CostCenter\"|}, \"43\"), Tag(\"Tier\", \"all\")]");

    [Fact]
    public Task TDSL018_MoreThan50Tags_CountingNameAndTheStacks()
    {
        // 30 on the stack and 19 of its own make 50 with the Name; one more on the second subnet is 51.
        var stack = "[Stack(\"shop\"), " + string.Join(", ", Enumerable.Range(0, 30).Select(i => $"Tag(\"S{i}\", \"v\")")) + "]";
        var own = string.Join(", ", Enumerable.Range(0, 19).Select(i => $"Tag(\"R{i}\", \"v\")"));
        return Verify($$"""
            [Vpc("10.0.0.0/16")] public partial record Net;
            [Subnet<Net>("10.0.1.0/24"), {{own}}] public partial record Fifty;
            [Subnet<Net>("10.0.2.0/24"), {{own}}, Tag("S0", "mine")] public partial record AlsoFifty;
            [Subnet<Net>("10.0.3.0/24"), {{own}}, Tag("R19", "v")] public partial record {|TDSL018:FiftyOne|};
            """, stack);
    }

    [Fact]
    public Task TDSL019_CharactersAnIamRoleRefuses() => Verify("""
        [Vpc("10.0.0.0/16", FlowLogs = true), Tag("Owner", {|TDSL019:"team #1"|}), Tag({|TDSL019:"Cost*Center"|}, "x")] public partial record Logged;
        [Vpc("10.1.0.0/16"), Tag("Owner", "team #1"), Tag("Cost*Center", "x")] public partial record NoRole;
        [Vpc("10.2.0.0/16", FlowLogs = true), Tag("Owner", "team 1: a/b=c+d-e@f_g.h")] public partial record Fine;
        """);

    [Fact]
    public Task TDSL019_StackTagReachingTheRoleOfAnInstance() => Verify("""
        [Parameter(Type = ParameterTypes.ImageId)] public partial record Ami;
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24")] public partial record Private;
        [Secret] public partial record Password;
        [Instance<Private>("10.0.1.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), ReadsSecret<Password>] public partial record Server;
        """, "[Stack(\"shop\"), Tag(\"Project\", {|TDSL019:\"a&b\"|}), Tag(\"Team\", \"a and b\")]");

    [Fact]
    public Task Zones_ValidUse_HasNoDiagnostics() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "apne1-az4")] public partial record B;
        [Subnet<Net>("10.0.3.0/24", ZoneId = "apne1-tpe1-az1")] public partial record LocalZone;
        [Subnet<Net>("10.0.4.0/24", Zone = 2)] public partial record C;
        """);

    [Fact]
    public Task TDSL123_ZoneGivenTwice() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", Zone = 0, ZoneId = {|TDSL123:"apne1-az1"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneName = {|TDSL126:"ap-northeast-1a"|}, ZoneId = {|TDSL123:"apne1-az1"|})] public partial record B;
        [Subnet<Net>("10.0.3.0/24", ZoneId = "apne1-az2")] public partial record C;
        """);

    [Fact]
    public Task TDSL124_MalformedZone() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneId = {|TDSL124:"ap-northeast-1a"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneName = {|TDSL124:"apne1-az1"|})] public partial record B;
        [Subnet<Net>("10.0.3.0/24", ZoneId = {|TDSL124:""|})] public partial record C;
        [Subnet<Net>("10.0.4.0/24", ZoneId = "apne1-az1")] public partial record D;
        """);

    [Fact]
    public Task TDSL125_ZonesOfTwoRegions() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "apne1-az2")] public partial record B;
        [Subnet<Net>("10.0.3.0/24", ZoneId = {|TDSL125:"use1-az1"|})] public partial record C;
        """);

    [Fact]
    public Task TDSL125_ZoneNamesOfTwoRegions_LocalZonesBelongToTheirParentRegion() => Verify(Net + """
        #pragma warning disable TDSL126
        [Subnet<Net>("10.0.1.0/24", ZoneName = "us-west-2a")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneName = "us-west-2-lax-1a")] public partial record Local;
        [Subnet<Net>("10.0.3.0/24", ZoneName = {|TDSL125:"us-east-1a"|})] public partial record C;
        """);

    [Fact]
    public Task TDSL125_ZoneNameAndZoneIdOfTwoRegions() => Verify(Net + """
        #pragma warning disable TDSL126
        [Subnet<Net>("10.0.1.0/24", ZoneName = "us-east-1a")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "use1-az4")] public partial record SameRegion;
        [Subnet<Net>("10.0.3.0/24", ZoneId = {|TDSL125:"usw2-az1"|})] public partial record C;
        """);

    [Fact]
    public Task TDSL125_ZoneIdThenZoneNameOfAnotherRegion() => Verify(Net + """
        #pragma warning disable TDSL126
        [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneName = "ap-northeast-1c")] public partial record SameRegion;
        [Subnet<Net>("10.0.3.0/24", ZoneName = {|TDSL125:"ap-northeast-3a"|})] public partial record C;
        """);

    [Fact]
    public async Task TDSL125_ZoneNameAndZoneId_MessageNamesBothRegions()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + Net + """
            #pragma warning disable TDSL126
            [Subnet<Net>("10.0.1.0/24", ZoneName = "us-east-1a")] public partial record A;
            [Subnet<Net>("10.0.2.0/24", ZoneId = "usw2-az1")] public partial record B;
            }
            """);
        Assert.Equal("Subnet 'B' is in usw2-az1 of region us-west-2, but subnet 'A' is in us-east-1a of region us-east-1; a stack deploys to one region",
            Assert.Single(diagnostics, d => d.Id == "TDSL125").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task TDSL125_ZoneIdOfARegionTheTableDoesNotList_IsNotComparedWithZoneNames() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneName = {|TDSL126:"us-east-1a"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "xyz9-az1")] public partial record NewRegion;
        [Subnet<Net>("10.0.3.0/24", ZoneId = "xyz9-abc1-az2")] public partial record NewLocalZone;
        [Subnet<Net>("10.0.4.0/24", ZoneName = {|TDSL126:"us-east-1b"|})] public partial record D;
        """);

    [Fact]
    public Task TDSL125_ZoneIdsOfTwoRegionsTheTableDoesNotList_AreComparedByTheirCodes() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneId = "xyz9-az1")] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "xyz9-az2")] public partial record B;
        [Subnet<Net>("10.0.3.0/24", ZoneId = {|TDSL125:"xyw9-az1"|})] public partial record C;
        """);

    [Fact]
    public void ZoneIdRegions_EachCodeAbbreviatesItsRegion()
    {
        // The first two letters are the region code's, the number is the region's number, and no region has two codes.
        Assert.Equal(34, ZoneIdRegions.All.Count);
        Assert.All(ZoneIdRegions.All, pair =>
        {
            var region = System.Text.RegularExpressions.Regex.Match(pair.Value, "^([a-z]{2})(?:-([a-z]+))+-([0-9]+)$");
            Assert.True(region.Success, pair.Value);
            var code = System.Text.RegularExpressions.Regex.Match(pair.Key, "^([a-z]{2})([a-z]{1,4})([0-9]+)$");
            Assert.True(code.Success, pair.Key);
            Assert.Equal(region.Groups[1].Value, code.Groups[1].Value);
            Assert.Equal(region.Groups[3].Value, code.Groups[3].Value);
            Assert.Equal(region.Groups[2].Captures[^1].Value[0], code.Groups[2].Value[0]);
        });
        Assert.Equal(ZoneIdRegions.All.Count, ZoneIdRegions.All.Values.Distinct().Count());
    }

    [Fact]
    public Task TDSL126_ZoneByName() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneName = {|TDSL126:"ap-northeast-1a"|})] public partial record A;
        [Subnet<Net>("10.0.2.0/24", ZoneId = "apne1-az1")] public partial record B;
        """);

    [Fact]
    public Task TDSL120_TwoAttachmentSubnetsInOneZoneId_OnlyLikeFormsCompare() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/28", ZoneId = "apne1-az1")] public partial record A;
        [Subnet<Net>("10.0.2.0/28", ZoneId = "apne1-az1")] public partial record B;
        [Subnet<Net>("10.0.3.0/28", Zone = 0)] public partial record C;
        [Subnet<Net>("10.0.4.0/28", ZoneId = "apne1-az2")] public partial record D;
        [TransitGateway] public partial record Tgw;
        [TransitGatewayAttachment<Tgw, Net>, AttachmentSubnet<A>, AttachmentSubnet<{|TDSL120:B|}>, AttachmentSubnet<C>, AttachmentSubnet<D>] public partial record Attachment;
        """);

    [Fact]
    public Task TDSL270_NatGatewayInAnotherZoneId_MixedFormsAreNotCompared() => Verify(Net + """
        [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1")] public partial record PublicA;
        [Subnet<Net>("10.0.11.0/24", ZoneId = "apne1-az1")] public partial record AppA;
        [Subnet<Net>("10.0.12.0/24", ZoneId = "apne1-az2")] public partial record AppB;
        [Subnet<Net>("10.0.13.0/24", Zone = 1)] public partial record AppC;
        [InternetGateway<Net>] public partial record Igw;
        [NatGateway<PublicA>] public partial record Nat;
        [RouteTable<Net>, Associate<PublicA>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
        [RouteTable<Net>, Associate<AppA>, {|TDSL270:Associate<AppB>|}, Associate<AppC>, Route<Nat>("0.0.0.0/0")] public partial record PrivateRoutes;
        """);

    [Fact]
    public void Emit_TagsAndZoneIds_MatchSnapshot()
    {
        const string source = """
            namespace Shop;
            [Stack("shop"), Tag("CostCenter", "42")]
            public static partial class Shop
            {
                [Vpc("10.0.0.0/16"), Tag("Name", "prod \"core\""), Tag("Owner", "net")] public partial record Net;
                [Subnet<Net>("10.0.1.0/24", ZoneId = "apne1-az1")] public partial record Public;
                [Subnet<Net>("10.0.2.0/24", Zone = 1)] public partial record Private;
                [InternetGateway<Net>] public partial record Igw;
                [NatGateway<Public>, Tag("Tier", "egress")] public partial record Nat;
                [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            }
            """;
        var run = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + source));
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var generated = Assert.Single(run.Sources);
        TopologyDsl.Testing.Snapshot.Verify(generated.SourceText.ToString(), "cs", generated.HintName);
        Assert.Equal([generated.HintName], TopologyDsl.Testing.Snapshot.Names("cs"));
    }

    [Fact]
    public void TaggableTypes_AreTheRuntimesTaggedResourceTypes()
    {
        var runtime = typeof(TopologyDsl.Resources.Resource).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(TopologyDsl.Resources.Resource)) && !t.IsAbstract)
            .Select(t => (TopologyDsl.Resources.Resource)Activator.CreateInstance(t, "X")!)
            .Where(r => r is TopologyDsl.Resources.TaggedResource).Select(r => r.Type).ToHashSet();
        Assert.Equal(runtime.OrderBy(t => t, StringComparer.Ordinal), StackPlan.TaggableTypes.OrderBy(t => t, StringComparer.Ordinal));
    }

    [Fact]
    public void Plan_TagsFollowTheirStack_AnotherStackOfTheProgramKeepsItsOwn()
    {
        var network = new StackSpec("Shop", "Network", true, true, "network", null,
            new ResourceSpec[]
            {
                new VpcSpec("Main", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, false, 30)
                    { Tags = new[] { new TagSpec("Name", "core") }.ToEquatableArray() },
            }.ToEquatableArray(),
            EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty, Tags: new[] { new TagSpec("CostCenter", "1") }.ToEquatableArray());
        var app = new StackSpec("Shop", "App", true, true, "app", null,
            new ResourceSpec[]
            {
                new SubnetSpec("Web", TypeKeyword.Record, true, new RefSpec("Main", false, false, "Shop.Network"), "10.0.1.0/24", 0, SubnetKindSpec.Unspecified),
                new SubnetSpec("Db", TypeKeyword.Record, true, new RefSpec("Main", false, false, "Shop.Network"), "10.0.2.0/24", 0, SubnetKindSpec.Unspecified)
                    { ZoneId = "apne1-az1" },
            }.ToEquatableArray(),
            EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty, Tags: new[] { new TagSpec("CostCenter", "2") }.ToEquatableArray());

        var appPlan = StackPlan.Template(new StackIndex(app, new[] { network }.ToEquatableArray(), _ => null), EquatableArray<string>.Empty);
        var tags = appPlan.Where(c => c.Method == "Tags").ToList();
        Assert.Equal(["Web", "Db"], tags.Select(c => c.Name));
        Assert.All(tags, c => Assert.Equal("CostCenter=2", string.Join(",", Pairs(c).Skip(1))));
        Assert.Equal("apne1-az1", Assert.IsType<PlannedValue.Text>(appPlan.Single(c => c.Method == "Subnet" && c.Name == "Db")["zoneId"]).Value);
        Assert.Null(appPlan.Single(c => c.Method == "Subnet" && c.Name == "Db")["zone"]);

        var networkPlan = StackPlan.Template(new StackIndex(network, EquatableArray<StackSpec>.Empty, _ => null), new[] { "Main" }.ToEquatableArray());
        Assert.Equal(["Name=core", "CostCenter=1"], Pairs(networkPlan.Single(c => c.Method == "Tags")));
    }

    [Fact]
    public void Plan_NoTags_AddsNoTagsCall() =>
        Assert.DoesNotContain(StackPlan.Template(new StackIndex(new StackSpec("Shop", "S", true, true, "s", null,
            new ResourceSpec[] { new VpcSpec("Main", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30) }.ToEquatableArray(),
            EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty), EquatableArray<StackSpec>.Empty, _ => null)), c => c.Method == "Tags");

    private static string[] Pairs(PlannedCall call) =>
        Assert.IsType<PlannedValue.Items>(call.Arguments.Single().Value).Values
            .Select(v => Assert.IsType<PlannedValue.Call>(v).Arguments.Select(a => Assert.IsType<PlannedValue.Text>(a.Value).Value).ToArray())
            .Select(kv => kv[0] + "=" + kv[1]).ToArray();
}
