using System.Collections.Generic;
using System.Linq;
using System.Text;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Emit;

/// <summary>
/// The Markdown that <c>synth</c> writes beside each template: a Mermaid picture of the network
/// (VPCs, zones, subnets with their blocks, gateways, route targets, instances with their addresses and data volumes)
/// and the reachability matrix. Rendered here, from the same spec and reachability model the
/// analyzer checks, and handed to the runtime as finished text: the runtime knows nothing of routes
/// or security groups beyond what it writes, and one pure function is simple to snapshot. Ordered by
/// declaration and by the model's sort, so the same code gives the same bytes.
/// </summary>
internal static class Overview
{
    public static string Render(StackIndex index)
    {
        var stack = index.Stack;
        var b = new StringBuilder();
        b.Append("# Stack ").Append(stack.StackName).Append("\n\n");
        if (stack.Description is { Length: > 0 } description)
        {
            b.Append(Cell(description)).Append("\n\n");
        }

        b.Append("Written by `synth` from the stack's code, beside its template, and checked by `synth --check`; do not edit.\n\n");
        b.Append("## Network\n\n```mermaid\n");
        Diagram(index, b);
        b.Append("```\n\n");
        Acls(index, b);
        b.Append("## Who can reach whom\n\n");
        Matrix(index, b);
        BlocksInsideVpcs(index, b);
        Services(index, b);
        RouteRecords(index, b);
        GatewayTableRecords(index, b);
        RoutesOfOthers(index, b);
        TablesOfOthers(index, b);
        return b.ToString();
    }

    /// <summary>
    /// The routes other stacks declare on their own records in the route tables this stack's paths take (its own
    /// tables and those of its instances' subnets): its template does not hold them (their stacks create them), but
    /// the matrix counts them.
    /// </summary>
    private static void RoutesOfOthers(StackIndex index, StringBuilder b)
    {
        var tables = index.Stack.Resources.OfType<RouteTableSpec>()
            .Concat(index.Stack.Resources.OfType<InstanceSpec>().SelectMany(i => index.ResolveFrom<SubnetSpec>(i, i.Subnet) is { } subnet ? index.TablesOf(subnet) : []))
            .Distinct(ReferenceComparer.Instance).Cast<RouteTableSpec>();
        var routes = tables.SelectMany(index.RoutesOf).Where(r => r.Declared is RouteResourceSpec && !index.IsLocal(r.Declared)).ToList();
        if (routes.Count == 0)
        {
            return;
        }

        b.Append("\n## Routes other stacks declare on this stack's paths\n\n");
        b.Append("Route records of other stacks in this stack's route tables or those of its instances' subnets. Their stacks create them; the matrix above counts them.\n\n");
        b.Append("| Route | Route table | Destination | Target |\n| --- | --- | --- | --- |\n");
        foreach (var route in routes)
        {
            var target = index.TargetOf<ResourceSpec>(route);
            b.Append("| ").Append(Cell(index.Display(route.Declared)))
                .Append(" | ").Append(Cell(index.Display(route.Table)))
                .Append(" | ").Append(Cell(route.Route.Destination))
                .Append(" | ").Append(Cell(target is null ? route.Route.Target.Display : index.Display(target))).Append(" |\n");
        }
    }

    /// <summary>
    /// The subnets of this stack, and those of its instances, whose route table is another stack's: no table of this stack
    /// or of the stacks it imports from associates them, and a stack that deploys later does (<see cref="StackIndex.IsLater"/>).
    /// Its template does not hold that association, but the matrix counts the table's routes.
    /// </summary>
    private static void TablesOfOthers(StackIndex index, StringBuilder b)
    {
        var subnets = index.Stack.Resources.OfType<SubnetSpec>()
            .Concat(index.Stack.Resources.OfType<InstanceSpec>().Select(i => index.ResolveFrom<SubnetSpec>(i, i.Subnet)).OfType<SubnetSpec>())
            .Distinct(ReferenceComparer.Instance).Cast<SubnetSpec>()
            .Where(s => index.TablesOf(s).Any(index.IsLater)).ToList();
        if (subnets.Count == 0)
        {
            return;
        }

        b.Append("\n## Subnets on other stacks' route tables\n\n");
        b.Append("Subnets of this stack or of its instances that only a route table of another stack associates. That stack creates the association, after this one; the matrix above counts its routes.\n\n");
        b.Append("| Subnet | Route table | Routes |\n| --- | --- | --- |\n");
        foreach (var subnet in subnets)
        {
            foreach (var table in index.TablesOf(subnet).Where(index.IsLater))
            {
                var routes = index.RoutesOf(table).Select(r => r.Route.Destination + " to "
                    + (index.TargetOf<ResourceSpec>(r) is { } target ? index.Display(target) : r.Route.Target.Display)).ToList();
                b.Append("| ").Append(Cell(index.Display(subnet)))
                    .Append(" | ").Append(Cell(index.Display(table)))
                    .Append(" | ").Append(Cell(routes.Count == 0 ? "the VPC's local route only" : string.Join(", ", routes))).Append(" |\n");
            }
        }
    }

