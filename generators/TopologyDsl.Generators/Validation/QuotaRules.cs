using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Amazon VPC quotas on security groups, and rules EC2 refuses as duplicates.</summary>
internal static class QuotaRules
{
    /// <summary>A region-wide finding about a stack, with the total it counts (the highest of its regions is kept).</summary>
    private sealed record RegionFinding(Finding Finding, int Total);

    // Amazon VPC User Guide, "Amazon VPC quotas", Security groups: 60 inbound and 60 outbound rules per
    // security group, enforced separately for IPv4 and IPv6 (a rule that references a group counts
    // towards both); 5 security groups per network interface (adjustable, at most 16). Both are
    // adjustable, so the limits come from build properties (ValidationOptions). The per-interface quota holds for
    // an instance's network interface and for each of an interface endpoint's.

    public static void Check(StackIndex index, ValidationOptions options, List<Finding> findings)
    {
        CheckEndpoints(index, options, findings);
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case SecurityGroupSpec group:
                    CheckRules(index, group, group.Ingress, "ingress", "inbound", options, findings);
                    CheckRules(index, group, group.Egress, "egress", "outbound", options, findings);
                    break;
                case InstanceSpec instance:
                    CheckGroups(instance, "Instance", instance.SecurityGroups, options, findings);
                    break;
                case InterfaceEndpointSpec endpoint:
                    // Its groups go on the network interface it has in each of its subnets (AWS PrivateLink Guide,
                    // "Access an AWS service using an interface VPC endpoint"), under the same per-interface quota.
                    CheckGroups(endpoint, "Interface endpoint", endpoint.SecurityGroups, options, findings);
                    break;
            }
        }

        CheckElasticIps(index, options, findings);
    }

    /// <summary>A network interface's groups over the quota, reported at the first [Uses] past it (a group named twice counts once).</summary>
    private static void CheckGroups(ResourceSpec resource, string kind, EquatableArray<RefSpec> groups, ValidationOptions options, List<Finding> findings)
    {
        // A group is its stack (none: this one) and its name, which has no '/'.
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var past = -1;
        for (var i = 0; i < groups.Count; i++)
        {
            if (seen.Add(groups[i].Stack + "/" + groups[i].Name) && seen.Count == options.SecurityGroupsPerInterface + 1)
            {
                past = i;
            }
        }

        if (past >= 0)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.TooManySecurityGroups.Id, resource.Path.Item("uses", past),
                kind, resource.Name, Invariant.Format(seen.Count), Invariant.Format(options.SecurityGroupsPerInterface)));
        }
    }

    /// <summary>
    /// Elastic IP addresses over the regional quota (Amazon EC2 User Guide, "Elastic IP address quota": 5 per
    /// Region by default, adjustable), counted over the stacks seen from here as the endpoint quotas are: every
    /// AWS::EC2::EIP the plan names (a NAT gateway's, an instance's with ElasticIp = true), the imported stacks'
    /// first, reported at the first record of this stack past the quota. The whole program is counted at
    /// compilation end (<see cref="CheckRegion"/>).
    /// </summary>
    private static void CheckElasticIps(StackIndex index, ValidationOptions options, List<Finding> findings)
    {
        var others = index.Others.Where(o => o.Key != index.Stack.Key).GroupBy(o => o.Key).Select(g => g.First()).ToList();
        var local = index.Names.Where(IsElasticIp).ToList();
        var total = others.Sum(o => ElasticIps(o).Count) + local.Count;
        if (PastQuota(total - local.Count, local, options.ElasticIpsPerRegion) is { } first)
        {
            findings.Add(ElasticIpFinding(first, Scope(index.Stack, others.Count > 0, capital: false), total, options.ElasticIpsPerRegion));
        }
    }

    /// <summary>
    /// The region-wide quotas (TDSL311, TDSL312) over the stacks of the program that deploy to one region, in
    /// <paramref name="ordered"/>'s order (each after the stacks it imports, then by key), each counted with the
    /// stacks before it and what it and they import. A stack under a quota with what it imports alone but over it so
    /// is reported once, at its first record past the quota, with the region's count; a stack over it alone is left
    /// out (its own pass reported it, live, with its own count). Run by the analyzer at compilation end.
    /// <para>
    /// A stack's region is the one its zones name (<see cref="ZoneRules.RegionOf"/>), else that of the stacks it
    /// imports (Fn::ImportValue reads exports of the stack's own region only: AWS CloudFormation User Guide,
    /// "Fn::ImportValue"), else unknown: it deploys to whatever region the AWS CLI is given, so it is counted with
    /// every region the program names (and, when it names none, all stacks are counted together, as one region).
    /// A stack of unknown region over a quota in several regions is reported once, for the region with the most.
    /// </para>
    /// <para>
    /// Linear in the stacks and what they import: each stack's own counts are taken once, and the counts of the
    /// stacks before it are running totals, not summed again for every stack.
    /// </para>
    /// </summary>
    public static IEnumerable<ProgramFinding> CheckRegion(
        IReadOnlyList<StackSpec> ordered, IReadOnlyDictionary<string, Imports> imported, ValidationOptions options)
    {
        var counts = new Dictionary<string, Counts>(System.StringComparer.Ordinal);
        foreach (var stack in ordered)
        {
            counts[stack.Key] = new Counts(stack.Resources.OfType<GatewayEndpointSpec>().ToList(), ElasticIps(stack));
        }

        var regions = ordered.ToDictionary(s => s.Key, s => ZoneRules.RegionOf(s), System.StringComparer.Ordinal);
        foreach (var stack in ordered)
        {
            // Imports first: a stack whose zones name no region deploys where the stacks it imports do.
            if (regions[stack.Key] is null)
            {
                regions[stack.Key] = imported[stack.Key].Stacks.Select(o => regions.TryGetValue(o.Key, out var r) ? r : null).FirstOrDefault(r => r is not null);
            }
        }

        var named = regions.Values.OfType<string>().Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, RegionFinding>(System.StringComparer.Ordinal);
        foreach (var region in named.Count == 0 ? new string?[] { null } : named.Cast<string?>())
        {
            var members = ordered.Where(s => regions[s.Key] is not { } r || r == region).ToList();
            foreach (var (stack, finding, total) in CheckOneRegion(members, region, imported, counts, options))
            {
                if (!found.TryGetValue(stack.Key + " " + finding.Id, out var known) || total > known.Total)
                {
                    found[stack.Key + " " + finding.Id] = new RegionFinding(finding, total);
                }
            }
        }

        foreach (var stack in ordered)
        {
            foreach (var id in new[] { DiagnosticDescriptors.TooManyGatewayEndpoints.Id, DiagnosticDescriptors.TooManyElasticIps.Id })
            {
                if (found.TryGetValue(stack.Key + " " + id, out var reported))
                {
                    yield return new ProgramFinding(stack.Key, reported.Finding);
                }
            }
        }
    }

    /// <summary>A stack's own gateway endpoints and Elastic IPs, taken once.</summary>
    private sealed record Counts(IReadOnlyList<GatewayEndpointSpec> Gateways, IReadOnlyList<PlannedName> ElasticIps);

    /// <summary>The quotas over the stacks of one region (null: the program names none), with running totals of the stacks before each.</summary>
    private static IEnumerable<(StackSpec Stack, Finding Finding, int Total)> CheckOneRegion(List<StackSpec> members, string? region,
        IReadOnlyDictionary<string, Imports> imported, IReadOnlyDictionary<string, Counts> counts, ValidationOptions options)
    {
        var gatewayTotal = members.Sum(s => counts[s.Key].Gateways.Count);
        var elasticIpTotal = members.Sum(s => counts[s.Key].ElasticIps.Count);
        if (gatewayTotal <= options.GatewayEndpointsPerRegion && elasticIpTotal <= options.ElasticIpsPerRegion)
        {
            yield break;
        }

        var scope = region is null ? "program" : "program in " + region;
        var before = new HashSet<string>(System.StringComparer.Ordinal);
        int gatewaysBefore = 0, elasticIpsBefore = 0;
        foreach (var stack in members)
        {
            var self = counts[stack.Key];

            // The stacks seen from here: those before it and those it imports (never itself). An import not yet
            // counted (only in a cycle, itself TDSL227) is added for this stack alone.
            var own = imported[stack.Key].Stacks.Where(o => o.Key != stack.Key).Select(o => o.Key).Distinct().ToList();
            int ownGateways = 0, ownElasticIps = 0, newGateways = 0, newElasticIps = 0;
            foreach (var key in own)
            {
                var other = counts[key];
                ownGateways += other.Gateways.Count;
                ownElasticIps += other.ElasticIps.Count;
                if (!before.Contains(key))
                {
                    newGateways += other.Gateways.Count;
                    newElasticIps += other.ElasticIps.Count;
                }
            }

            var counted = before.Contains(stack.Key);
            var gatewaysSeen = gatewaysBefore - (counted ? self.Gateways.Count : 0) + newGateways;
            var elasticIpsSeen = elasticIpsBefore - (counted ? self.ElasticIps.Count : 0) + newElasticIps;
            if (gatewayTotal > options.GatewayEndpointsPerRegion
                && ownGateways + self.Gateways.Count <= options.GatewayEndpointsPerRegion
                && PastQuota(gatewaysSeen, self.Gateways, options.GatewayEndpointsPerRegion) is { } gateway)
            {
                yield return (stack, GatewayFinding(gateway, "The " + scope, gatewayTotal, options.GatewayEndpointsPerRegion), gatewayTotal);
            }

            if (elasticIpTotal > options.ElasticIpsPerRegion
                && ownElasticIps + self.ElasticIps.Count <= options.ElasticIpsPerRegion
                && PastQuota(elasticIpsSeen, self.ElasticIps, options.ElasticIpsPerRegion) is { } elasticIp)
            {
                yield return (stack, ElasticIpFinding(elasticIp, "the " + scope, elasticIpTotal, options.ElasticIpsPerRegion), elasticIpTotal);
            }

            foreach (var key in own.Prepend(stack.Key))
            {
                if (before.Add(key))
                {
                    gatewaysBefore += counts[key].Gateways.Count;
                    elasticIpsBefore += counts[key].ElasticIps.Count;
                }
            }
        }
    }

    /// <summary>The first of <paramref name="local"/> past the quota when <paramref name="others"/> are counted first, or null.</summary>
    private static T? PastQuota<T>(int others, IReadOnlyList<T> local, int quota)
        where T : class =>
        local.Count > 0 && others + local.Count > quota ? local[System.Math.Max(0, quota - others)] : null;

    /// <summary>A stack's Elastic IPs, found once per spec: every validation of a stack that imports it counts them.</summary>
    private static IReadOnlyList<PlannedName> ElasticIps(StackSpec stack) =>
        ElasticIpsOf.GetValue(stack, static s => StackPlan.Names(s).Where(IsElasticIp).ToList().AsReadOnly());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StackSpec, IReadOnlyList<PlannedName>> ElasticIpsOf = new();

    /// <summary>What a stack's own pass counts: the stack, and the stacks it imports from when there are any.</summary>
    private static string Scope(StackSpec stack, bool imports, bool capital) =>
        (capital ? "Stack '" : "stack '") + stack.ClassName + "'" + (imports ? " with the stacks it imports" : "");

    private static Finding ElasticIpFinding(PlannedName record, string scope, int total, int quota) =>
        Finding.Create(DiagnosticDescriptors.TooManyElasticIps.Id, record.Owner,
            char.ToUpperInvariant(record.Describe[0]) + record.Describe.Substring(1), scope, Invariant.Format(total), Invariant.Format(quota));

    private static Finding GatewayFinding(GatewayEndpointSpec endpoint, string scope, int total, int quota) =>
        Finding.Create(DiagnosticDescriptors.TooManyGatewayEndpoints.Id, endpoint.Path, scope, Invariant.Format(total), Invariant.Format(quota));

    /// <summary>
    /// Which regional quota a finding reports a stack over, or null for any other finding: TDSL311 and TDSL312
    /// have one per region, TDSL310 one per VPC (its first argument, the VPC as the stack names it). Findings of
    /// one quota with other counts or at other records are the same excess counted over more stacks.
    /// </summary>
    public static string? QuotaOf(Finding finding) =>
        finding.Id == DiagnosticDescriptors.TooManyInterfaceEndpoints.Id ? finding.Id + "|" + finding.Arguments[0]
        : finding.Id == DiagnosticDescriptors.TooManyGatewayEndpoints.Id || finding.Id == DiagnosticDescriptors.TooManyElasticIps.Id ? finding.Id
        : null;

    /// <summary>Whether a finding is of a quota per region (TDSL311, TDSL312), which the compilation-end pass counts over every stack.</summary>
    public static bool IsRegionWide(Finding finding) =>
        finding.Id == DiagnosticDescriptors.TooManyGatewayEndpoints.Id || finding.Id == DiagnosticDescriptors.TooManyElasticIps.Id;

    private static bool IsElasticIp(PlannedName name) => name.CfnType == "AWS::EC2::EIP";

    /// <summary>
    /// Endpoints over the quotas, counted over the stacks seen from here (a program deploys to one
    /// region), reported at the first endpoint of this stack past the quota.
    /// </summary>
    private static void CheckEndpoints(StackIndex index, ValidationOptions options, List<Finding> findings)
    {
        var perVpc = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        var gateways = 0;
        var gatewayReported = false;
        var totals = index.AllResources.OfType<InterfaceEndpointSpec>().Select(e => index.ResolveFrom<VpcSpec>(e, e.Vpc)).Where(v => v is not null)
            .GroupBy(v => index.Key(v!)).ToDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
        var gatewayTotal = index.AllResources.OfType<GatewayEndpointSpec>().Count();
        foreach (var resource in index.AllResources)
        {
            switch (resource)
            {
                case InterfaceEndpointSpec e when index.ResolveFrom<VpcSpec>(e, e.Vpc) is { } vpc:
                    perVpc.TryGetValue(index.Key(vpc), out var count);
                    perVpc[index.Key(vpc)] = ++count;
                    if (count > options.InterfaceEndpointsPerVpc && index.IsLocal(e) && !reported.Contains(index.Key(vpc)))
                    {
                        reported.Add(index.Key(vpc));
                        findings.Add(Finding.Create(DiagnosticDescriptors.TooManyInterfaceEndpoints.Id, e.Path, index.Display(vpc),
                            Invariant.Format(totals[index.Key(vpc)]), Invariant.Format(options.InterfaceEndpointsPerVpc)));
                    }

                    break;
                case GatewayEndpointSpec g:
                    if (++gateways > options.GatewayEndpointsPerRegion && index.IsLocal(g) && !gatewayReported)
                    {
                        gatewayReported = true;
                        findings.Add(GatewayFinding(g, Scope(index.Stack, index.Others.Any(o => o.Key != index.Stack.Key), capital: true), gatewayTotal, options.GatewayEndpointsPerRegion));
                    }

                    break;
            }
        }
    }

    private static void CheckRules(StackIndex index, SecurityGroupSpec group, EquatableArray<RuleSpec> rules, string segment, string direction,
        ValidationOptions options, List<Finding> findings)
    {
        var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
        int ipv4 = 0, ipv6 = 0;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var family = Family(index, rule);
            ipv4 += family is IpFamily.V4 or IpFamily.Both ? 1 : 0;
            ipv6 += family is IpFamily.V6 or IpFamily.Both ? 1 : 0;
            var path = group.Path.Item(segment, i);
            if (ipv4 == options.RulesPerSecurityGroup + 1 && family is IpFamily.V4 or IpFamily.Both)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyRules.Id, path, group.Name, Invariant.Format(Count(index, rules, IpFamily.V4)), direction, "IPv4", Invariant.Format(options.RulesPerSecurityGroup)));
            }

            if (ipv6 == options.RulesPerSecurityGroup + 1 && family is IpFamily.V6 or IpFamily.Both)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyRules.Id, path, group.Name, Invariant.Format(Count(index, rules, IpFamily.V6)), direction, "IPv6", Invariant.Format(options.RulesPerSecurityGroup)));
            }

            var key = Key(rule);
            if (seen.TryGetValue(key, out var first))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateRule.Id, path, group.Path.Item(segment, first), group.Name, direction, Describe(rule)));
            }
            else
            {
                seen.Add(key, i);
            }
        }
    }

    private enum IpFamily
    {
        V4,
        V6,
        Both,
    }

    private static IpFamily Family(StackIndex index, RuleSpec rule)
    {
        if (rule.PeerGroup is not null)
        {
            return IpFamily.Both;
        }

        var peer = index.Parameter(rule.Peer) is { } parameter ? parameter.Default ?? "" : rule.Peer ?? "";
        return peer.Contains(':') ? IpFamily.V6 : IpFamily.V4;
    }

    private static int Count(StackIndex index, EquatableArray<RuleSpec> rules, IpFamily family) =>
        rules.Count(r => Family(index, r) is var f && (f == family || f == IpFamily.Both));

    // Two rules are the same permission when protocol, ports and peer agree; EC2 ignores the description.
    private static string Key(RuleSpec rule) =>
        rule.Protocol + "|" + (rule.Protocol == ProtocolSpec.All ? "" : Invariant.Format(rule.Port) + "-" + Invariant.Format(rule.LastPort))
        + "|" + (rule.PeerGroup is { } group ? "group:" + group.Name : "cidr:" + (rule.Peer ?? "").ToLowerInvariant());

    private static string Describe(RuleSpec rule) =>
        (rule.Protocol == ProtocolSpec.All ? "all traffic" : rule.Protocol.ToString().ToUpperInvariant() + " " + Invariant.Format(rule.Port)
            + (rule.LastPort != rule.Port ? "-" + Invariant.Format(rule.LastPort) : ""))
        + (rule.PeerGroup is { } group ? " with group '" + group.Name + "'" : " with " + rule.Peer);
}
