using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using TopologyDsl.Generators.Emit;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Benchmarks;

/// <summary>
/// The reachability model by number of instances, on a hand-built three-tier spec: a /16 VPC with ten
/// public and ten private /24 subnets, an internet gateway, a NAT gateway, a web, an app and a DB
/// group chained by group rules (web takes HTTP and HTTPS from anywhere and SSH from a parameter's
/// block; app takes 8080 from web; DB takes 5432 from app; all reach HTTPS outside), and the
/// instances spread 40 % web (public, with public IPs), 40 % app and 20 % DB (private). Every web
/// instance reaches every app instance and every app instance every DB instance, so the full matrix
/// grows with the square of the instances while the rules stay ten.
/// <list type="bullet">
/// <item><c>Rules</c>: the reachability findings (TDSL230-234 and TDSL404's model): external paths, an SSH jump per DB instance, the assertions. O(rules × endpoints).</item>
/// <item><c>Matrix</c>: every open path between classes of instances that no rule tells apart, and the outside (what the Markdown lists).</item>
/// <item><c>AllPairs</c>: the same, expanded instance by instance (grows with the square of the instances).</item>
/// <item><c>Overview</c>: the Markdown, picture and matrix.</item>
/// </list>
/// </summary>
public class ReachabilityBenchmarks : ReachabilityModelBenchmarks
{
    private protected override StackSpec Build(int instances) => Spec(instances);

    [Benchmark]
    public int AllPairs() => new StackIndex(Stack, _ => null).Reachability.Paths.Count;

    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static RuleSpec Cidr(int port, string peer) => new(ProtocolSpec.Tcp, port, 0, peer, null, "r");

    private static RuleSpec Group(int port, string group) => new(ProtocolSpec.Tcp, port, 0, null, Ref(group), "r");

    internal static StackSpec Spec(int instances)
    {
        var resources = new List<ResourceSpec>
        {
            new ParameterSpec("AdminCidr", TypeKeyword.Record, true, "String", null, null, false, EquatableArray<string>.Empty, null, 0, 0, null),
            new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30),
            new InternetGatewaySpec("Igw", TypeKeyword.Record, true, Ref("Net")),
        };
        for (var s = 0; s < 20; s++)
        {
            resources.Add(new SubnetSpec("S" + s.ToString(CultureInfo.InvariantCulture), TypeKeyword.Record, true, Ref("Net"),
                "10.0." + s.ToString(CultureInfo.InvariantCulture) + ".0/24", s % 3, s < 10 ? SubnetKindSpec.Public : SubnetKindSpec.Private));
        }

        resources.Add(new NatGatewaySpec("Nat", TypeKeyword.Record, true, Ref("S0")));
        resources.Add(new RouteTableSpec("PublicRoutes", TypeKeyword.Record, true, Ref("Net"),
            Enumerable.Range(0, 10).Select(s => Ref("S" + s.ToString(CultureInfo.InvariantCulture))).ToEquatableArray(),
            new[] { new RouteSpec("0.0.0.0/0", Ref("Igw")) }.ToEquatableArray()));
        resources.Add(new RouteTableSpec("PrivateRoutes", TypeKeyword.Record, true, Ref("Net"),
            Enumerable.Range(10, 10).Select(s => Ref("S" + s.ToString(CultureInfo.InvariantCulture))).ToEquatableArray(),
            new[] { new RouteSpec("0.0.0.0/0", Ref("Nat")) }.ToEquatableArray()));
        SecurityGroupSpec Sg(string name, RuleSpec[] ingress, RuleSpec[] egress) =>
            new(name, TypeKeyword.Record, true, Ref("Net"), name, ingress.ToEquatableArray(), egress.ToEquatableArray());
        resources.Add(Sg("Web", [Cidr(80, "0.0.0.0/0"), Cidr(443, "0.0.0.0/0"), Cidr(22, "AdminCidr")], [Cidr(443, "0.0.0.0/0"), Group(8080, "App"), Group(22, "Db")]));
        resources.Add(Sg("App", [Group(8080, "Web")], [Cidr(443, "0.0.0.0/0"), Group(5432, "Db")]));
        resources.Add(Sg("Db", [Group(5432, "App"), Group(22, "Web")], [Cidr(443, "0.0.0.0/0")]));

        var intents = new List<IntentSpec>();
        for (var i = 0; i < instances; i++)
        {
            var tier = i % 5 < 2 ? "Web" : i % 5 < 4 ? "App" : "Db";
            var subnet = tier == "Web" ? i % 10 : 10 + (i % 10);
            var name = tier + i.ToString(CultureInfo.InvariantCulture);
            var ip = "10.0." + subnet.ToString(CultureInfo.InvariantCulture) + "." + (4 + (i / 10)).ToString(CultureInfo.InvariantCulture);
            resources.Add(new InstanceSpec(name, TypeKeyword.Record, true, Ref("S" + subnet.ToString(CultureInfo.InvariantCulture)), ip, tier == "Web",
                null, "ami-0123456789abcdef0", "t3.micro", null, 0, new[] { Ref(tier) }.ToEquatableArray(),
                tier == "Db" ? Ref("Web0") : null, "ec2-user", false, true, EquatableArray<RefSpec>.Empty));
            if (tier == "Db")
            {
                intents.Add(new IntentSpec(IntentKind.NeverReachableFromInternet, null, Ref(name), ProtocolSpec.All, 0, 0, ModelPath.Stack.Item("intent", intents.Count)));
                intents.Add(new IntentSpec(IntentKind.Reaches, Ref("App2"), Ref(name), ProtocolSpec.Tcp, 5432, 0, ModelPath.Stack.Item("intent", intents.Count)));
            }
        }

        return new StackSpec("Bench", "Bench", true, true, "bench", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty,
            EquatableArray<Finding>.Empty, intents.ToEquatableArray());
    }
}
