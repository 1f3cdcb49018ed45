using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>A network ACL rule's block: IPv4 or IPv6, as the 16 bytes of an address (IPv4 in the last four) and a prefix.</summary>
internal readonly record struct AclBlock(bool IsIpv6, ulong High, ulong Low, int Prefix)
{
    public static AclBlock? Parse(string? text)
    {
        if (Cidr.TryParse(text, out var v4))
        {
            return new AclBlock(false, 0, v4.Network.Address, v4.Prefix);
        }

        if (!Ipv6.IsBlock(text))
        {
            return null;
        }

        var slash = text!.IndexOf('/');
        var bytes = System.Net.IPAddress.Parse(text.Substring(0, slash)).GetAddressBytes();
        ulong high = 0, low = 0;
        for (var i = 0; i < 8; i++)
        {
            high = (high << 8) | bytes[i];
            low = (low << 8) | bytes[i + 8];
        }

        var prefix = int.Parse(text.Substring(slash + 1), CultureInfo.InvariantCulture);
        return new AclBlock(true, high & Mask(prefix), low & Mask(prefix - 64), prefix);
    }

    public static AclBlock Of(Cidr block) => new(false, 0, block.Network.Address, block.Prefix);

    public static AclBlock Address(uint address) => new(false, 0, address, 32);

    private static ulong Mask(int bits) => bits <= 0 ? 0 : bits >= 64 ? ulong.MaxValue : ~(ulong.MaxValue >> bits);

    /// <summary>Whether every address of <paramref name="other"/> is in this block (same family).</summary>
    public bool Contains(AclBlock other)
    {
        if (IsIpv6 != other.IsIpv6 || other.Prefix < Prefix)
        {
            return false;
        }

        if (!IsIpv6)
        {
            var mask = Prefix == 0 ? 0u : uint.MaxValue << (32 - Prefix);
            return ((uint)other.Low & mask) == (uint)Low;
        }

        return (other.High & Mask(Prefix)) == High && (other.Low & Mask(Prefix - 64)) == Low;
    }
}

/// <summary>What a network ACL does with some traffic: allowed or not, and the rule that decided (-1: the default deny, no rule matched).</summary>
internal readonly record struct AclVerdict(bool Allowed, int Rule);

/// <summary>
/// How a network ACL treats traffic: rules in ascending number, the first that matches a packet
/// decides, and what no rule matches is denied. Pure functions over the rules of one direction.
/// </summary>
internal static class AclEvaluation
{
    /// <summary>The ephemeral ports the replies of a connection go to (Linux, Windows, NAT gateways).</summary>
    public const int EphemeralFrom = 1024;

    public const int EphemeralTo = 65535;

    /// <summary>The rules' indexes in evaluation order: by number, then as written.</summary>
    public static IEnumerable<int> Order(EquatableArray<AclRuleSpec> rules) =>
        Enumerable.Range(0, rules.Count).OrderBy(i => rules[i].Number).ThenBy(i => i);

    /// <summary>The range a rule matches for its protocol: TCP and UDP ports, ICMP types (0-255 for all), everything for all protocols.</summary>
    public static (int From, int To) Range(AclRuleSpec rule, ProtocolSpec protocol) => rule.Protocol switch
    {
        ProtocolSpec.All => protocol == ProtocolSpec.Icmp ? (0, 255) : (0, 65535),
        ProtocolSpec.Icmp => rule.Port < 0 ? (0, 255) : (rule.Port, rule.Port),
        _ => StackPlan.AclPorts(rule),
    };

    /// <summary>The wanted range of traffic as intervals of one protocol (ICMP: types, -1 for all).</summary>
    public static (int From, int To) Wanted(PortRange ports) => ports.Protocol switch
    {
        ProtocolSpec.Icmp => ports.From < 0 ? (0, 255) : (ports.From, ports.To),
        _ => (ports.From, ports.To),
    };

    /// <summary>
    /// Walks the rules for <paramref name="protocol"/> traffic on the ports from <paramref name="from"/> to
    /// <paramref name="to"/> whose peer <paramref name="peer"/> matches: the parts allowed, and the first rule
    /// that denied a part (-1 when what is left over falls to the default deny, or nothing does).
    /// </summary>
    public static (List<(int From, int To)> Allowed, int Denier, bool Complete) Walk(EquatableArray<AclRuleSpec> rules, ProtocolSpec protocol, int from, int to,
        System.Func<AclRuleSpec, bool> peer)
    {
        var undecided = new List<(int From, int To)> { (from, to) };
        var allowed = new List<(int From, int To)>();
        var denier = -1;
        foreach (var i in Order(rules))
        {
            var rule = rules[i];
            if ((rule.Protocol != ProtocolSpec.All && rule.Protocol != protocol) || !peer(rule))
            {
                continue;
            }

            var (rf, rt) = Range(rule, protocol);
            var next = new List<(int, int)>();
            var cut = false;
            foreach (var (uf, ut) in undecided)
            {
                var lo = System.Math.Max(uf, rf);
                var hi = System.Math.Min(ut, rt);
                if (lo > hi)
                {
                    next.Add((uf, ut));
                    continue;
                }

                cut = true;
                if (rule.Allow)
                {
                    allowed.Add((lo, hi));
                }

                if (uf < lo)
                {
                    next.Add((uf, lo - 1));
                }

                if (hi < ut)
                {
                    next.Add((hi + 1, ut));
                }
            }

            if (cut && !rule.Allow && denier < 0)
            {
                denier = i;
            }

            undecided = next;
            if (undecided.Count == 0)
            {
                break;
            }
        }

        allowed.Sort();
        return (allowed, denier, undecided.Count == 0);
    }

