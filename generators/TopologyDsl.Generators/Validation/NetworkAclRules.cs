using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Network ACLs on their own: rule numbers, blocks and ports, quotas, rules that can never match,
/// replies a stateless filter forgets, and administrative ports left open to the internet. What an
/// ACL does to the paths between instances is part of <see cref="Reachability"/>.
/// </summary>
internal static class NetworkAclRules
{
    /// <summary>EC2's range of rule numbers: 32767 is the default deny it adds to every ACL.</summary>
    public const int MaxRuleNumber = 32766;

    /// <summary>Amazon VPC User Guide, "Amazon VPC quotas", Network ACLs: network ACLs per VPC (the default ACL included).</summary>
    public const int AclsPerVpc = 200;

    /// <summary>The administrative ports checkov checks network ACLs for (CKV_AWS_229 to CKV_AWS_232).</summary>
    private static readonly (int Port, string Name)[] AdminPorts = [(22, "SSH"), (3389, "RDP"), (20, "FTP data"), (21, "FTP")];

    public static void Check(StackIndex index, ValidationOptions options, List<Finding> findings)
    {
        // The unfiltered addresses once per VPC, not per ACL: each list reads every subnet of the program.
        var unfilteredIn = new Dictionary<string, IReadOnlyList<UnfilteredAddress>>(System.StringComparer.Ordinal);
        foreach (var acl in index.Stack.Resources.OfType<NetworkAclSpec>())
        {
            if (acl.Associations.Count == 0)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.NetworkAclWithoutSubnet.Id, acl.Path.Child("attribute"), acl.Name));
            }

            var reserved = new Dictionary<string, int>(System.StringComparer.Ordinal);
            var vpc = index.VpcOf(acl);
            var key = vpc is null ? "" : index.Key(vpc);
            if (!unfilteredIn.TryGetValue(key, out var unfiltered))
            {
                unfilteredIn.Add(key, unfiltered = Unfiltered.Of(index, vpc));
            }

            foreach (var egress in new[] { false, true })
            {
                CheckDirection(acl, egress, options, findings);
                CheckShadowed(acl, egress, unfiltered, findings);
                CheckReplies(acl, egress, unfiltered, reserved, findings);
                CheckUnfilteredDenies(acl, egress, unfiltered, findings);
            }

            CheckAdminPorts(acl, findings);
        }

        CheckAclsPerVpc(index, findings);
    }

    private static string Segment(bool egress) => egress ? "egress" : "ingress";

    private static string Direction(bool egress) => egress ? "outbound" : "inbound";

    private static EquatableArray<AclRuleSpec> Rules(NetworkAclSpec acl, bool egress) => egress ? acl.Egress : acl.Ingress;

    /// <summary>Numbers, blocks, ports and the quota of one direction.</summary>
    private static void CheckDirection(NetworkAclSpec acl, bool egress, ValidationOptions options, List<Finding> findings)
    {
        var rules = Rules(acl, egress);
        var numbers = new Dictionary<int, int>();
        var taken = new HashSet<int>(rules.Select(r => r.Number).Where(n => n >= 1 && n <= MaxRuleNumber));
        var placed = new Dictionary<int, int>();
        int ipv4 = 0, ipv6 = 0;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = acl.Path.Item(Segment(egress), i);
            if (rule.Number < 1 || rule.Number > MaxRuleNumber)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AclRuleNumberOutOfRange.Id, path.Child("number"), Invariant.Format(rule.Number), acl.Name));
            }
            else if (numbers.TryGetValue(rule.Number, out var first))
            {
                var renumbered = Renumber(rules, rule.Number, taken, placed);
                findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateAclRuleNumber.Id, path.Child("number"), acl.Path.Item(Segment(egress), first).Child("number"),
                    acl.Name, Direction(egress), Invariant.Format(rule.Number)) with { Suggestion = Invariant.Format(renumbered) });
            }
            else
            {
                numbers.Add(rule.Number, i);
            }

            var isIpv6 = Ipv6.IsBlock(rule.Cidr);
            if (!isIpv6)
            {
                CidrRules.Block(rule.Cidr, egress ? "Outbound rule destination" : "Inbound rule source", acl.Name, path.Child("cidr"), findings);
            }

            CheckPorts(acl, rule, path, findings);

            ipv4 += isIpv6 ? 0 : 1;
            ipv6 += isIpv6 ? 1 : 0;
            if ((isIpv6 ? ipv6 : ipv4) == options.RulesPerNetworkAcl + 1)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyAclRules.Id, path, acl.Name,
                    Invariant.Format(rules.Count(r => Ipv6.IsBlock(r.Cidr) == isIpv6)), Direction(egress) + (isIpv6 ? " IPv6" : " IPv4"),
                    Invariant.Format(options.RulesPerNetworkAcl)));
            }
        }
    }

    /// <summary>
    /// The number TDSL141's fix gives a later rule that repeats <paramref name="number"/>: the next free
    /// one after it (after the previous repeat's new number, so that three rules numbered 100 become 100,
    /// 110, 120) and before the next rule's number where there is room, so that the rule keeps its place
    /// in the evaluation order. Each number given is taken, so that Fix All gives every repeat its own.
    /// </summary>
    private static int Renumber(EquatableArray<AclRuleSpec> rules, int number, HashSet<int> taken, Dictionary<int, int> placed)
    {
        var after = placed.TryGetValue(number, out var previous) ? previous : number;
        var limit = rules.Select(r => r.Number).Where(n => n > after && n <= MaxRuleNumber).DefaultIfEmpty(MaxRuleNumber + 1).Min();
        var renumbered = FreeNumber(taken, after, limit);
        taken.Add(renumbered);
        placed[number] = renumbered;
        return renumbered;
    }

    private static void CheckPorts(NetworkAclSpec acl, AclRuleSpec rule, ModelPath path, List<Finding> findings)
    {
        var display = "[AclIngress]/[AclEgress] of '" + acl.Name + "'";
        switch (rule.Protocol)
        {
            case ProtocolSpec.Tcp or ProtocolSpec.Udp:
                if (rule.Port < 0 || rule.Port > 65535)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, path.Child("port"), "Port", display, Invariant.Format(rule.Port), "from 0 to 65535"));
                }
                else if (rule.ToPort != 0 && (rule.ToPort < rule.Port || rule.ToPort > 65535))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, path.Child("toPort"), "ToPort", display, Invariant.Format(rule.ToPort),
                        "from Port (" + Invariant.Format(rule.Port) + ") to 65535"));
                }

                break;
            case ProtocolSpec.Icmp:
                if (rule.Port < -1 || rule.Port > 255)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, path.Child("port"), "Port", display, Invariant.Format(rule.Port), "an ICMP type from 0 to 255, or -1 for all"));
                }

                if (rule.IcmpCode < -1 || rule.IcmpCode > 255)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, path.Child("icmpCode"), "IcmpCode", display, Invariant.Format(rule.IcmpCode), "an ICMP code from 0 to 255, or -1 for all"));
                }

                break;
        }
    }

    /// <summary>Whether <paramref name="winner"/> matches all the traffic <paramref name="rule"/> matches.</summary>
    private static bool Covers(AclRuleSpec winner, AclRuleSpec rule)
    {
        if (AclBlock.Parse(winner.Cidr) is not { } outer || AclBlock.Parse(rule.Cidr) is not { } inner || !outer.Contains(inner))
        {
            return false;
        }

        if (winner.Protocol == ProtocolSpec.All)
        {
            return true;
        }

        if (winner.Protocol != rule.Protocol)
        {
            return false;
        }

        if (rule.Protocol == ProtocolSpec.Icmp)
        {
            return winner.Port < 0 || (winner.Port == rule.Port && (winner.IcmpCode < 0 || winner.IcmpCode == rule.IcmpCode));
        }

        var (wf, wt) = StackPlan.AclPorts(winner);
        var (rf, rt) = StackPlan.AclPorts(rule);
        return wf <= rf && rt <= wt;
    }

    /// <summary>
    /// A rule whose traffic one lower-numbered rule already decides entirely (TDSL251). A rule whose block
    /// holds only addresses network ACLs do not filter is left out: no rule decides that traffic, so
    /// renumbering would change nothing (a deny of it is TDSL256).
    /// </summary>
    private static void CheckShadowed(NetworkAclSpec acl, bool egress, IReadOnlyList<UnfilteredAddress> unfiltered, List<Finding> findings)
    {
        var rules = Rules(acl, egress);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (AclBlock.Parse(rule.Cidr) is { } block && Unfiltered.HoldsOnly(unfiltered, block))
            {
                continue;
            }

            for (var j = 0; j < rules.Count; j++)
            {
                var winner = rules[j];
                if (j != i && winner.Number < rule.Number && winner.Number >= 1 && Covers(winner, rule))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.ShadowedAclRule.Id, acl.Path.Item(Segment(egress), i).Child("number"),
                        acl.Path.Item(Segment(egress), j).Child("number"),
                        egress ? "Outbound" : "Inbound", Invariant.Format(rule.Number), acl.Name, Invariant.Format(winner.Number), AclEvaluation.Describe(winner, egress)));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The stateless mistake (TDSL252): a TCP or UDP rule that allows connections one way with no rule
    /// that lets their replies (to the ephemeral ports) back the other way, to the same block, for the
    /// same protocol (a rule for all protocols serves both). Inbound, the connection comes from the
    /// block and the replies go out to it; outbound, the mirror. A rule that covers the ephemeral range
    /// itself is taken for a reply rule and not checked. UDP needs it as much as TCP: a DNS query to
    /// port 53 is answered from port 53 to the ephemeral port the client sent it from, and the ACL does
    /// not remember the query. Source: Amazon VPC User Guide, "Control subnet traffic with network
    /// access control lists": network ACLs are stateless, so responses to allowed traffic are subject
    /// to the rules of the other direction (Network ACL basics), every rule needs a rule the other way
    /// that allows the responses (Custom network ACLs), and the client chooses the ephemeral port, from
    /// 1024-65535 for a NAT gateway, Elastic Load Balancing and Lambda, so 1024-65535 covers them all
    /// (Ephemeral ports). A rule whose block holds only addresses network ACLs do not filter (the Amazon
    /// DNS server, the instance metadata service, the Time Sync Service and the rest of <see cref="Unfiltered"/>)
    /// is not checked: that traffic and its replies pass whatever the rules say.
    /// </summary>
    private static void CheckReplies(NetworkAclSpec acl, bool egress, IReadOnlyList<UnfilteredAddress> unfiltered, Dictionary<string, int> reserved, List<Finding> findings)
    {
        var rules = Rules(acl, egress);
        var other = Rules(acl, !egress);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Allow || rule.Protocol is not (ProtocolSpec.Tcp or ProtocolSpec.Udp) || AclBlock.Parse(rule.Cidr) is not { } block)
            {
                continue;
            }

            var (from, to) = StackPlan.AclPorts(rule);
            if (from <= AclEvaluation.EphemeralFrom && to >= AclEvaluation.EphemeralTo)
            {
                continue;
            }

            // Traffic to and from the link-local services, the resolver and the router passes whatever the rules say, the replies too.
            if (Unfiltered.HoldsOnly(unfiltered, block))
            {
                continue;
            }

            // Only a rule that decides some traffic of its own (a shadowed one is TDSL251).
            if (rules.Where((r, j) => j != i && r.Number < rule.Number && r.Number >= 1 && Covers(r, rule)).Any())
            {
                continue;
            }

            if (AclEvaluation.Decide(other, rule.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo,
                r => AclBlock.Parse(r.Cidr) is { } b && b.Contains(block)).Allowed)
            {
                continue;
            }

            // One reply rule per direction, protocol and block, each with a number of its own (Fix All adds them together).
            var key = (egress ? "in|" : "out|") + (rule.Protocol == ProtocolSpec.Tcp ? "" : "udp|") + rule.Cidr;
            if (!reserved.TryGetValue(key, out var number))
            {
                number = NextFreeNumber(other, block, reserved.Where(r => r.Key.StartsWith(egress ? "in|" : "out|", System.StringComparison.Ordinal)).Select(r => r.Value), rule.Protocol);
                reserved.Add(key, number);
            }

            var protocol = rule.Protocol == ProtocolSpec.Tcp ? "TCP" : "UDP";
            var attribute = (egress ? "AclIngress(" : "AclEgress(") + Invariant.Format(number) + ", AclAction.Allow, Protocol." + (rule.Protocol == ProtocolSpec.Tcp ? "Tcp" : "Udp")
                + ", 1024, \"" + rule.Cidr + "\", ToPort = 65535)";
            var ports = from == to ? Invariant.Format(from) : Invariant.Format(from) + "-" + Invariant.Format(to);
            findings.Add(Finding.Create(DiagnosticDescriptors.AclReturnTrafficBlocked.Id, acl.Path.Item(Segment(egress), i).Child("port"),
                acl.Name, Direction(egress), protocol + " " + ports, egress ? "to" : "from", rule.Cidr, Invariant.Format(rule.Number),
                Direction(!egress), egress ? "in from" : "out to", attribute, protocol) with { Suggestion = attribute });
        }
    }

    /// <summary>
    /// A deny rule whose block holds only addresses network ACLs do not filter (TDSL256): it blocks
    /// nothing, though it reads as if it kept the subnet from the metadata service or the resolver.
    /// Source: Amazon VPC User Guide, "Control subnet traffic with network access control lists",
    /// Network ACL basics, Limitations (network ACLs cannot block DNS to the Route 53 Resolver nor
    /// traffic to the instance metadata service; the other services they do not filter are in <see cref="Unfiltered"/>).
    /// </summary>
    private static void CheckUnfilteredDenies(NetworkAclSpec acl, bool egress, IReadOnlyList<UnfilteredAddress> unfiltered, List<Finding> findings)
    {
        var rules = Rules(acl, egress);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!rule.Allow && AclBlock.Parse(rule.Cidr) is { } block && Unfiltered.HoldsOnly(unfiltered, block))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AclDeniesUnfilteredTraffic.Id, acl.Path.Item(Segment(egress), i).Child("cidr"),
                    egress ? "Outbound" : "Inbound", Invariant.Format(rule.Number), acl.Name, egress ? "to" : "from", rule.Cidr, Unfiltered.Describe(unfiltered, block)));
            }
        }
    }

    /// <summary>
    /// The number for a new rule of a direction: the next multiple of ten after the rules that come
    /// before the first rule that would deny the replies (of <paramref name="protocol"/>, so that the
    /// new rule decides them), or failing that the first number free before it.
    /// </summary>
    internal static int NextFreeNumber(EquatableArray<AclRuleSpec> rules, AclBlock block, IEnumerable<int> alsoTaken, ProtocolSpec protocol = ProtocolSpec.Tcp)
    {
        var taken = new HashSet<int>(rules.Select(r => r.Number).Concat(alsoTaken));
        var limit = MaxRuleNumber + 1;
        foreach (var i in AclEvaluation.Order(rules))
        {
            var rule = rules[i];
            if (!rule.Allow && (rule.Protocol == protocol || rule.Protocol == ProtocolSpec.All) && AclBlock.Parse(rule.Cidr) is { } b
                && (b.Contains(block) || block.Contains(b)) && rule.Number >= 1)
            {
                limit = rule.Number;
                break;
            }
        }

        return FreeNumber(taken, taken.Where(n => n >= 1 && n < limit).DefaultIfEmpty(0).Max(), limit);
    }

    /// <summary>
    /// A free rule number after <paramref name="after"/> and before <paramref name="limit"/>: the next
    /// multiple of ten if it is free, else the first free number in between, else the first free
    /// number below <paramref name="limit"/> (1 when there is none). Shared by the reply rule TDSL252's
    /// fix adds and the number TDSL141's fix gives a duplicate.
    /// </summary>
    internal static int FreeNumber(ISet<int> taken, int after, int limit)
    {
        var candidate = (after / 10 + 1) * 10;
        if (candidate < limit && !taken.Contains(candidate))
        {
            return candidate;
        }

        for (var n = after + 1; n < limit; n++)
        {
            if (!taken.Contains(n))
            {
                return n;
            }
        }

        for (var n = limit - 1; n >= 1; n--)
        {
            if (!taken.Contains(n))
            {
                return n;
            }
        }

        return 1;
    }

    /// <summary>An inbound rule that lets the whole internet reach an administrative port (TDSL420).</summary>
    private static void CheckAdminPorts(NetworkAclSpec acl, List<Finding> findings)
    {
        for (var i = 0; i < acl.Ingress.Count; i++)
        {
            var rule = acl.Ingress[i];
            if (!rule.Allow || rule.Protocol is not (ProtocolSpec.Tcp or ProtocolSpec.All) || AclBlock.Parse(rule.Cidr) is not { Prefix: 0 } world)
            {
                continue;
            }

            // The reply rule a stateless ACL needs (TCP 1024-65535) must take in 3389 as well; the security groups decide there.
            var (from, to) = AclEvaluation.Range(rule, ProtocolSpec.Tcp);
            if (rule.Protocol == ProtocolSpec.Tcp && from == AclEvaluation.EphemeralFrom && to == AclEvaluation.EphemeralTo)
            {
                continue;
            }

            foreach (var (port, name) in AdminPorts)
            {
                if (port < from || port > to)
                {
                    continue;
                }

                var verdict = AclEvaluation.Decide(acl.Ingress, ProtocolSpec.Tcp, port, port, r => AclBlock.Parse(r.Cidr) is { } b && b.Contains(world));
                if (verdict.Allowed && verdict.Rule == i)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.AclAdminPortOpenToWorld.Id, acl.Path.Item("ingress", i).Child("cidr"),
                        acl.Name, rule.Protocol == ProtocolSpec.All ? "all traffic" : "TCP " + (from == to ? Invariant.Format(from) : Invariant.Format(from) + "-" + Invariant.Format(to)),
                        rule.Cidr, Invariant.Format(rule.Number), Invariant.Format(port), name));
                    break;
                }
            }
        }
    }

    /// <summary>More network ACLs in a VPC than EC2 allows (TDSL147), counting the VPC's default ACL and those of other stacks.</summary>
    private static void CheckAclsPerVpc(StackIndex index, List<Finding> findings)
    {
        var counts = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var acl in index.AllResources.OfType<NetworkAclSpec>())
        {
            if (index.VpcOf(acl) is not { } vpc)
            {
                continue;
            }

            counts.TryGetValue(index.Key(vpc), out var count);
            counts[index.Key(vpc)] = ++count;
            if (count == AclsPerVpc && index.IsLocal(acl))
            {
                var total = index.AllResources.OfType<NetworkAclSpec>().Count(a => index.Same(index.VpcOf(a), vpc)) + 1;
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyNetworkAcls.Id, acl.Path.Child("vpc"), index.Display(vpc), Invariant.Format(total)));
            }
        }
    }
}
