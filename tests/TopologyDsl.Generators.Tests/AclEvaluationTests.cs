using System.Collections.Generic;
using System.Linq;
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
}
