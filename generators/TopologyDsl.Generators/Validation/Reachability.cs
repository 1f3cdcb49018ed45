using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>What can be at either end of a connection.</summary>
internal enum EndpointKind
{
    /// <summary>An instance of the stack, at its private address (and its public one from outside).</summary>
    Instance,

    /// <summary>Anyone on the IPv4 internet (0.0.0.0/0).</summary>
    Internet,

    /// <summary>Anyone on the IPv6 internet (::/0).</summary>
    InternetV6,

    /// <summary>A literal block outside every VPC of the stack, named in a rule, such as 203.0.113.7/32.</summary>
    Block,

    /// <summary>A block given by a parameter (such as AdminCidr): symbolic, its value is not known before deploy.</summary>
    ParameterBlock,
}

/// <summary>One end of a connection. <see cref="Name"/> is the instance (qualified by its stack class when imported), the block or the parameter.</summary>
internal sealed record Endpoint(EndpointKind Kind, string Name)
{
    public static readonly Endpoint Internet = new(EndpointKind.Internet, "0.0.0.0/0");

    public static readonly Endpoint InternetV6 = new(EndpointKind.InternetV6, "::/0");

    public bool IsExternal => Kind != EndpointKind.Instance;

    public string Display => Kind switch
    {
        EndpointKind.Instance => Name,
        EndpointKind.Internet => "the internet (IPv4)",
        EndpointKind.InternetV6 => "the internet (IPv6)",
        EndpointKind.ParameterBlock => "the " + Name + " block",
        _ => Name,
    };
}

/// <summary>
/// A protocol and a range of ports (ICMP: types; -1 for all). <see cref="ProtocolSpec.All"/> covers everything.
/// A class for the reason <see cref="Cidr"/> is one: a struct's collections are compiled again by each fresh compiler.
/// </summary>
internal sealed record PortRange(ProtocolSpec Protocol, int From, int To)
{
    public static PortRange Of(RuleSpec rule) => rule.Protocol switch
    {
        ProtocolSpec.All => new(ProtocolSpec.All, 0, 65535),
        ProtocolSpec.Icmp when rule.Port < 0 => new(ProtocolSpec.Icmp, -1, -1),
        ProtocolSpec.Icmp => new(ProtocolSpec.Icmp, rule.Port, rule.Port),
        _ when rule.Port <= 0 && rule.LastPort <= 0 => new(rule.Protocol, 0, 65535),
        _ => new(rule.Protocol, rule.Port, rule.LastPort),
    };

    public static PortRange Single(ProtocolSpec protocol, int port) => Of(new RuleSpec(protocol, port, 0, null, null, null));

    public static PortRange Range(ProtocolSpec protocol, int port, int toPort) => Of(new RuleSpec(protocol, port, toPort, null, null, null));

    /// <summary>The ports both ranges allow, or null when they share none.</summary>
    public PortRange? Intersect(PortRange other)
    {
        if (Protocol == ProtocolSpec.All)
        {
            return other;
        }

        if (other.Protocol == ProtocolSpec.All)
        {
            return this;
        }

        if (Protocol != other.Protocol)
        {
            return null;
        }

        if (Protocol == ProtocolSpec.Icmp && (From < 0 || other.From < 0))
        {
            return From < 0 ? other : this;
        }

        var from = System.Math.Max(From, other.From);
        var to = System.Math.Min(To, other.To);
        return from <= to ? new PortRange(Protocol, from, to) : null;
    }

    public bool Covers(PortRange other) => Intersect(other) == other;

    public override string ToString() => Protocol switch
    {
        ProtocolSpec.All => "all traffic",
        ProtocolSpec.Icmp => From < 0 ? "ICMP" : "ICMP type " + From.ToString(CultureInfo.InvariantCulture),
        _ => Protocol.ToString().ToUpperInvariant() + " " + (From == 0 && To == 65535 ? "all ports"
            : From == To ? From.ToString(CultureInfo.InvariantCulture)
            : From.ToString(CultureInfo.InvariantCulture) + "-" + To.ToString(CultureInfo.InvariantCulture)),
    };
}

/// <summary>An open path: <see cref="From"/> can open a connection to <see cref="To"/> on <see cref="Ports"/>, through <see cref="Via"/>.</summary>
internal sealed record OpenPath(Endpoint From, Endpoint To, PortRange Ports, string Via);

/// <summary>
/// The first link that breaks a path: what is missing, in words, and where in the model it would go, with the key of the
/// stack that declares that record when it is another stack's (<see cref="StackIndex.ForeignKey"/>; null: this stack).
/// </summary>
internal sealed record BrokenLink(string Reason, ModelPath At, string? Stack = null)
{
    /// <summary>The finding with this link as its second place.</summary>
    public Finding Place(Finding finding) => finding.RelatedIn(Stack);
}

/// <summary>
/// Which endpoints of a stack can open a connection to which, on which protocol and ports. A
/// connection needs, in the order a packet meets them: the source's security-group egress (for an
/// instance), a route from the source's subnet toward the target (local within the VPC; an internet
/// gateway with a public IP, or a NAT gateway whose subnet routes to one, for the internet; a
/// peering connection or a transit gateway to another VPC, and the route back: see
/// Reachability.Routes.cs), a public IP and a route back through an internet gateway for connections
/// from outside, the network ACLs of the two subnets (stateless: the way there, and for TCP and UDP
/// the replies to the ephemeral ports), and the target's security-group ingress (by CIDR or group).
/// Security groups are stateful, so replies need no rule. The instances of the stacks this one imports from are modelled
/// too, so a path may end in another stack's instance; the matrix lists the paths with an end here.
/// A pure function of the spec; each link is a separate method.
/// <para>
/// Cost: the sources of each ingress rule are found once (a group's members, or the instances in a
/// block), and each candidate pair then checks the source's egress rules, so the work is
/// O(rules × endpoints) plus the size of the answer.
/// </para>
/// </summary>
internal sealed partial class Reachability
{
    /// <summary>
    /// A security group rule as the model uses it: ports, peer (a group by its program-wide key), and
    /// where it was written (<see cref="Group"/>: the program-wide key of its group, since paths are
    /// relative to the group's stack).
    /// </summary>
    private sealed record Permit(PortRange Ports, string? Peer, string? PeerGroup, ModelPath At, string Group = "");

    private readonly StackIndex _index;
    private readonly List<InstanceSpec> _instances;
    private readonly Dictionary<string, List<InstanceSpec>> _members = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groupsOf = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The address of each instance whose address the model gives. Values kept in the framework's collections are classes
    /// (<see cref="PrivateAddress"/>, <see cref="RouteChoice"/>), not structs: the framework's code over reference types is
    /// precompiled and shared, while over each struct a fresh compiler process JIT-compiles it again.
    /// </summary>
    private readonly Dictionary<string, PrivateAddress> _addresses = new(System.StringComparer.Ordinal);