    /// <summary>
    /// The routes this stack declares on their own records ([Route&lt;TRouteTable, TTarget&gt;]), which
    /// the picture does not show when their table is another stack's: table, destination, target.
    /// </summary>
    private static void RouteRecords(StackIndex index, StringBuilder b)
    {
        var records = index.Stack.Resources.OfType<RouteResourceSpec>().ToList();
        if (records.Count == 0)
        {
            return;
        }

        b.Append("\n## Routes declared on their own records\n\n");
        b.Append("This stack creates these routes, in route tables of its own or of the stacks it imports from.\n\n");
        b.Append("| Route | Route table | VPC | Destination | Target |\n| --- | --- | --- | --- | --- |\n");
        foreach (var record in records)
        {
            var table = index.ResolveFrom<RouteTableSpec>(record, record.RouteTable);
            var vpc = index.VpcOf(record);
            b.Append("| ").Append(Cell(record.Name))
                .Append(" | ").Append(Cell(table is null ? record.RouteTable.Display : index.Display(table)))
                .Append(" | ").Append(Cell(vpc is null ? "" : index.Display(vpc)))
                .Append(" | ").Append(Cell(record.Route.Destination))
                .Append(" | ").Append(Cell(record.Route.Target.Display)).Append(" |\n");
        }
    }

    /// <summary>
    /// The associations and propagations this stack declares on their own records ([AssociateAttachment&lt;TTable,
    /// TAttachment&gt;], [Propagate&lt;TTable, TAttachment&gt;]), which the picture does not show: table, attachment, VPC.
    /// </summary>
    private static void GatewayTableRecords(StackIndex index, StringBuilder b)
    {
        var records = index.Stack.Resources.OfType<TransitGatewayEntrySpec>().ToList();
        if (records.Count == 0)
        {
            return;
        }

        b.Append("\n## Transit gateway associations and propagations declared on their own records\n\n");
        b.Append("This stack creates these, in transit gateway route tables of its own or of the stacks it imports from.\n\n");
        b.Append("| Record | Kind | Transit gateway route table | Attachment | VPC |\n| --- | --- | --- | --- | --- |\n");
        foreach (var record in records)
        {
            var table = index.ResolveFrom<TransitGatewayRouteTableSpec>(record, record.RouteTable);
            var attachment = index.ResolveFrom<TransitGatewayAttachmentSpec>(record, record.Attachment);
            var vpc = attachment is null ? null : index.VpcOf(attachment);
            b.Append("| ").Append(Cell(record.Name))
                .Append(" | ").Append(record.Propagates ? "propagation" : "association")
                .Append(" | ").Append(Cell(table is null ? record.RouteTable.Display : index.Display(table)))
                .Append(" | ").Append(Cell(attachment is null ? record.Attachment.Display : index.Display(attachment)))
                .Append(" | ").Append(Cell(vpc is null ? "" : index.Display(vpc))).Append(" |\n");
        }
    }

