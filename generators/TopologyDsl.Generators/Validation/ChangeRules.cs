using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Edits that replace an instance, found by comparing the spec with the committed template (TDSL333):
/// an instance's own create-only values (PrivateIpAddress, SubnetId, ImageId, KeyName and the
/// security groups, which sit in NetworkInterfaces), and the create-only values of what it stands in,
/// whose replacement gives it a new SubnetId or group (a subnet's CidrBlock and zone, the VPC's
/// CidrBlock, a security group's description). Create-only per the resource schemas'
/// createOnlyProperties (the runtime's table, UpdateBehaviour.CreateOnly.cs).
/// </summary>
internal static class ChangeRules
{
    private const string InstanceType = "AWS::EC2::Instance";

    public static List<Finding> Check(StackSpec stack, CommittedTemplate committed)
    {
        var findings = new List<Finding>();
        var instances = stack.Resources.OfType<InstanceSpec>().Where(i => committed.TypeOf(i.Name) == InstanceType).ToList();
        if (instances.Count == 0)
        {
            return findings;
        }

        var parameters = new HashSet<string>(stack.Resources.OfType<ParameterSpec>().Select(p => p.Name), System.StringComparer.Ordinal);
        string Value(string value) => parameters.Contains(value) ? "!Ref " + value : value;

        void Compare(ModelPath path, string what, string? before, string after, string? replaced, IReadOnlyList<InstanceSpec> affected)
        {
            if (before is null || before == after || affected.Count == 0)
            {
                return;
            }

            var names = string.Join(" and ", affected.Select(i => i.Name));
            var chain = replaced is null ? names : replaced + " and with it " + names;
            var loss = affected.Count == 1 ? "its root volume is deleted" : "their root volumes are deleted";
            findings.Add(Finding.Create(DiagnosticDescriptors.EditReplacesStatefulResource.Id, path, what, chain, loss, before));
        }

        foreach (var instance in instances)
        {
            var id = instance.Name;
            var self = new[] { instance };
            Compare(instance.Path.Child("privateIp"), "PrivateIp", committed.Scalar(id, "PrivateIpAddress"), instance.PrivateIp, null, self);
            // A subnet or group of another stack is an !ImportValue whose export name the other stack
            // decides; those references are left to synth's change report.
            if (instance.Subnet.InStack)
            {
                Compare(instance.Path.Child("subnet"), "the subnet", committed.Scalar(id, "SubnetId"), "!Ref " + instance.Subnet.Name, null, self);
            }
            if (instance.ImageId is { } image)
            {
                Compare(instance.Path.Child("imageId"), "ImageId", committed.Scalar(id, "ImageId"), Value(image), null, self);
            }

            if (instance.KeyName is { } key)
            {
                Compare(instance.Path.Child("keyName"), "KeyName", committed.Scalar(id, "KeyName"), Value(key), null, self);
            }

            if (committed.List(id, "GroupSet") is { } groups && instance.SecurityGroups.All(g => g.InStack))
            {
                var now = instance.SecurityGroups.Select(g => "!GetAtt " + g.Name + ".GroupId").ToList();
                if (!new HashSet<string>(groups).SetEquals(now))
                {
                    var added = now.FindIndex(g => !groups.Contains(g));
                    var path = added >= 0 ? instance.Path.Item("uses", added).Child("group") : instance.Path.Child("attribute");
                    Compare(path, "the security groups", string.Join(", ", groups.Select(g => g.Substring("!GetAtt ".Length).Replace(".GroupId", ""))),
                        string.Join(", ", now), null, self);
                }
            }
        }

        // Instances that stay in a subnet, VPC or group that is replaced get a new SubnetId or group
        // (both in NetworkInterfaces, create-only), so they are replaced too.
        List<InstanceSpec> In(SubnetSpec subnet) =>
            instances.Where(i => i.Subnet.Name == subnet.Name && committed.Scalar(i.Name, "SubnetId") == "!Ref " + subnet.Name).ToList();

        var subnets = stack.Resources.OfType<SubnetSpec>().Where(s => committed.TypeOf(s.Name) == "AWS::EC2::Subnet").ToList();
        foreach (var subnet in subnets)
        {
            Compare(subnet.Path.Child("cidr"), "CidrBlock", committed.Scalar(subnet.Name, "CidrBlock"), subnet.CidrBlock, subnet.Name, In(subnet));
            // AvailabilityZone and AvailabilityZoneId are both create-only: a move between the forms replaces the subnet too.
            Compare(subnet.ZonePath, subnet.ZoneForm == ZoneForm.Index ? "Zone" : subnet.ZoneForm == ZoneForm.Name ? "ZoneName" : "ZoneId",
                committed.Scalar(subnet.Name, "AvailabilityZoneId") ?? committed.Scalar(subnet.Name, "AvailabilityZone"),
                subnet.ZoneForm == ZoneForm.Index ? "!Select [" + subnet.Zone.ToString(CultureInfo.InvariantCulture) + ", !GetAZs '']" : subnet.ZoneText,
                subnet.Name, In(subnet));
        }

        foreach (var vpc in stack.Resources.OfType<VpcSpec>().Where(v => committed.TypeOf(v.Name) == "AWS::EC2::VPC"))
        {
            var inside = subnets.Where(s => s.Vpc.Name == vpc.Name).SelectMany(In).ToList();
            Compare(vpc.Path.Child("cidr"), "CidrBlock", committed.Scalar(vpc.Name, "CidrBlock"), vpc.CidrBlock, vpc.Name, inside);
        }

        foreach (var group in stack.Resources.OfType<SecurityGroupSpec>().Where(g => committed.TypeOf(g.Name) == "AWS::EC2::SecurityGroup"))
        {
            var users = instances.Where(i => i.SecurityGroups.Any(g => g.Name == group.Name)
                && committed.List(i.Name, "GroupSet")?.Contains("!GetAtt " + group.Name + ".GroupId") == true).ToList();
            Compare(group.Path.Child("description"), "Description", committed.Scalar(group.Name, "GroupDescription"), group.Description, group.Name, users);
        }

        return findings;
    }
}