    /// <summary>Whether all of the traffic is allowed, and if not, the rule that denies (part of) it or -1 for the default deny; if so, the last rule that allowed it.</summary>
    public static AclVerdict Decide(EquatableArray<AclRuleSpec> rules, ProtocolSpec protocol, int from, int to, System.Func<AclRuleSpec, bool> peer)
    {
        if (protocol == ProtocolSpec.All)
        {
            AclVerdict last = new(true, -1);
            foreach (var p in new[] { ProtocolSpec.Tcp, ProtocolSpec.Udp, ProtocolSpec.Icmp })
            {
                var verdict = Decide(rules, p, 0, p == ProtocolSpec.Icmp ? 255 : 65535, peer);
                if (!verdict.Allowed)
                {
                    return verdict;
                }

                last = verdict;
            }

            return last;
        }

        var (allowed, denier, _) = Walk(rules, protocol, from, to, peer);
        var covered = from;
        foreach (var (f, t) in allowed)
        {
            if (f > covered)
            {
                break;
            }

            covered = System.Math.Max(covered, t + 1);
        }

        if (covered > to)
        {
            var last = -1;
            foreach (var i in Order(rules))
            {
                var rule = rules[i];
                if (rule.Allow && (rule.Protocol == ProtocolSpec.All || rule.Protocol == protocol) && peer(rule)
                    && Range(rule, protocol) is var (rf, rt) && rf <= to && rt >= from)
                {
                    last = i;
                }
            }

            return new AclVerdict(true, last);
        }

        return new AclVerdict(false, denier);
    }

    /// <summary>The parts of <paramref name="ports"/> the rules allow, as port ranges of the same protocol (for all protocols: the whole, or its allowed parts per protocol).</summary>
    public static List<PortRange> Allowed(EquatableArray<AclRuleSpec> rules, PortRange ports, System.Func<AclRuleSpec, bool> peer)
    {
        if (ports.Protocol == ProtocolSpec.All)
        {
            if (Decide(rules, ProtocolSpec.All, 0, 65535, peer).Allowed)
            {
                return [ports];
            }

            return Allowed(rules, new PortRange(ProtocolSpec.Tcp, 0, 65535), peer)
                .Concat(Allowed(rules, new PortRange(ProtocolSpec.Udp, 0, 65535), peer))
                .Concat(Allowed(rules, new PortRange(ProtocolSpec.Icmp, -1, -1), peer))
                .ToList();
        }

        var (from, to) = Wanted(ports);
        if (ports.Protocol == ProtocolSpec.Icmp)
        {
            return Decide(rules, ProtocolSpec.Icmp, from, to, peer).Allowed ? [ports] : [];
        }

        var (allowed, _, _) = Walk(rules, ports.Protocol, from, to, peer);
        var merged = new List<PortRange>();
        foreach (var (f, t) in allowed)
        {
            if (merged.Count > 0 && merged[merged.Count - 1].To + 1 >= f)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = last with { To = System.Math.Max(last.To, t) };
            }
            else
            {
                merged.Add(new PortRange(ports.Protocol, f, t));
            }
        }

        return merged;
    }

    /// <summary>How messages describe a rule: "allow TCP 443 from 0.0.0.0/0".</summary>
    public static string Describe(AclRuleSpec rule, bool egress)
    {
        var (from, to) = StackPlan.AclPorts(rule);
        var what = rule.Protocol switch
        {
            ProtocolSpec.All => "all traffic",
            ProtocolSpec.Icmp => rule.Port < 0 ? "ICMP" : "ICMP type " + Invariant.Format(rule.Port) + (rule.IcmpCode < 0 ? "" : " code " + Invariant.Format(rule.IcmpCode)),
            _ => rule.Protocol.ToString().ToUpperInvariant() + " " + (from == 0 && to == 65535 ? "all ports" : from == to ? Invariant.Format(from) : Invariant.Format(from) + "-" + Invariant.Format(to)),
        };
        return (rule.Allow ? "allow " : "deny ") + what + (egress ? " to " : " from ") + rule.Cidr;
    }
}
