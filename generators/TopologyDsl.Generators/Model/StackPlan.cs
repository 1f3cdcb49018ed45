using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Model;

/// <summary>One logical name of the template: a parameter, a resource or an output.</summary>
/// <param name="LogicalId">The name in the template.</param>
/// <param name="CfnType">The CloudFormation type, or "Parameter" / "Output".</param>
/// <param name="Owner">The record (or stack output) it comes from.</param>
/// <param name="Describe">How messages name it.</param>
internal sealed record PlannedName(string LogicalId, string CfnType, ModelPath Owner, string Describe);

/// <summary>
/// The names of everything a stack spec turns into, including what the generator adds (an internet
/// gateway's attachment, a NAT gateway's Elastic IP, routes, associations, group-to-group rules and
/// outputs). The validator checks these names and the emitter writes them: one place decides them.
/// </summary>
internal static class StackPlan
{
    public static string Attachment(InternetGatewaySpec gateway) => gateway.Name + "Attachment";

    /// <summary>The secondary blocks of a VPC: <c>{Vpc}Cidr2</c>, <c>{Vpc}Cidr3</c>, ... (the primary is the first).</summary>
    public static string SecondaryBlock(VpcSpec vpc, int index) => vpc.Name + "Cidr" + (index + 2).ToString(CultureInfo.InvariantCulture);

    public static string ElasticIp(NatGatewaySpec nat) => nat.Name + "Eip";

    public static string Association(RouteTableSpec table, RefSpec subnet) => Association(table, subnet.Name);

    public static string Association(RouteTableSpec table, string subnet) => table.Name + subnet + "Association";

    /// <summary>
    /// Route names, in route order: <c>{Table}To{Target}</c> (<c>{Table}To{Target}Ipv6</c> for an IPv6
    /// destination), numbered from 2 when a table routes to one target twice in one family.
    /// </summary>
    public static IReadOnlyList<string> Routes(RouteTableSpec table)
    {
        var names = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var route in table.Routes)
        {
            var key = route.Target.Name + (Ipv6.IsBlock(route.Destination) ? "Ipv6" : "");
            seen.TryGetValue(key, out var count);
            seen[key] = ++count;
            names.Add(table.Name + "To" + key + (count == 1 ? "" : count.ToString(CultureInfo.InvariantCulture)));
        }

