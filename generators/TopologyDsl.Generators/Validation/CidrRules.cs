using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Addressing: CIDR blocks, containment, overlap, instance addresses and route destinations.</summary>
internal static class CidrRules
{
    private static readonly Cidr[] PrivateRanges =
    [
        Parse("10.0.0.0/8"),
        Parse("172.16.0.0/12"),
        Parse("192.168.0.0/16"),
        Parse("100.64.0.0/10"),
    ];

    private static readonly Cidr DockerBridge = Parse("172.17.0.0/16");

    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case VpcSpec vpc:
                    CheckVpc(vpc, findings);
                    break;
                case SubnetSpec subnet:
                    CheckSubnet(index, subnet, findings);
                    break;
                case SecurityGroupSpec group:
                    CheckIngressSources(index, group, findings);
                    break;
            }
        }

        // Every table seen, with the routes of this stack among its routes: a route record of this
        // stack may name another stack's table, and conflicts with that table's routes count.
        foreach (var table in index.AllResources.OfType<RouteTableSpec>())
        {
            CheckRoutes(index, table, findings);
        }

        CheckOverlaps(index, findings);
        CheckInstances(index, findings);
    }

    /// <summary>The block TDSL101's message shows for a subnet-sized value (a subnet, a rule's peer, a route's destination).</summary>
    public const string SubnetExample = "10.0.1.0/24";

    /// <summary>
    /// What TDSL101's message shows for a security-group rule's peer, which may also be an IPv6 block or the
    /// name of a parameter of the stack (a misspelt parameter name is malformed as a block).
    /// </summary>
    public const string PeerExample = SubnetExample + " (nor an IPv6 block such as 2001:db8::/64, nor the name of a parameter of the stack)";

    /// <summary>The block TDSL101's message shows for a VPC's block (primary, secondary, or a peer VPC's): a /16, the size the VPC wizard suggests.</summary>
    public const string VpcExample = "10.0.0.0/16";

    /// <summary>
    /// Parses a block and reports malformed blocks and host bits; returns the block when usable.
    /// <paramref name="example"/> is the valid block TDSL101's message shows, one that fits what the value is.
    /// </summary>
    public static Cidr? Block(string value, string what, string owner, ModelPath path, List<Finding> findings, string example = SubnetExample)
    {
        if (!Cidr.TryParse(value, out var cidr))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.MalformedCidr.Id, path, what, owner, value, example));
            return null;
        }

        if (cidr.HasHostBits)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.CidrHostBitsSet.Id, path, what, owner, value, cidr.Network.ToString())
                with { Suggestion = cidr.Network.ToString() });
        }

        return cidr.Network;
    }

    private static readonly Cidr Rfc1918A = Parse("10.0.0.0/8");
    private static readonly Cidr Rfc1918B = Parse("172.16.0.0/12");
    private static readonly Cidr Rfc1918C = Parse("192.168.0.0/16");
    private static readonly Cidr Benchmarking = Parse("198.19.0.0/16");

    /// <summary>AWS's default quota of IPv4 blocks per VPC (adjustable to 50).</summary>
    public const int MaxVpcBlocks = 5;

    /// <summary>
    /// The table "IPv4 CIDR block association restrictions" of the Amazon VPC User Guide ("VPC CIDR
    /// blocks", docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html), row by row: the range
    /// the primary block lies in, and the ranges a secondary block may not come from beside it. A
    /// primary block takes the restrictions of every row whose range holds it (a primary in
    /// 10.0.0.0/15 takes both 10.0.0.0/8 rows); one in no row (publicly routable, or 100.64.0.0/10)
    /// takes <see cref="RestrictedBesidePublic"/>.
    /// </summary>
    internal static readonly (Cidr Primary, Cidr[] Restricted)[] RestrictedSecondaryRanges =
    [
        (Rfc1918A, [Rfc1918B, Rfc1918C, Benchmarking]),
        (Parse("10.0.0.0/15"), [Parse("10.0.0.0/16")]),
        (Rfc1918B, [Rfc1918A, Rfc1918C, Parse("172.31.0.0/16"), Benchmarking]),
        (Rfc1918C, [Rfc1918A, Rfc1918B, Benchmarking]),
        (Benchmarking, [Rfc1918A, Rfc1918B, Rfc1918C]),
    ];

    /// <summary>The table's last row: beside a publicly routable primary block (or one in 100.64.0.0/10), none of RFC 1918 and not 198.19.0.0/16.</summary>
    internal static readonly Cidr[] RestrictedBesidePublic = [Rfc1918A, Rfc1918B, Rfc1918C, Benchmarking];

    internal static IEnumerable<Cidr> RestrictedBeside(Cidr primary)
    {
        var rows = RestrictedSecondaryRanges.Where(r => r.Primary.Contains(primary)).ToList();
        return rows.Count == 0 ? RestrictedBesidePublic : rows.SelectMany(r => r.Restricted);
    }

    private static void CheckVpc(VpcSpec vpc, List<Finding> findings)
    {
        var primaryPath = vpc.Path.Child("cidr");
        var primary = Block(vpc.CidrBlock, "CIDR block", vpc.Name, primaryPath, findings, VpcExample);
        if (primary is { } p)
        {
            CheckVpcBlock(vpc, p, primaryPath, findings);
        }

        var seen = new List<(Cidr Block, ModelPath Path)>();
        if (primary is { } first)
        {
            seen.Add((first, primaryPath));
        }

        for (var i = 0; i < vpc.SecondaryCidrBlocks.Count; i++)
        {
            var path = vpc.Path.Item("secondary", i);
            if (i + 2 == MaxVpcBlocks + 1)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyVpcCidrBlocks.Id, path, vpc.Name, Invariant.Format(vpc.SecondaryCidrBlocks.Count + 1)));
            }

            if (Block(vpc.SecondaryCidrBlocks[i], "Secondary CIDR block", vpc.Name, path, findings, VpcExample) is not { } block)
            {
                continue;
            }

            CheckVpcBlock(vpc, block, path, findings);
            var clash = seen.FirstOrDefault(s => s.Block.Overlaps(block));
            if (clash.Path is not null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SecondaryCidrOverlap.Id, path, clash.Path, block.ToString(), vpc.Name, clash.Block.ToString()));
            }
            else if (primary is { } main && RestrictedBeside(main).FirstOrDefault(r => r.Overlaps(block)) is { Prefix: > 0 } restricted)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SecondaryCidrRestricted.Id, path, block.ToString(), vpc.Name, restricted.ToString(), main.ToString()));
            }

            seen.Add((block, path));
        }
    }

    private static void CheckVpcBlock(VpcSpec vpc, Cidr cidr, ModelPath path, List<Finding> findings)
    {
        if (cidr.Prefix < 16 || cidr.Prefix > 28)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.VpcCidrSize.Id, path, vpc.Name, cidr.ToString()));
        }

        if (!PrivateRanges.Any(r => r.Contains(cidr)))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.VpcCidrPublic.Id, path, vpc.Name, cidr.ToString()));
        }
        else if (cidr.Overlaps(DockerBridge))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.VpcCidrDockerBridge.Id, path, vpc.Name, cidr.ToString()));
        }
    }

    private static void CheckSubnet(StackIndex index, SubnetSpec subnet, List<Finding> findings)
    {
        var path = subnet.Path.Child("cidr");
        if (Block(subnet.CidrBlock, "CIDR block", subnet.Name, path, findings) is not { } cidr)
        {
            return;
        }

        if (cidr.Prefix < 16 || cidr.Prefix > 28)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.SubnetCidrSize.Id, path, subnet.Name, cidr.ToString()));
        }

        if (index.Resolve<VpcSpec>(subnet.Vpc) is { } vpc && StackIndex.Blocks(vpc).Count > 0 && StackIndex.BlockHolding(vpc, cidr) is null)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.SubnetOutsideVpc.Id, path, subnet.Name, cidr.ToString(), index.Display(vpc), StackIndex.DescribeBlocks(vpc)));
        }
    }

    /// <summary>
    /// Overlapping subnets of each VPC, by sorting on the first address and sweeping once
    /// (O(n log n), not all pairs). Each overlap is reported on the subnet declared later (the
    /// subnets of imported stacks come first, so an overlap with one of them is reported here), with a
    /// free block of the same size as the suggested fix. The moved subnets of one VPC take their
    /// blocks in declaration order, each reserving its own, so applying every fix at once (Fix All)
    /// cannot give two subnets the same new block.
    /// </summary>
    private static void CheckOverlaps(StackIndex index, List<Finding> findings)
    {
        var byVpc = new Dictionary<string, VpcSubnets>(System.StringComparer.Ordinal);
        var order = 0;
        foreach (var subnet in index.AllResources.OfType<SubnetSpec>())
        {
            order++;
            // A subnet outside its VPC is reported as such (TDSL106) and left out of the overlap check.
            if (index.ResolveFrom<VpcSpec>(subnet, subnet.Vpc) is { } vpc && Cidr.TryParse(subnet.CidrBlock, out var block)
                && StackIndex.BlockHolding(vpc, block.Network) is not null)
            {
                var key = index.Key(vpc);
                if (!byVpc.TryGetValue(key, out var entry))
                {
                    byVpc.Add(key, entry = new VpcSubnets(key, vpc, []));
                }

                entry.Subnets.Add(new PlacedSubnet(block.Network, subnet, order));
            }
        }

        foreach (var entry in byVpc.Values.OrderBy(v => v.Key, System.StringComparer.Ordinal))
        {
            // Only this stack's subnets are reported (below): an imported VPC that holds none of them has nothing to report here.
            if (!entry.Subnets.Any(s => index.IsLocal(s.Subnet)))
            {
                continue;
            }

            // By first address, then declaration order (which is unique, so the order is total and the sort's stability does not matter).
            var sorted = new List<PlacedSubnet>(entry.Subnets);
            sorted.Sort(static (a, b) => a.Block.First != b.Block.First ? a.Block.First.CompareTo(b.Block.First) : a.Order.CompareTo(b.Order));
            var vpc = entry.Vpc;
            var overlaps = new List<Overlap>();
            if (sorted.Count == 0)
            {
                continue;
            }

            var widest = sorted[0];
            for (var i = 1; i < sorted.Count; i++)
            {
                var current = sorted[i];
                if (current.Block.First <= widest.Block.Last)
                {
                    overlaps.Add(current.Order > widest.Order ? new Overlap(current, widest) : new Overlap(widest, current));
                }

                if (current.Block.Last > widest.Block.Last)
                {
                    widest = current;
                }
            }

            // Only this stack's subnets move: an imported stack's subnets keep their blocks.
            overlaps.RemoveAll(o => !index.IsLocal(o.Later.Subnet));
            var moving = overlaps.Select(o => o.Later).Distinct<PlacedSubnet>(ReferenceComparer.Instance).ToList();
            moving.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            var suggestions = FreeBlocks(vpc, moving, sorted.Select(s => s.Block));
            foreach (var (later, earlier) in overlaps)
            {
                findings.Add(new Finding(DiagnosticDescriptors.SubnetsOverlap.Id, later.Subnet.Path.Child("cidr"),
                    new[] { later.Subnet.Name, later.Block.ToString(), index.Display(earlier.Subnet), earlier.Block.ToString(), index.Display(vpc) }.ToEquatableArray(),
                    earlier.Subnet.Path.Child("cidr"), suggestions[later.Order]?.ToString(), index.ForeignKey(earlier.Subnet)));
            }
        }
    }

    /// <summary>
    /// A subnet placed in its VPC for the overlap sweep: its network block and its declaration order.
    /// A class rather than a tuple: generic code over a reference type is compiled once and shared,
    /// while each struct needs its own, which a compiler started for one build JIT-compiles anew.
    /// So are the other values below.
    /// </summary>
    private sealed record PlacedSubnet(Cidr Block, SubnetSpec Subnet, int Order);

    /// <summary>The subnets of one VPC (by its key), for the overlap sweep.</summary>
    private sealed record VpcSubnets(string Key, VpcSpec Vpc, List<PlacedSubnet> Subnets);

    /// <summary>Two overlapping subnets: the one declared later is reported.</summary>
    private sealed record Overlap(PlacedSubnet Later, PlacedSubnet Earlier);

    /// <summary>
    /// A free block for each subnet to move, keyed by its declaration order: each takes the first
    /// free block of its size (<see cref="FreeBlock"/>) and reserves it for the ones after it.
    /// <paramref name="used"/> is sorted by first address.
    /// </summary>
    private static Dictionary<int, Cidr?> FreeBlocks(VpcSpec vpc, IEnumerable<PlacedSubnet> moving, IEnumerable<Cidr> used)
    {
        var taken = used.ToList();
        var result = new Dictionary<int, Cidr?>();
        foreach (var subnet in moving)
        {
            var block = FreeBlock(vpc, subnet.Block.Prefix, taken);
            result[subnet.Order] = block;
            if (block is { } reserved)
            {
                var at = taken.FindIndex(t => t.First > reserved.First);
                taken.Insert(at < 0 ? taken.Count : at, reserved);
            }
        }

        return result;
    }

    /// <summary>A private address in a VPC. A class, not a tuple: a dictionary keyed by a struct is compiled again by every fresh compiler process.</summary>
    private sealed record TakenAddress(string Vpc, uint Address);

    private static void CheckInstances(StackIndex index, List<Finding> findings)
    {
        var taken = new Dictionary<TakenAddress, InstanceSpec>();
        // An address EC2 assigns is inside the subnet, never reserved and never taken.
        foreach (var instance in index.AllResources.OfType<InstanceSpec>().Where(i => !i.AssignedIp))
        {
            var local = index.IsLocal(instance);
            var path = instance.Path.Child("privateIp");
            if (!Ipv4.TryParseAddress(instance.PrivateIp, out var address))
            {
                if (local)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.MalformedIpAddress.Id, path, "Private IP", instance.Name, instance.PrivateIp));
                }

                continue;
            }

            var subnet = index.ResolveFrom<SubnetSpec>(instance, instance.Subnet);
            if (subnet is null || !Cidr.TryParse(subnet.CidrBlock, out var block))
            {
                continue;
            }

            block = block.Network;
            if (!block.Contains(address))
            {
                if (local)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.InstanceIpOutsideSubnet.Id, path, instance.Name, instance.PrivateIp, index.Display(subnet), block.ToString()));
                }

                continue;
            }

            var reserved = ReservedRole(block, address);
            if (reserved is not null)
            {
                if (local)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.InstanceIpReserved.Id, path, instance.Name, instance.PrivateIp, reserved, index.Display(subnet), block.ToString()));
                }

                continue;
            }

            var vpc = index.VpcOf(subnet) is { } v ? index.Key(v) : "";
            if (taken.TryGetValue(new TakenAddress(vpc, address), out var other))
            {
                if (local)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.DuplicatePrivateIp.Id, path,
                        new[] { instance.Name, instance.PrivateIp, index.Display(other) }.ToEquatableArray(), other.Path.Child("privateIp"), RelatedStack: index.ForeignKey(other)));
                }
            }
            else
            {
                taken.Add(new TakenAddress(vpc, address), instance);
            }
        }
    }

    /// <summary>
    /// The first block of the given size, in the VPC's blocks in order, that no subnet uses: what a
    /// code fix offers for an overlapping subnet. <paramref name="used"/> is sorted by first address.
    /// </summary>
    public static Cidr? FreeBlock(VpcSpec vpc, int prefix, IEnumerable<Cidr> used)
    {
        var taken = used.ToList();
        var size = prefix == 0 ? 0UL : 1UL << (32 - prefix);
        foreach (var block in StackIndex.Blocks(vpc))
        {
            if (block.Prefix > prefix)
            {
                continue;
            }

            ulong candidate = block.First;
            var i = 0;
            while (candidate + size - 1 <= block.Last)
            {
                // Skip the used blocks that end before the candidate; jump past one that overlaps it.
                while (i < taken.Count && taken[i].Last < candidate)
                {
                    i++;
                }

                var clash = taken.Skip(i).TakeWhile(t => t.First <= candidate + size - 1).Where(t => t.Last >= candidate).Select(t => (ulong?)t.Last).Max();
                if (clash is null)
                {
                    return new Cidr((uint)candidate, prefix);
                }

                candidate = ((clash.Value + 1 + size - 1) / size) * size;
            }
        }

        return null;
    }

    /// <summary>Which of the five addresses AWS reserves in every subnet this one is, if any.</summary>
    public static string? ReservedRole(Cidr subnet, uint address)
    {
        var offset = address - subnet.First;
        return offset switch
        {
            0 => "the network address",
            1 => "the VPC router's address (network + 1)",
            2 => "the DNS server's address (network + 2)",
            3 => "the address AWS keeps for future use (network + 3)",
            _ => address == subnet.Last ? "the broadcast address" : null,
        };
    }

    private static void CheckRoutes(StackIndex index, RouteTableSpec table, List<Finding> findings)
    {
        var routes = index.RoutesOf(table);
        if (!routes.Any(r => index.IsLocal(r.Declared)))
        {
            return;
        }

        var vpc = index.ResolveFrom<VpcSpec>(table, table.Vpc);
        var vpcBlocks = vpc is null ? [] : StackIndex.Blocks(vpc);
        var seen = new Dictionary<string, TableRoute>(System.StringComparer.Ordinal);
        foreach (var route in routes)
        {
            var local = index.IsLocal(route.Declared);
            var path = route.DestinationPath;
            if (Ipv6.IsBlock(route.Route.Destination) && AclBlock.Parse(route.Route.Destination) is { } ipv6)
            {
                // An IPv6 destination: only a repeat to check (the VPC's /56 is known at deploy time only).
                var ipv6Key = "v6:" + ipv6.High.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)
                    + ipv6.Low.ToString("x16", System.Globalization.CultureInfo.InvariantCulture) + "/" + Invariant.Format(ipv6.Prefix);
                if (seen.TryGetValue(ipv6Key, out var firstIpv6))
                {
                    if (local)
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateRoute.Id, path, firstIpv6.DestinationPath, index.Display(table), route.Route.Destination)
                            .RelatedIn(index.ForeignKey(firstIpv6.Declared)));
                    }
                }
                else
                {
                    seen.Add(ipv6Key, route);
                }

                continue;
            }

            // Another stack's route is checked there; here it only takes its destination.
            if ((local ? Block(route.Route.Destination, "Route destination", route.Declared.Name, path, findings) : Cidr.TryParse(route.Route.Destination, out var parsed) ? parsed : null) is not { } destination)
            {
                continue;
            }

            var key = destination.ToString();
            if (local)
            {
                CheckReservedDestination(index, table, route.Route, destination, path, findings);
            }

            if (seen.TryGetValue(key, out var first))
            {
                if (local)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateRoute.Id, path, first.DestinationPath, index.Display(table), key).RelatedIn(index.ForeignKey(first.Declared)));
                }

                continue;
            }

            seen.Add(key, route);
            var own = vpcBlocks.FirstOrDefault(b => b.Contains(destination));
            if (local && own is { Prefix: > 0 } && !IsMoreSpecificRoute(index, vpc!, destination, route))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.RouteShadowsLocal.Id, path, index.Display(table), key, route.Route.Target.Display, index.Display(vpc!), own.ToString()));
            }
        }
    }

    /// <summary>
    /// Amazon VPC User Guide, "Subnet route tables", routes: "You can't add routes to IPv4 addresses
    /// that are an exact match or a subset of the following range: 169.254.168.0/22", the range of the
    /// instance metadata service and the Amazon DNS server (an error); "you can use a CIDR block that is
    /// larger than but overlaps 169.254.168.0/22, but packets destined for addresses in
    /// 169.254.168.0/22 will not be forwarded". Any other link-local block (169.254.0.0/16, RFC 3927)
    /// is never forwarded by a router: a route to it is a warning.
    /// </summary>
    private static void CheckReservedDestination(StackIndex index, RouteTableSpec table, RouteSpec route, Cidr destination, ModelPath path, List<Finding> findings)
    {
        if (AwsReserved.Contains(destination.Network))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.RouteToReservedRange.Id, path, index.Display(table), destination.Network.ToString()));
        }
        else if (LinkLocal.Contains(destination.Network))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.RouteToLinkLocal.Id, path, index.Display(table), destination.Network.ToString(), route.Target.Display));
        }
    }

    private static readonly Cidr AwsReserved = Parse("169.254.168.0/22");

    private static readonly Cidr LinkLocal = Parse("169.254.0.0/16");

    /// <summary>
    /// A route to exactly one subnet's block through a NAT gateway: Amazon VPC User Guide, "Route
    /// tables", more specific routes than the local route: the destination must match a subnet's
    /// whole block, the target must be a NAT gateway, a network interface or a Gateway Load Balancer endpoint.
    /// </summary>
    private static bool IsMoreSpecificRoute(StackIndex index, VpcSpec vpc, Cidr destination, TableRoute route) =>
        index.TargetOf<NatGatewaySpec>(route) is not null
        && index.AllResources.OfType<SubnetSpec>().Any(s =>
            index.Same(index.VpcOf(s), vpc) && Cidr.TryParse(s.CidrBlock, out var block) && block.Network.Equals(destination));

    private static void CheckIngressSources(StackIndex index, SecurityGroupSpec group, List<Finding> findings)
    {
        CheckPeers(index, group, group.Ingress, "ingress", "source", "Ingress source", findings);
        CheckPeers(index, group, group.Egress, "egress", "destination", "Egress destination", findings);
    }

    private static void CheckPeers(StackIndex index, SecurityGroupSpec group, EquatableArray<RuleSpec> rules, string segment, string peer, string what, List<Finding> findings)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Peer is not { } block || index.Parameter(block) is not null || Ipv6.IsBlock(block))
            {
                continue;
            }

            Block(block, what, group.Name, group.Path.Item(segment, i).Child(peer), findings, PeerExample);
        }
    }

    /// <summary>One of this class's constant blocks, every one of which parses.</summary>
    private static Cidr Parse(string text)
    {
        Cidr.TryParse(text, out var cidr);
        return cidr!;
    }

}
