using System.Linq;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The overview of a stack that imports from another: imported records, endpoints included, go by their stack class's name.</summary>
public class OverviewTests
{
    private static RefSpec Local(string name) => new(name, InStack: true, IsError: false);

    private static RefSpec Imported(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Network");

    private static StackSpec Stack(string className, string name, params ResourceSpec[] resources) =>
        new("Shop", className, true, true, name, null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static EquatableArray<RefSpec> Refs(params RefSpec[] refs) => refs.ToEquatableArray();

    private static RuleSpec Https(string peer) => new(ProtocolSpec.Tcp, 443, 0, peer, null, "https");

    /// <summary>A private subnet served by an S3 gateway endpoint and a Systems Manager interface endpoint, with the group that admits the VPC to it.</summary>
    private static readonly StackSpec Network = Stack("Network", "network",
        new VpcSpec("Main", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30),
        new SubnetSpec("Private", TypeKeyword.Record, true, Local("Main"), "10.0.2.0/24", 0, SubnetKindSpec.Private),
        new RouteTableSpec("PrivateRoutes", TypeKeyword.Record, true, Local("Main"), Refs(Local("Private")), EquatableArray<RouteSpec>.Empty),
        new SecurityGroupSpec("EndpointAccess", TypeKeyword.Record, true, Local("Main"), "endpoints", new[] { Https("10.0.0.0/16") }.ToEquatableArray(),
            EquatableArray<RuleSpec>.Empty),
        new GatewayEndpointSpec("S3", TypeKeyword.Record, true, Local("Main"), "s3", Refs(Local("PrivateRoutes"))),
        new InterfaceEndpointSpec("Ssm", TypeKeyword.Record, true, Local("Main"), "ssm", true, Refs(Local("Private")), Refs(Local("EndpointAccess"))));

    /// <summary>A server in the network stack's private subnet, and optionally an endpoint of the app stack's own.</summary>
    private static StackSpec App(bool ownEndpoint) => Stack("App", "app", new ResourceSpec[]
    {
        new SecurityGroupSpec("AppGroup", TypeKeyword.Record, true, Imported("Main"), "app", EquatableArray<RuleSpec>.Empty,
            new[] { Https("0.0.0.0/0") }.ToEquatableArray()),
        new InstanceSpec("Server", TypeKeyword.Record, true, Imported("Private"), "10.0.2.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
            Refs(Local("AppGroup")), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty),
    }.Concat(ownEndpoint
        ? [new InterfaceEndpointSpec("Logs", TypeKeyword.Record, true, Imported("Main"), "logs", true, Refs(Imported("Private")), Refs(Imported("EndpointAccess")))]
        : []).ToArray());

    private static string Render(StackSpec app) => Overview.Render(new StackIndex(app, new[] { Network }.ToEquatableArray(), _ => null));

    /// <summary>The app stack's own endpoint by its name, the network stack's as 'Network.S3' and 'Network.Ssm', in the picture and the services table.</summary>
    [Fact]
    public void Overview_ImportedEndpoints_NamedWithTheirStackClass_MatchesSnapshot() =>
        TopologyDsl.Testing.Snapshot.Verify(Render(App(ownEndpoint: true)), "md");

    /// <summary>A stack with no endpoint of its own still lists the imported endpoints that serve its instances.</summary>
    [Fact]
    public void Overview_OnlyImportedEndpointsServe_ListsThem()
    {
        var overview = Render(App(ownEndpoint: false));
        Assert.Contains("| Server | s3 | gateway endpoint 'Network.S3' |\n", overview);
        Assert.Contains("| Server | ssm | interface endpoint 'Network.Ssm' |\n", overview);
    }

    /// <summary>Near miss: imported endpoints that serve none of the stack's instances (the server in another VPC) add no section.</summary>
    [Fact]
    public void Overview_ImportedEndpointsServeNoInstance_NoServicesSection()
    {
        var app = Stack("App", "app",
            new VpcSpec("Own", TypeKeyword.Record, true, "10.1.0.0/16", EquatableArray<string>.Empty, true, 30),
            new SubnetSpec("OwnA", TypeKeyword.Record, true, Local("Own"), "10.1.1.0/24", 0, SubnetKindSpec.Private),
            new SecurityGroupSpec("AppGroup", TypeKeyword.Record, true, Local("Own"), "app", EquatableArray<RuleSpec>.Empty, new[] { Https("0.0.0.0/0") }.ToEquatableArray()),
            new InstanceSpec("Server", TypeKeyword.Record, true, Local("OwnA"), "10.1.1.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
                Refs(Local("AppGroup")), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty),
            new SecurityGroupSpec("Uses", TypeKeyword.Record, true, Imported("Main"), "uses", EquatableArray<RuleSpec>.Empty, EquatableArray<RuleSpec>.Empty));
        Assert.DoesNotContain("## AWS services through VPC endpoints", Render(app));
    }

    /// <summary>A group rule that names a block inside a VPC of the program is listed with the group's users, its direction and the VPC.</summary>
    [Fact]
    public void Overview_RuleNamesBlockInsideAVpc_ListsIt()
    {
        var app = Stack("App", "app",
            new SecurityGroupSpec("AppGroup", TypeKeyword.Record, true, Imported("Main"), "app",
                new[] { new RuleSpec(ProtocolSpec.Tcp, 8080, 8081, "10.0.0.0/16", null, "from the VPC"), Https("203.0.113.0/24") }.ToEquatableArray(),
                new[] { Https("10.0.2.0/24") }.ToEquatableArray()),
            new InstanceSpec("Server", TypeKeyword.Record, true, Imported("Private"), "10.0.2.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
                Refs(Local("AppGroup")), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty),
            new InterfaceEndpointSpec("Logs", TypeKeyword.Record, true, Imported("Main"), "logs", true, Refs(Imported("Private")), Refs(Local("AppGroup"))));
        var overview = Render(app);
        Assert.Contains("\n## Rules open to blocks inside a VPC\n\n", overview);
        Assert.Contains("| Security group | Used by | Rule | Protocol and ports | Block in VPC |\n|---|---|---|---|---|\n"
            + "| AppGroup | Server, endpoint Logs | inbound from 10.0.0.0/16 | TCP 8080-8081 | Network.Main |\n"
            + "| AppGroup | Server, endpoint Logs | outbound to 10.0.2.0/24 | TCP 443 | Network.Main |\n\n", overview);
        Assert.DoesNotContain("203.0.113.0/24 |", overview);
    }

    /// <summary>Near miss: rules that name only the internet, blocks outside every VPC and other groups add no such section.</summary>
    [Fact]
    public void Overview_RulesNameOnlyOutsideBlocks_NoInsideBlocksSection()
    {
        var app = Stack("App", "app",
            new SecurityGroupSpec("AppGroup", TypeKeyword.Record, true, Imported("Main"), "app",
                new[] { Https("203.0.113.0/24"), Https("0.0.0.0/0"), new RuleSpec(ProtocolSpec.Tcp, 22, 0, null, Imported("EndpointAccess"), "ssh") }.ToEquatableArray(),
                new[] { Https("0.0.0.0/0") }.ToEquatableArray()),
            new InstanceSpec("Server", TypeKeyword.Record, true, Imported("Private"), "10.0.2.10", false, null, "ami-0123456789abcdef0", "t3.micro", null, 0,
                Refs(Local("AppGroup")), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty));
        Assert.DoesNotContain("## Rules open to blocks inside a VPC", Render(app));
    }
}
