using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The analyzer's check of unrelated stacks validates each stack with only the records of the earlier
/// siblings that can meet its own (those that hang from a record it hangs from, not through a route's
/// target). It must report exactly what validating each stack with every earlier sibling reported (the
/// check as it was, kept here as the reference), and validate fewer stacks when siblings share nothing
/// but a route target.
/// </summary>
public partial class SiblingCheckTests
{
    private const string Ami = TestCompilation.AmiParameter;

    /// <summary>The network stack of <see cref="StackTests"/>: one VPC, a public and a private subnet, a NAT gateway, a web group and a bastion.</summary>
    private const string Network = """
        [Stack("network")]
        public static partial class Network
        {
            [Vpc("10.0.0.0/16")] public partial record Main;
            [Subnet<Main>("10.0.1.0/24")] public partial record Public;
            [Subnet<Main>("10.0.2.0/24")] public partial record Private;
            [InternetGateway<Main>] public partial record Igw;
            [NatGateway<Public>] public partial record Nat;
            [RouteTable<Main>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record PublicRoutes;
            [SecurityGroup<Main>("web"), Ingress(Tcp, 443, "0.0.0.0/0")] public partial record Web;
            [Instance<Public>("10.0.1.10", ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro"), Uses<Web>] public partial record Bastion;
        }

        """;

    /// <summary>A network stack with a transit gateway and two VPCs attached to it.</summary>
    private const string Hub = """
        [Stack("network")]
        public static partial class Network
        {
            [TransitGateway(Description = "core")] public partial record Tgw;
            [Vpc("10.0.0.0/16")] public partial record Vpc0;
            [Subnet<Vpc0>("10.0.255.0/28", Zone = 0)] public partial record Tgw0A;
            [TransitGatewayAttachment<Tgw, Vpc0>, AttachmentSubnet<Tgw0A>] public partial record Attachment0;
            [Vpc("10.1.0.0/16")] public partial record Vpc1;
            [Subnet<Vpc1>("10.1.255.0/28", Zone = 0)] public partial record Tgw1A;
            [TransitGatewayAttachment<Tgw, Vpc1>, AttachmentSubnet<Tgw1A>] public partial record Attachment1;
        }

        """;

    private static string Stack(string name, string body) =>
        "[Stack(\"" + name.ToLowerInvariant() + "\")]\npublic static partial class " + name + "\n{\n" + Ami + body + "}\n";

    /// <summary>An application stack of the hub: a subnet in the given VPC, routed to the transit gateway.</summary>
    private static string HubApp(string name, int vpc, string cidr) => Stack(name,
        "[Subnet<Network.Vpc" + vpc + ">(\"" + cidr + "\", Zone = 0)] public partial record S;\n"
        + "[RouteTable<Network.Vpc" + vpc + ">, Associate<S>, Route<Network.Tgw>(\"10.0.0.0/8\")] public partial record Routes;\n");

    private static string Interface(string service) =>
        "[InterfaceEndpoint<Network.Main>(\"" + service + "\"), EndpointSubnet<Network.Private>] public partial record Endpoint;\n";

    public static TheoryData<string, string, int> Programs => new()
    {
        {
            "two stacks in the network stack's VPC: an overlapping subnet and a taken address",
            Network + Stack("App", """
                [Subnet<Network.Main>("10.0.8.0/24")] public partial record AppSubnet;
                [Instance<Network.Public>("10.0.1.50", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Server;
                """) + Stack("Zapp", """
                [Subnet<Network.Main>("10.0.8.128/25")] public partial record Overlapping;
                [Instance<Network.Public>("10.0.1.50", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Twin;
                """),
            2
        },
        {
            "two stacks associating the network stack's private subnet",
            Network + Stack("App", "[RouteTable<Network.Main>, Associate<Network.Private>] public partial record AppRoutes;\n")
                + Stack("Zapp", "[RouteTable<Network.Main>, Associate<Network.Private>] public partial record ZappRoutes;\n"),
            1
        },
        {
            "an earlier stack's ACL on the subnet of the instance a later stack asserts it reaches",
            Network + Stack("App", "[NetworkAcl<Network.Main>, Associate<Network.Public>] public partial record Closed;\n")
                + "[Reaches<Zapp.Server, Network.Bastion>(Tcp, 443)]\n" + Stack("Zapp", """
                [Subnet<Network.Main>("10.0.9.0/24")] public partial record Own;
                [Instance<Own>("10.0.9.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Server;
                """),
            -1
        },
        {
            "three stacks with one interface endpoint each in the network stack's VPC (quota 2)",
            Network + Stack("Alpha", Interface("a0")) + Stack("Beta", Interface("b0")) + Stack("Gamma", Interface("c0")),
            1
        },
        {
            "four stacks on a transit gateway, two per VPC: the second in Vpc0 overlaps the first",
            Hub + HubApp("A0", 0, "10.0.8.0/24") + HubApp("A1", 1, "10.1.8.0/24") + HubApp("B0", 0, "10.0.8.0/25") + HubApp("B1", 1, "10.1.9.0/24"),
            1
        },
        {
            "near miss: four stacks on a transit gateway, none overlapping",
            Hub + HubApp("A0", 0, "10.0.8.0/24") + HubApp("A1", 1, "10.1.8.0/24") + HubApp("B0", 0, "10.0.9.0/24") + HubApp("B1", 1, "10.1.9.0/24"),
            0
        },
    };

    private static readonly ValidationOptions Options = ValidationOptions.Default with { InterfaceEndpointsPerVpc = 2 };