    private static void Diagram(StackIndex index, StringBuilder b)
    {
        // What the stack declares, and the imported VPCs and subnets its resources live in (drawn with
        // their stack class's name), so an application stack shows where its servers are.
        var resources = index.Stack.Resources;
        var instances = resources.OfType<InstanceSpec>().ToList();
        var volumes = resources.OfType<DataVolumeSpec>().ToList();
        var nats = resources.OfType<NatGatewaySpec>().ToList();
        // Each subnet's NAT gateways and instances and each instance's volumes, found by key rather than
        // by searching every resource for every subnet (which grew with the square of the stack).
        var natsBySubnet = nats.ToLookup(n => KeyOf(index, index.ResolveFrom<SubnetSpec>(n, n.Subnet)));
        var instancesBySubnet = instances.ToLookup(i => KeyOf(index, index.ResolveFrom<SubnetSpec>(i, i.Subnet)));
        var volumesByInstance = volumes.ToLookup(v => KeyOf(index, index.ResolveFrom<InstanceSpec>(v, v.Instance)));
        var subnets = resources.OfType<SubnetSpec>()
            .Concat(instances.Select(i => index.ResolveFrom<SubnetSpec>(i, i.Subnet)))
            .Concat(nats.Select(n => index.ResolveFrom<SubnetSpec>(n, n.Subnet)))
            .Concat(resources.OfType<InterfaceEndpointSpec>().SelectMany(e => e.Subnets.Select(x => index.ResolveFrom<SubnetSpec>(e, x))))
            .Where(s => s is not null).Select(s => s!).Distinct(ReferenceComparer.Instance).Cast<SubnetSpec>().ToList();
        var vpcs = index.AllResources.OfType<VpcSpec>()
            .Where(v => index.IsLocal(v) || subnets.Any(s => index.Same(index.VpcOf(s), v))
                || resources.OfType<GatewayEndpointSpec>().Any(e => index.Same(index.ResolveFrom<VpcSpec>(e, e.Vpc), v))).ToList();
        var gateways = resources.OfType<InternetGatewaySpec>().ToList();
        b.Append("flowchart TB\n");
        if (gateways.Count > 0 || instances.Any(i => i.PublicIp) || resources.OfType<EgressOnlyInternetGatewaySpec>().Any())
        {
            b.Append("  internet((\"Internet\"))\n");
        }

        foreach (var vpc in vpcs)
        {
            var blocks = string.Join(", ", new[] { vpc.CidrBlock }.Concat(vpc.SecondaryCidrBlocks)) + (vpc.Ipv6 ? " + IPv6 /56" : "");
            b.Append("  subgraph ").Append(Id(index, vpc)).Append("[\"VPC ").Append(Label(index.Display(vpc))).Append(" ").Append(Label(blocks)).Append("\"]\n");
            b.Append("    direction TB\n");
            foreach (var gateway in gateways.Where(g => index.Same(index.VpcOf(g), vpc)))
            {
                b.Append("    ").Append(Id(index, gateway)).Append("{{\"internet gateway ").Append(Label(gateway.Name)).Append("\"}}\n");
            }

            foreach (var gateway in resources.OfType<EgressOnlyInternetGatewaySpec>().Where(g => index.Same(index.Resolve<VpcSpec>(g.Vpc), vpc)))
            {
                b.Append("    ").Append(Id(index, gateway)).Append("{{\"egress-only internet gateway ").Append(Label(gateway.Name)).Append("\"}}\n");
            }

            foreach (var endpoint in resources.OfType<GatewayEndpointSpec>().Where(e => index.Same(index.Resolve<VpcSpec>(e.Vpc), vpc)))
            {
                b.Append("    ").Append(Id(index, endpoint)).Append("[(\"gateway endpoint ").Append(Label(index.Display(endpoint))).Append("<br/>").Append(Label(endpoint.Service)).Append("\")]\n");
            }

            foreach (var endpoint in resources.OfType<InterfaceEndpointSpec>().Where(e => index.Same(index.Resolve<VpcSpec>(e.Vpc), vpc)))
            {
                b.Append("    ").Append(Id(index, endpoint)).Append(">\"interface endpoint ").Append(Label(index.Display(endpoint))).Append("<br/>").Append(Label(endpoint.Service))
                    .Append(endpoint.PrivateDns ? ", private DNS" : "").Append("\"]\n");
            }

            var mine = subnets.Where(s => index.Same(index.VpcOf(s), vpc)).ToList();
            // Zones by index first (in index order), then by name, then by ID; a zone named in two forms shows twice.
            var zones = mine.Select(s => new Zone(s.ZoneForm, s.Zone, s.ZoneText)).Distinct()
                .OrderBy(z => z.ZoneForm).ThenBy(z => z.ZoneForm == ZoneForm.Index ? z.Index : 0).ThenBy(z => z.ZoneText, System.StringComparer.Ordinal).ToList();
            foreach (var zone in zones)
            {
                var zoneId = zone.ZoneForm == ZoneForm.Index ? Invariant.Format(zone.Index) : zone.ZoneText.Replace('-', '_');
                b.Append("    subgraph ").Append(Id(index, vpc)).Append("_zone").Append(zoneId).Append("[\"zone ").Append(Label(zone.ZoneText)).Append("\"]\n");
                foreach (var subnet in mine.Where(s => s.ZoneForm == zone.ZoneForm && s.ZoneText == zone.ZoneText))
                {
                    var kind = subnet.Exposure switch
                    {
                        SubnetKindSpec.Public => " public",
                        SubnetKindSpec.Private => " private",
                        _ => "",
                    };
                    var ipv6 = subnet.HasIpv6 ? " + IPv6 /64 #" + Invariant.Format(subnet.Ipv6Index) : "";
                    var acl = index.AclsOf(subnet).FirstOrDefault() is { } filter ? ", ACL " + index.Display(filter) : "";
                    b.Append("      subgraph ").Append(Id(index, subnet)).Append("[\"subnet ").Append(Label(index.Display(subnet))).Append(" ").Append(Label(subnet.CidrBlock)).Append(Label(ipv6)).Append(kind).Append(Label(acl)).Append("\"]\n");
                    foreach (var nat in natsBySubnet[index.Key(subnet)])
                    {
                        b.Append("        ").Append(Id(index, nat)).Append("[/\"NAT gateway ").Append(Label(nat.Name)).Append("\"/]\n");
                    }

                    foreach (var instance in instancesBySubnet[index.Key(subnet)])
                    {
                        // The address (or that EC2 assigns one), the public address, and the data volumes with device and size.
                        b.Append("        ").Append(Id(index, instance)).Append("[\"").Append(Label(instance.Name)).Append("<br/>")
                            .Append(instance.AssignedIp ? "address from EC2" : Label(instance.PrivateIp))
                            .Append(instance.ElasticIp ? " + Elastic IP" : instance.PublicIp ? " + public IP" : "")
                            .Append(subnet.HasIpv6 && subnet.AssignIpv6 ? " + IPv6" : "");
                        foreach (var volume in volumesByInstance[index.Key(instance)])
                        {
                            b.Append("<br/>volume ").Append(Label(volume.Name)).Append(' ').Append(Label(volume.Device)).Append(' ')
                                .Append(Invariant.Format(volume.Size)).Append(" GiB");
                        }

                        b.Append("\"]\n");
                    }

                    b.Append("      end\n");
                }

                b.Append("    end\n");
            }

            b.Append("  end\n");
        }

        // Transit gateways with an attachment to a VPC drawn here.
        var attachments = index.AllResources.OfType<TransitGatewayAttachmentSpec>()
            .Where(a => vpcs.Any(v => index.Same(index.VpcOf(a), v)) && index.ResolveFrom<TransitGatewaySpec>(a, a.TransitGateway) is not null).ToList();
        var hubs = index.AllResources.OfType<TransitGatewaySpec>()
            .Where(t => attachments.Any(a => index.Same(index.ResolveFrom<TransitGatewaySpec>(a, a.TransitGateway), t))).ToList();
        foreach (var hub in hubs)
        {
            b.Append("  ").Append(Id(index, hub)).Append("{{\"transit gateway ").Append(Label(index.Display(hub))).Append("\"}}\n");
        }

        // Links: the internet to its gateways, peering connections and attachments between VPCs, then
        // each subnet's routes, labelled with table and destination.
        foreach (var gateway in gateways.Where(g => index.VpcOf(g) is not null))
        {
            b.Append("  internet <--> ").Append(Id(index, gateway)).Append('\n');
        }

        foreach (var peering in index.AllResources.OfType<VpcPeeringSpec>())
        {
            var (from, to) = (index.ResolveFrom<VpcSpec>(peering, peering.Vpc), index.ResolveFrom<VpcSpec>(peering, peering.Peer));
            if (vpcs.Any(v => index.Same(v, from)) && vpcs.Any(v => index.Same(v, to)))
            {
                b.Append("  ").Append(Id(index, from!)).Append(" <-- \"peering ").Append(Label(index.Display(peering))).Append("\" --> ").Append(Id(index, to!)).Append('\n');
            }
        }

        foreach (var attachment in attachments)
        {
            b.Append("  ").Append(Id(index, index.VpcOf(attachment)!)).Append(" <-- \"attachment ").Append(Label(index.Display(attachment))).Append("\" --> ")
                .Append(Id(index, index.ResolveFrom<TransitGatewaySpec>(attachment, attachment.TransitGateway)!)).Append('\n');
        }

        foreach (var gateway in resources.OfType<EgressOnlyInternetGatewaySpec>().Where(g => index.VpcOf(g) is not null))
        {
            b.Append("  ").Append(Id(index, gateway)).Append(" --> internet\n");
        }

        foreach (var subnet in subnets.Where(index.IsLocal))
        {
            foreach (var table in index.TablesOf(subnet).Take(1))
            {
                foreach (var route in index.RoutesOf(table))
                {
                    var target = index.TargetOf<ResourceSpec>(route);
                    if ((target is InternetGatewaySpec or NatGatewaySpec or EgressOnlyInternetGatewaySpec && index.IsLocal(target))
                        || (target is TransitGatewaySpec && hubs.Any(h => index.Same(h, target))))
                    {
                        b.Append("  ").Append(Id(index, subnet)).Append(" -- \"").Append(Label(index.Display(table))).Append(": ").Append(Label(route.Route.Destination))
                            .Append("\" --> ").Append(Id(index, target!)).Append('\n');
                    }
                }
            }
        }

        EndpointLinks(index, subnets, b);
    }

