using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Dual stack: the /64 each subnet takes from its VPC's Amazon-provided /56 (by index, since the
/// block is known only at deploy time), the addresses subnets assign, and IPv6 routes: the twins of
/// the IPv4 routing rules (a private subnet must not route ::/0 to an internet gateway) and what only
/// IPv6 has (egress-only internet gateways).
/// </summary>
internal static class Ipv6Rules
{
    /// <summary>A VPC's /56 holds 256 blocks of /64.</summary>
    public const int MaxIndex = 255;

    public static void Check(StackIndex index, List<Finding> findings)
    {
        CheckIndexes(index, findings);
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case SubnetSpec subnet:
                    CheckSubnet(index, subnet, findings);
                    break;
            }
        }

        // This stack's routes, of its own tables or (route records) of any table seen.
        foreach (var table in index.AllResources.OfType<RouteTableSpec>())
        {
            foreach (var route in index.RoutesOf(table).Where(r => index.IsLocal(r.Declared)))
            {
                if (index.TargetOf<EgressOnlyInternetGatewaySpec>(route) is { } gateway && !Ipv6.IsBlock(route.Route.Destination))
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.EgressOnlyRouteNotIpv6.Id, route.DestinationPath,
                        index.Display(table), route.Route.Destination, gateway.Name));
                }
            }
        }
    }

    /// <summary>Whether a route's destination is the IPv6 default route or another IPv6 block.</summary>
    public static bool IsIpv6Route(RouteSpec route) => Ipv6.IsBlock(route.Destination);

    private static void CheckSubnet(StackIndex index, SubnetSpec subnet, List<Finding> findings)
    {
        var path = subnet.Path;
        if (subnet.Ipv6Index != -1 && (subnet.Ipv6Index < 0 || subnet.Ipv6Index > MaxIndex))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.Ipv6IndexOutOfRange.Id, path.Child("ipv6Index"), Invariant.Format(subnet.Ipv6Index), subnet.Name));
        }

        if (subnet.HasIpv6 && index.Resolve<VpcSpec>(subnet.Vpc) is { } vpc)
        {
            if (!vpc.Ipv6)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.Ipv6SubnetWithoutVpcBlock.Id, path.Child("ipv6Index"), subnet.Name, index.Display(vpc)));
            }
            else if (!index.IsLocal(vpc))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.Ipv6SubnetOfImportedVpc.Id, path.Child("ipv6Index"), subnet.Name, index.Display(vpc)));
            }
        }

        if (subnet.AssignIpv6 && !subnet.HasIpv6)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.Ipv6AssignWithoutBlock.Id, path.Child("assignIpv6"), subnet.Name));
        }

        if (subnet.Exposure == SubnetKindSpec.Private)
        {
            CheckPrivateSubnet(index, subnet, findings);
        }

        if (subnet.AssignIpv6 && subnet.HasIpv6 && !index.TablesOf(subnet).Any(t => index.RoutesOf(t).Any(r => IsIpv6Route(r.Route))))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.Ipv6SubnetWithoutIpv6Route.Id, path.Child("assignIpv6"), subnet.Name));
        }
    }

    /// <summary>
    /// The rules of this family that read the routes of the stack's subnets' tables and that a route of another stack can
    /// break: a private subnet whose table sends an IPv6 destination to an internet gateway (TDSL253). Run again with the
    /// stacks that declare route records in the stack's tables or associate its subnets with tables of their own
    /// (<see cref="TopologyValidator.Routed"/>): another stack's <c>::/0</c> to the internet gateway lets the internet open
    /// connections to the subnet's instances as surely as the stack's own route would, and the finding's second place is
    /// that route's destination, in its own stack.
    /// </summary>
    /// <remarks>
    /// The subnet that assigns IPv6 addresses without an IPv6 route (TDSL254, a Warning) reports a route that is missing,
    /// which another stack's route could only supply: the stack's own view stands, since the stack deploys first and its
    /// template is what is checked (its instances boot with IPv6 addresses that reach only the VPC). A route to an
    /// egress-only internet gateway with an IPv4 destination (TDSL255) is reported in the stack that declares the route.
    /// </remarks>
    public static void CheckPaths(StackIndex index, List<Finding> findings)
    {
        foreach (var subnet in index.Stack.Resources.OfType<SubnetSpec>())
        {
            if (subnet.Exposure == SubnetKindSpec.Private)
            {
                CheckPrivateSubnet(index, subnet, findings);
            }
        }
    }

    /// <summary>A private subnet whose table sends an IPv6 destination to an internet gateway (TDSL253), the route's destination as the second place (in the stack that declares it).</summary>
    private static void CheckPrivateSubnet(StackIndex index, SubnetSpec subnet, List<Finding> findings)
    {
        foreach (var table in index.TablesOf(subnet))
        {
            foreach (var route in index.RoutesOf(table))
            {
                if (IsIpv6Route(route.Route) && index.TargetOf<InternetGatewaySpec>(route) is { } gateway)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.PrivateSubnetWithIpv6InternetRoute.Id, subnet.Path.Child("kind"), route.DestinationPath,
                        subnet.Name, index.Display(table), route.Route.Destination, index.Display(gateway)).RelatedIn(index.ForeignKey(route.Declared)));
                    return;
                }
            }
        }
    }

    /// <summary>Two subnets of a VPC with one /64 (TDSL143), with the next free index as the fix; subnets of other stacks count.</summary>
    private static void CheckIndexes(StackIndex index, List<Finding> findings)
    {
        var byVpc = new Dictionary<string, Dictionary<int, SubnetSpec>>(System.StringComparer.Ordinal);
        foreach (var subnet in index.AllResources.OfType<SubnetSpec>())
        {
            if (!subnet.HasIpv6 || subnet.Ipv6Index > MaxIndex || index.VpcOf(subnet) is not { } vpc)
            {
                continue;
            }

            if (!byVpc.TryGetValue(index.Key(vpc), out var taken))
            {
                byVpc.Add(index.Key(vpc), taken = []);
            }

            if (!taken.TryGetValue(subnet.Ipv6Index, out var first))
            {
                taken.Add(subnet.Ipv6Index, subnet);
                continue;
            }

            if (!index.IsLocal(subnet))
            {
                continue;
            }

            // The fix reserves its index, so that Fix All gives each duplicate its own.
            var free = Enumerable.Range(0, MaxIndex + 1).Where(i => !taken.ContainsKey(i) && !Taken(index, vpc, i)).Select(i => (int?)i).FirstOrDefault();
            var finding = new Finding(DiagnosticDescriptors.DuplicateIpv6Index.Id, subnet.Path.Child("ipv6Index"),
                new[] { subnet.Name, Invariant.Format(subnet.Ipv6Index), index.Display(vpc), index.Display(first) }.ToEquatableArray(),
                first.Path.Child("ipv6Index"), RelatedStack: index.ForeignKey(first));
            if (free is { } next)
            {
                taken.Add(next, subnet);
                finding = finding with { Suggestion = Invariant.Format(next) };
            }

            findings.Add(finding);
        }
    }

    private static bool Taken(StackIndex index, VpcSpec vpc, int ipv6Index) =>
        index.AllResources.OfType<SubnetSpec>().Any(s => s.Ipv6Index == ipv6Index && index.Same(index.VpcOf(s), vpc));
}
