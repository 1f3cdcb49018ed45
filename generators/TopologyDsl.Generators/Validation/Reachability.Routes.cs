using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>How a connection between two instances gets from the source's subnet to the target's.</summary>
internal enum LinkKind
{
    /// <summary>Both in one VPC: the local route.</summary>
    Local,

    /// <summary>Across a VPC peering connection.</summary>
    Peering,

    /// <summary>Through a transit gateway.</summary>
    TransitGateway,
}

/// <summary>The way between two instances, and how the matrix names it.</summary>
internal sealed record Link(LinkKind Kind, string Via);

/// <summary>
/// The routes between instances of different VPCs. A packet leaves by the most specific route of
/// the source subnet's table that covers the target's address, and a reply leaves the target by the
/// most specific route of the target subnet's table that covers the source's: security groups are
/// stateful, but routing is not, and AWS does no reverse-path forwarding on a peering connection, so
/// both tables need a route ("To enable private IPv4 traffic between instances in peered VPCs, you
/// must add a route to the route tables associated with the subnets for both instances", Amazon VPC
/// Peering Guide, "Update your route tables for a VPC peering connection").
/// <list type="bullet">
/// <item>A peering connection carries the packet when it joins the two VPCs.</item>
/// <item>A transit gateway carries it when the source VPC has an attachment with a subnet in the
/// source subnet's zone ("any resources in Availability Zones where there is no transit gateway
/// attachment cannot reach the transit gateway", Amazon VPC Transit Gateways, "Amazon VPC
/// attachments"), the attachment is associated with a transit gateway route table (its own, or the
/// default one when <c>DefaultRouteTables</c> is on), and that table's most specific route for the
/// address (static, or propagated from an attachment's VPC blocks; static wins a tie) leads to an
/// attachment of the target's VPC.</item>
/// </list>
/// A rule that names a security group takes in members of a peered VPC, but not across a transit
/// gateway (the same guide: "the resources in a VPC attached to a transit gateway cannot access the
/// security groups of a different VPC that is also attached to the same transit gateway"); the
/// model has no option for transit gateway security group referencing.
/// </summary>
internal sealed partial class Reachability
{
    /// <summary>The way between two classes of instances (by number), computed once. Key and value are classes: see <see cref="_addresses"/>.</summary>
    private readonly Dictionary<ClassPair, Way> _between = [];
    private List<TransitGatewayAttachmentSpec>? _attachments;
    private List<TransitGatewayRouteTableSpec>? _gatewayTables;

    /// <summary>Two classes of instances, by number: from one to the other.</summary>
    private sealed record ClassPair(int From, int To);

    /// <summary>The way from one instance to another and back, or the first link that is missing.</summary>
    private sealed record Way(Link? Link, BrokenLink? Broken);

    /// <summary>The transit gateway attachments and route tables seen, listed once (a path asks for them per hop).</summary>
    private List<TransitGatewayAttachmentSpec> Attachments => _attachments ??= _index.AllResources.OfType<TransitGatewayAttachmentSpec>().ToList();

    private List<TransitGatewayRouteTableSpec> GatewayTables => _gatewayTables ??= _index.AllResources.OfType<TransitGatewayRouteTableSpec>().ToList();

    private IEnumerable<TransitGatewayAttachmentSpec> AttachmentsOf(TransitGatewaySpec gateway) =>
        Attachments.Where(a => _index.Same(_index.ResolveFrom<TransitGatewaySpec>(a, a.TransitGateway), gateway));

    /// <summary>The destinations of every route and transit gateway route seen, which tell instances of one subnet apart.</summary>
    private IEnumerable<Cidr> RouteBlocks() =>
        _index.AllResources.OfType<RouteTableSpec>().SelectMany(t => _index.RoutesOf(t).Select(r => r.Route.Destination))
            .Concat(_index.AllResources.OfType<TransitGatewayRouteTableSpec>().SelectMany(t => t.Routes.Select(r => r.Destination)))
            .Select(d => Cidr.TryParse(d, out var block) && block.Prefix > 0 ? block : (Cidr?)null)
            .Where(b => b is not null).Select(b => b!);

