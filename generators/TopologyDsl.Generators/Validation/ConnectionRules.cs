using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>What joins VPCs: peering connections and transit gateways, their addressing and the routes that use them.</summary>
internal static class ConnectionRules
{
    private static readonly Regex VpcId = new("^vpc-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant);
    private static readonly Regex AccountId = new("^[0-9]{12}$", RegexOptions.CultureInvariant);
    private static readonly Regex Region = new("^[a-z]{2}(-[a-z]+)+-[0-9]$", RegexOptions.CultureInvariant);
    private static readonly Regex RoleArn = new("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", RegexOptions.CultureInvariant);

    public static void Check(StackIndex index, List<Finding> findings)
    {
        CheckPeerings(index, findings);
        CheckRoutes(index, findings);
        CheckAttachments(index, findings);
        CheckTransitGatewayTables(index, findings);
    }

    /// <summary>The peer's blocks: the peer VPC's when it is in the program, else the PeerCidrBlocks the user gave (possibly none).</summary>
    private static IReadOnlyList<Cidr> PeerBlocks(StackIndex index, VpcPeeringSpec peering, VpcSpec? peer) =>
        peer is not null ? StackIndex.Blocks(peer).ToList()
        : peering.PeerCidrBlocks.Select(b => Cidr.TryParse(b, out var c) ? (Cidr?)c.Network : null).Where(c => c is not null).Select(c => c!).ToList();

    private static string Describe(IEnumerable<Cidr> blocks) => string.Join(" or ", blocks.Select(b => b.ToString()));

    private static bool Overlap(IReadOnlyList<Cidr> a, IReadOnlyList<Cidr> b) => a.Any(x => b.Any(y => x.Overlaps(y)));

    private static void CheckPeerings(StackIndex index, List<Finding> findings)
    {
        var pairs = new Dictionary<(string, string), VpcPeeringSpec>();
        foreach (var peering in index.AllResources.OfType<VpcPeeringSpec>())
        {
            var local = index.IsLocal(peering);
            var vpc = index.ResolveFrom<VpcSpec>(peering, peering.Vpc);
            var peer = index.ResolveFrom<VpcSpec>(peering, peering.Peer);
            if (peering.IsRemote)
            {
                if (local)
                {
                    CheckRemote(index, peering, vpc, findings);
                }

                continue;
            }

            if (vpc is null || peer is null)
            {
                continue;
            }

            if (index.Same(vpc, peer))
            {
                if (local)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.VpcPeeredWithItself.Id, peering.Path.Child("peer"), peering.Name, index.Display(vpc)));
                }

                continue;
            }