    /// <summary>
    /// A gateway endpoint's route from each subnet of the tables it joins; an interface endpoint's network
    /// interface in each of its subnets drawn here (an imported one too, when the picture shows it).
    /// </summary>
    private static void EndpointLinks(StackIndex index, IReadOnlyList<SubnetSpec> subnets, StringBuilder b)
    {
        var drawn = new HashSet<string>(subnets.Select(index.Key), System.StringComparer.Ordinal);
        var resources = index.Stack.Resources;
        foreach (var endpoint in resources.OfType<GatewayEndpointSpec>().Where(e => index.Resolve<VpcSpec>(e.Vpc) is not null))
        {
            foreach (var reference in endpoint.RouteTables.Distinct())
            {
                if (index.Resolve<RouteTableSpec>(reference) is not { } table || !index.IsLocal(table))
                {
                    continue;
                }

                foreach (var subnet in table.Associations.Select(a => index.Resolve<SubnetSpec>(a)).Where(x => x is not null && index.IsLocal(x)).Distinct())
                {
                    b.Append("  ").Append(Id(index, subnet!)).Append(" -- \"").Append(Label(index.Display(table))).Append(": ").Append(Label(endpoint.Service))
                        .Append("\" --> ").Append(Id(index, endpoint)).Append('\n');
                }
            }
        }

        foreach (var endpoint in resources.OfType<InterfaceEndpointSpec>().Where(e => index.Resolve<VpcSpec>(e.Vpc) is not null))
        {
            foreach (var subnet in endpoint.Subnets.Select(x => index.Resolve<SubnetSpec>(x)).Where(x => x is not null && drawn.Contains(index.Key(x))).Distinct())
            {
                b.Append("  ").Append(Id(index, endpoint)).Append(" -.- ").Append(Id(index, subnet!)).Append('\n');
            }
        }
    }

