using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>Values that are present, in range and of the right form: ports, zones, sizes, instance settings, parameter types.</summary>
internal static class ShapeRules
{
    private static readonly Regex StackName = new("^[A-Za-z][A-Za-z0-9-]{0,127}$", RegexOptions.CultureInvariant);
    private static readonly Regex AmiId = new("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant);
    private static readonly Regex InstanceTypeName = new(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$", RegexOptions.CultureInvariant);

    // The parameter types of the CloudFormation user guide's "Parameters" page: the general types,
    // the AWS-specific ones (AWS::EC2::...::..., and their List<...>), and the SSM parameter types.
    private static readonly Regex ParameterType = new(
        @"^(String|Number|List<Number>|CommaDelimitedList|AWS::EC2::[A-Za-z]+::[A-Za-z]+|AWS::Route53::HostedZone::Id|List<AWS::EC2::[A-Za-z]+::[A-Za-z]+>|List<AWS::Route53::HostedZone::Id>|AWS::SSM::Parameter::Name|AWS::SSM::Parameter::Value<(String|List<String>|CommaDelimitedList|AWS::EC2::[A-Za-z]+::[A-Za-z]+|List<AWS::EC2::[A-Za-z]+::[A-Za-z]+>)>)$",
        RegexOptions.CultureInvariant);

    /// <summary>
    /// The highest zone index any region can resolve: us-east-1 has the most availability zones, six
    /// (Amazon EC2 User Guide, "Regions and Zones"; AWS Global Infrastructure, Regions and Availability Zones).
    /// </summary>
    public const int MaxZoneIndex = 5;

    public static void Check(StackIndex index, List<Finding> findings)
    {
        var stack = index.Stack;
        if (!StackName.IsMatch(stack.StackName))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.InvalidStackName.Id, ModelPath.Stack.Child("name"), stack.StackName));
        }

