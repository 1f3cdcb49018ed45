using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The reachability model across VPCs, on a hand-built spec: an application VPC (10.0.0.0/16)
/// peered with a services VPC (10.1.0.0/16) and joined to a data VPC (10.2.0.0/16) by a transit
/// gateway with its own route table (both attachments associated and propagated, a subnet in each of
/// three zones), ten /24 subnets per VPC, and route tables that send each other VPC's block to the
/// peering or the transit gateway and back. Half the instances are application servers, a quarter
/// caches that take Redis from the application group across the peering, a quarter databases that
/// take PostgreSQL from the application VPC's block across the transit gateway; each cache and
/// database carries a [Reaches] from the first application server. Every path crosses a VPC, so
/// each pair of classes checks a route each way, the peering or the transit gateway's table.
/// <list type="bullet">
/// <item><c>Rules</c>: the reachability findings (the assertions, O(rules × endpoints)).</item>
/// <item><c>Matrix</c>: every open path between classes (what the Markdown lists).</item>
/// <item><c>Overview</c>: the Markdown, picture and matrix.</item>
/// </list>
/// </summary>
public class CrossVpcReachabilityBenchmarks : ReachabilityModelBenchmarks
{
    private protected override StackSpec Build(int instances) => Spec(instances);

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static EquatableArray<RefSpec> Refs(IEnumerable<string> names) => names.Select(Ref).ToEquatableArray();

    internal static StackSpec Spec(int instances)
    {
        var vpcs = new[] { ("Core", 0), ("Services", 1), ("Data", 2) };
        var resources = new List<ResourceSpec>();
        foreach (var (vpc, octet) in vpcs)
        {
            resources.Add(new VpcSpec(vpc, TypeKeyword.Record, true, "10." + N(octet) + ".0.0/16", EquatableArray<string>.Empty, true, 30));
            for (var s = 0; s < 10; s++)
            {
                resources.Add(new SubnetSpec(vpc + N(s), TypeKeyword.Record, true, Ref(vpc), "10." + N(octet) + "." + N(s) + ".0/24", s % 3, SubnetKindSpec.Private));
            }
        }

        string[] Subnets(string vpc) => Enumerable.Range(0, 10).Select(s => vpc + N(s)).ToArray();
        resources.Add(new VpcPeeringSpec("CoreToServices", TypeKeyword.Record, true, Ref("Core"), Ref("Services"), null, null, null, null, EquatableArray<string>.Empty));
        resources.Add(new TransitGatewaySpec("Hub", TypeKeyword.Record, true, null, 64512, DefaultRouteTables: false));
        resources.Add(new TransitGatewayAttachmentSpec("CoreAttachment", TypeKeyword.Record, true, Ref("Hub"), Ref("Core"), Refs(Subnets("Core").Take(3))));
        resources.Add(new TransitGatewayAttachmentSpec("DataAttachment", TypeKeyword.Record, true, Ref("Hub"), Ref("Data"), Refs(Subnets("Data").Take(3))));
        resources.Add(new TransitGatewayRouteTableSpec("Spokes", TypeKeyword.Record, true, Ref("Hub"), Refs(["CoreAttachment", "DataAttachment"]),
            Refs(["CoreAttachment", "DataAttachment"]), EquatableArray<TransitGatewayRouteSpec>.Empty));
        RouteTableSpec Table(string vpc, params (string Destination, string Target)[] routes) =>
            new(vpc + "Routes", TypeKeyword.Record, true, Ref(vpc), Refs(Subnets(vpc)), routes.Select(r => new RouteSpec(r.Destination, Ref(r.Target))).ToEquatableArray());
        resources.Add(Table("Core", ("10.1.0.0/16", "CoreToServices"), ("10.2.0.0/16", "Hub")));
        resources.Add(Table("Services", ("10.0.0.0/16", "CoreToServices")));
        resources.Add(Table("Data", ("10.0.0.0/16", "Hub")));

        SecurityGroupSpec Sg(string name, string vpc, RuleSpec[] ingress, RuleSpec[] egress) =>
            new(name, TypeKeyword.Record, true, Ref(vpc), name, ingress.ToEquatableArray(), egress.ToEquatableArray());
        resources.Add(Sg("App", "Core", [], [new(ProtocolSpec.Tcp, 6379, 0, null, Ref("Cache"), "r"), new(ProtocolSpec.Tcp, 5432, 0, "10.2.0.0/16", null, "r")]));
        resources.Add(Sg("Cache", "Services", [new(ProtocolSpec.Tcp, 6379, 0, null, Ref("App"), "r")], [new(ProtocolSpec.Tcp, 443, 0, "10.1.0.0/16", null, "r")]));
        resources.Add(Sg("Db", "Data", [new(ProtocolSpec.Tcp, 5432, 0, "10.0.0.0/16", null, "r")], [new(ProtocolSpec.Tcp, 443, 0, "10.2.0.0/16", null, "r")]));

        var intents = new List<IntentSpec>();
        for (var i = 0; i < instances; i++)
        {
            var (tier, vpc, octet, port) = (i % 4) switch
            {
                0 or 1 => ("App", "Core", 0, 0),
                2 => ("Cache", "Services", 1, 6379),
                _ => ("Db", "Data", 2, 5432),
            };
            var subnet = i / 4 % 10;
            var name = tier + N(i);
            resources.Add(new InstanceSpec(name, TypeKeyword.Record, true, Ref(vpc + N(subnet)), "10." + N(octet) + "." + N(subnet) + "." + N(4 + (i / 40 * 4) + (i % 4)), false,
                null, "ami-0123456789abcdef0", "t3.micro", null, 0, new[] { Ref(tier) }.ToEquatableArray(), null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty));
            if (port != 0)
            {
                intents.Add(new IntentSpec(IntentKind.Reaches, Ref("App0"), Ref(name), ProtocolSpec.Tcp, port, 0, ModelPath.Stack.Item("intent", intents.Count)));
            }
        }

        return new StackSpec("Bench", "Bench", true, true, "bench", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty,
            EquatableArray<Finding>.Empty, intents.ToEquatableArray());
    }
}