            var (a, b) = (index.Key(vpc), index.Key(peer));
            var pair = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
            if (pairs.TryGetValue(pair, out var first))
            {
                if (local)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.DuplicatePeering.Id, peering.Path.Child("peer"),
                        new[] { peering.Name, index.Display(vpc), index.Display(peer), index.Display(first) }.ToEquatableArray(),
                        first.Path.Child("peer"), RelatedStack: index.ForeignKey(first)));
                }

                continue;
            }

            pairs.Add(pair, peering);
            var vpcBlocks = StackIndex.Blocks(vpc).ToList();
            var peerBlocks = StackIndex.Blocks(peer).ToList();
            if (local && Overlap(vpcBlocks, peerBlocks))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.PeeredVpcsOverlap.Id, peering.Path.Child("peer"), peering.Name,
                    index.Display(vpc), Describe(vpcBlocks), index.Display(peer), Describe(peerBlocks)));
            }
        }
    }

    private static void CheckRemote(StackIndex index, VpcPeeringSpec peering, VpcSpec? vpc, List<Finding> findings)
    {
        var path = peering.Path;
        if (string.IsNullOrEmpty(peering.PeerVpcId))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.MissingValue.Id, path.Child("peerVpcId"), "PeerVpcId", peering.Name,
                "the peer VPC's ID such as vpc-0123456789abcdef0 or a parameter's name (nameof(PeerVpcId))"));
        }
        else
        {
            Setting(index, peering, peering.PeerVpcId, "PeerVpcId", "peerVpcId", VpcId, "a VPC ID such as vpc-0123456789abcdef0", findings);
        }

        Setting(index, peering, peering.PeerOwnerId, "PeerOwnerId", "peerOwnerId", AccountId, "a 12-digit AWS account ID", findings);
        Setting(index, peering, peering.PeerRegion, "PeerRegion", "peerRegion", Region, "a region such as eu-west-1", findings);
        Setting(index, peering, peering.PeerRoleArn, "PeerRoleArn", "peerRoleArn", RoleArn, "an IAM role ARN such as arn:aws:iam::123456789012:role/AcceptPeering", findings);
        if (peering.PeerOwnerId is { Length: > 0 } && string.IsNullOrEmpty(peering.PeerRoleArn))
        {
            // AWS::EC2::VPCPeeringConnection: PeerRoleArn is required when peering with a VPC in a different account.
            findings.Add(Finding.Create(DiagnosticDescriptors.MissingValue.Id, path.Child("peerOwnerId"), "PeerRoleArn", peering.Name,
                "the ARN of the peer account's role that accepts the peering, such as arn:aws:iam::123456789012:role/AcceptPeering, or a parameter's name"));
        }

        var blocks = new List<Cidr>();
        for (var i = 0; i < peering.PeerCidrBlocks.Count; i++)
        {
            if (CidrRules.Block(peering.PeerCidrBlocks[i], "Peer CIDR block", peering.Name, path.Item("peerCidr", i), findings, CidrRules.VpcExample) is { } block)
            {
                blocks.Add(block);
            }
        }

        if (vpc is not null && blocks.Count > 0)
        {
            var vpcBlocks = StackIndex.Blocks(vpc).ToList();
            if (Overlap(vpcBlocks, blocks))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.PeeredVpcsOverlap.Id, path.Child("peerCidr"), peering.Name,
                    index.Display(vpc), Describe(vpcBlocks), peering.PeerVpcId ?? "peer", Describe(blocks)));
            }
        }
    }

    private static void Setting(StackIndex index, VpcPeeringSpec peering, string? value, string what, string segment, Regex literal, string expected, List<Finding> findings)
    {
        if (value is { Length: > 0 } && index.Parameter(value) is null && !literal.IsMatch(value))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.InvalidPeeringSetting.Id, peering.Path.Child(segment), what, peering.Name, value, expected));
        }
    }

    /// <summary>
    /// Routes of this stack through a peering or a transit gateway: a table's own and route records,
    /// whichever stack holds the table; the table's VPC is what counts.
    /// </summary>
    private static void CheckRoutes(StackIndex index, List<Finding> findings)
    {
        foreach (var table in index.AllResources.OfType<RouteTableSpec>())
        {
            if (index.ResolveFrom<VpcSpec>(table, table.Vpc) is not { } vpc)
            {
                continue;
            }

            foreach (var tableRoute in index.RoutesOf(table).Where(r => index.IsLocal(r.Declared)))
            {
                var route = tableRoute.Route;
                var path = tableRoute.Path;
                var owner = index.Display(table);
                if (index.TargetOf<VpcPeeringSpec>(tableRoute) is { } peering)
                {
                    var side = index.ResolveFrom<VpcSpec>(peering, peering.Vpc);
                    var peer = index.ResolveFrom<VpcSpec>(peering, peering.Peer);
                    if (side is null || (!peering.IsRemote && peer is null))
                    {
                        continue;
                    }

                    if (!index.Same(vpc, side) && !index.Same(vpc, peer))
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.PeeringRouteFromThirdVpc.Id, path.Child("target"), owner, index.Display(vpc),
                            route.Target.Display, index.Display(side), peer is null ? peering.PeerVpcId ?? "peer" : index.Display(peer)));
                        continue;
                    }

                    var other = index.Same(vpc, side) ? peer : side;
                    var blocks = PeerBlocks(index, peering, other);
                    if (blocks.Count > 0 && Cidr.TryParse(route.Destination, out var destination) && !blocks.Any(b => b.Contains(destination.Network)))
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.PeeringRouteOutsidePeer.Id, path.Child("destination"), owner, destination.Network.ToString(),
                            route.Target.Display, other is null ? peering.PeerVpcId ?? "peer" : index.Display(other), Describe(blocks)));
                    }
                    else if (other is not null)
                    {
                        CheckRouteBack(index, table, route, peering, other, path, findings);
                    }
                }
                else if (index.TargetOf<TransitGatewaySpec>(tableRoute) is { } gateway)
                {
                    if (index.AttachmentsOf(vpc, gateway).FirstOrDefault() is not { } attachment)
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.RouteToUnattachedTransitGateway.Id, path.Child("target"), owner, index.Display(vpc), route.Target.Display));
                    }
                    else
                    {
                        CheckAttachmentZones(index, table, route, attachment, path, findings);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A route to a peering needs one back: replies follow the route table of the target's subnet
    /// (Amazon VPC Peering Guide, "Update your route tables for a VPC peering connection": a route in
    /// the tables "associated with the subnets for both instances"). Checked when the peer VPC's route
    /// tables are in view (this stack or one it imports from), so a peer whose tables another stack
    /// declares is not judged on what this stack cannot see.
    /// </summary>
    private static void CheckRouteBack(StackIndex index, RouteTableSpec table, RouteSpec route, VpcPeeringSpec peering, VpcSpec other, ModelPath path, List<Finding> findings)
    {
        var own = table.Associations.Select(a => index.ResolveFrom<SubnetSpec>(table, a)).Where(s => s is not null && Cidr.TryParse(s.CidrBlock, out _))
            .Select(s => { Cidr.TryParse(s!.CidrBlock, out var block); return block!.Network; }).ToList();
        var theirs = index.AllResources.OfType<RouteTableSpec>().Where(t => index.Same(index.ResolveFrom<VpcSpec>(t, t.Vpc), other)).ToList();
        if (own.Count == 0 || theirs.Count == 0)
        {
            return;
        }

        // The route back in either form: a [Route] of their table, or a route record of any stack seen.
        var back = theirs.Any(t => index.RoutesOf(t).Any(r => index.Same(index.TargetOf<VpcPeeringSpec>(r), peering)
            && Cidr.TryParse(r.Route.Destination, out var destination) && own.Any(b => b.Overlaps(destination.Network))));
        if (!back)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.PeeringRouteWithoutRouteBack.Id, path.Child("target"), index.Display(table), route.Destination,
                route.Target.Display, index.Display(other), string.Join(", ", own.Select(b => b.ToString()))));
        }
    }

    /// <summary>
    /// A subnet reaches a transit gateway only in a zone where the VPC's attachment has a subnet
    /// (Amazon VPC Transit Gateways, "Amazon VPC attachments": "traffic is forwarded to the transit
    /// gateway only when the transit gateway has an attachment in a subnet in the same Availability Zone").
    /// </summary>
    private static void CheckAttachmentZones(StackIndex index, RouteTableSpec table, RouteSpec route, TransitGatewayAttachmentSpec attachment, ModelPath path, List<Finding> findings)
    {
        // Zones given in different forms (an index, a name, an ID) cannot be compared: they count as covered.
        var zones = attachment.Subnets.Select(s => index.ResolveFrom<SubnetSpec>(attachment, s)).Where(s => s is not null).Select(s => s!).ToList();
        if (zones.Count == 0)
        {
            return;
        }

        if (table.Associations.Select(a => index.ResolveFrom<SubnetSpec>(table, a))
                .FirstOrDefault(s => s is not null && !zones.Any(z => z.SameZone(s) || z.ZoneForm != s.ZoneForm)) is { } stranded)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.TransitGatewayRouteFromUncoveredZone.Id, path.Child("target"), index.Display(table), route.Destination,
                route.Target.Display, index.Display(stranded), stranded.ZoneText, index.Display(attachment)));
        }
    }

    private static void CheckAttachments(StackIndex index, List<Finding> findings)
    {
        var attached = new Dictionary<(string Gateway, string Vpc), TransitGatewayAttachmentSpec>();
        var vpcsOf = new Dictionary<string, List<(VpcSpec Vpc, TransitGatewayAttachmentSpec Attachment)>>(System.StringComparer.Ordinal);
        foreach (var attachment in index.AllResources.OfType<TransitGatewayAttachmentSpec>())
        {
            var local = index.IsLocal(attachment);
            var gateway = index.ResolveFrom<TransitGatewaySpec>(attachment, attachment.TransitGateway);
            var vpc = index.ResolveFrom<VpcSpec>(attachment, attachment.Vpc);
            if (local)
            {
                CheckSubnets(index, attachment, vpc, findings);
            }

            if (gateway is null || vpc is null)
            {
                continue;
            }

            var key = (index.Key(gateway), index.Key(vpc));
            if (attached.TryGetValue(key, out var first))
            {
                if (local)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.DuplicateAttachment.Id, attachment.Path.Child("vpc"),
                        new[] { attachment.Name, index.Display(vpc), index.Display(gateway), index.Display(first) }.ToEquatableArray(),
                        first.Path.Child("vpc"), RelatedStack: index.ForeignKey(first)));
                }

                continue;
            }

            attached.Add(key, attachment);
            if (!vpcsOf.TryGetValue(key.Item1, out var joined))
            {
                vpcsOf.Add(key.Item1, joined = []);
            }

            // Overlapping blocks among the VPCs of one transit gateway: reported on the later attachment, when it is this stack's.
            var blocks = local ? StackIndex.Blocks(vpc).ToList() : [];
            foreach (var (earlier, earlierAttachment) in local ? joined : [])
            {
                var earlierBlocks = StackIndex.Blocks(earlier).ToList();
                if (Overlap(blocks, earlierBlocks))
                {
                    findings.Add(new Finding(DiagnosticDescriptors.AttachedVpcsOverlap.Id, attachment.Path.Child("vpc"),
                        new[] { index.Display(gateway), index.Display(vpc), Describe(blocks), index.Display(earlier), Describe(earlierBlocks) }.ToEquatableArray(),
                        earlierAttachment.Path.Child("vpc"), RelatedStack: index.ForeignKey(earlierAttachment)));
                    break;
                }
            }

            joined.Add((vpc, attachment));
        }
    }

    private static void CheckSubnets(StackIndex index, TransitGatewayAttachmentSpec attachment, VpcSpec? vpc, List<Finding> findings)
    {
        if (attachment.Subnets.Count == 0)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.AttachmentWithoutSubnets.Id, attachment.Path.Child("attribute"), attachment.Name));
            return;
        }

        // Keyed by the zone as written, in its form: two subnets share a zone when both name it alike.
        // Zones named in different forms (an index, a name, an ID) are not compared: which zone an
        // index or a name stands for is known only in the account and region the stack deploys to.
        var zones = new Dictionary<(ZoneForm, string), (SubnetSpec Subnet, ModelPath Path)>();
        for (var i = 0; i < attachment.Subnets.Count; i++)
        {
            var path = attachment.Path.Item("subnet", i).Child("subnet");
            if (index.Resolve<SubnetSpec>(attachment.Subnets[i]) is not { } subnet)
            {
                continue;
            }

            ReferenceRules.SameVpc(index, attachment, vpc, subnet, path, findings);
            if (zones.TryGetValue((subnet.ZoneForm, subnet.ZoneText), out var first))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AttachmentSubnetsShareZone.Id, path, first.Path,
                    attachment.Name, index.Display(first.Subnet), index.Display(subnet), subnet.ZoneText));
            }
            else
            {
                zones.Add((subnet.ZoneForm, subnet.ZoneText), (subnet, path));
            }
        }
    }

    private static void CheckTransitGatewayTables(StackIndex index, List<Finding> findings)
    {
        // Associations in both forms (on the table, or records in any stack seen), this stack's last, so that an
        // attachment associated twice is reported in this stack, at the second association it declares.
        var tables = index.AllResources.OfType<TransitGatewayRouteTableSpec>().ToList();
        var associations = tables.SelectMany(index.AssociationsOf).Where(e => !index.IsLocal(e.Declared))
            .Concat(tables.SelectMany(index.AssociationsOf).Where(e => index.IsLocal(e.Declared)));
        var tableOf = new Dictionary<string, GatewayTableEntry>(System.StringComparer.Ordinal);
        foreach (var entry in associations)
        {
            if (index.AttachmentOf(entry) is not { } attachment)
            {
                continue;
            }

            var local = index.IsLocal(entry.Declared);
            if (tableOf.TryGetValue(index.Key(attachment), out var earlier))
            {
                if (local)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.AttachmentInSeveralRouteTables.Id, entry.AttachmentPath,
                        new[] { index.Display(attachment), index.Display(earlier.Table), index.Display(entry.Table) }.ToEquatableArray(), earlier.AttachmentPath,
                        RelatedStack: index.ForeignKey(earlier.Declared)));
                }

                continue;
            }

            tableOf.Add(index.Key(attachment), entry);
            var gateway = index.ResolveFrom<TransitGatewaySpec>(entry.Table, entry.Table.TransitGateway);
            if (local && SameGateway(index, entry.Table, gateway, attachment, entry.AttachmentPath, findings) && gateway is { DefaultRouteTables: true })
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.AssociationWithDefaultRouteTable.Id, entry.AttachmentPath, index.Display(attachment),
                    index.Display(entry.Table), index.Display(gateway)));
            }
        }

        foreach (var entry in tables.SelectMany(index.PropagationsOf).Where(e => index.IsLocal(e.Declared)))
        {
            if (index.AttachmentOf(entry) is { } attachment)
            {
                SameGateway(index, entry.Table, index.ResolveFrom<TransitGatewaySpec>(entry.Table, entry.Table.TransitGateway), attachment, entry.AttachmentPath, findings);
            }
        }

        foreach (var table in tables.Where(index.IsLocal))
        {
            var gateway = index.ResolveFrom<TransitGatewaySpec>(table, table.TransitGateway);
            var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (var i = 0; i < table.Routes.Count; i++)
            {
                var route = table.Routes[i];
                var path = table.Path.Item("route", i);
                var destination = CidrRules.Block(route.Destination, "Route destination", table.Name, path.Child("destination"), findings);
                if (destination is { } d)
                {
                    if (seen.TryGetValue(d.ToString(), out var firstRoute))
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateRoute.Id, path.Child("destination"), table.Path.Item("route", firstRoute).Child("destination"), table.Name, d.ToString()));
                    }
                    else
                    {
                        seen.Add(d.ToString(), i);
                    }
                }

                if (index.Resolve<TransitGatewayAttachmentSpec>(route.Attachment) is not { } attachment
                    || !SameGateway(index, table, gateway, attachment, path.Child("attachment"), findings))
                {
                    continue;
                }

                if (destination is { } block && index.ResolveFrom<VpcSpec>(attachment, attachment.Vpc) is { } vpc
                    && StackIndex.Blocks(vpc).Count > 0 && StackIndex.BlockHolding(vpc, block) is null)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.TransitGatewayRouteOutsideAttachment.Id, path.Child("destination"),
                        block.ToString(), table.Name, route.Attachment.Display, index.Display(vpc), StackIndex.DescribeBlocks(vpc)));
                }
            }
        }
    }

    private static bool SameGateway(StackIndex index, TransitGatewayRouteTableSpec table, TransitGatewaySpec? gateway, TransitGatewayAttachmentSpec attachment, ModelPath path, List<Finding> findings)
    {
        var other = index.ResolveFrom<TransitGatewaySpec>(attachment, attachment.TransitGateway);
        if (gateway is null || other is null || index.Same(gateway, other))
        {
            return true;
        }

        findings.Add(Finding.Create(DiagnosticDescriptors.TransitGatewayMismatch.Id, path, index.Display(table), index.Display(gateway), index.Display(attachment), index.Display(other)));
        return false;
    }
}
