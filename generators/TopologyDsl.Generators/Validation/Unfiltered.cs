using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>One address whose traffic network ACLs do not filter, and the AWS service behind it (as messages and docs name it).</summary>
internal readonly record struct UnfilteredAddress(AclBlock Address, string Service);

/// <summary>
/// The destinations network ACLs do not filter, seen from a VPC: the one definition every rule that
/// evaluates ACLs uses (TDSL251's shadowed rules, TDSL252's reply rules, TDSL256's deny rules that block
/// nothing, and the reachability model's paths through ACLs to blocks a security group names).
/// <para>
/// Source of the list: Amazon VPC User Guide, "Control subnet traffic with network access control
/// lists" (docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html), Network ACL basics,
/// Limitations: network ACLs cannot block DNS to or from the Route 53 Resolver nor traffic to the
/// instance metadata service, and do not filter traffic to and from Amazon DNS, Amazon DHCP, EC2
/// instance metadata, ECS task metadata endpoints, Windows license activation, the Amazon Time Sync
/// Service and the reserved addresses of the default VPC router. That page names services, not
/// addresses; the addresses come from each service's own documentation:
/// </para>
/// <list type="bullet">
/// <item>Amazon DNS server (Route 53 Resolver): the base of the VPC's primary IPv4 block plus two,
/// 169.254.169.253 and fd00:ec2::253 (VPC User Guide, "Understanding Amazon DNS").</item>
/// <item>Instance metadata service: 169.254.169.254 and fd00:ec2::254; Amazon Time Sync Service:
/// 169.254.169.123 and fd00:ec2::123 (AWS whitepaper "IPv6 on AWS", "Supporting Amazon VPC services").</item>
/// <item>ECS task metadata endpoints (and the task's credentials): 169.254.170.2 (Amazon ECS Developer
/// Guide, "Amazon ECS task metadata endpoint version 2", whose paths are at that address).</item>
/// <item>Windows license activation: the AWS KMS servers at 169.254.169.250 and 169.254.169.251, which
/// EC2's Windows launch agents route to (Amazon EC2 User Guide, troubleshooting Windows activation).</item>
/// <item>The default VPC router: the base of each subnet plus one, which AWS reserves for it (VPC User
/// Guide, "Subnet CIDR blocks").</item>
/// </list>
/// <para>
/// Left out, for want of an address a rule could name: Amazon DHCP (clients broadcast), and the IPv6
/// addresses of the ECS task metadata endpoint, Windows activation and the router, which no source we
/// found gives. Security groups do not filter this traffic either (VPC User Guide,
/// "Security group basics"), but no rule here claims a group blocks it, so groups are evaluated as written.
/// </para>
/// </summary>
internal static class Unfiltered
{
    /// <summary>The addresses every VPC shares: the link-local services and their IPv6 equivalents.</summary>
    private static readonly UnfilteredAddress[] Shared =
    [
        new(AclBlock.Parse("169.254.169.253/32")!.Value, "the Amazon DNS server"),
        new(AclBlock.Parse("fd00:ec2::253/128")!.Value, "the Amazon DNS server"),
        new(AclBlock.Parse("169.254.169.254/32")!.Value, "the instance metadata service"),
        new(AclBlock.Parse("fd00:ec2::254/128")!.Value, "the instance metadata service"),
        new(AclBlock.Parse("169.254.169.123/32")!.Value, "the Amazon Time Sync Service"),
        new(AclBlock.Parse("fd00:ec2::123/128")!.Value, "the Amazon Time Sync Service"),
        new(AclBlock.Parse("169.254.170.2/32")!.Value, "the ECS task metadata endpoint"),
        new(AclBlock.Parse("169.254.169.250/32")!.Value, "the Windows activation servers"),
        new(AclBlock.Parse("169.254.169.251/32")!.Value, "the Windows activation servers"),
    ];

    /// <summary>
    /// The unfiltered addresses seen from <paramref name="vpc"/>: the shared ones, the Amazon DNS server
    /// at the base of the VPC's primary block plus two, and the router at the base plus one of each of its
    /// subnets the program declares. Without a VPC (a reference that does not resolve), the shared ones.
    /// The list comes indexed (<see cref="UnfilteredAddresses"/>), so that <see cref="HoldsOnly"/> and
    /// <see cref="Describe"/> cost the same however many subnets the VPC has: callers ask once per rule of
    /// every ACL, and a VPC can hold thousands of subnets. Scans every subnet once: callers keep the list per VPC.
    /// </summary>
    public static IReadOnlyList<UnfilteredAddress> Of(StackIndex index, VpcSpec? vpc)
    {
        if (vpc is null)
        {
            return new UnfilteredAddresses(Shared);
        }

        var addresses = new List<UnfilteredAddress>(Shared);
        if (Cidr.TryParse(vpc.CidrBlock, out var primary) && primary.Prefix <= 30)
        {
            addresses.Add(new(AclBlock.Address(primary.Network.Address + 2), "the Amazon DNS server"));
        }

        foreach (var subnet in index.AllResources.OfType<SubnetSpec>())
        {
            if (Cidr.TryParse(subnet.CidrBlock, out var block) && block.Prefix <= 30 && index.Same(index.VpcOf(subnet), vpc))
            {
                addresses.Add(new(AclBlock.Address(block.Network.Address + 1), "the VPC router"));
            }
        }

        return new UnfilteredAddresses(addresses);
    }