    /// <summary>
    /// Which instance reaches which AWS service through which VPC endpoint (HTTPS): a gateway endpoint
    /// of the instance's route table, or an interface endpoint of its VPC with private DNS that admits
    /// it, this stack's or an imported stack's (named with its stack class, as imported records are
    /// everywhere in the overview). Shown for a stack with endpoints, and for one whose instances an
    /// imported stack's endpoints serve.
    /// </summary>
    private static void Services(StackIndex index, StringBuilder b)
    {
        if (!index.AllResources.Any(r => r is GatewayEndpointSpec or InterfaceEndpointSpec))
        {
            return;
        }

        var model = index.Reachability;
        var https = PortRange.Single(ProtocolSpec.Tcp, 443);
        var rows = new List<string>();
        foreach (var instance in model.Instances)
        {
            if (index.Resolve<SubnetSpec>(instance.Subnet) is not { } subnet)
            {
                continue;
            }

            foreach (var endpoint in StackPlan.EndpointsServing(index, subnet))
            {
                var (service, through) = endpoint switch
                {
                    GatewayEndpointSpec g when model.ExplainGateway(instance, g) is null => (g.Service, "gateway endpoint '" + index.Display(g) + "'"),
                    InterfaceEndpointSpec e when e.PrivateDns && model.ExplainEndpoint(instance, e, https) is null => (e.Service, "interface endpoint '" + index.Display(e) + "'"),
                    _ => ((string?)null, ""),
                };
                if (service is not null)
                {
                    rows.Add("| " + Cell(instance.Name) + " | " + Cell(service) + " | " + Cell(through) + " |\n");
                }
            }
        }

        if (rows.Count == 0 && !index.Stack.Resources.Any(r => r is GatewayEndpointSpec or InterfaceEndpointSpec))
        {
            return;
        }

        b.Append("\n## AWS services through VPC endpoints\n\n");
        if (rows.Count == 0)
        {
            b.Append("No instance reaches an AWS service through an endpoint.\n");
            return;
        }

        b.Append("HTTPS (TCP 443) to an AWS service without the internet. With private DNS, the service's usual host name leads to its interface endpoint.\n\n");
        b.Append("| Instance | Service | Through |\n|---|---|---|\n");
        rows.ForEach(r => b.Append(r));
    }