        foreach (var resource in stack.Resources)
        {
            switch (resource)
            {
                case VpcSpec { FlowLogs: true } vpc when SchemaConstraints.LogGroupRetentionInDays.Violation(vpc.FlowLogRetentionDays) is { } allowed:
                    // The values CloudWatch Logs accepts: the enum of RetentionInDays in the schema-derived table.
                    OutOfRange(vpc.Path.Child("flowLogRetentionDays"), "FlowLogRetentionDays", vpc.Name, vpc.FlowLogRetentionDays, allowed, findings);
                    break;
                case SubnetSpec subnet when subnet.ZoneForm == ZoneForm.Index && (subnet.Zone < 0 || subnet.Zone > MaxZoneIndex):
                    OutOfRange(subnet.Path.Child("zone"), "Zone", subnet.Name, subnet.Zone,
                        "an availability zone index from 0 to 5: no AWS region has more than six zones (us-east-1 has six), so !Select fails at deploy", findings);
                    break;
                case SecurityGroupSpec group:
                    CheckGroup(group, findings);
                    break;
                case InstanceSpec instance:
                    CheckInstance(index, instance, findings);
                    break;
                case ParameterSpec parameter:
                    CheckParameter(parameter, findings);
                    break;
                case SecretSpec secret when secret.Length < 8 || secret.Length > 4096:
                    // Secrets Manager generates 1 to 4,096 characters; fewer than 8 is no password.
                    OutOfRange(secret.Path.Child("length"), "Length", secret.Name, secret.Length, "from 8 to 4096", findings);
                    break;
            }
        }
    }

    private static void CheckGroup(SecurityGroupSpec group, List<Finding> findings)
    {
        if (string.IsNullOrWhiteSpace(group.Description))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.MissingValue.Id, group.Path.Child("description"), "Description", group.Name,
                "a few words on what the group lets in, such as \"Web servers: HTTP from anywhere\""));
        }

        CheckRules(group, group.Ingress, "ingress", findings);
        CheckRules(group, group.Egress, "egress", findings);
    }

    private static void CheckRules(SecurityGroupSpec group, EquatableArray<RuleSpec> rules, string segment, List<Finding> findings)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = group.Path.Item(segment, i);
            switch (rule.Protocol)
            {
                case ProtocolSpec.Tcp or ProtocolSpec.Udp:
                    if (rule.Port < 0 || rule.Port > 65535)
                    {
                        OutOfRange(path.Child("port"), "Port", group.Name, rule.Port, "from 0 to 65535", findings);
                    }
                    else if (rule.ToPort != 0 && (rule.ToPort < rule.Port || rule.ToPort > 65535))
                    {
                        OutOfRange(path.Child("toPort"), "ToPort", group.Name, rule.ToPort, "from Port (" + Invariant.Format(rule.Port) + ") to 65535", findings);
                    }

                    break;
                case ProtocolSpec.Icmp:
                    if (rule.Port < -1 || rule.Port > 255)
                    {
                        OutOfRange(path.Child("port"), "ICMP type", group.Name, rule.Port, "from 0 to 255, or -1 for all", findings);
                    }

                    break;
                case ProtocolSpec.All:
                    break;
                default:
                    OutOfRange(path.Child("protocol"), "Protocol", group.Name, (int)rule.Protocol, "Tcp, Udp, Icmp or All", findings);
                    break;
            }
        }
    }

    private static void CheckInstance(StackIndex index, InstanceSpec instance, List<Finding> findings)
    {
        Setting(index, instance, instance.ImageId, "ImageId", "imageId", AmiId, "an AMI ID such as ami-0123456789abcdef0", findings);
        Setting(index, instance, instance.InstanceType, "InstanceType", "instanceType", InstanceTypeName, "an instance type such as t3.micro", findings);
        if (instance.KeyName is { Length: 0 })
        {
            // KeyName is optional: an empty one is a value forgotten, not a wish for no key pair.
            findings.Add(Finding.Create(DiagnosticDescriptors.MissingValue.Id, instance.Path.Child("keyName"), "KeyName", instance.Name,
                "a key pair's name such as web-admin or a parameter's name (nameof(KeyName)), or leave KeyName out for no key pair"));
        }

        if (instance.RootVolumeSize != 0 && (instance.RootVolumeSize < 1 || instance.RootVolumeSize > 16384))
        {
            OutOfRange(instance.Path.Child("rootVolumeSize"), "RootVolumeSize", instance.Name, instance.RootVolumeSize, "from 1 to 16384 GiB", findings);
        }

        // CloudFormation's CreationPolicy takes a resource signal timeout of at most 12 hours.
        if (instance.SignalTimeoutMinutes is < 0 or > 720)
        {
            OutOfRange(instance.Path.Child("signalTimeoutMinutes"), "SignalTimeoutMinutes", instance.Name, instance.SignalTimeoutMinutes, "from 1 to 720 minutes, or 0 for no signal", findings);
        }

        InstanceRules.Check(index, instance, findings);
    }

    private static void Setting(StackIndex index, InstanceSpec instance, string? value, string what, string segment, Regex literal, string expected, List<Finding> findings)
    {
        var path = instance.Path.Child(segment);
        if (string.IsNullOrEmpty(value))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.MissingValue.Id, path, what, instance.Name, expected + " or a parameter's name (nameof(" + what + "))"));
        }
        else if (index.Parameter(value) is null && !literal.IsMatch(value))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.InvalidInstanceSetting.Id, path, what, instance.Name, value!, expected));
        }
    }

    private static void CheckParameter(ParameterSpec parameter, List<Finding> findings)
    {
        if (!ParameterType.IsMatch(parameter.Type))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.UnknownParameterType.Id, parameter.Path.Child("type"), parameter.Name, parameter.Type));
        }

        if (parameter.MinLength < 0)
        {
            OutOfRange(parameter.Path.Child("minLength"), "MinLength", parameter.Name, parameter.MinLength, "0 or more", findings);
        }

        if (parameter.MaxLength < 0 || (parameter.MaxLength > 0 && parameter.MaxLength < parameter.MinLength))
        {
            OutOfRange(parameter.Path.Child("maxLength"), "MaxLength", parameter.Name, parameter.MaxLength, "0 (none) or at least MinLength", findings);
        }
    }

    private static void OutOfRange(ModelPath path, string what, string owner, int value, string range, List<Finding> findings) =>
        findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, path, what, owner, Invariant.Format(value), range));
}
