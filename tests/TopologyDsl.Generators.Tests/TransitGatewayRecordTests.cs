using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Associations and propagations declared on their own records ([AssociateAttachment&lt;TTable, TAttachment&gt;],
/// [Propagate&lt;TTable, TAttachment&gt;]) in a spoke's stack, against a hub's transit gateway route table: the
/// hub imports nothing from its spokes, every transit gateway rule sees the records, and paths through the
/// transit gateway use the associations and propagations the spokes declare.
/// </summary>
public class TransitGatewayRecordTests
{
    /// <summary>The hub: a transit gateway without default tables, and the table its spokes associate with and propagate to.</summary>
    private const string Hub = """
        [Stack("hub")]
        public static partial class Hub
        {
            [TransitGateway(DefaultRouteTables = false)] public partial record Tgw;
            [TransitGatewayRouteTable<Tgw>] public partial record SpokeTable;
            [TransitGatewayRouteTable<Tgw>] public partial record IsolatedTable;
        }

        """;

    /// <summary>Spoke 1: a VPC attached to the hub's gateway, a server that takes HTTPS from spoke 2, and <paramref name="records"/>.</summary>
    private static string Spoke1(string records) => """
        [Stack("spoke1")]
        public static partial class Spoke1
        {
            [Vpc("10.20.0.0/16", FlowLogs = true)] public partial record Vpc1;
            [Subnet<Vpc1>("10.20.1.0/24", Zone = 0)] public partial record App1A;
            [TransitGatewayAttachment<Hub.Tgw, Vpc1>, AttachmentSubnet<App1A>] public partial record Attach1;
            [RouteTable<Vpc1>, Associate<App1A>, Route<Hub.Tgw>("10.30.0.0/16")] public partial record Routes1;
            [SecurityGroup<Vpc1>("app1"), Ingress(Tcp, 443, "10.30.0.0/16", Description = "HTTPS from spoke 2")] public partial record Group1;
            [Instance<App1A>("10.20.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Group1>] public partial record Server1;

        """ + records + "}\n\n";

    /// <summary>Spoke 2: like spoke 1, with a server that asserts it reaches spoke 1's (<paramref name="reaches"/>), and <paramref name="records"/>.</summary>
    private static string Spoke2(string records, string reaches = "Reaches<Server2, Spoke1.Server1>(Tcp, 443)") => """
        [Stack("spoke2")]
        public static partial class Spoke2
        {
            [Vpc("10.30.0.0/16", FlowLogs = true)] public partial record Vpc2;
            [Subnet<Vpc2>("10.30.1.0/24", Zone = 0)] public partial record App2A;
            [TransitGatewayAttachment<Hub.Tgw, Vpc2>, AttachmentSubnet<App2A>] public partial record Attach2;
            [RouteTable<Vpc2>, Associate<App2A>, Route<Hub.Tgw>("10.20.0.0/16")] public partial record Routes2;
            [SecurityGroup<Vpc2>("app2"), Egress(Tcp, 443, "10.20.0.0/16", Description = "HTTPS to spoke 1")] public partial record Group2;
            [Instance<App2A>("10.30.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Group2>, 
        """ + reaches + """
        ] public partial record Server2;

        """ + records + "}\n";

    private const string Records1 = """
            [AssociateAttachment<Hub.SpokeTable, Attach1>] public partial record Association1;
            [Propagate<Hub.SpokeTable, Attach1>] public partial record Propagation1;

        """;

    private const string Records2 = """
            [AssociateAttachment<Hub.SpokeTable, Attach2>] public partial record Association2;
            [Propagate<Hub.SpokeTable, Attach2>] public partial record Propagation2;

        """;

    private static Task Verify(string source) => Markup.VerifyAsync("namespace Shop;\n" + source);

    [Fact]
    public Task HubAndTwoSpokes_ReachesThroughTheHubsTable_WithTheSpokesRecords() => Verify(Hub + Spoke1(Records1) + Spoke2(Records2));

    [Fact]
    public Task TDSL230_NearMiss_Spoke1DoesNotPropagateToTheHubsTable() =>
        Verify(Hub + Spoke1(Records1.Replace("[Propagate<Hub.SpokeTable, Attach1>] public partial record Propagation1;", ""))
            + Spoke2(Records2, "{|TDSL230:Reaches<Server2, Spoke1.Server1>(Tcp, 443)|}"));

    [Fact]
    public Task TDSL230_NearMiss_Spoke2IsAssociatedWithNoTable() =>
        Verify(Hub + Spoke1(Records1) + Spoke2(Records2.Replace("[AssociateAttachment<Hub.SpokeTable, Attach2>] public partial record Association2;", ""),
            "{|TDSL230:Reaches<Server2, Spoke1.Server1>(Tcp, 443)|}"));

    [Fact]
    public Task TDSL227_TheHubNamingTheSpokesAttachment_IsACycle_TheRecordIsNot() => Verify("""
        [Stack("hub")]
        public static partial class Hub
        {
            [TransitGateway(DefaultRouteTables = false)] public partial record Tgw;
            [TransitGatewayRouteTable<Tgw>, AssociateAttachment<{|TDSL227:Spoke1.Attach1|}>] public partial record SpokeTable;
        }

        """ + Spoke1("").Replace("[TransitGatewayAttachment<Hub.Tgw, Vpc1>", "[TransitGatewayAttachment<{|TDSL227:Hub.Tgw|}, Vpc1>"));

    [Fact]
    public Task TDSL224_AttachmentAssociatedByTwoRecords_AtTheSecond_NearMissPropagatedToTwoTables() => Verify(Hub + Spoke1(Records1 + """
            [AssociateAttachment<Hub.IsolatedTable, {|TDSL224:Attach1|}>] public partial record AgainElsewhere;
            [Propagate<Hub.IsolatedTable, Attach1>] public partial record PropagationElsewhere;

        """));

    [Fact]
    public Task TDSL224_AttachmentAssociatedOnTheHubsTable_AndByARecord_ReportedAtTheRecord() => Verify("""
        [Stack("hub")]
        public static partial class Hub
        {
            [TransitGateway(DefaultRouteTables = false)] public partial record Tgw;
            [Vpc("10.10.0.0/16", FlowLogs = true)] public partial record HubVpc;
            [Subnet<HubVpc>("10.10.1.0/24", Zone = 0)] public partial record HubA;
            [TransitGatewayAttachment<Tgw, HubVpc>, AttachmentSubnet<HubA>] public partial record HubAttach;
            [TransitGatewayRouteTable<Tgw>, AssociateAttachment<HubAttach>] public partial record HubTable;
            [TransitGatewayRouteTable<Tgw>] public partial record SpokeTable;
        }

        """ + Spoke1(Records1 + """
            [AssociateAttachment<Hub.SpokeTable, {|TDSL224:Hub.HubAttach|}>] public partial record HubAgain;
            [Propagate<Hub.SpokeTable, Hub.HubAttach>] public partial record HubIntoSpokeTable;
            [Propagate<Hub.HubTable, Attach1>] public partial record SpokeIntoHubTable;

        """));

    [Fact]
    public Task TDSL226_RecordAssociation_WhileTheGatewayUsesItsDefaultTable_NearMissPropagation() => Verify(
        Hub.Replace("[TransitGateway(DefaultRouteTables = false)]", "[TransitGateway]") + Spoke1("""
            [AssociateAttachment<Hub.SpokeTable, {|TDSL226:Attach1|}>] public partial record Association1;
            [Propagate<Hub.SpokeTable, Attach1>] public partial record Propagation1;

        """));

    [Fact]
    public Task TDSL225_RecordPropagatesAnAttachmentOfAnotherGateway_NearMissOneOfTheHubsGateway() => Verify(Hub + Spoke1("""
            [TransitGateway(DefaultRouteTables = false)] public partial record OwnTgw;
            [TransitGatewayAttachment<OwnTgw, Vpc1>, AttachmentSubnet<App1A>] public partial record OwnAttach;
            [Propagate<Hub.SpokeTable, {|TDSL225:OwnAttach|}>] public partial record OwnPropagation;
            [Propagate<Hub.SpokeTable, Attach1>] public partial record Propagation1;

        """));

    [Fact]
    public Task TDSL013_TagOnAnAssociationRecord() => Verify(Hub + Spoke1("""
            [{|TDSL013:Tag("Tier", "spoke")|}, AssociateAttachment<Hub.SpokeTable, Attach1>] public partial record Association1;
            [Propagate<Hub.SpokeTable, Attach1>] public partial record Propagation1;

        """));

    // ---- The model: what the spoke's stack emits and what its index sees ----

    private static RefSpec Local(string name) => new(name, InStack: true, IsError: false);

    private static RefSpec FromHub(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Hub");

    private static StackSpec Stack(string className, string name, params ResourceSpec[] resources) =>
        new("Shop", className, true, true, name, null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static readonly StackSpec HubSpec = Stack("Hub", "hub",
        new TransitGatewaySpec("Tgw", TypeKeyword.Record, true, null, 0, false),
        new TransitGatewayRouteTableSpec("SpokeTable", TypeKeyword.Record, true, Local("Tgw"), EquatableArray<RefSpec>.Empty, EquatableArray<RefSpec>.Empty,
            EquatableArray<TransitGatewayRouteSpec>.Empty));

    private static readonly StackSpec SpokeSpec = Stack("Spoke1", "spoke1",
        new VpcSpec("Vpc1", TypeKeyword.Record, true, "10.20.0.0/16", EquatableArray<string>.Empty, false, 30),
        new SubnetSpec("App1A", TypeKeyword.Record, true, Local("Vpc1"), "10.20.1.0/24", 0, SubnetKindSpec.Unspecified),
        new TransitGatewayAttachmentSpec("Attach1", TypeKeyword.Record, true, FromHub("Tgw"), Local("Vpc1"), new[] { Local("App1A") }.ToEquatableArray()),
        new TransitGatewayEntrySpec("Association1", TypeKeyword.Record, true, FromHub("SpokeTable"), Local("Attach1"), Propagates: false),
        new TransitGatewayEntrySpec("Propagation1", TypeKeyword.Record, true, FromHub("SpokeTable"), Local("Attach1"), Propagates: true));

    private static string Text(PlannedValue? value) => Assert.IsType<PlannedValue.Text>(value).Value;

    [Fact]
    public void Plan_Records_AreResourcesOfTheSpoke_WithTheImportedTable()
    {
        var plan = StackPlan.Template(new StackIndex(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null), EquatableArray<string>.Empty);
        Assert.Equal(["Shop.Hub.Tgw", "Shop.Hub.SpokeTable"], plan.Where(c => c.Method == "Import").Select(c => c.Name));
        var association = plan.Single(c => c.Name == "Association1");
        Assert.Equal("TransitGatewayRouteTableAssociation", association.Method);
        Assert.Equal("Shop.Hub.SpokeTable", Text(association["table"]));
        Assert.Equal("Attach1", Text(association["attachment"]));
        var propagation = plan.Single(c => c.Name == "Propagation1");
        Assert.Equal("TransitGatewayRouteTablePropagation", propagation.Method);
        Assert.Equal("Shop.Hub.SpokeTable", Text(propagation["table"]));
        Assert.Contains(StackPlan.Names(SpokeSpec), n => n.LogicalId == "Association1" && n.CfnType == "AWS::EC2::TransitGatewayRouteTableAssociation");
        Assert.Contains(StackPlan.Names(SpokeSpec), n => n.LogicalId == "Propagation1" && n.CfnType == "AWS::EC2::TransitGatewayRouteTablePropagation");
        Assert.Equal(["Shop.Hub"], StackPlan.ImportedStacks(SpokeSpec));
        Assert.Empty(StackPlan.ImportedStacks(HubSpec));
    }

    [Fact]
    public void StackIndex_EntriesOfTheHubsTable_SeenFromTheSpoke_HoldTheRecords_AtTheirPaths()
    {
        var index = new StackIndex(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null);
        var table = index.AllResources.OfType<TransitGatewayRouteTableSpec>().Single();
        var association = Assert.Single(index.AssociationsOf(table));
        Assert.Equal("Association1", association.Declared.Name);
        Assert.Equal("Association1/attachment", association.AttachmentPath.ToString());
        Assert.Equal("Attach1", index.AttachmentOf(association)?.Name);
        var propagation = Assert.Single(index.PropagationsOf(table));
        Assert.Equal("Propagation1/attachment", propagation.AttachmentPath.ToString());
        Assert.Empty(new StackIndex(HubSpec, EquatableArray<StackSpec>.Empty, _ => null).AssociationsOf(HubSpec.Resources.OfType<TransitGatewayRouteTableSpec>().Single()));
    }

    [Fact]
    public void Validate_SpokeWithItsRecords_HasNoErrors_AndASecondAssociationIsTdsl224OnIt()
    {
        Assert.DoesNotContain(TopologyValidator.Validate(SpokeSpec, new[] { HubSpec }.ToEquatableArray(), _ => null), f => Diagnostics.DiagnosticCatalog.IsError(f.Id));
        var twice = SpokeSpec with
        {
            Resources = SpokeSpec.Resources.Append(new TransitGatewayEntrySpec("Again", TypeKeyword.Record, true, FromHub("SpokeTable"), Local("Attach1"), Propagates: false)).ToEquatableArray(),
        };
        var finding = Assert.Single(TopologyValidator.Validate(twice, new[] { HubSpec }.ToEquatableArray(), _ => null), f => f.Id == "TDSL224");
        Assert.Equal("Again/attachment", finding.Path.ToString());
        Assert.Equal("Association1/attachment", finding.Related?.ToString());
    }
}