    private static void Matrix(StackIndex index, StringBuilder b)
    {
        var model = index.Reachability;
        var paths = model.ClassPaths;
        if (paths.Count == 0)
        {
            b.Append("No connection is open.\n");
            return;
        }

        b.Append(index.Stack.Resources.OfType<NetworkAclSpec>().Any()
            ? "Every connection the security groups, network ACLs, routes and gateways allow, replies included (network ACLs are stateless, so they must let the replies through too)."
            : "Every connection the security groups, routes and gateways allow. Replies need no rule (security groups are stateful).");
        if (paths.Any(p => p.Via.StartsWith("peering ", System.StringComparison.Ordinal) || p.Via.StartsWith("transit gateway ", System.StringComparison.Ordinal)))
        {
            b.Append(" Routes are not: a path between VPCs needs a route each way, since replies follow the route table of the target's subnet.");
        }

        if (model.HasClasses)
        {
            b.Append(" A row that names several instances (which share subnet, public IP setting and security groups) holds for each of them.");
        }

        b.Append("\n\n");
        b.Append("| From | To | Protocol and ports | Through |\n|---|---|---|---|\n");
        foreach (var path in paths)
        {
            b.Append("| ").Append(Cell(model.Label(path.From))).Append(" | ").Append(Cell(model.Label(path.To))).Append(" | ")
                .Append(Cell(path.Ports.ToString())).Append(" | ").Append(Cell(path.Via)).Append(" |\n");
        }
    }