        return names;
    }

    public static string GroupRule(SecurityGroupSpec group, RuleSpec rule) => GroupRule(group, rule, "From");

    public static string GroupEgressRule(SecurityGroupSpec group, RuleSpec rule) => GroupRule(group, rule, "To");

    private static string GroupRule(SecurityGroupSpec group, RuleSpec rule, string direction) =>
        group.Name + direction + rule.PeerGroup!.Name + rule.Protocol + (rule.Protocol == ProtocolSpec.All ? ""
            : rule.Port < 0 ? "All" // ICMP type -1 (every type): a logical ID holds letters and digits only
            : rule.Port.ToString(CultureInfo.InvariantCulture) + (rule.LastPort != rule.Port ? "To" + rule.LastPort.ToString(CultureInfo.InvariantCulture) : ""));

    /// <summary>The Amazon-provided IPv6 block of a VPC: <c>{Vpc}Ipv6</c>.</summary>
    public static string Ipv6Block(VpcSpec vpc) => vpc.Name + "Ipv6";

    public static string AclAssociation(NetworkAclSpec acl, RefSpec subnet) => acl.Name + subnet.Name + "Association";

    /// <summary>
    /// The entry names of one direction of a network ACL, in rule order: <c>{Acl}In{Number}</c> and
    /// <c>{Acl}Out{Number}</c> (a number used twice, which TDSL141 reports, gets <c>Dup2</c>, ... so that
    /// the names stay unique; a negative one an <c>M</c>).
    /// </summary>
    public static IReadOnlyList<string> AclEntries(NetworkAclSpec acl, bool egress)
    {
        var names = new List<string>();
        var seen = new Dictionary<int, int>();
        foreach (var rule in egress ? acl.Egress : acl.Ingress)
        {
            seen.TryGetValue(rule.Number, out var count);
            seen[rule.Number] = ++count;
            var number = rule.Number < 0 ? "M" + (-(long)rule.Number).ToString(CultureInfo.InvariantCulture) : rule.Number.ToString(CultureInfo.InvariantCulture);
            names.Add(acl.Name + (egress ? "Out" : "In") + number + (count == 1 ? "" : "Dup" + count.ToString(CultureInfo.InvariantCulture)));
        }

        return names;
    }

    public static string TransitGatewayAssociation(TransitGatewayRouteTableSpec table, RefSpec attachment) => table.Name + attachment.Name + "Association";

    public static string TransitGatewayPropagation(TransitGatewayRouteTableSpec table, RefSpec attachment) => table.Name + attachment.Name + "Propagation";

    /// <summary>Static transit gateway route names, in order: <c>{Table}To{Attachment}</c>, numbered from 2 when repeated.</summary>
    public static IReadOnlyList<string> TransitGatewayRoutes(TransitGatewayRouteTableSpec table)
    {
        var names = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var route in table.Routes)
        {
            seen.TryGetValue(route.Attachment.Name, out var count);
            seen[route.Attachment.Name] = ++count;
            names.Add(table.Name + "To" + route.Attachment.Name + (count == 1 ? "" : count.ToString(CultureInfo.InvariantCulture)));
        }

        return names;
    }

    /// <summary>The output that exports a record to other stacks: <c>{Record}Export</c>.</summary>
    public static string ExportOutput(string record) => record + "Export";

    /// <summary>
    /// The export name of a record that other stacks import: <c>{StackName}-{Record}</c>. Stack names
    /// are unique in an account and region and logical IDs are unique in a stack, so export names are too.
    /// </summary>
    public static string ExportName(string stackName, string record) => stackName + "-" + record;

    /// <summary>
    /// The longest export name we generate. CloudFormation documents no limit for export names (the
    /// template Outputs reference and the Export API type list none; cfn-lint 1.51's rule E6102 checks
    /// only that it is a string), so we keep to the limit on an output's name: 255 characters
    /// (cfn-lint's output schema, propertyNames maxLength).
    /// </summary>
    public const int MaxExportNameLength = 255;

    /// <summary>A reference written in a stack: the reference, where it is written, and what it is used for.</summary>
    internal sealed record Reference(RefSpec Target, ModelPath Path, ResourceSpec Owner, ReferenceUse Use);

    /// <summary>What a reference is used for; some uses cannot cross stacks.</summary>
    internal enum ReferenceUse
    {
        Plain,
        SshHost,
        Secret,
        VolumeHost,
    }

    /// <summary>Every reference to a record written in the stack, in declaration order, with its path.</summary>
    public static IEnumerable<Reference> References(StackSpec stack)
    {
        foreach (var resource in stack.Resources)
        {
            var path = resource.Path;
            switch (resource)
            {
                case SubnetSpec s:
                    yield return new(s.Vpc, path.Child("vpc"), s, ReferenceUse.Plain);
                    break;
                case InternetGatewaySpec g:
                    yield return new(g.Vpc, path.Child("vpc"), g, ReferenceUse.Plain);
                    break;
                case NatGatewaySpec n:
                    yield return new(n.Subnet, path.Child("subnet"), n, ReferenceUse.Plain);
                    break;
                case RouteTableSpec t:
                    yield return new(t.Vpc, path.Child("vpc"), t, ReferenceUse.Plain);
                    for (var i = 0; i < t.Routes.Count; i++)
                    {
                        yield return new(t.Routes[i].Target, path.Item("route", i).Child("target"), t, ReferenceUse.Plain);
                    }

                    for (var i = 0; i < t.Associations.Count; i++)
                    {
                        yield return new(t.Associations[i], path.Item("associate", i).Child("subnet"), t, ReferenceUse.Plain);
                    }

                    break;
                case SecurityGroupSpec g:
                    yield return new(g.Vpc, path.Child("vpc"), g, ReferenceUse.Plain);
                    for (var i = 0; i < g.Ingress.Count; i++)
                    {
                        if (g.Ingress[i].PeerGroup is { } source)
                        {
                            yield return new(source, path.Item("ingress", i).Child("source"), g, ReferenceUse.Plain);
                        }
                    }

                    for (var i = 0; i < g.Egress.Count; i++)
                    {
                        if (g.Egress[i].PeerGroup is { } destination)
                        {
                            yield return new(destination, path.Item("egress", i).Child("destination"), g, ReferenceUse.Plain);
                        }
                    }

                    break;
                case InstanceSpec i:
                    yield return new(i.Subnet, path.Child("subnet"), i, ReferenceUse.Plain);
                    for (var k = 0; k < i.SecurityGroups.Count; k++)
                    {
                        yield return new(i.SecurityGroups[k], path.Item("uses", k).Child("group"), i, ReferenceUse.Plain);
                    }

                    for (var k = 0; k < i.Secrets.Count; k++)
                    {
                        yield return new(i.Secrets[k], path.Item("readsSecret", k).Child("secret"), i, ReferenceUse.Secret);
                    }

                    if (i.SshVia is { } host)
                    {
                        yield return new(host, path.Item("sshVia", 0).Child("host"), i, ReferenceUse.SshHost);
                    }

                    break;
                case DataVolumeSpec v:
                    yield return new(v.Instance, path.Child("instance"), v, ReferenceUse.VolumeHost);
                    break;
                case VpcPeeringSpec p:
                    yield return new(p.Vpc, path.Child("vpc"), p, ReferenceUse.Plain);
                    if (p.Peer is { } peer)
                    {
                        yield return new(peer, path.Child("peer"), p, ReferenceUse.Plain);
                    }

                    break;
                case RouteResourceSpec r:
                    yield return new(r.RouteTable, path.Child("routeTable"), r, ReferenceUse.Plain);
                    yield return new(r.Route.Target, path.Child("target"), r, ReferenceUse.Plain);
                    break;
                case TransitGatewayEntrySpec e:
                    yield return new(e.RouteTable, path.Child("routeTable"), e, ReferenceUse.Plain);
                    yield return new(e.Attachment, path.Child("attachment"), e, ReferenceUse.Plain);
                    break;
                case TransitGatewayAttachmentSpec a:
                    yield return new(a.TransitGateway, path.Child("transitGateway"), a, ReferenceUse.Plain);
                    yield return new(a.Vpc, path.Child("vpc"), a, ReferenceUse.Plain);
                    for (var k = 0; k < a.Subnets.Count; k++)
                    {
                        yield return new(a.Subnets[k], path.Item("subnet", k).Child("subnet"), a, ReferenceUse.Plain);
                    }

                    break;
                case NetworkAclSpec acl:
                    yield return new(acl.Vpc, path.Child("vpc"), acl, ReferenceUse.Plain);
                    for (var k = 0; k < acl.Associations.Count; k++)
                    {
                        yield return new(acl.Associations[k], path.Item("associate", k).Child("subnet"), acl, ReferenceUse.Plain);
                    }

                    break;
                case EgressOnlyInternetGatewaySpec e:
                    yield return new(e.Vpc, path.Child("vpc"), e, ReferenceUse.Plain);
                    break;
                case GatewayEndpointSpec e:
                    yield return new(e.Vpc, path.Child("vpc"), e, ReferenceUse.Plain);
                    for (var k = 0; k < e.RouteTables.Count; k++)
                    {
                        yield return new(e.RouteTables[k], path.Item("routeTable", k).Child("routeTable"), e, ReferenceUse.Plain);
                    }

                    break;
                case InterfaceEndpointSpec e:
                    yield return new(e.Vpc, path.Child("vpc"), e, ReferenceUse.Plain);
                    for (var k = 0; k < e.Subnets.Count; k++)
                    {
                        yield return new(e.Subnets[k], path.Item("subnet", k).Child("subnet"), e, ReferenceUse.Plain);
                    }

                    for (var k = 0; k < e.SecurityGroups.Count; k++)
                    {
                        yield return new(e.SecurityGroups[k], path.Item("uses", k).Child("group"), e, ReferenceUse.Plain);
                    }

                    break;
                case TransitGatewayRouteTableSpec t:
                    yield return new(t.TransitGateway, path.Child("transitGateway"), t, ReferenceUse.Plain);
                    for (var k = 0; k < t.Associations.Count; k++)
                    {
                        yield return new(t.Associations[k], path.Item("associate", k).Child("attachment"), t, ReferenceUse.Plain);
                    }

                    for (var k = 0; k < t.Propagations.Count; k++)
                    {
                        yield return new(t.Propagations[k], path.Item("propagate", k).Child("attachment"), t, ReferenceUse.Plain);
                    }

                    for (var k = 0; k < t.Routes.Count; k++)
                    {
                        yield return new(t.Routes[k].Attachment, path.Item("route", k).Child("attachment"), t, ReferenceUse.Plain);
                    }

                    break;
            }
        }
    }

    /// <summary>The keys of the stacks whose records this stack refers to, in ordinal order.</summary>
    /// <remarks>
    /// Found once per spec and shared: every stack that imports this one (and, in the analyzer's
    /// check of unrelated stacks, every later stack) walks the imports of the stacks it sees, and a
    /// spec never changes. Held weakly, so a spec the pipeline drops takes its entry with it.
    /// </remarks>
    public static IReadOnlyList<string> ImportedStacks(StackSpec stack) => ImportedStacksOf.GetValue(stack, static s =>
        References(s).Where(r => r.Target.Stack is { } key && key != s.Key && !r.Target.IsError)
            .Select(r => r.Target.Stack!).Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToList().AsReadOnly());

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StackSpec, IReadOnlyList<string>> ImportedStacksOf = new();

    public static string InstanceRole(InstanceSpec instance) => instance.Name + "Role";

    public static string InstanceProfile(InstanceSpec instance) => instance.Name + "Profile";

    public static string FlowLog(VpcSpec vpc) => vpc.Name + "FlowLog";

    public static string FlowLogGroup(VpcSpec vpc) => vpc.Name + "FlowLogGroup";

    public static string FlowLogRole(VpcSpec vpc) => vpc.Name + "FlowLogRole";

    public static string PublicIpOutput(InstanceSpec instance) => instance.Name + "PublicIp";

    /// <summary>An instance's Elastic IP (<c>{Instance}Eip</c>) and its association (<c>{Instance}EipAssociation</c>).</summary>
    public static string ElasticIp(InstanceSpec instance) => instance.Name + "Eip";

    public static string ElasticIpAssociation(InstanceSpec instance) => instance.Name + "EipAssociation";

    /// <summary>
    /// A <c>!Sub</c> text with <c>${X.PublicIp}</c> of each instance X with an Elastic IP read as the
    /// Elastic IP (<c>${XEip}</c>, its Ref): the instance's own PublicIp attribute is read when the
    /// instance is created, before the Elastic IP is associated.
    /// </summary>
    public static string WithElasticIps(StackSpec stack, string text)
    {
        if (!text.Contains(".PublicIp}"))
        {
            return text;
        }

        foreach (var instance in stack.Resources.OfType<InstanceSpec>().Where(i => i.ElasticIp))
        {
            text = text.Replace("${" + instance.Name + ".PublicIp}", "${" + ElasticIp(instance) + "}");
        }

        return text;
    }

    public static string ElasticIpOutput(NatGatewaySpec nat) => nat.Name + "ElasticIp";

    public static string SshCommandOutput(InstanceSpec instance) => instance.Name + "SshCommand";

    public static string SessionCommandOutput(InstanceSpec instance) => instance.Name + "SessionCommand";

    /// <summary>Where the instance's role comes from in the model: its first [ReadsSecret], else its SessionManager setting.</summary>
    public static ModelPath RolePath(InstanceSpec instance) =>
        instance.Secrets.Count > 0 ? instance.Path.Item("readsSecret", 0) : instance.Path.Child("sessionManager");

    /// <summary>
    /// How many CloudFormation resources the stack makes: the count of <see cref="Names"/> without
    /// parameters, computed without building any name, so that a stack over the quota is found
    /// before any per-resource work.
    /// </summary>
    public static int ResourceCount(StackSpec stack)
    {
        var count = 0;
        foreach (var resource in stack.Resources)
        {
            count += resource switch
            {
                ParameterSpec => 0,
                VpcSpec v => 1 + v.SecondaryCidrBlocks.Count + (v.FlowLogs ? 3 : 0) + (v.Ipv6 ? 1 : 0),
                NetworkAclSpec a => 1 + a.Ingress.Count + a.Egress.Count + a.Associations.Count,
                InternetGatewaySpec or NatGatewaySpec => 2,
                RouteTableSpec t => 1 + t.Routes.Count + t.Associations.Count,
                SecurityGroupSpec g => 1 + g.Ingress.Count(r => r.PeerGroup is not null) + g.Egress.Count(r => r.PeerGroup is not null),
                InstanceSpec i => 1 + (i.HasRole ? 2 : 0) + (i.ElasticIp ? 2 : 0),
                _ => 1,
            };
        }

        return count;
    }

    /// <summary>Every parameter and resource name of the stack, in template order.</summary>
    public static IEnumerable<PlannedName> Names(StackSpec stack)
    {
        foreach (var resource in stack.Resources)
        {
            var path = resource.Path;
            switch (resource)
            {
                case ParameterSpec p:
                    yield return new PlannedName(p.Name, "Parameter", path, "parameter '" + p.Name + "'");
                    break;
                case VpcSpec v:
                    yield return new PlannedName(v.Name, "AWS::EC2::VPC", path, "VPC '" + v.Name + "'");
                    for (var i = 0; i < v.SecondaryCidrBlocks.Count; i++)
                    {
                        yield return new PlannedName(SecondaryBlock(v, i), "AWS::EC2::VPCCidrBlock", path.Item("secondary", i), "secondary block " + (i + 2).ToString(CultureInfo.InvariantCulture) + " of VPC '" + v.Name + "'");
                    }

                    if (v.Ipv6)
                    {
                        yield return new PlannedName(Ipv6Block(v), "AWS::EC2::VPCCidrBlock", path.Child("ipv6"), "the IPv6 block of VPC '" + v.Name + "'");
                    }

                    if (v.FlowLogs)
                    {
                        yield return new PlannedName(FlowLogGroup(v), "AWS::Logs::LogGroup", path.Child("flowLogs"), "the flow log group of VPC '" + v.Name + "'");
                        yield return new PlannedName(FlowLogRole(v), "AWS::IAM::Role", path.Child("flowLogs"), "the flow log role of VPC '" + v.Name + "'");
                        yield return new PlannedName(FlowLog(v), "AWS::EC2::FlowLog", path.Child("flowLogs"), "the flow log of VPC '" + v.Name + "'");
                    }

                    break;
                case SubnetSpec s:
                    yield return new PlannedName(s.Name, "AWS::EC2::Subnet", path, "subnet '" + s.Name + "'");
                    break;
                case InternetGatewaySpec g:
                    yield return new PlannedName(g.Name, "AWS::EC2::InternetGateway", path, "internet gateway '" + g.Name + "'");
                    yield return new PlannedName(Attachment(g), "AWS::EC2::VPCGatewayAttachment", path, "the attachment of internet gateway '" + g.Name + "'");
                    break;
                case NatGatewaySpec n:
                    yield return new PlannedName(ElasticIp(n), "AWS::EC2::EIP", path, "the Elastic IP of NAT gateway '" + n.Name + "'");
                    yield return new PlannedName(n.Name, "AWS::EC2::NatGateway", path, "NAT gateway '" + n.Name + "'");
                    break;
                case RouteTableSpec t:
                    yield return new PlannedName(t.Name, "AWS::EC2::RouteTable", path, "route table '" + t.Name + "'");
                    var routes = Routes(t);
                    for (var i = 0; i < routes.Count; i++)
                    {
                        yield return new PlannedName(routes[i], "AWS::EC2::Route", path.Item("route", i), "a route of '" + t.Name + "'");
                    }

                    for (var i = 0; i < t.Associations.Count; i++)
                    {
                        yield return new PlannedName(Association(t, t.Associations[i]), "AWS::EC2::SubnetRouteTableAssociation", path.Item("associate", i),
                            "an association of '" + t.Name + "'");
                    }

                    break;
                case SecurityGroupSpec sg:
                    yield return new PlannedName(sg.Name, "AWS::EC2::SecurityGroup", path, "security group '" + sg.Name + "'");
                    for (var i = 0; i < sg.Ingress.Count; i++)
                    {
                        if (sg.Ingress[i].PeerGroup is not null)
                        {
                            yield return new PlannedName(GroupRule(sg, sg.Ingress[i]), "AWS::EC2::SecurityGroupIngress", path.Item("ingress", i),
                                "an inbound rule of '" + sg.Name + "'");
                        }
                    }

                    for (var i = 0; i < sg.Egress.Count; i++)
                    {
                        if (sg.Egress[i].PeerGroup is not null)
                        {
                            yield return new PlannedName(GroupEgressRule(sg, sg.Egress[i]), "AWS::EC2::SecurityGroupEgress", path.Item("egress", i),
                                "an outbound rule of '" + sg.Name + "'");
                        }
                    }

                    break;
                case InstanceSpec i:
                    if (i.HasRole)
                    {
                        yield return new PlannedName(InstanceRole(i), "AWS::IAM::Role", RolePath(i), "the role of instance '" + i.Name + "'");
                        yield return new PlannedName(InstanceProfile(i), "AWS::IAM::InstanceProfile", RolePath(i), "the instance profile of '" + i.Name + "'");
                    }

                    if (i.ElasticIp)
                    {
                        yield return new PlannedName(ElasticIp(i), "AWS::EC2::EIP", path.Child("elasticIp"), "the Elastic IP of instance '" + i.Name + "'");
                    }

                    yield return new PlannedName(i.Name, "AWS::EC2::Instance", path, "instance '" + i.Name + "'");
                    if (i.ElasticIp)
                    {
                        yield return new PlannedName(ElasticIpAssociation(i), "AWS::EC2::EIPAssociation", path.Child("elasticIp"),
                            "the Elastic IP association of instance '" + i.Name + "'");
                    }

                    break;
                case DataVolumeSpec v:
                    yield return new PlannedName(v.Name, "AWS::EC2::Volume", path, "data volume '" + v.Name + "'");
                    break;
                case SecretSpec s:
                    yield return new PlannedName(s.Name, "AWS::SecretsManager::Secret", path, "secret '" + s.Name + "'");
                    break;
                case RouteResourceSpec r:
                    yield return new PlannedName(r.Name, "AWS::EC2::Route", path, "route '" + r.Name + "'");
                    break;
                case TransitGatewayEntrySpec e when e.Propagates:
                    yield return new PlannedName(e.Name, "AWS::EC2::TransitGatewayRouteTablePropagation", path, "propagation '" + e.Name + "'");
                    break;
                case TransitGatewayEntrySpec e:
                    yield return new PlannedName(e.Name, "AWS::EC2::TransitGatewayRouteTableAssociation", path, "association '" + e.Name + "'");
                    break;
                case VpcPeeringSpec p:
                    yield return new PlannedName(p.Name, "AWS::EC2::VPCPeeringConnection", path, "peering connection '" + p.Name + "'");
                    break;
                case TransitGatewaySpec g:
                    yield return new PlannedName(g.Name, "AWS::EC2::TransitGateway", path, "transit gateway '" + g.Name + "'");
                    break;
                case EgressOnlyInternetGatewaySpec e:
                    yield return new PlannedName(e.Name, "AWS::EC2::EgressOnlyInternetGateway", path, "egress-only internet gateway '" + e.Name + "'");
                    break;
                case NetworkAclSpec acl:
                    yield return new PlannedName(acl.Name, "AWS::EC2::NetworkAcl", path, "network ACL '" + acl.Name + "'");
                    foreach (var egress in new[] { false, true })
                    {
                        var entries = AclEntries(acl, egress);
                        for (var i = 0; i < entries.Count; i++)
                        {
                            yield return new PlannedName(entries[i], "AWS::EC2::NetworkAclEntry", path.Item(egress ? "egress" : "ingress", i),
                                (egress ? "an outbound" : "an inbound") + " rule of '" + acl.Name + "'");
                        }
                    }

                    for (var i = 0; i < acl.Associations.Count; i++)
                    {
                        yield return new PlannedName(AclAssociation(acl, acl.Associations[i]), "AWS::EC2::SubnetNetworkAclAssociation", path.Item("associate", i),
                            "an association of '" + acl.Name + "'");
                    }

                    break;
                case TransitGatewayAttachmentSpec a:
                    yield return new PlannedName(a.Name, "AWS::EC2::TransitGatewayAttachment", path, "transit gateway attachment '" + a.Name + "'");
                    break;
                case GatewayEndpointSpec e:
                    yield return new PlannedName(e.Name, "AWS::EC2::VPCEndpoint", path, "gateway endpoint '" + e.Name + "'");
                    break;
                case InterfaceEndpointSpec e:
                    yield return new PlannedName(e.Name, "AWS::EC2::VPCEndpoint", path, "interface endpoint '" + e.Name + "'");
                    break;
                case TransitGatewayRouteTableSpec t:
                    yield return new PlannedName(t.Name, "AWS::EC2::TransitGatewayRouteTable", path, "transit gateway route table '" + t.Name + "'");
                    for (var i = 0; i < t.Associations.Count; i++)
                    {
                        yield return new PlannedName(TransitGatewayAssociation(t, t.Associations[i]), "AWS::EC2::TransitGatewayRouteTableAssociation",
                            path.Item("associate", i), "an association of '" + t.Name + "'");
                    }

                    for (var i = 0; i < t.Propagations.Count; i++)
                    {
                        yield return new PlannedName(TransitGatewayPropagation(t, t.Propagations[i]), "AWS::EC2::TransitGatewayRouteTablePropagation",
                            path.Item("propagate", i), "a propagation of '" + t.Name + "'");
                    }

                    var tgwRoutes = TransitGatewayRoutes(t);
                    for (var i = 0; i < tgwRoutes.Count; i++)
                    {
                        yield return new PlannedName(tgwRoutes[i], "AWS::EC2::TransitGatewayRoute", path.Item("route", i), "a route of '" + t.Name + "'");
                    }

                    break;
            }
        }
    }

    /// <summary>Every output name, in template order: the generated ones, then the stack's own.</summary>
    public static IEnumerable<PlannedName> Outputs(StackSpec stack)
    {
        foreach (var resource in stack.Resources)
        {
            switch (resource)
            {
                case InstanceSpec i when i.PublicIp:
                    yield return new PlannedName(PublicIpOutput(i), "Output", i.Path.Child("publicIp"), "the public IP output of '" + i.Name + "'");
                    break;
                case NatGatewaySpec n:
                    yield return new PlannedName(ElasticIpOutput(n), "Output", n.Path, "the Elastic IP output of '" + n.Name + "'");
                    break;
            }

            if (resource is InstanceSpec { SshVia: { } } jumped)
            {
                yield return new PlannedName(SshCommandOutput(jumped), "Output", jumped.Path.Item("sshVia", 0), "the SSH command output of '" + jumped.Name + "'");
            }

            if (resource is InstanceSpec { SessionManager: true } managed)
            {
                yield return new PlannedName(SessionCommandOutput(managed), "Output", managed.Path.Child("sessionManager"), "the Session Manager command output of '" + managed.Name + "'");
            }
        }

        for (var i = 0; i < stack.Outputs.Count; i++)
        {
            yield return new PlannedName(stack.Outputs[i].Name, "Output", ModelPath.Stack.Item("output", i).Child("name"), "output '" + stack.Outputs[i].Name + "'");
        }
    }

    /// <summary>
    /// An outbound rule that matches no traffic (ICMP type 252, code 86, to 255.255.255.255/32): written
    /// when a group's only outbound rules are to other groups, because those are separate resources and
    /// EC2 keeps its default allow-all outbound rule unless the group itself lists one.
    /// </summary>
    public static readonly PlannedValue MatchesNothing = Rule("icmp", 252, 86, new PlannedValue.Text("255.255.255.255/32"), "Disallow all other outbound traffic", ipv6: false);

    /// <summary>
    /// The template of a valid stack as calls of the runtime's TemplateBuilder, in template order:
    /// resources (with what the generator adds: attachments, Elastic IPs, routes, associations,
    /// group-to-group rules, roles, dependencies), then outputs. Parameters come first in the
    /// stack's order of records, as the template lists them apart anyway.
    /// </summary>
    public static IReadOnlyList<PlannedCall> Template(StackIndex index) => Template(index, EquatableArray<string>.Empty);

    /// <summary>
    /// As <see cref="Template(StackIndex)"/>, for a stack of a program: first the records it imports
    /// (<c>t.Import("Ns.Network.Main", "network-Main")</c>, after which that name stands for the
    /// import wherever the builder takes a logical ID), and last an exported output for each of its
    /// records in <paramref name="exports"/>.
    /// </summary>
    public static IReadOnlyList<PlannedCall> Template(StackIndex index, EquatableArray<string> exports)
    {
        var stack = index.Stack;
        var calls = new List<PlannedCall>(stack.Resources.Count * 2);

        var imported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var reference in References(stack))
        {
            if (reference.Target is { Stack: { } key } target && key != stack.Key && imported.Add(ImportKey(target)))
            {
                var owner = index.Others.FirstOrDefault(o => o.Key == key);
                calls.Add(Call("Import", ImportKey(target), ("", Text(ExportName(owner?.StackName ?? StackSpec.ClassOf(key), target.Name)))));
            }
        }

        // The attachment of each VPC's internet gateway, which Elastic IPs and internet routes wait for.
        var attachments = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var gateway in stack.Resources.OfType<InternetGatewaySpec>())
        {
            if (index.Resolve<VpcSpec>(gateway.Vpc) is { } vpc && !attachments.ContainsKey(index.Key(vpc)))
            {
                attachments.Add(index.Key(vpc), Attachment(gateway));
            }
        }

        foreach (var resource in stack.Resources)
        {
            switch (resource)
            {
                case ParameterSpec p:
                    calls.Add(Call("Parameter", p.Name,
                        ("", new PlannedValue.Text(p.Type)),
                        ("description", PlannedValue.TextOrNull(p.Description)),
                        ("defaultValue", PlannedValue.TextOrNull(p.Default)),
                        ("noEcho", p.NoEcho ? new PlannedValue.Flag(true) : null),
                        ("allowedValues", PlannedValue.NamesOrNull(p.AllowedValues)),
                        ("allowedPattern", PlannedValue.TextOrNull(p.AllowedPattern)),
                        ("minLength", p.MinLength > 0 ? new PlannedValue.Number(p.MinLength) : null),
                        ("maxLength", p.MaxLength > 0 ? new PlannedValue.Number(p.MaxLength) : null),
                        ("constraintDescription", PlannedValue.TextOrNull(p.ConstraintDescription))));
                    break;
                case VpcSpec v:
                    PlanVpc(v, calls);
                    break;
                case SubnetSpec s:
                    // A subnet in a secondary block can only be created once the block is associated.
                    string? block = null;
                    // (A block of an imported VPC exists already: its stack deploys first.)
                    if (index.Resolve<VpcSpec>(s.Vpc) is { } subnetVpc && index.IsLocal(subnetVpc) && Cidr.TryParse(s.CidrBlock, out var cidr)
                        && StackIndex.BlockHolding(subnetVpc, cidr.Network) is int holder && holder >= 0)
                    {
                        block = SecondaryBlock(subnetVpc, holder);
                    }

                    // A subnet's IPv6 /64 comes from the VPC's IPv6 block, which must be associated first.
                    var subnetWaits = new List<string>();
                    if (block is not null)
                    {
                        subnetWaits.Add(block);
                    }

                    if (s.HasIpv6 && index.Resolve<VpcSpec>(s.Vpc) is { Ipv6: true } ipv6Vpc && index.IsLocal(ipv6Vpc))
                    {
                        subnetWaits.Add(Ipv6Block(ipv6Vpc));
                    }

                    calls.Add(Call("Subnet", s.Name, ("vpc", Id(s.Vpc)), ("cidr", Text(s.CidrBlock)),
                        ("zone", s.ZoneForm == ZoneForm.Index ? new PlannedValue.Number(s.Zone) : null),
                        ("dependsOn", PlannedValue.NamesOrNull(subnetWaits)),
                        ("zoneName", s.ZoneForm == ZoneForm.Name ? Text(s.ZoneName!) : null),
                        ("zoneId", s.ZoneForm == ZoneForm.Id ? Text(s.ZoneId!) : null),
                        ("ipv6Index", s.HasIpv6 ? new PlannedValue.Number(s.Ipv6Index) : null),
                        ("assignIpv6", s.AssignIpv6 ? new PlannedValue.Flag(true) : null)));
                    break;
                case InternetGatewaySpec g:
                    calls.Add(Call("InternetGateway", g.Name));
                    calls.Add(Call("VpcGatewayAttachment", Attachment(g), ("vpc", Id(g.Vpc)), ("gateway", Text(g.Name))));
                    break;
                case NatGatewaySpec n:
                    // AWS::EC2::EIP documentation: an Elastic IP for a VPC declared in the same template must depend on the gateway attachment.
                    var eipWaits = index.VpcOf(n) is { } natVpc && attachments.TryGetValue(index.Key(natVpc), out var natAttachment) ? new[] { natAttachment } : [];
                    calls.Add(Call("Eip", ElasticIp(n), ("dependsOn", PlannedValue.NamesOrNull(eipWaits))));
                    calls.Add(Call("NatGateway", n.Name, ("eip", Text(ElasticIp(n))), ("subnet", Id(n.Subnet))));
                    break;
                case RouteTableSpec t:
                    PlanRouteTable(index, t, calls);
                    break;
                case RouteResourceSpec r:
                    // The table may be another stack's: its ID is imported like any reference.
                    calls.Add(PlanRoute(index, r, r.Name, Id(r.RouteTable), index.VpcOf(r), r.Route));
                    break;
                case TransitGatewayEntrySpec e:
                    // Like a route record: the table may be another stack's, its ID imported.
                    calls.Add(Call(e.Propagates ? "TransitGatewayRouteTablePropagation" : "TransitGatewayRouteTableAssociation", e.Name,
                        ("attachment", Id(e.Attachment)), ("table", Id(e.RouteTable))));
                    break;
                case SecurityGroupSpec g:
                    PlanSecurityGroup(index, g, calls);
                    break;
                case InstanceSpec i:
                    PlanInstance(index, i, index.VpcOf(i) is { } instanceVpc && attachments.TryGetValue(index.Key(instanceVpc), out var instanceAttachment) ? instanceAttachment : null, calls);
                    break;
                case DataVolumeSpec v:
                    // In the zone of the instance's subnet, written as the subnet writes it: an index, a name or an ID
                    // (an imported subnet's index means the same zone: imports stay in one region).
                    var hostSubnet = index.Resolve<InstanceSpec>(v.Instance) is { } host ? index.ResolveFrom<SubnetSpec>(host, host.Subnet) : null;
                    calls.Add(Call("Volume", v.Name, ("zone", new PlannedValue.Number(hostSubnet?.Zone ?? 0)), ("size", new PlannedValue.Number(v.Size)),
                        ("volumeType", v.Type == VolumeTypeSpec.Gp3 ? null : Text(VolumeTypeName(v.Type))),
                        ("encrypted", v.Encrypted ? null : new PlannedValue.Flag(false)),
                        ("deletionPolicy", Policy(v.Policies?.Deletion)), ("updateReplacePolicy", Policy(v.Policies?.UpdateReplace)),
                        ("zoneName", hostSubnet?.ZoneForm == ZoneForm.Name ? Text(hostSubnet.ZoneName!) : null),
                        ("zoneId", hostSubnet?.ZoneForm == ZoneForm.Id ? Text(hostSubnet.ZoneId!) : null)));
                    break;
                case SecretSpec s:
                    calls.Add(Call("Secret", s.Name, ("description", PlannedValue.TextOrNull(s.Description)), ("length", new PlannedValue.Number(s.Length)),
                        ("deletionPolicy", Policy(s.Policies?.Deletion)), ("updateReplacePolicy", Policy(s.Policies?.UpdateReplace))));
                    break;
                case VpcPeeringSpec p:
                    calls.Add(Call("VpcPeeringConnection", p.Name, ("vpc", Id(p.Vpc)),
                        ("peerVpc", p.Peer is { } peer ? Id(peer) : null),
                        ("peerVpcId", p.Peer is null ? ParameterOr(index, p.PeerVpcId ?? "") : null),
                        ("peerOwnerId", p.PeerOwnerId is { Length: > 0 } owner ? ParameterOr(index, owner) : null),
                        ("peerRegion", p.PeerRegion is { Length: > 0 } region ? ParameterOr(index, region) : null),
                        ("peerRoleArn", p.PeerRoleArn is { Length: > 0 } role ? ParameterOr(index, role) : null)));
                    break;
                case TransitGatewaySpec g:
                    calls.Add(Call("TransitGateway", g.Name, ("description", PlannedValue.TextOrNull(g.Description)),
                        ("amazonSideAsn", g.AmazonSideAsn != 0 ? new PlannedValue.Long(g.AmazonSideAsn) : null),
                        ("defaultRouteTables", g.DefaultRouteTables ? null : new PlannedValue.Flag(false))));
                    break;
                case TransitGatewayAttachmentSpec a:
                    calls.Add(Call("TransitGatewayAttachment", a.Name, ("transitGateway", Id(a.TransitGateway)), ("vpc", Id(a.Vpc)),
                        ("subnets", new PlannedValue.Names(a.Subnets.Select(IdName).ToEquatableArray()))));
                    break;
                case TransitGatewayRouteTableSpec t:
                    PlanTransitGatewayRouteTable(t, calls);
                    break;
                case EgressOnlyInternetGatewaySpec e:
                    calls.Add(Call("EgressOnlyInternetGateway", e.Name, ("vpc", Id(e.Vpc))));
                    break;
                case NetworkAclSpec acl:
                    PlanNetworkAcl(acl, calls);
                    break;
                case GatewayEndpointSpec e:
                    calls.Add(Call("GatewayEndpoint", e.Name, ("vpc", Id(e.Vpc)), ("service", Text(e.Service)),
                        ("routeTables", new PlannedValue.Names(e.RouteTables.Select(IdName).Distinct().ToEquatableArray()))));
                    break;
                case InterfaceEndpointSpec e:
                    calls.Add(Call("InterfaceEndpoint", e.Name, ("vpc", Id(e.Vpc)), ("service", Text(e.Service)),
                        ("subnets", new PlannedValue.Names(e.Subnets.Select(IdName).Distinct().ToEquatableArray())),
                        ("groups", PlannedValue.NamesOrNull(e.SecurityGroups.Select(IdName).Distinct())),
                        ("privateDns", e.PrivateDns ? null : new PlannedValue.Flag(false))));
                    break;
            }
        }

        // Tags beyond the Name = logical ID that every taggable resource gets from the builder.
        foreach (var (name, tags) in TaggedResources(stack))
        {
            if (tags.Count != 1 || tags[0].Key != NameTag || tags[0].Value != name.LogicalId)
            {
                calls.Add(Call("Tags", name.LogicalId, ("", new PlannedValue.Items(
                    tags.Select(t => (PlannedValue)PlannedValue.Helper("Tag", Text(t.Key), Substitution.Literal(t.Value, index.NameTypes.ContainsKey))).ToEquatableArray()))));
            }
        }

        PlanOutputs(index, calls);

        // The records other stacks of the program import, each exported as '{stack}-{record}'.
        foreach (var record in exports)
        {
            calls.Add(Call("Output", ExportOutput(record), ("", PlannedValue.Ref(record)),
                ("description", Text("The ID of " + record + ", which other stacks of the program import")),
                ("export", Text(ExportName(stack.StackName, record)))));
        }

        return calls;
    }

    /// <summary>The tag the AWS console shows as a resource's name.</summary>
    public const string NameTag = "Name";

    /// <summary>
    /// The CloudFormation types that take tags: those whose resource schema (us-east-1, cfn-lint v1.51.5)
    /// has a Tags property, all as a list of Key and Value. The runtime's TaggedResource types are the
    /// same set (a test holds the three together).
    /// </summary>
    public static readonly HashSet<string> TaggableTypes = new(System.StringComparer.Ordinal)
    {
        "AWS::EC2::VPC", "AWS::EC2::Subnet", "AWS::EC2::InternetGateway", "AWS::EC2::EIP", "AWS::EC2::NatGateway", "AWS::EC2::RouteTable",
        "AWS::EC2::SecurityGroup", "AWS::EC2::Instance", "AWS::EC2::FlowLog", "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::SecretsManager::Secret",
        "AWS::EC2::VPCPeeringConnection", "AWS::EC2::TransitGateway", "AWS::EC2::TransitGatewayAttachment", "AWS::EC2::TransitGatewayRouteTable",
        "AWS::EC2::NetworkAcl", "AWS::EC2::EgressOnlyInternetGateway",
        "AWS::EC2::Volume",
        "AWS::EC2::VPCEndpoint",
    };

    /// <summary>The record a planned name comes from: the first segment of its owner's path.</summary>
    public static string RecordOf(PlannedName name)
    {
        var slash = name.Owner.Value.IndexOf('/');
        return slash < 0 ? name.Owner.Value : name.Owner.Value.Substring(0, slash);
    }

    /// <summary>
    /// Every taggable resource of the stack with its tags, in template order. A resource gets the
    /// stack's tags and the tags of the record it is made from (a NAT gateway's Elastic IP, a VPC's flow
    /// log, its group and role, an instance's role get their record's), the record's winning over the
    /// stack's for one key (and, of two tags with one key on one record or stack, the later). Its Name
    /// is the record's Name tag on the record's own resource, else the stack's Name tag, else its
    /// logical ID. Name comes first, then the other keys in ordinal order.
    /// </summary>
    public static IEnumerable<(PlannedName Name, IReadOnlyList<TagSpec> Tags)> TaggedResources(StackSpec stack)
    {
        var records = new Dictionary<string, ResourceSpec>(System.StringComparer.Ordinal);
        foreach (var resource in stack.Resources)
        {
            records[resource.Name] = resource;
        }

        foreach (var name in Names(stack))
        {
            if (!TaggableTypes.Contains(name.CfnType))
            {
                continue;
            }

            records.TryGetValue(RecordOf(name), out var record);
            yield return (name, TagsOf(stack, record, name.LogicalId));
        }
    }

    private static IReadOnlyList<TagSpec> TagsOf(StackSpec stack, ResourceSpec? record, string logicalId)
    {
        var merged = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var tag in stack.Tags)
        {
            merged[tag.Key] = tag.Value;
        }

        string? ownName = null;
        foreach (var tag in record?.Tags ?? EquatableArray<TagSpec>.Empty)
        {
            if (tag.Key == NameTag)
            {
                ownName = tag.Value;
            }
            else
            {
                merged[tag.Key] = tag.Value;
            }
        }

        var isMain = record is not null && record.Name == logicalId;
        var nameValue = (isMain ? ownName : null) ?? (merged.TryGetValue(NameTag, out var stackName) ? stackName : logicalId);
        merged.Remove(NameTag);
        var tags = new List<TagSpec>(merged.Count + 1) { new(NameTag, nameValue) };
        tags.AddRange(merged.Keys.OrderBy(key => key, System.StringComparer.Ordinal).Select(key => new TagSpec(key, merged[key])));
        return tags;
    }

    /// <summary>The name the generated code gives an imported record: its stack's key and its name, which no logical ID can be (it has dots).</summary>
    public static string ImportKey(RefSpec reference) => reference.Stack + "." + reference.Name;

    /// <summary>How the generated code names the record a reference points to: its logical ID, or its import's name.</summary>
    private static string IdName(RefSpec reference) => reference.IsImport ? ImportKey(reference) : reference.Name;

    private static PlannedValue Id(RefSpec reference) => Text(IdName(reference));

    /// <summary>
    /// The endpoints an instance in the subnet may use: the gateway endpoints joined to the subnet's
    /// route table, and the interface endpoints of its VPC, in the order the program declares them.
    /// </summary>
    public static IEnumerable<ResourceSpec> EndpointsServing(StackIndex index, SubnetSpec subnet)
    {
        var vpc = index.VpcOf(subnet);
        var tables = index.TablesOf(subnet);
        foreach (var resource in index.AllResources)
        {
            switch (resource)
            {
                case GatewayEndpointSpec g when JoinsAny(index, g, tables):
                    yield return g;
                    break;
                case InterfaceEndpointSpec e when vpc is not null && index.Same(vpc, index.ResolveFrom<VpcSpec>(e, e.Vpc)):
                    yield return e;
                    break;
            }
        }
    }

    /// <summary>Whether the gateway endpoint joins one of the route tables (a method of its own: a lambda here would allocate a closure for every resource the loop above meets).</summary>
    private static bool JoinsAny(StackIndex index, GatewayEndpointSpec endpoint, IReadOnlyList<RouteTableSpec> tables) =>
        endpoint.RouteTables.Any(t => tables.Any(table => index.Same(table, index.ResolveFrom<RouteTableSpec>(endpoint, t))));

    private static void PlanTransitGatewayRouteTable(TransitGatewayRouteTableSpec t, List<PlannedCall> calls)
    {
        calls.Add(Call("TransitGatewayRouteTable", t.Name, ("transitGateway", Id(t.TransitGateway))));
        foreach (var attachment in t.Associations)
        {
            calls.Add(Call("TransitGatewayRouteTableAssociation", TransitGatewayAssociation(t, attachment), ("attachment", Id(attachment)), ("table", Text(t.Name))));
        }

        foreach (var attachment in t.Propagations)
        {
            calls.Add(Call("TransitGatewayRouteTablePropagation", TransitGatewayPropagation(t, attachment), ("attachment", Id(attachment)), ("table", Text(t.Name))));
        }

        var names = TransitGatewayRoutes(t);
        for (var i = 0; i < t.Routes.Count; i++)
        {
            calls.Add(Call("TransitGatewayRoute", names[i], ("table", Text(t.Name)), ("destination", Text(t.Routes[i].Destination)),
                ("attachment", Id(t.Routes[i].Attachment))));
        }
    }

    private static PlannedValue Text(string value) => new PlannedValue.Text(value);

    private static PlannedCall Call(string method, string name, params (string Name, PlannedValue? Value)[] arguments)
    {
        // A loop, not LINQ over the tuples: the framework's LINQ over a struct is JIT-compiled anew by every fresh compiler process.
        var kept = new List<PlannedArgument>(arguments.Length);
        foreach (var (argument, value) in arguments)
        {
            if (value is not null)
            {
                kept.Add(new PlannedArgument(argument.Length == 0 ? null : argument, value));
            }
        }

        return new(method, name, kept.ToEquatableArray());
    }

    private static void PlanVpc(VpcSpec v, List<PlannedCall> calls)
    {
        calls.Add(Call("Vpc", v.Name, ("cidr", Text(v.CidrBlock)),
            ("dnsSupport", v.DnsSupport ? null : new PlannedValue.Flag(false)), ("dnsHostnames", v.DnsHostnames ? null : new PlannedValue.Flag(false))));
        for (var i = 0; i < v.SecondaryCidrBlocks.Count; i++)
        {
            calls.Add(Call("VpcCidrBlock", SecondaryBlock(v, i), ("vpc", Text(v.Name)), ("cidr", Text(v.SecondaryCidrBlocks[i]))));
        }

        if (v.Ipv6)
        {
            calls.Add(Call("VpcIpv6Block", Ipv6Block(v), ("vpc", Text(v.Name))));
        }

        if (v.FlowLogs)
        {
            var group = FlowLogGroup(v);
            var role = FlowLogRole(v);
            calls.Add(Call("LogGroup", group, ("retentionInDays", new PlannedValue.Number(v.FlowLogRetentionDays)),
                ("deletionPolicy", Policy(v.Policies?.Deletion)), ("updateReplacePolicy", Policy(v.Policies?.UpdateReplace))));
            calls.Add(Call("FlowLogRole", role, ("logGroup", Text(group))));
            calls.Add(Call("FlowLog", FlowLog(v), ("vpc", Text(v.Name)), ("logGroup", Text(group)), ("role", Text(role))));
        }
    }

    private static void PlanRouteTable(StackIndex index, RouteTableSpec t, List<PlannedCall> calls)
    {
        calls.Add(Call("RouteTable", t.Name, ("vpc", Id(t.Vpc))));
        var names = Routes(t);
        var vpc = index.Resolve<VpcSpec>(t.Vpc);
        for (var i = 0; i < t.Routes.Count; i++)
        {
            calls.Add(PlanRoute(index, t, names[i], Text(t.Name), vpc, t.Routes[i]));
        }

        foreach (var subnet in t.Associations)
        {
            calls.Add(Call("SubnetRouteTableAssociation", Association(t, subnet), ("subnet", Id(subnet)), ("table", Text(t.Name))));
        }
    }

    /// <summary>
    /// One AWS::EC2::Route: of a table's own [Route] (<paramref name="declaredIn"/> is the table) or of a
    /// route record (<paramref name="declaredIn"/> is the record; the table may be imported). The target
    /// resolves from where the route is written; <paramref name="vpc"/> is the table's VPC.
    /// </summary>
    private static PlannedCall PlanRoute(StackIndex index, ResourceSpec declaredIn, string name, PlannedValue table, VpcSpec? vpc, RouteSpec route)
    {
        string? wait = null;
        string target;
        if (index.ResolveFrom<InternetGatewaySpec>(declaredIn, route.Target) is { } gateway)
        {
            // A route through an internet gateway must wait until the gateway is attached (an imported one is).
            target = "gateway";
            wait = index.IsLocal(gateway) ? Attachment(gateway) : null;
        }
        else if (index.ResolveFrom<VpcPeeringSpec>(declaredIn, route.Target) is not null)
        {
            target = "peering";
        }
        else if (index.ResolveFrom<EgressOnlyInternetGatewaySpec>(declaredIn, route.Target) is not null)
        {
            target = "egressOnlyGateway";
        }
        else if (index.ResolveFrom<TransitGatewaySpec>(declaredIn, route.Target) is { } transit)
        {
            // A route to a transit gateway fails until the VPC's attachment is available.
            target = "transitGateway";
            wait = vpc is null ? null : index.AttachmentsOf(vpc, transit).FirstOrDefault(index.IsLocal)?.Name;
        }
        else
        {
            target = "natGateway";
        }

        return Call("Route", name, ("table", table), ("destination", Text(route.Destination)), (target, Id(route.Target)),
            ("dependsOn", wait is null ? null : PlannedValue.NamesOrNull([wait])));
    }

    private static void PlanNetworkAcl(NetworkAclSpec acl, List<PlannedCall> calls)
    {
        calls.Add(Call("NetworkAcl", acl.Name, ("vpc", Id(acl.Vpc))));
        var entries = new List<string>();
        foreach (var egress in new[] { false, true })
        {
            var rules = egress ? acl.Egress : acl.Ingress;
            var names = AclEntries(acl, egress);
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var ports = AclPorts(rule);
                calls.Add(Call("NetworkAclEntry", names[i], ("acl", Text(acl.Name)), ("number", new PlannedValue.Number(rule.Number)),
                    ("allow", new PlannedValue.Flag(rule.Allow)), ("protocol", Text(AclProtocol(rule.Protocol))),
                    ("fromPort", new PlannedValue.Number(ports.From)), ("toPort", new PlannedValue.Number(ports.To)), ("cidr", Text(rule.Cidr)),
                    ("egress", egress ? new PlannedValue.Flag(true) : null),
                    ("icmpCode", rule.Protocol == ProtocolSpec.Icmp && rule.IcmpCode != -1 ? new PlannedValue.Number(rule.IcmpCode) : null)));
                entries.Add(names[i]);
            }
        }

        // The association waits for the rules, so that a subnet never sits behind an ACL that denies everything yet.
        foreach (var subnet in acl.Associations)
        {
            calls.Add(Call("SubnetNetworkAclAssociation", AclAssociation(acl, subnet), ("subnet", Id(subnet)), ("acl", Text(acl.Name)),
                ("dependsOn", PlannedValue.NamesOrNull(entries))));
        }
    }

    private static string AclProtocol(ProtocolSpec protocol) => protocol switch
    {
        ProtocolSpec.Tcp => "tcp",
        ProtocolSpec.Udp => "udp",
        ProtocolSpec.Icmp => "icmp",
        _ => "all",
    };

    /// <summary>A network ACL rule's ports: TCP and UDP a range (no port: all of them), ICMP the type, all protocols none.</summary>
    public static (int From, int To) AclPorts(AclRuleSpec rule) => rule.Protocol switch
    {
        ProtocolSpec.All => (0, 0),
        ProtocolSpec.Icmp => (rule.Port, rule.Port),
        _ when rule.Port <= 0 && rule.LastPort <= 0 => (0, 65535),
        _ => (rule.Port, rule.LastPort),
    };

    private static string IpProtocol(ProtocolSpec protocol) => protocol switch
    {
        ProtocolSpec.Tcp => "tcp",
        ProtocolSpec.Udp => "udp",
        ProtocolSpec.Icmp => "icmp",
        _ => "-1",
    };

    /// <summary>EC2's port fields for a rule: -1 for all protocols, the ICMP type and -1 (any code) for ICMP.</summary>
    private static (int From, int To) Ports(RuleSpec rule) => rule.Protocol switch
    {
        ProtocolSpec.All => (-1, -1),
        ProtocolSpec.Icmp => (rule.Port, -1),
        _ => (rule.Port, rule.LastPort),
    };

    private static PlannedValue Rule(string protocol, int from, int to, PlannedValue peer, string? description, bool ipv6)
    {
        var arguments = new List<PlannedArgument>
        {
            new(null, new PlannedValue.Text(protocol)),
            new(null, new PlannedValue.Number(from)),
            new(null, new PlannedValue.Number(to)),
            new(null, peer),
        };
        if (description is not null)
        {
            arguments.Add(new PlannedArgument(null, new PlannedValue.Text(description)));
        }

        if (ipv6)
        {
            arguments.Add(new PlannedArgument("ipv6", new PlannedValue.Flag(true)));
        }

        return new PlannedValue.Call("Rule", arguments.ToEquatableArray());
    }

    /// <summary>A rule written inside the group: a CIDR block (IPv4 or IPv6) or a parameter's value.</summary>
    private static PlannedValue InlineRule(StackIndex index, RuleSpec rule)
    {
        var (from, to) = Ports(rule);
        var peer = index.Parameter(rule.Peer) is not null ? PlannedValue.Ref(rule.Peer!) : (PlannedValue)Text(rule.Peer!);
        return Rule(IpProtocol(rule.Protocol), from, to, peer, rule.Description, Ipv6.IsBlock(rule.Peer));
    }

    private static void PlanSecurityGroup(StackIndex index, SecurityGroupSpec g, List<PlannedCall> calls)
    {
        var ingress = g.Ingress.Where(r => r.Peer is not null).Select(r => InlineRule(index, r)).ToList();
        var egress = g.Egress.Where(r => r.Peer is not null).Select(r => InlineRule(index, r)).ToList();
        if (egress.Count == 0 && g.Egress.Count > 0)
        {
            // Only rules to other groups, which are resources of their own.
            egress.Add(MatchesNothing);
        }

        calls.Add(Call("SecurityGroup", g.Name, ("description", Text(g.Description)), ("vpc", Id(g.Vpc)),
            ("ingress", ingress.Count == 0 ? null : new PlannedValue.Items(ingress.ToEquatableArray())),
            ("egress", egress.Count == 0 ? null : new PlannedValue.Items(egress.ToEquatableArray()))));

        foreach (var rule in g.Ingress.Where(r => r.PeerGroup is not null))
        {
            var (from, to) = Ports(rule);
            calls.Add(Call("SecurityGroupIngress", GroupRule(g, rule), ("group", Text(g.Name)), ("protocol", Text(IpProtocol(rule.Protocol))),
                ("fromPort", new PlannedValue.Number(from)), ("toPort", new PlannedValue.Number(to)), ("source", Id(rule.PeerGroup!)),
                ("description", PlannedValue.TextOrNull(rule.Description)), ("dependsOn", PeeringWait(index, g, rule))));
        }

        foreach (var rule in g.Egress.Where(r => r.PeerGroup is not null))
        {
            var (from, to) = Ports(rule);
            calls.Add(Call("SecurityGroupEgress", GroupEgressRule(g, rule), ("group", Text(g.Name)), ("protocol", Text(IpProtocol(rule.Protocol))),
                ("fromPort", new PlannedValue.Number(from)), ("toPort", new PlannedValue.Number(to)), ("destination", Id(rule.PeerGroup!)),
                ("description", PlannedValue.TextOrNull(rule.Description)), ("dependsOn", PeeringWait(index, g, rule))));
        }
    }

    /// <summary>A rule naming a group across a peering of this template is accepted once the peering is active.</summary>
    private static PlannedValue? PeeringWait(StackIndex index, SecurityGroupSpec g, RuleSpec rule) =>
        index.Resolve<VpcSpec>(g.Vpc) is { } vpc && index.VpcOf(index.Resolve<SecurityGroupSpec>(rule.PeerGroup)) is { } peerVpc && !index.Same(vpc, peerVpc)
            && index.PeeringsBetween(vpc, peerVpc).FirstOrDefault(index.IsLocal) is { } peering
            ? PlannedValue.NamesOrNull([peering.Name])
            : null;

    /// <summary>A setting that names a parameter of the stack is its value (<c>!Ref</c>); anything else is the literal.</summary>
    private static PlannedValue ParameterOr(StackIndex index, string value) =>
        index.Parameter(value) is not null ? PlannedValue.Ref(value) : Text(value);

    private static void PlanInstance(StackIndex index, InstanceSpec i, string? attachment, List<PlannedCall> calls)
    {
        if (i.HasRole)
        {
            // The instance reads its secrets through a role of its own that may read only those; the
            // same role carries Systems Manager's managed policy for Session Manager.
            calls.Add(Call("InstanceRole", InstanceRole(i), ("secrets", PlannedValue.NamesOrNull(i.Secrets.Select(s => s.Name).Distinct())),
                ("sessionManager", i.SessionManager ? new PlannedValue.Flag(true) : null)));
            calls.Add(Call("InstanceProfile", InstanceProfile(i), ("role", Text(InstanceRole(i)))));
        }

        // Boot scripts install packages, so an instance waits until its subnet is associated with
        // its route table and the table's routes out (internet or NAT gateway) exist.
        var waits = new List<string>();
        if (index.Resolve<SubnetSpec>(i.Subnet) is { } subnet)
        {
            // Only what this template holds: an imported subnet's own routes exist before this stack deploys.
            foreach (var table in index.TablesOf(subnet))
            {
                // Routes declared on their own records in this stack count too, into a table of any stack.
                var ownRoutes = index.RoutesOf(table).Where(r => r.Declared is RouteResourceSpec && index.IsLocal(r.Declared)).Select(r => r.Declared.Name);
                if (!index.IsLocal(table))
                {
                    waits.AddRange(ownRoutes);
                    continue;
                }

                waits.AddRange(Routes(table));
                waits.AddRange(ownRoutes);
                waits.AddRange(table.Associations.Where(a => index.Same(index.Resolve<SubnetSpec>(a), subnet)).Select(a => Association(table, a)));
            }

            // And until its network ACL (with its rules) filters the subnet.
            foreach (var acl in index.AclsOf(subnet).Where(index.IsLocal))
            {
                waits.AddRange(acl.Associations.Where(a => index.Same(index.Resolve<SubnetSpec>(a), subnet)).Select(a => AclAssociation(acl, a)));
            }

            // And until the endpoints it may use exist: the gateway endpoints of its route table, the interface endpoints of its VPC.
            waits.AddRange(EndpointsServing(index, subnet).Where(index.IsLocal).Select(e => e.Name));
        }

        PlannedValue? userData = null;
        if (i.UserData is { } file && index.ReadFile(file) is { } read)
        {
            // Fn::Sub only when the script substitutes something, with the instance's own logical ID as a
            // variable when the script names it (a resource cannot name itself).
            userData = PlannedValue.Helper("Base64", Substitution.Sub(WithElasticIps(index.Stack, read), index.NameTypes.ContainsKey, script: true, (LogicalIdVariable, i.Name)));
        }

        if (i.ElasticIp)
        {
            // AWS::EC2::EIP documentation: an Elastic IP for a VPC declared in the same template must depend on the gateway attachment.
            calls.Add(Call("Eip", ElasticIp(i), ("dependsOn", PlannedValue.NamesOrNull(attachment is null ? [] : [attachment]))));
        }

        // Data volumes attach at launch: device, volume, in the order the stack declares them.
        var volumes = new List<string>();
        foreach (var volume in index.Stack.Resources.OfType<DataVolumeSpec>().Where(v => index.Same(index.Resolve<InstanceSpec>(v.Instance), i)))
        {
            volumes.Add(volume.Device);
            volumes.Add(volume.Name);
        }

        calls.Add(Call("Instance", i.Name,
            ("imageId", ParameterOr(index, i.ImageId ?? "")),
            ("instanceType", ParameterOr(index, i.InstanceType ?? "")),
            ("keyName", i.KeyName is null ? null : ParameterOr(index, i.KeyName)),
            ("profile", i.HasRole ? Text(InstanceProfile(i)) : null),
            ("subnet", Id(i.Subnet)),
            ("privateIp", i.AssignedIp ? null : Text(i.PrivateIp)),
            ("publicIp", i.PublicIp ? new PlannedValue.Flag(true) : null),
            ("groups", PlannedValue.NamesOrNull(i.SecurityGroups.Select(IdName))),
            ("rootVolumeSize", i.RootVolumeSize > 0 ? new PlannedValue.Number(i.RootVolumeSize) : null),
            ("rootDevice", i.RootDevice is null ? null : Text(i.RootDevice)),
            ("requireImdsV2", i.AllowImdsV1 ? new PlannedValue.Flag(false) : null),
            ("encryptRootVolume", i.EncryptRootVolume ? null : new PlannedValue.Flag(false)),
            ("userData", userData),
            ("dependsOn", PlannedValue.NamesOrNull(waits.Distinct())),
            ("signalTimeoutMinutes", i.SignalTimeoutMinutes != 0 ? new PlannedValue.Number(i.SignalTimeoutMinutes) : null),
            ("volumes", PlannedValue.NamesOrNull(volumes)),
            ("deletionPolicy", Policy(i.Policies?.Deletion)),
            ("updateReplacePolicy", Policy(i.Policies?.UpdateReplace))));

        if (i.ElasticIp)
        {
            calls.Add(Call("EipAssociation", ElasticIpAssociation(i), ("eip", Text(ElasticIp(i))), ("instance", Text(i.Name))));
        }
    }

    /// <summary>A policy the record sets, as the template writes it; null for the kind's default.</summary>
    private static PlannedValue? Policy(RemovalPolicySpec? policy) =>
        policy is null or RemovalPolicySpec.Default ? null : new PlannedValue.Text(policy.Value.ToString());

    /// <summary>The volume type as EBS names it.</summary>
    public static string VolumeTypeName(VolumeTypeSpec type) => type.ToString().ToLowerInvariant();

    /// <summary>
    /// The sizes in GiB each volume type allows: Amazon EBS User Guide, "Amazon EBS volume types"
    /// (gp3 up to 64 TiB since September 2025; the others unchanged).
    /// </summary>
    public static (int Min, int Max) VolumeSizeRange(VolumeTypeSpec type) => type switch
    {
        VolumeTypeSpec.Gp3 => (1, 65_536),
        VolumeTypeSpec.Gp2 => (1, 16_384),
        VolumeTypeSpec.St1 or VolumeTypeSpec.Sc1 => (125, 16_384),
        _ => (1, 1_024),
    };

    private static void PlanOutputs(StackIndex index, List<PlannedCall> calls)
    {
        var stack = index.Stack;
        PlannedValue Sub(string text) => Substitution.Sub(WithElasticIps(stack, text), index.NameTypes.ContainsKey);

        PlannedCall Output(string name, PlannedValue value, string? description, string? export = null) =>
            Call("Output", name, ("", value), ("description", PlannedValue.TextOrNull(description)), ("export", PlannedValue.TextOrNull(export)));

        foreach (var resource in stack.Resources)
        {
            switch (resource)
            {
                case InstanceSpec i when i.ElasticIp:
                    calls.Add(Output(PublicIpOutput(i), PlannedValue.Ref(ElasticIp(i)), "Elastic IP address of instance " + i.Name));
                    break;
                case InstanceSpec i when i.PublicIp:
                    calls.Add(Output(PublicIpOutput(i), PlannedValue.GetAtt(i.Name, "PublicIp"), "Public IP address of instance " + i.Name));
                    break;
                case NatGatewaySpec n:
                    calls.Add(Output(ElasticIpOutput(n), PlannedValue.Ref(ElasticIp(n)),
                        "Elastic IP address of NAT gateway " + n.Name + ": the source address of outbound traffic from the subnets routed through it"));
                    break;
            }

            if (resource is InstanceSpec { SshVia: { } via } jumped)
            {
                var user = jumped.SshUser;
                calls.Add(Output(SshCommandOutput(jumped),
                    Sub("ssh -J " + user + "@${" + via.Name + ".PublicIp} " + user + "@${" + jumped.Name + ".PrivateIp}"),
                    "SSH to " + jumped.Name + " through " + via.Name + ". Load the key pair's private key into ssh-agent first (ssh-add); it never leaves your machine"));
            }

            if (resource is InstanceSpec { SessionManager: true } managed)
            {
                calls.Add(Output(SessionCommandOutput(managed), Sub("aws ssm start-session --region ${AWS::Region} --target ${" + managed.Name + "}"),
                    "A shell on " + managed.Name + " through AWS Systems Manager Session Manager, with no inbound port (needs the Session Manager plugin of the AWS CLI)"));
            }
        }

        foreach (var output in stack.Outputs)
        {
            calls.Add(Output(output.Name, Sub(output.Value), output.Description, output.Export));
        }
    }

    /// <summary>
    /// The attributes Fn::GetAtt can read, by type: the readOnlyProperties of the CloudFormation
    /// resource provider schemas (us-east-1, as bundled in cfn-lint v1.51.5).
    /// </summary>
    public static readonly Dictionary<string, string[]> Attributes = new()
    {
        ["AWS::EC2::VPC"] = ["CidrBlockAssociations", "DefaultNetworkAcl", "DefaultSecurityGroup", "Ipv6CidrBlocks", "VpcId"],
        ["AWS::EC2::VPCCidrBlock"] = ["Id", "Ipv6AddressAttribute", "IpSource"],
        ["AWS::EC2::Subnet"] = ["NetworkAclAssociationId", "SubnetId", "Ipv6CidrBlocks", "BlockPublicAccessStates"],
        ["AWS::EC2::InternetGateway"] = ["InternetGatewayId"],
        ["AWS::EC2::VPCGatewayAttachment"] = ["AttachmentType"],
        ["AWS::EC2::EIP"] = ["PublicIp", "AllocationId"],
        ["AWS::EC2::EIPAssociation"] = ["Id"],
        ["AWS::EC2::Volume"] = ["VolumeId"],
        ["AWS::EC2::NatGateway"] = ["NatGatewayId", "EniId", "AutoProvisionZones", "AutoScalingIps", "RouteTableId"],
        ["AWS::EC2::RouteTable"] = ["RouteTableId"],
        ["AWS::EC2::Route"] = ["CidrBlock"],
        ["AWS::EC2::SubnetRouteTableAssociation"] = ["Id"],
        ["AWS::EC2::SecurityGroup"] = ["Id", "GroupId"],
        ["AWS::EC2::SecurityGroupIngress"] = ["Id"],
        ["AWS::EC2::SecurityGroupEgress"] = ["Id"],
        ["AWS::EC2::FlowLog"] = ["Id"],
        ["AWS::Logs::LogGroup"] = ["Arn"],
        ["AWS::IAM::Role"] = ["Arn", "RoleId"],
        ["AWS::IAM::InstanceProfile"] = ["Arn"],
        ["AWS::SecretsManager::Secret"] = ["Id"],
        ["AWS::EC2::VPCPeeringConnection"] = ["Id"],
        ["AWS::EC2::TransitGateway"] = ["Id", "TransitGatewayArn", "EncryptionSupportState"],
        ["AWS::EC2::TransitGatewayAttachment"] = ["Id"],
        ["AWS::EC2::TransitGatewayRouteTable"] = ["TransitGatewayRouteTableId"],
        ["AWS::EC2::TransitGatewayRouteTableAssociation"] = [],
        ["AWS::EC2::TransitGatewayRouteTablePropagation"] = [],
        ["AWS::EC2::TransitGatewayRoute"] = [],
        ["AWS::EC2::NetworkAcl"] = ["Id"],
        ["AWS::EC2::NetworkAclEntry"] = ["Id"],
        ["AWS::EC2::SubnetNetworkAclAssociation"] = ["AssociationId"],
        ["AWS::EC2::EgressOnlyInternetGateway"] = ["Id"],
        ["AWS::EC2::VPCEndpoint"] = ["CreationTimestamp", "DnsEntries", "Id", "NetworkInterfaceIds"],
        ["AWS::EC2::Instance"] = ["InstanceId", "PrivateIp", "PublicDnsName", "PublicIp", "PrivateDnsName", "VpcId", "State"],
    };

    /// <summary>
    /// The Fn::Sub variable that user data may use for its own instance's logical ID (cfn-signal's
    /// --resource): a resource cannot name itself in Fn::Sub, so the generator passes it in a variable map.
    /// </summary>
    public const string LogicalIdVariable = "LogicalId";

    /// <summary>Pseudo parameters CloudFormation substitutes in every template.</summary>
    public static readonly HashSet<string> PseudoParameters =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];
}