    /// <summary>
    /// The way from one instance to another and back, or the first link that is missing: computed
    /// once per pair of classes (their members share subnet and side of every route's block).
    /// </summary>
    /// <param name="exact">Compute it for these two instances, so that a broken link names them (not their classes' representatives).</param>
    private (Link? Link, BrokenLink? Broken) Between(InstanceSpec source, InstanceSpec target, bool exact = false)
    {
        if (exact || !_classOf.TryGetValue(Id(source), out var from) || !_classOf.TryGetValue(Id(target), out var to))
        {
            return Compute(source, target);
        }

        if (!_between.TryGetValue(new ClassPair(from, to), out var known))
        {
            var (link, broken) = Compute(_classes[from][0], _classes[to][0]);
            _between.Add(new ClassPair(from, to), known = new Way(link, broken));
        }

        return (known.Link, known.Broken);

        (Link?, BrokenLink?) Compute(InstanceSpec s, InstanceSpec t)
        {
            if (SubnetOf(s) is not { } a || SubnetOf(t) is not { } b || _index.VpcOf(a) is not { } vpcA || _index.VpcOf(b) is not { } vpcB)
            {
                return (null, new BrokenLink("'" + Id(s) + "' or '" + Id(t) + "' has no subnet in a VPC of the program", t.Path.Child("subnet"), _index.ForeignKey(t)));
            }

            if (_index.Same(vpcA, vpcB))
            {
                return (new Link(LinkKind.Local, "local route"), null);
            }

            if (Where(s) is not { } sourceAddress || Where(t) is not { } targetAddress)
            {
                return (null, new BrokenLink("'" + Id(s) + "' or '" + Id(t) + "' has no valid private address to route", t.Path.Child("privateIp"), _index.ForeignKey(t)));
            }

            var there = Hop(a, vpcA, vpcB, targetAddress, Id(t), replyFrom: null);
            if (there.Broken is not null)
            {
                return there;
            }

            var back = Hop(b, vpcB, vpcA, sourceAddress, Id(s), replyFrom: Id(t));
            return back.Broken is not null ? back : there;
        }
    }

    /// <summary>
    /// Where an instance's packets come from: its fixed address, or, when EC2 assigns the address, its
    /// subnet's whole block (any address of it may be the one, so a route must cover all of it).
    /// </summary>
    private Cidr? Where(InstanceSpec instance) =>
        _addresses.TryGetValue(Id(instance), out var address) ? new Cidr(address.Value, 32)
        : _assignedIn.TryGetValue(Id(instance), out var subnet) ? subnet
        : null;

    /// <summary>One direction: from a subnet of one VPC to an address (or a subnet's block) in another (for replies, from the instance <paramref name="replyFrom"/>).</summary>
    private (Link? Link, BrokenLink? Broken) Hop(SubnetSpec from, VpcSpec fromVpc, VpcSpec toVpc, Cidr address, string toName, string? replyFrom)
    {
        var reply = replyFrom is not null;
        var label = toName + " (" + (address.Prefix == 32 ? Ipv4.Format(address.Address) : address.ToString()) + ")";
        var toward = (reply ? "no route back toward " : "no route toward ") + label;
        var route = RouteToward(from, address);
        if (route is null)
        {
            return (null, new BrokenLink("subnet '" + _index.Display(from) + "' has " + toward
                + (_index.TablesOf(from).Count == 0 ? " (it has no route table, so only the VPC's local route)" : "")
                + (reply ? ", so replies from " + replyFrom + " cannot return" : ""), from.Path, _index.ForeignKey(from)));
        }

        var (table, tableRoute, target) = route;
        var at = tableRoute.Path;
        var sends = "route table '" + _index.Display(table) + "' sends " + label + " to ";
        switch (target)
        {
            case VpcPeeringSpec peering:
                var (x, y) = (_index.ResolveFrom<VpcSpec>(peering, peering.Vpc), _index.ResolveFrom<VpcSpec>(peering, peering.Peer));
                if ((_index.Same(x, fromVpc) && _index.Same(y, toVpc)) || (_index.Same(x, toVpc) && _index.Same(y, fromVpc)))
                {
                    return (new Link(LinkKind.Peering, "peering '" + _index.Display(peering) + "'"), null);
                }

                return (null, new BrokenLink(sends + "peering '" + _index.Display(peering) + "', which does not join VPC '" + _index.Display(fromVpc)
                    + "' to VPC '" + _index.Display(toVpc) + "'", at, _index.ForeignKey(tableRoute.Declared)));
            case TransitGatewaySpec gateway:
                return ThroughTransitGateway(gateway, from, fromVpc, toVpc, address, label, tableRoute);
            case null:
                return (null, new BrokenLink("subnet '" + _index.Display(from) + "' has " + toward, from.Path, _index.ForeignKey(from)));
            default:
                return (null, new BrokenLink(sends + Describe(target) + ", not to VPC '" + _index.Display(toVpc) + "'", at, _index.ForeignKey(tableRoute.Declared)));
        }
    }