    /// <summary>
    /// The stack's security-group rules that name a block inside a VPC of the program (10.0.0.0/16 in a VPC
    /// of 10.0.0.0/16). The matrix has instances as ends, and counts such a rule only for the instances it
    /// holds; the rule also admits every other address of the block, which the program does not describe
    /// (a load balancer's or a container's network interface, a Lambda function, a network over a peering).
    /// </summary>
    private static void BlocksInsideVpcs(StackIndex index, StringBuilder b)
    {
        var vpcs = index.AllResources.OfType<VpcSpec>().ToList();
        var rows = new List<string>();
        foreach (var group in index.Stack.Resources.OfType<SecurityGroupSpec>())
        {
            var users = string.Join(", ", index.Stack.Resources
                .Where(r => (r as InstanceSpec)?.SecurityGroups.Any(g => !g.IsImport && g.Name == group.Name) == true
                    || (r as InterfaceEndpointSpec)?.SecurityGroups.Any(g => !g.IsImport && g.Name == group.Name) == true)
                .Select(r => r is InterfaceEndpointSpec ? "endpoint " + r.Name : r.Name));
            foreach (var inbound in new[] { true, false })
            {
                foreach (var rule in inbound ? group.Ingress : group.Egress)
                {
                    if (rule.Peer is not { } peer || !Cidr.TryParse(peer, out var block) || block.Prefix == 0
                        || vpcs.FirstOrDefault(v => StackIndex.Blocks(v).Any(x => x.Overlaps(block))) is not { } vpc)
                    {
                        continue;
                    }

                    rows.Add("| " + Cell(group.Name) + " | " + Cell(users.Length == 0 ? "nothing in this stack" : users) + " | "
                        + (inbound ? "inbound from " : "outbound to ") + Cell(block.ToString()) + " | " + Cell(PortRange.Of(rule).ToString())
                        + " | " + Cell(index.Display(vpc)) + " |\n");
                }
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        b.Append("\n## Rules open to blocks inside a VPC\n\n");
        b.Append("The matrix counts these rules for the instances of the program the block holds. Each also admits every other address of the block, which the program does not describe: a load balancer's or a container's network interface, a Lambda function, a network over a peering or a transit gateway.\n\n");
        b.Append("| Security group | Used by | Rule | Protocol and ports | Block in VPC |\n|---|---|---|---|---|\n");
        foreach (var row in rows)
        {
            b.Append(row);
        }
    }

    /// <summary>The network ACLs of the stack, when it has any: the subnets each filters and its rules in the order EC2 evaluates them.</summary>
    private static void Acls(StackIndex index, StringBuilder b)
    {
        var acls = index.Stack.Resources.OfType<NetworkAclSpec>().ToList();
        if (acls.Count == 0)
        {
            return;
        }

        b.Append("## Network ACLs\n\nRules in the order EC2 evaluates them; the first that matches decides, and what none matches is denied. Traffic to and from the Amazon DNS server, the instance metadata service, the Time Sync Service and the other link-local services, and the VPC router passes whatever the rules say: network ACLs do not filter it. Subnets not listed keep the VPC's default ACL, which allows everything.\n\n");
        b.Append("| ACL | Subnets | Direction | Rule | Action | Traffic | Block |\n|---|---|---|---|---|---|---|\n");
        foreach (var acl in acls)
        {
            var subnets = acl.Associations.Count == 0 ? "none" : string.Join(", ", acl.Associations.Select(a => a.Display));
            foreach (var egress in new[] { false, true })
            {
                var rules = egress ? acl.Egress : acl.Ingress;
                foreach (var i in AclEvaluation.Order(rules))
                {
                    var rule = rules[i];
                    var description = AclEvaluation.Describe(rule, egress);
                    var traffic = description.Substring(description.IndexOf(' ') + 1);
                    traffic = traffic.Substring(0, traffic.LastIndexOf(egress ? " to " : " from ", System.StringComparison.Ordinal));
                    b.Append("| ").Append(Cell(acl.Name)).Append(" | ").Append(Cell(subnets)).Append(" | ").Append(egress ? "outbound" : "inbound").Append(" | ")
                        .Append(Invariant.Format(rule.Number)).Append(" | ").Append(rule.Allow ? "allow" : "deny").Append(" | ").Append(Cell(traffic)).Append(" | ")
                        .Append(Cell(rule.Cidr)).Append(" |\n");
                }

                b.Append("| ").Append(Cell(acl.Name)).Append(" | ").Append(Cell(subnets)).Append(" | ").Append(egress ? "outbound" : "inbound")
                    .Append(" | * | deny | all traffic | everything else |\n");
            }
        }

        b.Append('\n');
    }

    /// <summary>A Mermaid node ID: the kind and the record's name (a C# identifier), qualified by its stack class when imported.</summary>
    /// <summary>A resolved reference's key, or "" (which no resource has) when it does not resolve.</summary>
    private static string KeyOf(StackIndex index, ResourceSpec? resource) => resource is null ? "" : index.Key(resource);

    private static string Id(StackIndex index, ResourceSpec resource) => resource.Kind switch
    {
        ResourceKind.Vpc => "vpc_",
        ResourceKind.Subnet => "subnet_",
        ResourceKind.InternetGateway => "igw_",
        ResourceKind.NatGateway => "nat_",
        ResourceKind.EgressOnlyInternetGateway => "eigw_",
        ResourceKind.TransitGateway => "tgw_",
        ResourceKind.GatewayEndpoint or ResourceKind.InterfaceEndpoint => "vpce_",
        _ => "i_",
    } + Safe(index.Display(resource));

    private static string Safe(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            b.Append(char.IsLetterOrDigit(c) && c < 128 ? c : '_');
        }

        return b.ToString();
    }

    /// <summary>Text inside a quoted Mermaid label: quotes and angle brackets as entity codes.</summary>
    private static string Label(string text) => text.Replace("\"", "#quot;").Replace("<", "#lt;").Replace(">", "#gt;");

    /// <summary>Text in a Markdown table cell or paragraph: pipes and line breaks escaped.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\r", "").Replace("\n", " ");

    /// <summary>A zone as a subnet names it. A class, not a tuple: LINQ over a struct is compiled again by every fresh compiler process.</summary>
    private sealed record Zone(ZoneForm ZoneForm, int Index, string ZoneText);
}
