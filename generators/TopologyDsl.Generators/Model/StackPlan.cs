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