    /// <summary>The stacks of the program, parsed as the analyzer parses them.</summary>
    private static List<StackSpec> Specs(string source)
    {
        var compilation = TestCompilation.RunGenerator(TestCompilation.Create(TestCompilation.Prelude + "namespace Shop;\n" + source)).Output;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return compilation.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Shop").GetTypeMembers()
            .Where(t => TopologyParser.StackAttributeOf(t) is not null)
            .Select(t => TopologyParser.Parse(t, TopologyParser.StackAttributeOf(t)!, withSourceMap: false, default).Spec)
            .ToList();
    }

    /// <summary>The check as it was: each stack validated with every earlier unrelated stack that shares something it imports, and what they import.</summary>
    private static List<ProgramFinding> EveryEarlierSibling(IReadOnlyList<StackSpec> stacks, ValidationOptions options)
    {
        var findings = new List<ProgramFinding>();
        var ordered = stacks.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToList();
        var byKey = ordered.ToDictionary(s => s.Key, System.StringComparer.Ordinal);
        var imported = ordered.ToDictionary(s => s.Key, s => ProgramRules.Imported(s, byKey), System.StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            var stack = ordered[i];
            var own = imported[stack.Key];
            var ownKeys = new HashSet<string>(own.Select(o => o.Key), System.StringComparer.Ordinal);
            var siblings = ordered.Take(i)
                .Where(t => !ownKeys.Contains(t.Key) && !imported[t.Key].Any(o => o.Key == stack.Key) && imported[t.Key].Any(o => ownKeys.Contains(o.Key)))
                .ToList();
            if (own.Count == 0 || siblings.Count == 0)
            {
                continue;
            }

            var wider = own.Concat(siblings).Concat(siblings.SelectMany(t => imported[t.Key]))
                .GroupBy(o => o.Key).Select(g => g.First()).Where(o => o.Key != stack.Key)
                .OrderBy(o => o.Key, System.StringComparer.Ordinal).ToEquatableArray();
            var before = new HashSet<Finding>(TopologyValidator.Validate(stack, own, _ => null, options));
            var quotasBroken = new HashSet<string>(before.Select(QuotaRules.QuotaOf).OfType<string>(), System.StringComparer.Ordinal);
            findings.AddRange(TopologyValidator.Validate(stack, wider, _ => null, options)
                .Where(f => !before.Contains(f) && !QuotaRules.IsRegionWide(f) && (QuotaRules.QuotaOf(f) is not { } quota || !quotasBroken.Contains(quota)))
                .Select(f => new ProgramFinding(stack.Key, f)));
        }

        return findings;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void CheckSiblings_ReportsWhatValidatingWithEveryEarlierSiblingReported(string program, string source, int expected)
    {
        var stacks = Specs(source);
        var reference = EveryEarlierSibling(stacks, Options);
        var pruned = ProgramRules.CheckSiblings(stacks, _ => null, Options).Where(f => !QuotaRules.IsRegionWide(f.Finding)).ToList();
        Assert.True(expected < 0 ? reference.Count > 0 : reference.Count == expected, program + ": " + string.Join("; ", reference.Select(f => f.StackKey + " " + f.Finding.Id + " " + f.Finding.Path)));
        Assert.Equal(reference, pruned);
    }

    /// <summary>
    /// Stacks in different VPCs that only route to the one transit gateway share nothing their records hang from:
    /// A1 (after A0, in the other VPC) is not validated again; B0 and B1 are, each with the stack before it in its VPC.
    /// </summary>
    [Fact]
    public void CheckSiblings_ValidatesAgainOnlyTheStacksWithAnEarlierSiblingInTheirVpc()
    {
        var stacks = Specs(Hub + HubApp("A0", 0, "10.0.8.0/24") + HubApp("A1", 1, "10.1.8.0/24") + HubApp("B0", 0, "10.0.9.0/24") + HubApp("B1", 1, "10.1.9.0/24"));
        var asked = new List<string>();
        var findings = ProgramRules.CheckSiblings(stacks, _ => null, null, (stack, imported) =>
        {
            asked.Add(stack.ClassName);
            return TopologyValidator.Validate(stack, imported, _ => null);
        });
        Assert.Empty(findings);
        Assert.Equal(["B0", "B1"], asked);
    }

    /// <summary>App (earlier) puts a network ACL without rules on the network stack's public subnet; Zapp asserts its server reaches the bastion there. Zapp's own pass cannot see App's ACL; the check of unrelated stacks does.</summary>
    [Fact]
    public Task TDSL230_AnEarlierStacksAclOnTheAssertedInstancesSubnet_ReportedInTheLaterStack() => Markup.VerifyAsync("namespace Shop;\n" + Network
        + Stack("App", "[NetworkAcl<Network.Main>, Associate<Network.Public>] public partial record Closed;\n")
        + "[{|TDSL230:Reaches<Zapp.Server, Network.Bastion>(Tcp, 443)|}]\n" + Stack("Zapp", ZappServer));

    [Fact]
    public Task TDSL230_NearMiss_TheEarlierStacksAclOnItsOwnSubnet() => Markup.VerifyAsync("namespace Shop;\n" + Network
        + Stack("App", "[Subnet<Network.Main>(\"10.0.8.0/24\")] public partial record AppSubnet;\n[NetworkAcl<Network.Main>, Associate<AppSubnet>] public partial record Closed;\n")
        + "[Reaches<Zapp.Server, Network.Bastion>(Tcp, 443)]\n" + Stack("Zapp", ZappServer));

    private const string ZappServer = """
        [Subnet<Network.Main>("10.0.9.0/24")] public partial record Own;
        [Instance<Own>("10.0.9.10", ImageId = nameof(Ami), InstanceType = "t3.micro"), Uses<Network.Web>] public partial record Server;
        """;
}
