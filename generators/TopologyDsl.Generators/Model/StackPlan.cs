using System.Collections.Generic;
using System.Globalization;
using System.Linq;

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

    public static string Association(RouteTableSpec table, RefSpec subnet) => table.Name + subnet.Name + "Association";

    /// <summary>Route names, in route order: <c>{Table}To{Target}</c>, numbered from 2 when a table routes to one target twice.</summary>
    public static IReadOnlyList<string> Routes(RouteTableSpec table)
    {
        var names = new List<string>();
        var seen = new Dictionary<string, int>();
        foreach (var route in table.Routes)
        {
            seen.TryGetValue(route.Target.Name, out var count);
            seen[route.Target.Name] = ++count;
            names.Add(table.Name + "To" + route.Target.Name + (count == 1 ? "" : count.ToString(CultureInfo.InvariantCulture)));
        }

        return names;
    }

    public static string GroupRule(SecurityGroupSpec group, RuleSpec rule) => GroupRule(group, rule, "From");

    public static string GroupEgressRule(SecurityGroupSpec group, RuleSpec rule) => GroupRule(group, rule, "To");

    private static string GroupRule(SecurityGroupSpec group, RuleSpec rule, string direction) =>
        group.Name + direction + rule.PeerGroup!.Name + rule.Protocol + (rule.Protocol == ProtocolSpec.All ? "" : rule.Port.ToString(CultureInfo.InvariantCulture)
        + (rule.LastPort != rule.Port ? "To" + rule.LastPort.ToString(CultureInfo.InvariantCulture) : ""));

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

    /// <summary>CloudFormation's limit on an output's name (the cfn-lint output schema's propertyNames maxLength), which we also keep export names to.</summary>
    public const int MaxExportNameLength = 255;

    /// <summary>A reference written in a stack: the reference, where it is written, and what it is used for.</summary>
    internal readonly record struct Reference(RefSpec Target, ModelPath Path, ResourceSpec Owner, ReferenceUse Use);

    /// <summary>What a reference is used for; some uses cannot cross stacks.</summary>
    internal enum ReferenceUse
    {
        Plain,
        SshHost,
        Secret,
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
                case VpcPeeringSpec p:
                    yield return new(p.Vpc, path.Child("vpc"), p, ReferenceUse.Plain);
                    if (p.Peer is { } peer)
                    {
                        yield return new(peer, path.Child("peer"), p, ReferenceUse.Plain);
                    }

                    break;
                case TransitGatewayAttachmentSpec a:
                    yield return new(a.TransitGateway, path.Child("transitGateway"), a, ReferenceUse.Plain);
                    yield return new(a.Vpc, path.Child("vpc"), a, ReferenceUse.Plain);
                    for (var k = 0; k < a.Subnets.Count; k++)
                    {
                        yield return new(a.Subnets[k], path.Item("subnet", k).Child("subnet"), a, ReferenceUse.Plain);
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
    public static IReadOnlyList<string> ImportedStacks(StackSpec stack) =>
        References(stack).Where(r => r.Target.Stack is { } key && key != stack.Key && !r.Target.IsError)
            .Select(r => r.Target.Stack!).Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToList();

    public static string InstanceRole(InstanceSpec instance) => instance.Name + "Role";

    public static string InstanceProfile(InstanceSpec instance) => instance.Name + "Profile";

    public static string FlowLog(VpcSpec vpc) => vpc.Name + "FlowLog";

    public static string FlowLogGroup(VpcSpec vpc) => vpc.Name + "FlowLogGroup";

    public static string FlowLogRole(VpcSpec vpc) => vpc.Name + "FlowLogRole";

    public static string PublicIpOutput(InstanceSpec instance) => instance.Name + "PublicIp";

    public static string ElasticIpOutput(NatGatewaySpec nat) => nat.Name + "ElasticIp";

    public static string SshCommandOutput(InstanceSpec instance) => instance.Name + "SshCommand";

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
                    if (i.Secrets.Count > 0)
                    {
                        yield return new PlannedName(InstanceRole(i), "AWS::IAM::Role", path.Item("readsSecret", 0), "the role of instance '" + i.Name + "'");
                        yield return new PlannedName(InstanceProfile(i), "AWS::IAM::InstanceProfile", path.Item("readsSecret", 0), "the instance profile of '" + i.Name + "'");
                    }

                    yield return new PlannedName(i.Name, "AWS::EC2::Instance", path, "instance '" + i.Name + "'");
                    break;
                case SecretSpec s:
                    yield return new PlannedName(s.Name, "AWS::SecretsManager::Secret", path, "secret '" + s.Name + "'");
                    break;
                case VpcPeeringSpec p:
                    yield return new PlannedName(p.Name, "AWS::EC2::VPCPeeringConnection", path, "peering connection '" + p.Name + "'");
                    break;
                case TransitGatewaySpec g:
                    yield return new PlannedName(g.Name, "AWS::EC2::TransitGateway", path, "transit gateway '" + g.Name + "'");
                    break;
                case TransitGatewayAttachmentSpec a:
                    yield return new PlannedName(a.Name, "AWS::EC2::TransitGatewayAttachment", path, "transit gateway attachment '" + a.Name + "'");
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
        }

        for (var i = 0; i < stack.Outputs.Count; i++)
        {
            yield return new PlannedName(stack.Outputs[i].Name, "Output", ModelPath.Stack.Item("output", i).Child("name"), "output '" + stack.Outputs[i].Name + "'");
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
        ["AWS::EC2::Instance"] = ["InstanceId", "PrivateIp", "PublicDnsName", "PublicIp", "PrivateDnsName", "VpcId", "State"],
    };

    /// <summary>Pseudo parameters CloudFormation substitutes in every template.</summary>
    public static readonly HashSet<string> PseudoParameters =
    [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ];
}
