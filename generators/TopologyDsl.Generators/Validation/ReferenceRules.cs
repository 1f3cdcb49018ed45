using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>References between resources and what the wiring means: one VPC per chain, one route table per subnet, routes out.</summary>
internal static class ReferenceRules
{
    public static void Check(StackIndex index, List<Finding> findings)
    {
        CheckTargets(index, findings);
        CheckWiring(index, findings);
        CheckRouting(index, findings);
    }

    private static void CheckTargets(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            var path = resource.Path;
            switch (resource)
            {
                case SubnetSpec s:
                    Expect<VpcSpec>(index, s.Name, s.Vpc, "VPC", path.Child("vpc"), findings);
                    break;
                case InternetGatewaySpec g:
                    Expect<VpcSpec>(index, g.Name, g.Vpc, "VPC", path.Child("vpc"), findings);
                    break;
                case NatGatewaySpec n:
                    Expect<SubnetSpec>(index, n.Name, n.Subnet, "subnet", path.Child("subnet"), findings);
                    break;
                case RouteTableSpec t:
                    Expect<VpcSpec>(index, t.Name, t.Vpc, "VPC", path.Child("vpc"), findings);
                    ExpectEach<SubnetSpec>(index, t.Name, t.Associations, "subnet", path, "associate", "subnet", findings);

                    for (var i = 0; i < t.Routes.Count; i++)
                    {
                        ExpectRouteTarget(index, t.Name, t.Routes[i].Target, path.Item("route", i).Child("target"), findings);
                    }

                    break;
                case RouteResourceSpec r:
                    Expect<RouteTableSpec>(index, r.Name, r.RouteTable, "route table", path.Child("routeTable"), findings);
                    ExpectRouteTarget(index, r.Name, r.Route.Target, path.Child("target"), findings);
                    break;
                case TransitGatewayEntrySpec e:
                    Expect<TransitGatewayRouteTableSpec>(index, e.Name, e.RouteTable, "transit gateway route table", path.Child("routeTable"), findings);
                    Expect<TransitGatewayAttachmentSpec>(index, e.Name, e.Attachment, "transit gateway attachment", path.Child("attachment"), findings);
                    break;
                case SecurityGroupSpec g:
                    Expect<VpcSpec>(index, g.Name, g.Vpc, "VPC", path.Child("vpc"), findings);
                    for (var i = 0; i < g.Ingress.Count; i++)
                    {
                        if (g.Ingress[i].PeerGroup is { } source)
                        {
                            Expect<SecurityGroupSpec>(index, g.Name, source, "security group", path.Item("ingress", i).Child("source"), findings);
                        }
                    }

                    for (var i = 0; i < g.Egress.Count; i++)
                    {
                        if (g.Egress[i].PeerGroup is { } destination)
                        {
                            Expect<SecurityGroupSpec>(index, g.Name, destination, "security group", path.Item("egress", i).Child("destination"), findings);
                        }
                    }

                    break;
                case NetworkAclSpec acl:
                    Expect<VpcSpec>(index, acl.Name, acl.Vpc, "VPC", path.Child("vpc"), findings);
                    ExpectEach<SubnetSpec>(index, acl.Name, acl.Associations, "subnet", path, "associate", "subnet", findings);
                    break;
                case EgressOnlyInternetGatewaySpec e:
                    Expect<VpcSpec>(index, e.Name, e.Vpc, "VPC", path.Child("vpc"), findings);
                    break;
                case VpcPeeringSpec p:
                    Expect<VpcSpec>(index, p.Name, p.Vpc, "VPC", path.Child("vpc"), findings);
                    if (p.Peer is { } peer)
                    {
                        Expect<VpcSpec>(index, p.Name, peer, "VPC", path.Child("peer"), findings);
                    }

                    break;
                case TransitGatewayAttachmentSpec a:
                    Expect<TransitGatewaySpec>(index, a.Name, a.TransitGateway, "transit gateway", path.Child("transitGateway"), findings);
                    Expect<VpcSpec>(index, a.Name, a.Vpc, "VPC", path.Child("vpc"), findings);
                    ExpectEach<SubnetSpec>(index, a.Name, a.Subnets, "subnet", path, "subnet", "subnet", findings);

                    break;
                case TransitGatewayRouteTableSpec t:
                    Expect<TransitGatewaySpec>(index, t.Name, t.TransitGateway, "transit gateway", path.Child("transitGateway"), findings);
                    ExpectEach<TransitGatewayAttachmentSpec>(index, t.Name, t.Associations, "transit gateway attachment", path, "associate", "attachment", findings);
                    ExpectEach<TransitGatewayAttachmentSpec>(index, t.Name, t.Propagations, "transit gateway attachment", path, "propagate", "attachment", findings);

                    for (var k = 0; k < t.Routes.Count; k++)
                    {
                        Expect<TransitGatewayAttachmentSpec>(index, t.Name, t.Routes[k].Attachment, "transit gateway attachment", path.Item("route", k).Child("attachment"), findings);
                    }

                    break;
                case GatewayEndpointSpec e:
                    Expect<VpcSpec>(index, e.Name, e.Vpc, "VPC", path.Child("vpc"), findings);
                    ExpectEach<RouteTableSpec>(index, e.Name, e.RouteTables, "route table", path, "routeTable", "routeTable", findings);

                    break;
                case InterfaceEndpointSpec e:
                    Expect<VpcSpec>(index, e.Name, e.Vpc, "VPC", path.Child("vpc"), findings);
                    ExpectEach<SubnetSpec>(index, e.Name, e.Subnets, "subnet", path, "subnet", "subnet", findings);
                    ExpectEach<SecurityGroupSpec>(index, e.Name, e.SecurityGroups, "security group", path, "uses", "group", findings);

                    break;
                case InstanceSpec i:
                    Expect<SubnetSpec>(index, i.Name, i.Subnet, "subnet", path.Child("subnet"), findings);
                    ExpectEach<SecurityGroupSpec>(index, i.Name, i.SecurityGroups, "security group", path, "uses", "group", findings);
                    ExpectEach<SecretSpec>(index, i.Name, i.Secrets, "secret", path, "readsSecret", "secret", findings);

                    if (i.SshVia is { } host)
                    {
                        Expect<InstanceSpec>(index, i.Name, host, "instance", path.Item("sshVia", 0).Child("host"), findings);
                    }

                    break;
            }
        }
    }

    private static void ExpectRouteTarget(StackIndex index, string from, RefSpec target, ModelPath path, List<Finding> findings)
    {
        if (!target.IsError && index.Resolve<InternetGatewaySpec>(target) is null && index.Resolve<NatGatewaySpec>(target) is null
            && index.Resolve<VpcPeeringSpec>(target) is null && index.Resolve<TransitGatewaySpec>(target) is null
            && index.Resolve<EgressOnlyInternetGatewaySpec>(target) is null)
        {
            Report(index, from, target, "route target (internet gateway, NAT gateway, peering connection, transit gateway or egress-only internet gateway)", path, findings);
        }
    }

    private static void Expect<T>(StackIndex index, string from, RefSpec reference, string kind, ModelPath path, List<Finding> findings)
        where T : ResourceSpec
    {
        if (!reference.IsError && index.Resolve<T>(reference) is null)
        {
            Report(index, from, reference, kind, path, findings);
        }
    }

    /// <summary><see cref="Expect{T}"/> for each reference of a list, each at <c>segment[k]/child</c>.</summary>
    private static void ExpectEach<T>(StackIndex index, string from, IReadOnlyList<RefSpec> references, string kind, ModelPath path, string segment, string child,
        List<Finding> findings)
        where T : ResourceSpec
    {
        for (var k = 0; k < references.Count; k++)
        {
            Expect<T>(index, from, references[k], kind, path.Item(segment, k).Child(child), findings);
        }
    }

    private static void Report(StackIndex index, string from, RefSpec reference, string kind, ModelPath path, List<Finding> findings) =>
        findings.Add(Finding.Create(DiagnosticDescriptors.NotAResourceOfStack.Id, path, from, reference.Display, kind,
            reference.Stack is { } other && other != index.Stack.Key ? index.Others.FirstOrDefault(o => o.Key == other)?.StackName ?? StackSpec.ClassOf(other) : index.Stack.StackName));

    /// <summary>
    /// One VPC per chain of references, one internet gateway per VPC, one route table per subnet. The
    /// resources of imported stacks count too (a subnet of the network stack associated again in an
    /// application stack), and a conflict with them is reported in this stack.
    /// </summary>
    private static void CheckWiring(StackIndex index, List<Finding> findings)
    {
        var tableOfSubnet = new Dictionary<string, (ResourceSpec Owner, ModelPath Path)>(System.StringComparer.Ordinal);
        var aclOfSubnet = new Dictionary<string, (ResourceSpec Owner, ModelPath Path)>(System.StringComparer.Ordinal);
        var gatewayOfVpc = new Dictionary<string, InternetGatewaySpec>(System.StringComparer.Ordinal);

        foreach (var resource in index.AllResources)
        {
            var local = index.IsLocal(resource);
            switch (resource)
            {
                case InternetGatewaySpec gateway when index.ResolveFrom<VpcSpec>(gateway, gateway.Vpc) is { } vpc:
                    if (gatewayOfVpc.TryGetValue(index.Key(vpc), out var first))
                    {
                        if (local)
                        {
                            findings.Add(new Finding(DiagnosticDescriptors.SeveralInternetGateways.Id, gateway.Path.Child("vpc"),
                                new[] { gateway.Name, index.Display(vpc), index.Display(first) }.ToEquatableArray(), first.Path, RelatedStack: index.ForeignKey(first)));
                        }
                    }
                    else
                    {
                        gatewayOfVpc.Add(index.Key(vpc), gateway);
                    }

                    break;

                case RouteTableSpec table:
                    var tableVpc = index.ResolveFrom<VpcSpec>(table, table.Vpc);
                    Associations(index, table, tableVpc, table.Associations, tableOfSubnet, DiagnosticDescriptors.SubnetInSeveralRouteTables.Id, local, findings);

                    // This stack's routes of the table, whichever stack holds the table (route records).
                    foreach (var route in index.RoutesOf(table).Where(r => index.IsLocal(r.Declared)))
                    {
                        var target = (ResourceSpec?)index.TargetOf<InternetGatewaySpec>(route) ?? (ResourceSpec?)index.TargetOf<NatGatewaySpec>(route)
                            ?? index.TargetOf<EgressOnlyInternetGatewaySpec>(route);
                        if (target is not null)
                        {
                            SameVpc(index, route.Declared, tableVpc, target, route.TargetPath, findings);
                        }
                    }

                    break;

                case NetworkAclSpec acl:
                    // One network ACL per subnet, of the subnet's own VPC (the resources of imported stacks count).
                    Associations(index, acl, index.ResolveFrom<VpcSpec>(acl, acl.Vpc), acl.Associations, aclOfSubnet, DiagnosticDescriptors.SubnetInSeveralAcls.Id, local, findings);
                    break;

                case SecurityGroupSpec group when local:
                    var groupVpc = index.Resolve<VpcSpec>(group.Vpc);
                    for (var i = 0; i < group.Ingress.Count; i++)
                    {
                        if (index.Resolve<SecurityGroupSpec>(group.Ingress[i].PeerGroup) is { } source)
                        {
                            SameVpcOrPeered(index, group, groupVpc, source, group.Path.Item("ingress", i).Child("source"), findings);
                        }
                    }

                    for (var i = 0; i < group.Egress.Count; i++)
                    {
                        if (index.Resolve<SecurityGroupSpec>(group.Egress[i].PeerGroup) is { } destination)
                        {
                            SameVpcOrPeered(index, group, groupVpc, destination, group.Path.Item("egress", i).Child("destination"), findings);
                        }
                    }

                    break;

                case InstanceSpec instance when local:
                    var instanceVpc = index.VpcOf(instance);
                    for (var i = 0; i < instance.SecurityGroups.Count; i++)
                    {
                        if (index.Resolve<SecurityGroupSpec>(instance.SecurityGroups[i]) is { } group)
                        {
                            SameVpc(index, instance, instanceVpc, group, instance.Path.Item("uses", i).Child("group"), findings);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>A group-to-group rule may name a group of a VPC peered with the group's own (AWS allows it within a region).</summary>
    /// <summary>
    /// The subnet associations of a route table or a network ACL: each subnet of the owner's VPC, and
    /// in one owner of its kind only (the first association wins; a later one is reported, at this
    /// stack's argument, naming the earlier owner). Owners of imported stacks count, unreported.
    /// </summary>
    private static void Associations(StackIndex index, ResourceSpec owner, VpcSpec? ownerVpc, EquatableArray<RefSpec> associations,
        Dictionary<string, (ResourceSpec Owner, ModelPath Path)> ownerOfSubnet, string severalId, bool local, List<Finding> findings)
    {
        for (var i = 0; i < associations.Count; i++)
        {
            var path = owner.Path.Item("associate", i).Child("subnet");
            if (index.ResolveFrom<SubnetSpec>(owner, associations[i]) is not { } subnet)
            {
                continue;
            }

            if (local)
            {
                SameVpc(index, owner, ownerVpc, subnet, path, findings);
            }

            if (!ownerOfSubnet.TryGetValue(index.Key(subnet), out var earlier))
            {
                ownerOfSubnet.Add(index.Key(subnet), (owner, path));
            }
            else if (local)
            {
                findings.Add(new Finding(severalId, path,
                    new[] { index.Display(subnet), index.Display(earlier.Owner), owner.Name }.ToEquatableArray(),
                    earlier.Path, RelatedStack: index.ForeignKey(earlier.Owner)));
            }
        }
    }

    private static void SameVpcOrPeered(StackIndex index, SecurityGroupSpec owner, VpcSpec? ownerVpc, SecurityGroupSpec other, ModelPath path, List<Finding> findings)
    {
        if (ownerVpc is not null && index.VpcOf(other) is { } otherVpc && index.PeeringsBetween(ownerVpc, otherVpc).Any())
        {
            return;
        }

        SameVpc(index, owner, ownerVpc, other, path, findings);
    }

    public static void SameVpc(StackIndex index, ResourceSpec owner, VpcSpec? ownerVpc, ResourceSpec other, ModelPath path, List<Finding> findings)
    {
        var otherVpc = index.VpcOf(other);
        if (ownerVpc is not null && otherVpc is not null && !index.Same(ownerVpc, otherVpc))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.CrossVpcReference.Id, path, owner.Name, index.Display(ownerVpc), index.Display(other), index.Display(otherVpc)));
        }
    }

    /// <summary>
    /// The rules of this family that read the routes of the stack's subnets' tables and that a route of another stack can
    /// break: a private subnet whose table sends an IPv4 destination to an internet gateway (TDSL213). Run again with the
    /// stacks that declare route records in the stack's tables or associate its subnets with tables of their own
    /// (<see cref="TopologyValidator.Routed"/>): another stack's <c>0.0.0.0/0</c> to the internet gateway makes the subnet
    /// public as surely as the stack's own route would, and the finding's second place is that route's destination, in
    /// its own stack. A subnet the stack's own view associates keeps that table (<see cref="StackIndex.TablesOf"/>): a
    /// second association, in another stack, is that stack's TDSL206.
    /// </summary>
    /// <remarks>
    /// The other route rules of this family report a route that is missing, which another stack's route could only
    /// supply, and they keep the stack's own view, which deploys first and whose template is what is checked:
    /// <list type="bullet">
    /// <item>TDSL208 (a NAT gateway whose subnet does not route to an internet gateway) is an Error and stays one. Until
    /// the other stack deploys, whatever the stack routes to the NAT gateway has no way out (boot scripts, signals,
    /// Session Manager); and when the internet gateway is the other stack's too, the VPC has none attached when the NAT
    /// gateway is created, which EC2 fails with Gateway.NotAttached (EC2 API Reference, NatGateway, failureCode), so
    /// the stack's deployment fails. The route belongs in the stack that holds the table.</item>
    /// <item>TDSL212 (a public subnet without such a route), TDSL209 and TDSL339 (a public or Elastic IP whose subnet
    /// has none) are Warnings about the stack's own template: it deploys with that subnet cut off from the internet,
    /// and an Elastic IP in a VPC without an internet gateway fails to associate (Gateway.NotAttached). They stand.</item>
    /// </list>
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

    /// <summary>
    /// A private subnet whose table sends an IPv4 destination to an internet gateway (TDSL213), the route's destination as
    /// the second place (in the stack that declares it). IPv4 routes only: ::/0 to an internet gateway is TDSL253 (Ipv6Rules).
    /// </summary>
    private static void CheckPrivateSubnet(StackIndex index, SubnetSpec subnet, List<Finding> findings)
    {
        foreach (var table in index.TablesOf(subnet))
        {
            foreach (var route in index.RoutesOf(table))
            {
                if (!Ipv6.IsBlock(route.Route.Destination) && index.TargetOf<InternetGatewaySpec>(route) is { } gateway)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.PrivateSubnetWithInternetRoute.Id, subnet.Path.Child("kind"), route.DestinationPath,
                        subnet.Name, index.Display(table), index.Display(gateway)).RelatedIn(index.ForeignKey(route.Declared)));
                    return;
                }
            }
        }
    }

    private static void CheckRouting(StackIndex index, List<Finding> findings)
    {
        foreach (var resource in index.Stack.Resources)
        {
            switch (resource)
            {
                case NatGatewaySpec nat when index.Resolve<SubnetSpec>(nat.Subnet) is { } subnet && !index.RoutesToInternet(subnet):
                    findings.Add(Finding.Create(DiagnosticDescriptors.NatGatewayWithoutInternetRoute.Id, nat.Path.Child("subnet"), nat.Name, subnet.Name));
                    break;
                case SubnetSpec { Exposure: SubnetKindSpec.Public } subnet when !index.RoutesToInternet(subnet):
                    findings.Add(Finding.Create(DiagnosticDescriptors.PublicSubnetWithoutInternetRoute.Id, subnet.Path.Child("kind"), subnet.Name));
                    break;
                case SubnetSpec { Exposure: SubnetKindSpec.Private } subnet:
                    CheckPrivateSubnet(index, subnet, findings);
                    break;
                case InstanceSpec instance:
                    if (instance.PublicIp && index.Resolve<SubnetSpec>(instance.Subnet) is { } home && !index.RoutesToInternet(home))
                    {
                        // An Elastic IP says so in its own terms (and implies PublicIp, which the user may not have written).
                        findings.Add(instance.ElasticIp
                            ? Finding.Create(DiagnosticDescriptors.ElasticIpUnreachable.Id, instance.Path.Child("elasticIp"), instance.Name, home.Name)
                            : Finding.Create(DiagnosticDescriptors.PublicIpWithoutInternetRoute.Id, instance.Path.Child("publicIp"), instance.Name, home.Name));
                    }

                    if (index.Resolve<InstanceSpec>(instance.SshVia) is { PublicIp: false } host)
                    {
                        findings.Add(Finding.Create(DiagnosticDescriptors.JumpHostWithoutPublicIp.Id, instance.Path.Item("sshVia", 0).Child("host"), instance.Name, host.Name));
                    }

                    break;
            }
        }
    }
}