    /// <summary>The block of the subnet of each instance whose address EC2 assigns: its address is somewhere in it.</summary>
    private readonly Dictionary<string, Cidr> _assignedIn = new(System.StringComparer.Ordinal);
    private readonly List<List<InstanceSpec>> _classes = [];
    private readonly Dictionary<string, int> _classOf = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, InstanceSpec> _byId = new(System.StringComparer.Ordinal);
    private List<OpenPath>? _paths;
    private List<OpenPath>? _classPaths;

    public Reachability(StackIndex index)
    {
        _index = index;
        // Every instance seen: the imported stacks' (a path may end there), then this stack's.
        _instances = [];
        foreach (var instance in index.AllResources.OfType<InstanceSpec>())
        {
            if (!_byId.ContainsKey(Id(instance)))
            {
                _byId.Add(Id(instance), instance);
                _instances.Add(instance);
            }
        }

        foreach (var instance in _instances)
        {
            var groups = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var group in GroupsOf(instance))
            {
                if (groups.Add(index.Key(group)))
                {
                    if (!_members.TryGetValue(index.Key(group), out var members))
                    {
                        _members.Add(index.Key(group), members = []);
                    }

                    members.Add(instance);
                }
            }

            _groupsOf[Id(instance)] = groups;
            if (Ipv4.TryParseAddress(instance.PrivateIp, out var address))
            {
                _addresses[Id(instance)] = new PrivateAddress(address);
            }

            if (instance.AssignedIp && index.ResolveFrom<SubnetSpec>(instance, instance.Subnet) is { } home && Cidr.TryParse(home.CidrBlock, out var homeBlock))
            {
                _assignedIn[Id(instance)] = homeBlock.Network;
            }
        }

        // Instances that no rule, route or setting tells apart form a class: same stack, VPC, subnet,
        // public IP setting and groups, and on the same side of every block a rule or a route names
        // (so every member takes the same most specific route). Paths between instances are found
        // between classes, so the work grows with the rules and the classes.
        var blocks = RuleBlocks().Concat(RouteBlocks()).Concat(AclBlocks()).Distinct().ToList();
        var keys = new Dictionary<string, int>(System.StringComparer.Ordinal);
        string Sides(System.Func<Cidr, bool> inside)
        {
            var sides = new char[blocks.Count];
            for (var i = 0; i < blocks.Count; i++)
            {
                sides[i] = inside(blocks[i]) ? '1' : '0';
            }

            return new string(sides);
        }