    /// <summary>
    /// Whether every address of <paramref name="block"/> is one network ACLs do not filter. A block that
    /// also holds an ordinary address (169.254.169.252/30 holds .252 and .255 besides the DNS server and the
    /// metadata service; 169.254.0.0/16 and 0.0.0.0/0 hold many) is filtered: the rules decide for those
    /// addresses, so the rules matter.
    /// </summary>
    public static bool HoldsOnly(IReadOnlyList<UnfilteredAddress> addresses, AclBlock block) => UnfilteredAddresses.Indexed(addresses).HoldsOnly(block);

    /// <summary>The service behind a block that holds only unfiltered addresses, in words ("the instance metadata service"; two or more joined with "and").</summary>
    public static string Describe(IReadOnlyList<UnfilteredAddress> addresses, AclBlock block)
    {
        var services = UnfilteredAddresses.Indexed(addresses).Within(block).Select(i => addresses[i].Service).Distinct().ToList();
        return services.Count <= 1 ? services.FirstOrDefault() ?? "" : string.Join(", ", services.Take(services.Count - 1)) + " and " + services[services.Count - 1];
    }
}

/// <summary>
/// The unfiltered addresses seen from one VPC, indexed by the blocks they fill: for each prefix length, the
/// blocks all of whose addresses are unfiltered. An address is such a block of a full prefix (/32, /128); a
/// block is one when both its halves are. Whether a rule's block holds only unfiltered addresses is then one
/// lookup, and the index takes as many steps to build as there are addresses (a block is full only if it has
/// no more addresses than the list). Built whole in the constructor and read-only after, so that analyzer
/// threads can share it.
/// </summary>
internal sealed class UnfilteredAddresses : IReadOnlyList<UnfilteredAddress>
{
    private readonly IReadOnlyList<UnfilteredAddress> _addresses;

    /// <summary>Per family (IPv4, IPv6), per prefix length: the networks of the full blocks of that length, with the positions in the list of the addresses each holds.</summary>
    private readonly Dictionary<Block, List<int>>?[][] _full = [new Dictionary<Block, List<int>>?[33], new Dictionary<Block, List<int>>?[129]];

    public UnfilteredAddresses(IReadOnlyList<UnfilteredAddress> addresses)
    {
        _addresses = addresses;
        for (var family = 0; family < 2; family++)
        {
            var width = family == 0 ? 32 : 128;
            var level = new Dictionary<Block, List<int>>();
            for (var i = 0; i < addresses.Count; i++)
            {
                var address = addresses[i].Address;
                if (address.IsIpv6 != (family == 1) || address.Prefix != width)
                {
                    continue;
                }

                var key = new Block(address.High, address.Low);
                if (!level.TryGetValue(key, out var positions))
                {
                    level.Add(key, positions = []);
                }

                positions.Add(i);
            }

            // Each level's blocks pair up into the next: a block whose half with the bit clear and half with the bit set are both full.
            for (var prefix = width; level.Count > 0; prefix--)
            {
                _full[family][prefix] = level;
                if (prefix == 0 || level.Count < 2)
                {
                    break;
                }

                var bit = width - prefix;
                var (highBit, lowBit) = bit >= 64 ? (1UL << (bit - 64), 0UL) : (0UL, 1UL << bit);
                var parents = new Dictionary<Block, List<int>>();
                foreach (var entry in level)
                {
                    var lower = entry.Key;
                    if ((lower.High & highBit) == 0 && (lower.Low & lowBit) == 0
                        && level.TryGetValue(new Block(lower.High | highBit, lower.Low | lowBit), out var upper))
                    {
                        parents.Add(lower, [.. entry.Value, .. upper]);
                    }
                }

                level = parents;
            }
        }
    }

    /// <summary>The list as an index: itself when <see cref="Unfiltered.Of"/> made it, else indexed now.</summary>
    public static UnfilteredAddresses Indexed(IReadOnlyList<UnfilteredAddress> addresses) => addresses as UnfilteredAddresses ?? new UnfilteredAddresses(addresses);

    /// <summary>Whether every address of the block is in the list.</summary>
    public bool HoldsOnly(AclBlock block) => Full(block) is not null;

    /// <summary>
    /// The positions in the list of the addresses in the block, in list order: from the index when the block holds
    /// only unfiltered addresses (a few), else by reading the list.
    /// </summary>
    public IEnumerable<int> Within(AclBlock block)
    {
        if (Full(block) is { } positions)
        {
            return positions.OrderBy(i => i);
        }

        return Enumerable.Range(0, _addresses.Count).Where(i => block.Contains(_addresses[i].Address));
    }

    private List<int>? Full(AclBlock block)
    {
        var levels = _full[block.IsIpv6 ? 1 : 0];
        return block.Prefix >= 0 && block.Prefix < levels.Length && levels[block.Prefix] is { } level
            && level.TryGetValue(new Block(block.High, block.Low), out var positions) ? positions : null;
    }

    public UnfilteredAddress this[int index] => _addresses[index];

    public int Count => _addresses.Count;

    public IEnumerator<UnfilteredAddress> GetEnumerator() => _addresses.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A block's network as a lookup key (a class, as the model's other keys are: see README, Benchmarks).</summary>
    private sealed record Block(ulong High, ulong Low);
}
