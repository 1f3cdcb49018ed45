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
    /// </summary>
    public static IReadOnlyList<UnfilteredAddress> Of(StackIndex index, VpcSpec? vpc)
    {
        if (vpc is null)
        {
            return Shared;
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

        return addresses;
    }

    /// <summary>
    /// Whether every address of <paramref name="block"/> is one network ACLs do not filter. A block that
    /// also holds an ordinary address (169.254.169.252/30 holds .252 and .255 besides the DNS server and the
    /// metadata service; 169.254.0.0/16 and 0.0.0.0/0 hold many) is filtered: the rules decide for those
    /// addresses, so the rules matter.
    /// </summary>
    public static bool HoldsOnly(IReadOnlyList<UnfilteredAddress> addresses, AclBlock block)
    {
        var bits = (block.IsIpv6 ? 128 : 32) - block.Prefix;
        var family = addresses.Where(a => a.Address.IsIpv6 == block.IsIpv6).Select(a => (a.Address.High, a.Address.Low)).Distinct().ToList();

        // A block of more addresses than there are unfiltered ones of its family holds an ordinary one.
        if (bits >= 31 || (1L << bits) > family.Count)
        {
            return false;
        }

        var set = new HashSet<(ulong, ulong)>(family);
        for (var i = 0UL; i < 1UL << bits; i++)
        {
            if (!set.Contains((block.High, block.Low | i)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The service behind a block that holds only unfiltered addresses, in words ("the instance metadata service"; two or more joined with "and").</summary>
    public static string Describe(IReadOnlyList<UnfilteredAddress> addresses, AclBlock block)
    {
        var services = addresses.Where(a => block.Contains(a.Address)).Select(a => a.Service).Distinct().ToList();
        return services.Count <= 1 ? services.FirstOrDefault() ?? "" : string.Join(", ", services.Take(services.Count - 1)) + " and " + services[services.Count - 1];
    }
}