        foreach (var instance in _instances)
        {
            var address = _addresses.TryGetValue(Id(instance), out var a) ? a.Value : (uint?)null;
            var subnet = SubnetOf(instance);
            var key = new System.Text.StringBuilder()
                .Append(index.OwnerOf(instance).Key).Append('|')
                .Append(subnet is null ? "?" + instance.Subnet.Display : index.Key(subnet)).Append('|').Append(instance.PublicIp).Append('|')
                .Append(string.Join(",", _groupsOf[Id(instance)].OrderBy(g => g, System.StringComparer.Ordinal))).Append('|')
                .Append(address is { } known ? Sides(b => b.Contains(known))
                    : _assignedIn.TryGetValue(Id(instance), out var within) ? "s" + Sides(b => b.Contains(within))
                    : "?" + Id(instance))
                .ToString();
            if (!keys.TryGetValue(key, out var number))
            {
                keys.Add(key, number = _classes.Count);
                _classes.Add([]);
            }

            _classes[number].Add(instance);
            _classOf[Id(instance)] = number;
        }
    }

    /// <summary>How endpoints and messages name an instance: its name, qualified by its stack class when it is another stack's.</summary>
    private string Id(InstanceSpec instance) => _index.Display(instance);

    /// <summary>The endpoint of an instance of this stack or of one it imports from.</summary>
    public Endpoint EndpointOf(InstanceSpec instance) => new(EndpointKind.Instance, Id(instance));

    /// <summary>Whether the instance is declared in this stack (the matrix lists only paths with an end here).</summary>
    private bool IsLocal(InstanceSpec instance) => _index.IsLocal(instance);

    private SubnetSpec? SubnetOf(InstanceSpec instance) => _index.ResolveFrom<SubnetSpec>(instance, instance.Subnet);

    /// <summary>The IPv4 blocks the network ACL rules of every stack seen name.</summary>
    private IEnumerable<Cidr> AclBlocks() => _index.AllResources.OfType<NetworkAclSpec>()
        .SelectMany(a => a.Ingress.Concat(a.Egress))
        .Select(r => Cidr.TryParse(r.Cidr, out var block) && block.Prefix > 0 ? block.Network : (Cidr?)null)
        .Where(b => b is not null).Select(b => b!);

    /// <summary>The blocks the security-group rules of every stack seen name.</summary>
    private IEnumerable<Cidr> RuleBlocks() => _index.AllResources.OfType<SecurityGroupSpec>()
        .SelectMany(g => g.Ingress.Concat(g.Egress))
        .Select(r => Cidr.TryParse(r.Peer, out var block) && block.Prefix > 0 ? block : (Cidr?)null)
        .Where(b => b is not null).Select(b => b!);

    /// <summary>The instance that stands for its class in <see cref="ClassPaths"/>.</summary>
    private InstanceSpec Representative(InstanceSpec instance) =>
        _classOf.TryGetValue(Id(instance), out var number) && _classes[number].Contains(instance) ? _classes[number][0] : instance;

    /// <summary>Whether the instance is one the model knows: this stack's, or one of a stack it imports from.</summary>
    public bool Models(InstanceSpec instance) => _classOf.TryGetValue(Id(instance), out var number) && _classes[number].Contains(instance);

    /// <summary>
    /// The endpoint in words. An instance that stands for a class of several names them: each
    /// holds alone ("Web0, Web5, Web10 and 37 more").
    /// </summary>
    public string Label(Endpoint endpoint)
    {
        if (endpoint.Kind != EndpointKind.Instance || !_classOf.TryGetValue(endpoint.Name, out var number) || _classes[number].Count == 1)
        {
            return endpoint.Display;
        }

        var members = _classes[number];
        var named = string.Join(", ", members.Take(3).Select(Id));
        return members.Count <= 3 ? named : named + " and " + Invariant.Format(members.Count - 3) + " more";
    }

    /// <summary>Whether some instance stands for others in <see cref="ClassPaths"/>.</summary>
    public bool HasClasses => _classes.Any(c => c.Count > 1);

    /// <summary>
    /// Every open path between classes of instances and the outside, sorted: what the Markdown
    /// lists. Its size grows with the classes, not with the square of the instances.
    /// </summary>
    public IReadOnlyList<OpenPath> ClassPaths => _classPaths ??= Sorted(Internal().Concat(ExternalPaths.Where(p => IsLocal(p.From) || IsLocal(p.To))));

    /// <summary>Whether the endpoint is an instance of this stack.</summary>
    private bool IsLocal(Endpoint endpoint) => endpoint.Kind == EndpointKind.Instance && Instance(endpoint.Name) is { } instance && IsLocal(instance);

    public StackIndex Index => _index;

    /// <summary>The instances of this stack.</summary>
    public IReadOnlyList<InstanceSpec> Instances => _local ??= _instances.Where(IsLocal).ToList();

    private List<InstanceSpec>? _local;

    /// <summary>An instance by its endpoint name (qualified when imported).</summary>
    public InstanceSpec? Instance(string name) => _byId.TryGetValue(name, out var instance) ? instance : null;

    /// <summary>Every open path, instance by instance, sorted by source, target and ports; computed once (it grows with the square of the instances).</summary>
    public IReadOnlyList<OpenPath> Paths => _paths ??= Compute();

    // ---- Security groups ----

    private IEnumerable<SecurityGroupSpec> GroupsOf(InstanceSpec instance) =>
        instance.SecurityGroups.Select(g => _index.ResolveFrom<SecurityGroupSpec>(instance, g)).Where(g => g is not null).Select(g => g!).Distinct();

    /// <summary>The key of the group a rule names (it may be another stack's), or null for a CIDR rule or one that does not resolve.</summary>
    private string? PeerGroup(SecurityGroupSpec group, RuleSpec rule) =>
        _index.ResolveFrom<SecurityGroupSpec>(group, rule.PeerGroup) is { } peer ? _index.Key(peer) : null;

    private IEnumerable<Permit> Ingress(SecurityGroupSpec group) =>
        group.Ingress.Select((r, i) => new Permit(PortRange.Of(r), r.Peer, PeerGroup(group, r), group.Path.Item("ingress", i), _index.Key(group)));

    /// <summary>A group without outbound rules keeps EC2's default: all IPv4 traffic to anywhere.</summary>
    private IEnumerable<Permit> Egress(SecurityGroupSpec group) => group.Egress.Count == 0
        ? [new Permit(new PortRange(ProtocolSpec.All, 0, 65535), "0.0.0.0/0", null, group.Path.Child("attribute"))]
        : group.Egress.Select((r, i) => new Permit(PortRange.Of(r), r.Peer, PeerGroup(group, r), group.Path.Item("egress", i)));

    /// <summary>
    /// The rules of an instance in one direction. An instance without a group is in the VPC's default
    /// group: inbound from its other members only (none the stack declares), outbound anywhere.
    /// </summary>
    private IEnumerable<Permit> Permits(InstanceSpec instance, bool inbound)
    {
        var groups = GroupsOf(instance).ToList();
        if (groups.Count == 0)
        {
            return inbound ? [] : [new Permit(new PortRange(ProtocolSpec.All, 0, 65535), "0.0.0.0/0", null, instance.Path.Child("attribute"))];
        }

        return groups.SelectMany(g => inbound ? Ingress(g) : Egress(g));
    }

    /// <summary>
    /// Whether a rule's peer takes in the endpoint. A parameter's block is symbolic: it matches only
    /// itself, or a rule open to all of IPv4. A rule naming a group takes in its members in the same
    /// VPC or across a peering, not across a transit gateway (<paramref name="link"/>, the way
    /// between the two instances, says which).
    /// </summary>
    private bool PeerMatches(Permit permit, Endpoint endpoint, Link? link = null)
    {
        if (permit.PeerGroup is { } group)
        {
            return endpoint.Kind == EndpointKind.Instance && _groupsOf.TryGetValue(endpoint.Name, out var groups) && groups.Contains(group)
                && link?.Kind != LinkKind.TransitGateway;
        }

        if (permit.Peer is not { } peer)
        {
            return false;
        }

        if (_index.Parameter(peer) is not null)
        {
            return endpoint.Kind == EndpointKind.ParameterBlock && endpoint.Name == peer;
        }

        if (peer == "::/0")
        {
            return endpoint.Kind == EndpointKind.InternetV6;
        }

        if (!Cidr.TryParse(peer, out var block))
        {
            return false;
        }

        return endpoint.Kind switch
        {
            // An address EC2 assigns matches a block only when the block holds the whole subnet: any address of it may be the one.
            EndpointKind.Instance => _addresses.TryGetValue(endpoint.Name, out var address) ? block.Contains(address.Value)
                : _assignedIn.TryGetValue(endpoint.Name, out var within) && block.Contains(within),
            EndpointKind.Internet => block.Prefix == 0,
            EndpointKind.ParameterBlock => block.Prefix == 0,
            EndpointKind.Block => Cidr.TryParse(endpoint.Name, out var other) && block.Contains(other),
            _ => false,
        };
    }

    private IEnumerable<PortRange> Allowed(InstanceSpec instance, bool inbound, Endpoint peer, Link? link = null) =>
        Permits(instance, inbound).Where(p => PeerMatches(p, peer, link)).Select(p => p.Ports);

    // ---- Routes ----

    /// <summary>
    /// The route an instance's subnet uses toward an outside destination (the internet, a block, a
    /// parameter's block), as words, or the link that is missing. Inbound connections need the same
    /// route for their replies, but no NAT gateway.
    /// </summary>
    private (string? Via, BrokenLink? Broken) RouteOut(InstanceSpec instance, Endpoint destination, bool inbound)
    {
        if (SubnetOf(instance) is not { } subnet)
        {
            return (null, new BrokenLink("instance '" + instance.Name + "' has no subnet of this stack", instance.Path.Child("subnet"), _index.ForeignKey(instance)));
        }

        if (destination.Kind == EndpointKind.InternetV6)
        {
            return RouteOutV6(instance, subnet, inbound);
        }

        // The link-local services answer on the instance's own link: no route table is consulted (and none may route 169.254.168.0/22, TDSL127).
        if (!inbound && IsUnfiltered(destination, instance))
        {
            return ("a link-local address (no route needed)", null);
        }

        var route = RouteToward(subnet, destination);
        if (route is null)
        {
            return (null, new BrokenLink("subnet '" + _index.Display(subnet) + "' has no route toward " + destination.Display
                + (_index.TablesOf(subnet).Count == 0 ? " (it has no route table, so only the VPC's local route)" : ""), subnet.Path, _index.ForeignKey(subnet)));
        }

        var (table, tableRoute, target) = route;
        var at = tableRoute.Path;
        switch (target)
        {
            case InternetGatewaySpec gateway when !instance.PublicIp:
                return (null, new BrokenLink("instance '" + instance.Name + "' has no public IP, so internet gateway '" + _index.Display(gateway) + "' does not carry its traffic",
                    instance.Path.Child("publicIp"), _index.ForeignKey(instance)));
            case InternetGatewaySpec gateway:
                return ("internet gateway '" + _index.Display(gateway) + "'", null);

            // A block outside the program, behind a peering to a VPC given by ID (its PeerCidrBlocks; TDSL119 checks the route lies in them).
            case VpcPeeringSpec { IsRemote: true } peering when destination.Kind == EndpointKind.Block:
                return ("peering '" + _index.Display(peering) + "'", null);
            case NatGatewaySpec nat when inbound:
                return (null, new BrokenLink("subnet '" + _index.Display(subnet) + "' answers " + destination.Display + " through NAT gateway '" + _index.Display(nat)
                    + "', which takes no connections from outside", at, _index.ForeignKey(tableRoute.Declared)));
            case NatGatewaySpec nat:
            {
                var natSubnet = _index.ResolveFrom<SubnetSpec>(nat, nat.Subnet);
                if (natSubnet is null || RouteToward(natSubnet, destination) is not { Target: InternetGatewaySpec gateway })
                {
                    return (null, new BrokenLink("NAT gateway '" + _index.Display(nat) + "' has no route to an internet gateway", nat.Path.Child("subnet"), _index.ForeignKey(nat)));
                }

                return ("NAT gateway '" + _index.Display(nat) + "', internet gateway '" + _index.Display(gateway) + "'", null);
            }

            default:
                return (null, new BrokenLink("route table '" + _index.Display(table) + "' sends " + destination.Display + " to something that is neither a gateway nor a NAT gateway", at, _index.ForeignKey(tableRoute.Declared)));
        }
    }

    /// <summary>
    /// The IPv6 internet: the instance needs an IPv6 address (its subnet's /64, assigned on creation)
    /// and its subnet a ::/0 route, to an internet gateway (both ways) or an egress-only internet gateway
    /// (connections out only).
    /// </summary>
    private (string? Via, BrokenLink? Broken) RouteOutV6(InstanceSpec instance, SubnetSpec subnet, bool inbound)
    {
        if (!subnet.HasIpv6 || !subnet.AssignIpv6)
        {
            return (null, new BrokenLink("instance '" + instance.Name + "' has no IPv6 address (subnet '" + subnet.Name + "' "
                + (subnet.HasIpv6 ? "does not assign IPv6 addresses" : "has no IPv6 block") + ")", subnet.Path, _index.ForeignKey(subnet)));
        }

        foreach (var table in _index.TablesOf(subnet))
        {
            // The table's routes in both forms: its own [Route]s and route records of the stacks seen.
            foreach (var route in _index.RoutesOf(table))
            {
                if (AclBlock.Parse(route.Route.Destination) is not { IsIpv6: true, Prefix: 0 })
                {
                    continue;
                }

                var at = route.Path;
                switch (_index.TargetOf<ResourceSpec>(route))
                {
                    case InternetGatewaySpec gateway:
                        return ("internet gateway '" + gateway.Name + "'", null);
                    case EgressOnlyInternetGatewaySpec egressOnly when inbound:
                        return (null, new BrokenLink("subnet '" + subnet.Name + "' answers the internet (IPv6) through egress-only internet gateway '" + egressOnly.Name
                            + "', which takes no connections from outside", at, _index.ForeignKey(route.Declared)));
                    case EgressOnlyInternetGatewaySpec egressOnly:
                        return ("egress-only internet gateway '" + egressOnly.Name + "'", null);
                    default:
                        return (null, new BrokenLink("route table '" + table.Name + "' sends ::/0 to something that is neither an internet gateway nor an egress-only one", at, _index.ForeignKey(route.Declared)));
                }
            }

            break;
        }

        return (null, new BrokenLink("subnet '" + subnet.Name + "' has no route toward the internet (IPv6)", subnet.Path, _index.ForeignKey(subnet)));
    }

    // ---- Network ACLs ----

    /// <summary>The network ACL that filters the subnet of an instance, or null for the VPC's default ACL (which allows everything).</summary>
    private NetworkAclSpec? AclOf(InstanceSpec? instance) =>
        instance is not null && SubnetOf(instance) is { } subnet ? _index.AclsOf(subnet).FirstOrDefault() : null;

    /// <summary>Whether a rule of a network ACL names the endpoint: an instance by its private address, the internet (and a parameter's block) by /0 only, a block by one that holds it.</summary>
    private Func<AclRuleSpec, bool> AclPeer(Endpoint endpoint)
    {
        switch (endpoint.Kind)
        {
            case EndpointKind.Instance:
                // An address EC2 assigns is somewhere in its subnet: a rule names it when it holds the whole subnet.
                var address = _addresses.TryGetValue(endpoint.Name, out var a) ? a.Value : (uint?)null;
                AclBlock? within = address is null && _assignedIn.TryGetValue(endpoint.Name, out var home) ? AclBlock.Of(home) : null;
                return rule => AclBlock.Parse(rule.Cidr) is { IsIpv6: false } block
                    && (address is { } x ? block.Contains(AclBlock.Address(x)) : within is { } w && block.Contains(w));
            case EndpointKind.Internet or EndpointKind.ParameterBlock:
                return rule => AclBlock.Parse(rule.Cidr) is { IsIpv6: false, Prefix: 0 };
            case EndpointKind.InternetV6:
                return rule => AclBlock.Parse(rule.Cidr) is { IsIpv6: true, Prefix: 0 };
            default:
                var wanted = AclBlock.Parse(endpoint.Name);
                return rule => wanted is { } w && AclBlock.Parse(rule.Cidr) is { } block && block.Contains(w);
        }
    }

    /// <summary>
    /// The parts of <paramref name="ports"/> that the network ACLs on the way let through: the source
    /// subnet's outbound rules and the target subnet's inbound rules, and for TCP and UDP the replies
    /// back to the ephemeral ports (the target's outbound rules, the source's inbound ones). Traffic
    /// within one subnet meets no ACL. (The ACL of a NAT gateway's subnet is not modelled.)
    /// </summary>
    private List<PortRange> ThroughAcls(Endpoint from, Endpoint to, PortRange ports)
    {
        if (AclBreak(from, to, ports, replies: true) is null)
        {
            return [ports];
        }

        var (source, sourceAcl, target, targetAcl) = AclsOnTheWay(from, to);
        IEnumerable<PortRange> parts = [ports];
        if (sourceAcl is not null)
        {
            parts = parts.SelectMany(p => AclEvaluation.Allowed(sourceAcl.Egress, p, AclPeer(to)));
        }

        if (targetAcl is not null)
        {
            parts = parts.SelectMany(p => AclEvaluation.Allowed(targetAcl.Ingress, p, AclPeer(from)));
        }

        return parts.Where(p => AclBreak(from, to, p, replies: true) is null).ToList();
    }

    private (InstanceSpec? Source, NetworkAclSpec? SourceAcl, InstanceSpec? Target, NetworkAclSpec? TargetAcl) AclsOnTheWay(Endpoint from, Endpoint to)
    {
        var source = from.Kind == EndpointKind.Instance ? Instance(from.Name) : null;
        var target = to.Kind == EndpointKind.Instance ? Instance(to.Name) : null;
        if (source is not null && target is not null && _index.Same(SubnetOf(source), SubnetOf(target)))
        {
            return (source, null, target, null);
        }

        return (source, AclOf(source), target, AclOf(target));
    }

    /// <summary>
    /// Whether <paramref name="endpoint"/> is a block that holds only addresses network ACLs do not filter
    /// (<see cref="Unfiltered"/>: the instance metadata service, the Time Sync Service and the other
    /// link-local services), seen from the VPC of <paramref name="instance"/>.
    /// </summary>
    private bool IsUnfiltered(Endpoint endpoint, InstanceSpec? instance)
    {
        if (endpoint.Kind != EndpointKind.Block || AclBlock.Parse(endpoint.Name) is not { } block)
        {
            return false;
        }

        var vpc = _index.VpcOf(instance);
        var key = vpc is null ? "" : _index.Key(vpc);
        if (!_unfiltered.TryGetValue(key, out var addresses))
        {
            _unfiltered.Add(key, addresses = Unfiltered.Of(_index, vpc));
        }

        return Unfiltered.HoldsOnly(addresses, block);
    }

    private readonly Dictionary<string, IReadOnlyList<UnfilteredAddress>> _unfiltered = new(System.StringComparer.Ordinal);

    /// <summary>
    /// The network ACL rule (or default deny) that stops some of the traffic, or null when the ACLs let all
    /// of it through. Traffic to and from a block of addresses network ACLs do not filter passes whatever
    /// the rules say, both ways (<see cref="IsUnfiltered"/>).
    /// </summary>
    private BrokenLink? AclBreak(Endpoint from, Endpoint to, PortRange ports, bool replies)
    {
        var (source, sourceAcl, target, targetAcl) = AclsOnTheWay(from, to);
        if (IsUnfiltered(from, target) || IsUnfiltered(to, source))
        {
            return null;
        }

        var (wantedFrom, wantedTo) = AclEvaluation.Wanted(ports);
        BrokenLink? Check(NetworkAclSpec? acl, InstanceSpec? owner, bool egress, ProtocolSpec protocol, int low, int high, Endpoint peer, string what)
        {
            if (acl is null)
            {
                return null;
            }

            var rules = egress ? acl.Egress : acl.Ingress;
            var verdict = AclEvaluation.Decide(rules, protocol, low, high, AclPeer(peer));
            if (verdict.Allowed)
            {
                return null;
            }

            var subnet = owner is null ? "" : " of subnet '" + owner.Subnet.Name + "'";
            var direction = egress ? "outbound" : "inbound";
            var toFrom = egress ? " to " : " from ";
            return verdict.Rule >= 0
                ? new BrokenLink("network ACL '" + acl.Name + "'" + subnet + " denies " + direction + " " + what + toFrom + Label(peer) + " (rule "
                    + Invariant.Format(rules[verdict.Rule].Number) + ": " + AclEvaluation.Describe(rules[verdict.Rule], egress) + ")",
                    acl.Path.Item(egress ? "egress" : "ingress", verdict.Rule).Child("number"), _index.ForeignKey(acl))
                : new BrokenLink("network ACL '" + acl.Name + "'" + subnet + " has no " + direction + " rule that allows " + what + toFrom + Label(peer)
                    + ", so its default rule denies it", acl.Path.Child("attribute"), _index.ForeignKey(acl));
        }

        if (sourceAcl is null && targetAcl is null)
        {
            return null;
        }

        var forward = ports.ToString();
        var broken = Check(sourceAcl, source, egress: true, ports.Protocol, wantedFrom, wantedTo, to, forward)
            ?? Check(targetAcl, target, egress: false, ports.Protocol, wantedFrom, wantedTo, from, forward);
        if (broken is not null || !replies || ports.Protocol is not (ProtocolSpec.Tcp or ProtocolSpec.Udp))
        {
            return broken;
        }

        var reply = "the replies (" + new PortRange(ports.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo) + ")";
        return Check(targetAcl, target, egress: true, ports.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo, from, reply)
            ?? Check(sourceAcl, source, egress: false, ports.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo, to, reply);
    }

    /// <summary>
    /// The network ACL rule (or default deny) that stops the source from reaching an interface
    /// endpoint's network interfaces, whose addresses AWS picks in its subnets: the source subnet's
    /// ACL must let the traffic out to (and the replies in from) every subnet of the endpoint, and the
    /// ACL of each endpoint subnet must let it in from the source and the replies back out.
    /// </summary>
    private BrokenLink? AclBreakToEndpoint(InstanceSpec source, IReadOnlyList<SubnetSpec> subnets, PortRange ports)
    {
        var sourceSubnet = SubnetOf(source);
        foreach (var subnet in subnets)
        {
            if (!Cidr.TryParse(subnet.CidrBlock, out var block) || _index.Same(subnet, sourceSubnet))
            {
                continue;
            }

            // The source's ACL toward the endpoint's subnet (taken as a block), then that subnet's ACL toward the source.
            if (AclBreak(EndpointOf(source), new Endpoint(EndpointKind.Block, block.Network.ToString()), ports, replies: true) is { } outbound)
            {
                return outbound;
            }

            if (_index.AclsOf(subnet).FirstOrDefault() is { } acl)
            {
                var peer = AclPeer(EndpointOf(source));
                var (from, to) = AclEvaluation.Wanted(ports);
                var inbound = AclEvaluation.Decide(acl.Ingress, ports.Protocol, from, to, peer);
                var replies = AclEvaluation.Decide(acl.Egress, ports.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo, peer);
                if (!inbound.Allowed || !replies.Allowed)
                {
                    var (verdict, rules, egress) = !inbound.Allowed ? (inbound, acl.Ingress, false) : (replies, acl.Egress, true);
                    var what = egress ? "the replies (" + new PortRange(ports.Protocol, AclEvaluation.EphemeralFrom, AclEvaluation.EphemeralTo) + ") to" : ports + " from";
                    return verdict.Rule >= 0
                        ? new BrokenLink("network ACL '" + _index.Display(acl) + "' of endpoint subnet '" + _index.Display(subnet) + "' denies " + (egress ? "outbound " : "inbound ") + what + " "
                            + Id(source) + " (rule " + Invariant.Format(rules[verdict.Rule].Number) + ": " + AclEvaluation.Describe(rules[verdict.Rule], egress) + ")",
                            acl.Path.Item(egress ? "egress" : "ingress", verdict.Rule).Child("number"), _index.ForeignKey(acl))
                        : new BrokenLink("network ACL '" + _index.Display(acl) + "' of endpoint subnet '" + _index.Display(subnet) + "' has no " + (egress ? "outbound" : "inbound") + " rule that allows "
                            + what + " " + Id(source) + ", so its default rule denies it", acl.Path.Child("attribute"), _index.ForeignKey(acl));
                }
            }
        }

        return null;
    }

    /// <summary>The most specific route of the subnet's table that covers the destination (a parameter's block and the internet: a default route only).</summary>
    private RouteChoice? RouteToward(SubnetSpec subnet, Endpoint destination) =>
        RouteToward(subnet, destination.Kind == EndpointKind.Block && Cidr.TryParse(destination.Name, out var block) ? block : null);

    /// <summary>
    /// The most specific route of the subnet's table that covers the block (null: a default route only), its target resolved where it
    /// was written, and the route: a [Route] of the table or a route record of any stack seen.
    /// </summary>
    private RouteChoice? RouteToward(SubnetSpec subnet, Cidr? wanted)
    {
        RouteChoice? best = null;
        var bestPrefix = -1;
        foreach (var table in _index.TablesOf(subnet))
        {
            // The table's routes in both forms: its own [Route]s and route records of the stacks seen.
            foreach (var route in _index.RoutesOf(table))
            {
                if (!Cidr.TryParse(route.Route.Destination, out var covers) || !(covers.Prefix == 0 || (wanted is { } w && covers.Contains(w))))
                {
                    continue;
                }

                if (covers.Prefix > bestPrefix)
                {
                    bestPrefix = covers.Prefix;
                    best = new RouteChoice(table, route, _index.TargetOf<ResourceSpec>(route));
                }
            }

            break;
        }

        return best;
    }

    /// <summary>An instance's private address as the model gives it.</summary>
    private sealed record PrivateAddress(uint Value);

    /// <summary>The route a subnet's table takes toward a destination: the table, the route and its target, resolved where it was written.</summary>
    private sealed record RouteChoice(RouteTableSpec Table, TableRoute Route, ResourceSpec? Target);

    // ---- Paths ----

    /// <summary>Why <paramref name="from"/> cannot open a connection to <paramref name="to"/> on <paramref name="ports"/> (all of them), or null when it can.</summary>
    public BrokenLink? Explain(Endpoint from, Endpoint to, PortRange ports)
    {
        var source = from.Kind == EndpointKind.Instance ? Instance(from.Name) : null;
        var target = to.Kind == EndpointKind.Instance ? Instance(to.Name) : null;
        Link? link = null;
        if (source is not null)
        {
            if (target is not null)
            {
                var (way, noWay) = Between(source, target, exact: true);
                if (way is null)
                {
                    return noWay;
                }

                link = way;
            }

            if (!Covered(Allowed(source, inbound: false, to, link), ports))
            {
                return GroupLink(Groups(source) + " of '" + Id(source) + "' " + (GroupsOf(source).Any() ? "has" : "have") + " no outbound rule for "
                    + ports + " to " + to.Display, source);
            }

            if (target is null && RouteOut(source, to, inbound: false).Broken is { } broken)
            {
                return broken;
            }
        }

        if (target is null)
        {
            return AclBreak(from, to, ports, replies: true);
        }

        if (source is null && RouteOut(target, from, inbound: true).Broken is { } back)
        {
            return back;
        }

        if (AclBreak(from, to, ports, replies: true) is { } filtered)
        {
            return filtered;
        }

        return Covered(Allowed(target, inbound: true, from, link), ports)
            ? null
            : GroupLink(Groups(target) + " of '" + Id(target) + "' " + (GroupsOf(target).Any() ? "lets" : "let") + " in no " + ports + " from " + from.Display, target);
    }

    // ---- VPC endpoints ----

    /// <summary>
    /// Why <paramref name="source"/> cannot open a connection on <paramref name="ports"/> to the network
    /// interfaces of an interface endpoint, or null when it can: the source's outbound rule (to one of
    /// the endpoint's groups, or a block holding every subnet of the endpoint, whose addresses AWS picks),
    /// the local route of one VPC, and the inbound rule of the endpoint's groups. An endpoint without
    /// groups is in the VPC's default group, which admits its own members only: instances without groups.
    /// </summary>
    public BrokenLink? ExplainEndpoint(InstanceSpec source, InterfaceEndpointSpec endpoint, PortRange ports)
    {
        var groups = endpoint.SecurityGroups.Select(g => _index.ResolveFrom<SecurityGroupSpec>(endpoint, g)).Where(g => g is not null).Select(g => g!).Distinct().ToList();
        var names = new HashSet<string>(groups.Select(g => _index.Key(g)), System.StringComparer.Ordinal);
        var subnets = endpoint.Subnets.Select(s => _index.ResolveFrom<SubnetSpec>(endpoint, s)).Where(s => s is not null).Select(s => s!).ToList();
        var blocks = subnets.Select(s => Cidr.TryParse(s.CidrBlock, out var block) ? block.Network : (Cidr?)null).ToList();
        bool Holds(Permit permit) =>
            permit.PeerGroup is { } group ? names.Contains(group)
            : permit.Peer is { } peer && _index.Parameter(peer) is null && Cidr.TryParse(peer, out var cidr)
                && blocks.Count > 0 && blocks.All(b => b is { } block && cidr.Contains(block));
        // Named as messages name them: qualified by their stack class when another stack declares them.
        var name = _index.Display(endpoint);
        if (_index.VpcOf(source) is not { } a || _index.VpcOf(endpoint) is not { } b || !_index.Same(a, b))
        {
            return new BrokenLink("'" + Id(source) + "' and endpoint '" + name + "' are in different VPCs", endpoint.Path.Child("vpc"), _index.ForeignKey(endpoint));
        }

        if (subnets.Count == 0)
        {
            return new BrokenLink("endpoint '" + name + "' has no subnet, so no network interface", endpoint.Path.Child("attribute"), _index.ForeignKey(endpoint));
        }

        if (!Covered(Permits(source, inbound: false).Where(Holds).Select(p => p.Ports), ports))
        {
            return GroupLink(Groups(source) + " of '" + Id(source) + "' " + (GroupsOf(source).Any() ? "has" : "have") + " no outbound rule for "
                + ports + " to endpoint '" + name + "'", source);
        }

        if (groups.Count == 0)
        {
            return GroupsOf(source).Any()
                ? new BrokenLink("endpoint '" + name + "' is in the VPC's default security group, which admits only its own members", endpoint.Path.Child("attribute"), _index.ForeignKey(endpoint))
                : null;
        }

        var at = endpoint.Path.Item("uses", 0).Child("group");
        return Covered(groups.SelectMany(Ingress).Where(p => PeerMatches(p, EndpointOf(source))).Select(p => p.Ports), ports)
            ? AclBreakToEndpoint(source, subnets, ports)
            : new BrokenLink((groups.Count == 1 ? "security group '" + _index.Display(groups[0]) + "'" : "security groups " + string.Join(", ", groups.Select(g => "'" + _index.Display(g) + "'")))
                + " of endpoint '" + name + "' " + (groups.Count == 1 ? "lets" : "let") + " in no " + ports + " from '" + Id(source) + "'", at, _index.ForeignKey(endpoint));
    }

    /// <summary>
    /// Why <paramref name="source"/> cannot use a gateway endpoint, or null when it can: the endpoint
    /// must be joined to the route table of the source's subnet, and the source's groups must let
    /// HTTPS out to the service's public addresses (the endpoint's prefix list, so only a rule to 0.0.0.0/0 is known to cover them).
    /// </summary>
    public BrokenLink? ExplainGateway(InstanceSpec source, GatewayEndpointSpec endpoint)
    {
        if (SubnetOf(source) is not { } subnet)
        {
            return new BrokenLink("instance '" + source.Name + "' has no subnet of this stack", source.Path.Child("subnet"), _index.ForeignKey(source));
        }

        var tables = _index.TablesOf(subnet);
        if (!endpoint.RouteTables.Any(t => tables.Any(table => _index.Same(table, _index.ResolveFrom<RouteTableSpec>(endpoint, t)))))
        {
            return new BrokenLink("gateway endpoint '" + endpoint.Name + "' is not joined to the route table of subnet '" + subnet.Name + "'", endpoint.Path.Child("attribute"), _index.ForeignKey(endpoint));
        }

        var https = PortRange.Single(ProtocolSpec.Tcp, 443);
        return Covered(Allowed(source, inbound: false, Endpoint.Internet), https)
            ? AclBreak(EndpointOf(source), Endpoint.Internet, https, replies: true) // the service's addresses: only a /0 rule is known to hold them
            : GroupLink(Groups(source) + " of '" + source.Name + "' " + (GroupsOf(source).Any() ? "has" : "have") + " no outbound rule for " + https
                + " to 0.0.0.0/0, where the service's addresses are", source);
    }

    /// <summary>The outside endpoints (blocks, parameters, the internet) that the instance's inbound rules let in on the ports, in rule order.</summary>
    public IEnumerable<Endpoint> Permitted(InstanceSpec instance, PortRange ports) =>
        Permits(instance, inbound: true)
            .Where(p => p.PeerGroup is null && p.Peer is not null && p.Ports.Covers(ports))
            .Select(p => _index.Parameter(p.Peer) is not null ? new Endpoint(EndpointKind.ParameterBlock, p.Peer!)
                : p.Peer == "::/0" ? Endpoint.InternetV6
                : Cidr.TryParse(p.Peer, out var block) && block.Prefix == 0 ? Endpoint.Internet
                : Cidr.TryParse(p.Peer, out block) && !InsideAVpc(block) ? new Endpoint(EndpointKind.Block, block.ToString())
                : null)
            .Where(e => e is not null)
            .Select(e => e!);

    private string Groups(InstanceSpec instance)
    {
        var names = GroupsOf(instance).Select(g => "'" + _index.Display(g) + "'").ToList();
        return names.Count == 0 ? "the VPC's default security group" : names.Count == 1 ? "security group " + names[0] : "security groups " + string.Join(", ", names);
    }

    /// <summary>A link the instance's security groups break, placed at its first group (or the instance, in the VPC's default group), in whichever stack declares it.</summary>
    private BrokenLink GroupLink(string reason, InstanceSpec instance)
    {
        var owner = (ResourceSpec?)GroupsOf(instance).FirstOrDefault() ?? instance;
        return new BrokenLink(reason, owner.Path.Child("attribute"), _index.ForeignKey(owner));
    }

    /// <summary>Whether the ranges together cover every port of the wanted range.</summary>
    private static bool Covered(IEnumerable<PortRange> ranges, PortRange wanted)
    {
        var parts = ranges.Select(r => r.Intersect(wanted)).Where(r => r is not null).Select(r => r!).OrderBy(r => r.From).ToList();
        if (parts.Any(p => p.Covers(wanted)))
        {
            return true;
        }

        var next = wanted.From;
        foreach (var part in parts)
        {
            if (part.From > next)
            {
                return false;
            }

            next = System.Math.Max(next, part.To + 1);
        }

        return parts.Count > 0 && next > wanted.To;
    }

    /// <summary>Whether the internet (IPv4 or IPv6) can open a connection to the instance on some port, and the first such path.</summary>
    public OpenPath? FromInternet(InstanceSpec instance) =>
        FromOutside(instance).FirstOrDefault(p => p.From.Kind is EndpointKind.Internet or EndpointKind.InternetV6);

    /// <summary>
    /// Whether an instance sits where the internet can reach it once a rule lets it in: it has a
    /// public IP and its subnet answers the internet through an internet gateway (the reason "has a
    /// public IP"), or its subnet does, so one Elastic IP would expose it (the subnet's path).
    /// </summary>
    /// <returns>The reason, where it is written in the instance, and for a subnet's route the route (a [Route] of the table or another stack's route record).</returns>
    public (string Reason, ModelPath At, TableRoute? Route)? InternetFacing(InstanceSpec instance)
    {
        if (instance.PublicIp)
        {
            return ("has a public IP", instance.Path.Child("publicIp"), null);
        }

        if (SubnetOf(instance) is { } subnet && RouteToward(subnet, Endpoint.Internet) is { Target: InternetGatewaySpec } route)
        {
            return ("sits in subnet '" + _index.Display(subnet) + "', which is routed to an internet gateway", instance.Path.Child("subnet"), route.Route);
        }

        return null;
    }

    /// <summary>The outside endpoints the stack's rules name: the internet, and each block or parameter written as a peer.</summary>
    private List<Endpoint> Outside(bool inbound)
    {
        var endpoints = new SortedSet<Endpoint>(Comparer.Instance) { Endpoint.Internet, Endpoint.InternetV6 };
        foreach (var group in _index.AllResources.OfType<SecurityGroupSpec>())
        {
            foreach (var rule in inbound ? group.Ingress : group.Egress)
            {
                if (rule.Peer is not { } peer)
                {
                    continue;
                }

                if (_index.Parameter(peer) is not null)
                {
                    endpoints.Add(new Endpoint(EndpointKind.ParameterBlock, peer));
                }
                else if (Cidr.TryParse(peer, out var block) && block.Prefix > 0 && !InsideAVpc(block))
                {
                    endpoints.Add(new Endpoint(EndpointKind.Block, block.ToString()));
                }
            }
        }

        return endpoints.ToList();
    }

    private bool InsideAVpc(Cidr block) =>
        (_vpcBlocks ??= _index.AllResources.OfType<VpcSpec>().SelectMany(v => StackIndex.Blocks(v)).ToList()).Any(b => b.Overlaps(block));

    private List<Cidr>? _vpcBlocks;

    /// <summary>The class paths, each instance of a class on its own.</summary>
    private List<OpenPath> Compute()
    {
        var found = new HashSet<OpenPath>();
        IEnumerable<Endpoint> Members(Endpoint endpoint) => endpoint.Kind == EndpointKind.Instance
            ? _classes[_classOf[endpoint.Name]].Select(EndpointOf)
            : [endpoint];
        foreach (var path in ClassPaths)
        {
            foreach (var from in Members(path.From))
            {
                foreach (var to in Members(path.To))
                {
                    if (from != to)
                    {
                        found.Add(path with { From = from, To = to });
                    }
                }
            }
        }

        return Sorted(found);
    }

    /// <summary>The paths with an end outside (from or to the internet, a block, a parameter's block), to and from each class: O(rules × endpoints).</summary>
    public IReadOnlyList<OpenPath> ExternalPaths => _external ??= Sorted(External());

    private List<OpenPath>? _external;

    private Dictionary<string, List<OpenPath>>? _externalTo;

    /// <summary>The paths from outside into the instance, in matrix order.</summary>
    public IReadOnlyList<OpenPath> FromOutside(InstanceSpec instance)
    {
        if (_externalTo is null)
        {
            _externalTo = new Dictionary<string, List<OpenPath>>(System.StringComparer.Ordinal);
            foreach (var path in ExternalPaths.Where(p => p.From.IsExternal))
            {
                if (!_externalTo.TryGetValue(path.To.Name, out var list))
                {
                    _externalTo.Add(path.To.Name, list = []);
                }

                list.Add(path);
            }
        }

        return _externalTo.TryGetValue(Id(Representative(instance)), out var paths) ? paths : [];
    }

    /// <summary>Whether some connection, on any port, is open from one instance to another: O(rules of the two).</summary>
    public bool AnyPort(InstanceSpec from, InstanceSpec to)
    {
        if (_index.Same(from, to) || Between(from, to).Link is not { } link)
        {
            return false;
        }

        var ingress = Allowed(to, inbound: true, EndpointOf(from), link).ToList();
        return Allowed(from, inbound: false, EndpointOf(to), link)
            .Any(e => ingress.Any(i => e.Intersect(i) is { } both && ThroughAcls(EndpointOf(from), EndpointOf(to), both).Count > 0));
    }

    private HashSet<OpenPath> Internal()
    {
        var found = new HashSet<OpenPath>();

        // Class to class: the source classes each ingress rule admits, found once per rule (a rule's
        // key is its group's and its path). A class reaches itself when it has two members and its
        // rules let them talk. Paths between two imported classes belong to their own stack's matrix.
        var representatives = _classes.Select(c => c[0]).ToList();
        var sourcesOfRule = new Dictionary<(string, ModelPath), List<InstanceSpec>>();
        List<InstanceSpec> Sources(Permit permit)
        {
            var key = (permit.Group, permit.At);
            if (!sourcesOfRule.TryGetValue(key, out var sources))
            {
                sources = permit.PeerGroup is { } g
                    ? (_members.TryGetValue(g, out var members) ? members.Select(Representative).Distinct().ToList() : [])
                    : representatives.Where(i => PeerMatches(permit, EndpointOf(i))).ToList();
                sourcesOfRule.Add(key, sources);
            }

            return sources;
        }

        foreach (var target in representatives)
        {
            var to = EndpointOf(target);
            foreach (var ingress in Permits(target, inbound: true))
            {
                foreach (var source in Sources(ingress))
                {
                    if ((ReferenceEquals(source, target) && _classes[_classOf[Id(target)]].Count < 2) || !(IsLocal(source) || IsLocal(target))
                        || Between(source, target).Link is not { } link || !PeerMatches(ingress, EndpointOf(source), link))
                    {
                        continue;
                    }

                    foreach (var egress in Permits(source, inbound: false))
                    {
                        if (PeerMatches(egress, to, link) && egress.Ports.Intersect(ingress.Ports) is { } ports)
                        {
                            foreach (var part in ThroughAcls(EndpointOf(source), to, ports))
                            {
                                found.Add(new OpenPath(EndpointOf(source), to, part, link.Via));
                            }
                        }
                    }
                }
            }
        }

        return found;
    }

    /// <summary>Paths with one end outside, between the outside and each class.</summary>
    private HashSet<OpenPath> External()
    {
        var found = new HashSet<OpenPath>();

        // From outside in: the rule admits the endpoint, and the instance answers through an internet gateway with a public IP.
        // A block or parameter is part of the internet: what the whole internet reaches is not listed again for it.
        var representatives = _classes.Select(c => c[0]).ToList();
        var inbound = Outside(inbound: true);
        foreach (var target in representatives)
        {
            var fromWorld = Allowed(target, inbound: true, Endpoint.Internet).ToList();
            foreach (var from in inbound)
            {
                var ranges = Allowed(target, inbound: true, from)
                    .Where(r => from.Kind is EndpointKind.Internet or EndpointKind.InternetV6 || !Covered(fromWorld, r)).ToList();
                if (ranges.Count > 0 && RouteOut(target, from, inbound: true).Via is { } via)
                {
                    found.UnionWith(ranges.SelectMany(r => ThroughAcls(from, EndpointOf(target), r)).Select(r => new OpenPath(from, EndpointOf(target), r, via)));
                }
            }
        }

        // From inside out: egress allows it, and a route leads there.
        var outbound = Outside(inbound: false);
        foreach (var source in representatives)
        {
            foreach (var to in outbound)
            {
                var ranges = Allowed(source, inbound: false, to).ToList();
                if (ranges.Count > 0 && RouteOut(source, to, inbound: false).Via is { } via)
                {
                    found.UnionWith(ranges.SelectMany(r => ThroughAcls(EndpointOf(source), to, r)).Select(r => new OpenPath(EndpointOf(source), to, r, via)));
                }
            }
        }

        return found;
    }

    private static List<OpenPath> Sorted(IEnumerable<OpenPath> found)
    {
        var paths = found.ToList();
        paths.Sort((a, b) =>
        {
            var c = Comparer.Instance.Compare(a.From, b.From);
            c = c != 0 ? c : Comparer.Instance.Compare(a.To, b.To);
            c = c != 0 ? c : a.Ports.Protocol.CompareTo(b.Ports.Protocol);
            c = c != 0 ? c : a.Ports.From.CompareTo(b.Ports.From);
            c = c != 0 ? c : a.Ports.To.CompareTo(b.Ports.To);
            return c != 0 ? c : string.CompareOrdinal(a.Via, b.Via);
        });
        return paths;
    }

    /// <summary>Instances first in name order, then the internet, then blocks and parameters.</summary>
    private sealed class Comparer : IComparer<Endpoint>
    {
        public static readonly Comparer Instance = new();

        public int Compare(Endpoint? x, Endpoint? y)
        {
            var c = x!.Kind.CompareTo(y!.Kind);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }
    }
}