    private string Describe(ResourceSpec resource) => resource switch
    {
        InternetGatewaySpec => "internet gateway '",
        NatGatewaySpec => "NAT gateway '",
        _ => "'",
    } + _index.Display(resource) + "'";

    private (Link? Link, BrokenLink? Broken) ThroughTransitGateway(TransitGatewaySpec gateway, SubnetSpec from, VpcSpec fromVpc, VpcSpec toVpc,
        Cidr address, string label, TableRoute routeAt)
    {
        var name = "transit gateway '" + _index.Display(gateway) + "'";
        if (AttachmentsOf(gateway).FirstOrDefault(a => _index.Same(_index.VpcOf(a), fromVpc)) is not { } attachment)
        {
            return (null, new BrokenLink("VPC '" + _index.Display(fromVpc) + "' has no attachment to " + name + ", so its route to it leads nowhere", routeAt.Path, _index.ForeignKey(routeAt.Declared)));
        }

        // Zones given in different forms (an index, a name, an ID) cannot be compared: they count as covered.
        var zones = attachment.Subnets.Select(s => _index.ResolveFrom<SubnetSpec>(attachment, s)).Where(s => s is not null).Select(s => s!).ToList();
        if (zones.Count > 0 && !zones.Any(z => z.SameZone(from) || z.ZoneForm != from.ZoneForm))
        {
            return (null, new BrokenLink("attachment '" + _index.Display(attachment) + "' has no subnet in zone " + from.ZoneText
                + ", so subnet '" + _index.Display(from) + "' cannot reach " + name, attachment.Path, _index.ForeignKey(attachment)));
        }

        var table = GatewayTables.FirstOrDefault(t => _index.Same(_index.ResolveFrom<TransitGatewaySpec>(t, t.TransitGateway), gateway)
            && _index.AssociationsOf(t).Any(a => _index.Same(_index.AttachmentOf(a), attachment)));
        if (table is null && !gateway.DefaultRouteTables)
        {
            return (null, new BrokenLink("attachment '" + _index.Display(attachment) + "' is associated with no route table of " + name, attachment.Path, _index.ForeignKey(attachment)));
        }

        // The routes of the table: static ones, then those each propagating attachment's VPC blocks give
        // (the default table takes every attachment's). The most specific wins; static before propagated.
        TransitGatewayAttachmentSpec? best = null;
        var bestPrefix = -1;
        var bestAt = table?.Path ?? gateway.Path;
        var wanted = address;
        if (table is not null)
        {
            for (var i = 0; i < table.Routes.Count; i++)
            {
                if (Cidr.TryParse(table.Routes[i].Destination, out var covers) && covers.Contains(wanted) && covers.Prefix > bestPrefix
                    && _index.ResolveFrom<TransitGatewayAttachmentSpec>(table, table.Routes[i].Attachment) is { } next)
                {
                    (best, bestPrefix, bestAt) = (next, covers.Prefix, table.Path.Item("route", i));
                }
            }
        }

        var propagating = table is null
            ? AttachmentsOf(gateway)
            : _index.PropagationsOf(table).Select(_index.AttachmentOf).Where(a => a is not null).Select(a => a!);
        foreach (var source in propagating)
        {
            if (_index.VpcOf(source) is not { } vpc)
            {
                continue;
            }

            foreach (var block in StackIndex.Blocks(vpc))
            {
                if (block.Contains(wanted) && block.Prefix > bestPrefix)
                {
                    (best, bestPrefix, bestAt) = (source, block.Prefix, table?.Path ?? gateway.Path);
                }
            }
        }

        var tableName = table is null ? "the default route table of " + name : "transit gateway route table '" + _index.Display(table) + "'";
        if (best is null)
        {
            return (null, new BrokenLink(tableName + " has no route toward " + label + ": propagate the attachment of VPC '" + _index.Display(toVpc)
                + "' to it or add a static route", table?.Path ?? gateway.Path, _index.ForeignKey((ResourceSpec?)table ?? gateway)));
        }

        if (!_index.Same(_index.VpcOf(best), toVpc))
        {
            return (null, new BrokenLink(tableName + " sends " + label + " to attachment '" + _index.Display(best) + "', not to one of VPC '"
                + _index.Display(toVpc) + "'", bestAt, _index.ForeignKey((ResourceSpec?)table ?? gateway)));
        }

        return (new Link(LinkKind.TransitGateway, name), null);
    }
}
