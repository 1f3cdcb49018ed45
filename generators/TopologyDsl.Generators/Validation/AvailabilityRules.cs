using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Designs that tie one availability zone's traffic to another zone.</summary>
internal static class AvailabilityRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        foreach (var table in index.Stack.Resources.OfType<RouteTableSpec>())
        {
            foreach (var route in index.RoutesOf(table))
            {
                if (index.TargetOf<NatGatewaySpec>(route) is not { } nat || index.ResolveFrom<SubnetSpec>(nat, nat.Subnet) is not { } natSubnet)
                {
                    continue;
                }

                for (var a = 0; a < table.Associations.Count; a++)
                {
                    // Only zones named in one form compare: zone 0 may or may not be us-east-1a, and a name is another zone ID in each account.
                    if (index.Resolve<SubnetSpec>(table.Associations[a]) is { } subnet && subnet.OtherZone(natSubnet))
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.NatGatewayInAnotherZone.Id, table.Path.Item("associate", a),
                            subnet.Name, subnet.ZoneText, nat.Name, natSubnet.ZoneText));
                    }
                }
            }
        }
    }
}
