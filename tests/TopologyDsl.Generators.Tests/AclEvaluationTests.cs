using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>How a network ACL decides, as pure functions: first match by number, partial ranges, the default deny, blocks of both families, and the next free number.</summary>
public class AclEvaluationTests
{
    private static AclRuleSpec Rule(int number, bool allow, ProtocolSpec protocol, int port, int toPort, string cidr) => new(number, allow, protocol, port, toPort, cidr, -1);

    private static EquatableArray<AclRuleSpec> Rules(params AclRuleSpec[] rules) => rules.ToEquatableArray();

    private static bool Any(AclRuleSpec _) => true;

    [Fact]
    public void Decide_FirstMatchByNumber_NotByDeclarationOrder()
    {
        var rules = Rules(Rule(200, true, ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0"), Rule(100, false, ProtocolSpec.All, 0, 0, "0.0.0.0/0"));
        Assert.Equal(new AclVerdict(false, 1), AclEvaluation.Decide(rules, ProtocolSpec.Tcp, 443, 443, Any));
    }

    [Fact]
    public void Decide_TwoPartialAllows_CoverTheRange()
    {
        var rules = Rules(Rule(100, true, ProtocolSpec.Tcp, 1024, 30000, "0.0.0.0/0"), Rule(110, true, ProtocolSpec.Tcp, 30001, 65535, "0.0.0.0/0"));
        Assert.True(AclEvaluation.Decide(rules, ProtocolSpec.Tcp, 1024, 65535, Any).Allowed);
        Assert.Equal(new AclVerdict(false, -1), AclEvaluation.Decide(rules, ProtocolSpec.Tcp, 1000, 65535, Any));
    }

    [Fact]
    public void Decide_ADenyOfPartOfTheRange_NamesTheDeny()
    {
        var rules = Rules(Rule(50, false, ProtocolSpec.Tcp, 3389, 0, "0.0.0.0/0"), Rule(100, true, ProtocolSpec.Tcp, 1024, 65535, "0.0.0.0/0"));
        Assert.Equal(new AclVerdict(false, 0), AclEvaluation.Decide(rules, ProtocolSpec.Tcp, 1024, 65535, Any));
    }

    [Fact]
    public void Allowed_NarrowsToTheAllowedParts_AndSplitsAllTraffic()
    {
        var rules = Rules(Rule(50, false, ProtocolSpec.Tcp, 8080, 0, "0.0.0.0/0"), Rule(100, true, ProtocolSpec.Tcp, 8000, 8100, "0.0.0.0/0"), Rule(110, true, ProtocolSpec.Icmp, -1, 0, "0.0.0.0/0"));
        Assert.Equal(["TCP 8000-8079", "TCP 8081-8100"], AclEvaluation.Allowed(rules, new PortRange(ProtocolSpec.Tcp, 0, 65535), Any).Select(p => p.ToString()));
        Assert.Equal(["TCP 8000-8079", "TCP 8081-8100", "ICMP"], AclEvaluation.Allowed(rules, new PortRange(ProtocolSpec.All, 0, 65535), Any).Select(p => p.ToString()));
    }

    [Fact]
    public void AclBlock_ContainsWithinItsFamilyOnly()
    {
        var world6 = AclBlock.Parse("::/0")!.Value;
        var doc = AclBlock.Parse("2001:db8::/32")!.Value;
        var inside = AclBlock.Parse("2001:db8:1234::/48")!.Value;
        Assert.True(world6.Contains(doc));
        Assert.True(doc.Contains(inside));
        Assert.False(inside.Contains(doc));
        Assert.False(doc.Contains(AclBlock.Parse("2001:db9::/32")!.Value));
        Assert.False(world6.Contains(AclBlock.Parse("10.0.0.0/8")!.Value));
        Assert.True(AclBlock.Parse("10.0.0.0/8")!.Value.Contains(AclBlock.Parse("10.1.2.0/24")!.Value));
        Assert.Null(AclBlock.Parse("10.0.0/8"));
    }

    [Fact]
    public void NextFreeNumber_AfterTheRules_BeforeTheDenyThatWouldShadowIt()
    {
        var block = AclBlock.Parse("10.0.2.0/24")!.Value;
        Assert.Equal(10, NetworkAclRules.NextFreeNumber(Rules(), block, []));
        Assert.Equal(110, NetworkAclRules.NextFreeNumber(Rules(Rule(100, true, ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0")), block, []));
        Assert.Equal(120, NetworkAclRules.NextFreeNumber(Rules(Rule(100, true, ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0")), block, [110]));
        // A deny of the block at 105 comes first: the new rule goes between 100 and 105.
        Assert.Equal(101, NetworkAclRules.NextFreeNumber(Rules(Rule(100, true, ProtocolSpec.Tcp, 443, 0, "0.0.0.0/0"), Rule(105, false, ProtocolSpec.All, 0, 0, "10.0.0.0/8")), block, []));
    }

    [Fact]
    public void NextFreeNumber_UdpReplies_StopBeforeAUdpDeny_NotATcpOne()
    {
        var block = AclBlock.Parse("10.0.2.0/24")!.Value;
        var rules = Rules(Rule(100, true, ProtocolSpec.Udp, 53, 0, "0.0.0.0/0"), Rule(105, false, ProtocolSpec.Tcp, 0, 0, "10.0.0.0/8"), Rule(200, false, ProtocolSpec.Udp, 1024, 65535, "10.0.0.0/8"));
        Assert.Equal(101, NetworkAclRules.NextFreeNumber(rules, block, []));
        Assert.Equal(110, NetworkAclRules.NextFreeNumber(rules, block, [], ProtocolSpec.Udp));
    }

    [Fact]
    public void FreeNumber_NextTenBeforeTheLimit_ElseTheFirstGap_ElseBelow()
    {
        Assert.Equal(110, NetworkAclRules.FreeNumber(new HashSet<int> { 100 }, 100, 32767));
        Assert.Equal(101, NetworkAclRules.FreeNumber(new HashSet<int> { 100, 110 }, 100, 110));
        Assert.Equal(102, NetworkAclRules.FreeNumber(new HashSet<int> { 100, 101, 105 }, 100, 105));
        Assert.Equal(99, NetworkAclRules.FreeNumber(new HashSet<int> { 100, 101 }, 100, 101));
    }

    // ---- The destinations network ACLs do not filter ----

    /// <summary>What VPC Net (10.0.0.0/16, subnet 10.0.1.0/24) sees as unfiltered, beside VPC Other (10.1.0.0/16, subnet 10.1.1.0/24).</summary>
    private static IReadOnlyList<UnfilteredAddress> SeenFromNet(bool knownVpc = true)
    {
        static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);
        var net = new VpcSpec("Net", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, true, 30);
        var resources = new ResourceSpec[]
        {
            net,
            new SubnetSpec("A", TypeKeyword.Record, true, Ref("Net"), "10.0.1.0/24", 0, SubnetKindSpec.Private, -1, false),
            new VpcSpec("Other", TypeKeyword.Record, true, "10.1.0.0/16", EquatableArray<string>.Empty, true, 30),
            new SubnetSpec("B", TypeKeyword.Record, true, Ref("Other"), "10.1.1.0/24", 0, SubnetKindSpec.Private, -1, false),
        };
        var stack = new StackSpec("Shop", "Shop", true, true, "shop", null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);
        return Unfiltered.Of(new StackIndex(stack, _ => null), knownVpc ? net : null);
    }

    [Theory]
    [InlineData("169.254.169.253/32")] // the Amazon DNS server
    [InlineData("fd00:ec2::253/128")]
    [InlineData("10.0.0.2/32")]
    [InlineData("169.254.169.254/32")] // the instance metadata service
    [InlineData("fd00:ec2::254/128")]
    [InlineData("169.254.169.123/32")] // the Amazon Time Sync Service
    [InlineData("fd00:ec2::123/128")]
    [InlineData("169.254.170.2/32")] // the ECS task metadata endpoint
    [InlineData("169.254.169.250/31")] // both Windows activation servers, and nothing else
    [InlineData("169.254.169.251/32")]
    [InlineData("10.0.1.1/32")] // the router of subnet A
    public void Unfiltered_HoldsOnly_TheServicesAddresses(string block) => Assert.True(Unfiltered.HoldsOnly(SeenFromNet(), AclBlock.Parse(block)!.Value));

    [Theory]
    [InlineData("169.254.169.252/32")] // beside the DNS server and the metadata service
    [InlineData("169.254.169.252/30")] // both of them, and two ordinary addresses
    [InlineData("169.254.169.248/30")] // both activation servers, and two ordinary addresses
    [InlineData("169.254.0.0/16")]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    [InlineData("fd00:ec2::122/127")] // the IPv6 Time Sync Service and ::122
    [InlineData("fd00:ec2::/64")]
    [InlineData("10.0.0.1/32")] // the base + 1 of the VPC, but no subnet starts there
    [InlineData("10.1.0.2/32")] // the DNS server of another VPC
    [InlineData("10.1.1.1/32")] // the router of another VPC's subnet
    public void Unfiltered_ABlockWithAnOrdinaryAddress_IsFiltered(string block) => Assert.False(Unfiltered.HoldsOnly(SeenFromNet(), AclBlock.Parse(block)!.Value));

    /// <summary>
    /// The index <see cref="Unfiltered"/> builds (blocks that fill up, pair by pair) answers as reading the
    /// whole list did before it: random lists of addresses packed into eight of each family, so that blocks
    /// fill, with repeats and several services, against random blocks of both families.
    /// </summary>
    [Fact]
    public void Unfiltered_Index_AnswersAsReadingTheList()
    {
        string[] services = ["the instance metadata service", "the VPC router", "the Amazon DNS server"];
        var ipv4 = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2],
            (x, s) => new UnfilteredAddress(AclBlock.Parse("10.0.0." + x.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/32")!.Value, services[s]));
        var ipv6 = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 2],
            (x, s) => new UnfilteredAddress(AclBlock.Parse("fd00:ec2::" + x.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "/128")!.Value, services[s]));
        var blocks = Gen.OneOf(
            Gen.Select(Gen.Int[0, 7], Gen.Int[28, 32], (x, p) => AclBlock.Parse(FormattableString.Invariant($"10.0.0.{x}/{p}"))!.Value),
            Gen.Select(Gen.Int[0, 7], Gen.Int[124, 128], (x, p) => AclBlock.Parse(FormattableString.Invariant($"fd00:ec2::{x:x}/{p}"))!.Value));
        Gen.Select(Gen.OneOf(ipv4, ipv6).Array[0, 32], blocks, (list, block) => (list, block)).Sample(sample =>
        {
            var (list, block) = sample;

            // Before the index: the distinct addresses of the block's family, every address of the block looked up.
            var family = list.Where(a => a.Address.IsIpv6 == block.IsIpv6).Select(a => (a.Address.High, a.Address.Low)).Distinct().ToList();
            var bits = (block.IsIpv6 ? 128 : 32) - block.Prefix;
            var holds = (1L << bits) <= family.Count && Enumerable.Range(0, 1 << bits).All(i => family.Contains((block.High, block.Low | (uint)i)));
            var named = list.Where(a => block.Contains(a.Address)).Select(a => a.Service).Distinct().ToList();
            var described = named.Count <= 1 ? named.FirstOrDefault() ?? "" : string.Join(", ", named.Take(named.Count - 1)) + " and " + named[^1];

            Assert.Equal(holds, Unfiltered.HoldsOnly(list, block));
            Assert.Equal(described, Unfiltered.Describe(list, block));
        }, iter: 2000);
    }

    [Fact]
    public void Unfiltered_WithoutAVpc_OnlyTheSharedAddresses()
    {
        Assert.True(Unfiltered.HoldsOnly(SeenFromNet(knownVpc: false), AclBlock.Parse("169.254.169.254/32")!.Value));
        Assert.False(Unfiltered.HoldsOnly(SeenFromNet(knownVpc: false), AclBlock.Parse("10.0.0.2/32")!.Value));
        Assert.False(Unfiltered.HoldsOnly(SeenFromNet(knownVpc: false), AclBlock.Parse("10.0.1.1/32")!.Value));
    }
}
