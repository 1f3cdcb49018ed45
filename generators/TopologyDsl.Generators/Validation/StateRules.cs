using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Resources that hold data: the [Policies] of a record (DeletionPolicy, UpdateReplacePolicy) against
/// what CloudFormation accepts for its type, and data volumes (size, device, encryption).
/// </summary>
internal static class StateRules
{
    /// <summary>
    /// The types whose policies may be Snapshot, as the AWS CloudFormation User Guide lists them
    /// ("DeletionPolicy attribute"); the runtime's Policies.SnapshotTypes is the same list.
    /// </summary>
    private static readonly HashSet<string> SnapshotTypes =
    [
        "AWS::DocDB::DBCluster", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::Redshift::Cluster",
    ];

    public static void Check(StackIndex index, List<Finding> findings)
    {
        var devices = new Dictionary<(string Instance, string Device), DataVolumeSpec>();
        foreach (var resource in index.Stack.Resources)
        {
            if (resource.Policies is { } policies)
            {
                CheckPolicies(resource, policies, findings);
            }

            if (resource is not DataVolumeSpec volume)
            {
                continue;
            }

            if (volume.Type is < VolumeTypeSpec.Gp3 or > VolumeTypeSpec.Standard)
            {
                // A cast to VolumeType of a number it does not name.
                findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, volume.Path.Child("type"), "Type", volume.Name,
                    Invariant.Format((int)volume.Type), "a value of VolumeType"));
            }
            else if (volume.Size < StackPlan.VolumeSizeRange(volume.Type).Min || volume.Size > StackPlan.VolumeSizeRange(volume.Type).Max)
            {
                var (min, max) = StackPlan.VolumeSizeRange(volume.Type);
                findings.Add(Finding.Create(DiagnosticDescriptors.VolumeSizeOutOfRange.Id, volume.Path.Child("size"), volume.Name,
                    Invariant.Format(volume.Size), Invariant.Format(min), Invariant.Format(max), StackPlan.VolumeTypeName(volume.Type)));
            }

            if (!IsDataDevice(volume.Device))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.VolumeDeviceNotAllowed.Id, volume.Path.Child("device"), volume.Name, volume.Device));
            }

            if (index.Resolve<InstanceSpec>(volume.Instance) is { } instance)
            {
                var key = (index.Key(instance), DeviceKey(volume.Device));
                if (devices.TryGetValue(key, out var first))
                {
                    findings.Add(new Finding(DiagnosticDescriptors.DuplicateVolumeDevice.Id, volume.Path.Child("device"),
                        new[] { volume.Name, instance.Name, volume.Device, first.Name }.ToEquatableArray(), first.Path.Child("device")));
                }
                else
                {
                    devices.Add(key, volume);
                }
            }

            if (!volume.Encrypted)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DataVolumeUnencrypted.Id, volume.Path.Child("encrypted"), volume.Name));
            }
        }
    }

    /// <summary>What names one device: /dev/sdX and /dev/xvdX are the same (the letter decides); other names stand for themselves.</summary>
    private static string DeviceKey(string device) =>
        device.StartsWith("/dev/xvd", System.StringComparison.Ordinal) ? "/dev/sd" + device.Substring(8) : device;

    /// <summary>/dev/sd[f-p] or /dev/xvd[f-p]: the names the EC2 User Guide recommends for EBS volumes on Linux.</summary>
    public static bool IsDataDevice(string device)
    {
        var prefix = device.StartsWith("/dev/sd", System.StringComparison.Ordinal) ? 7
            : device.StartsWith("/dev/xvd", System.StringComparison.Ordinal) ? 8 : -1;
        return prefix > 0 && device.Length == prefix + 1 && device[prefix] is >= 'f' and <= 'p';
    }

    private static void CheckPolicies(ResourceSpec resource, PolicySpec policies, List<Finding> findings)
    {
        var path = resource.Path.Child("policies");
        var type = resource switch
        {
            SecretSpec => "AWS::SecretsManager::Secret",
            InstanceSpec => "AWS::EC2::Instance",
            DataVolumeSpec => "AWS::EC2::Volume",
            VpcSpec { FlowLogs: true } => "AWS::Logs::LogGroup",
            _ => null,
        };
        if (type is null)
        {
            var why = resource is VpcSpec
                ? "VPC '" + resource.Name + "' has no flow log group (FlowLogs = true), the only data a VPC's policies apply to"
                : "[Policies] applies to what holds a record's data: a secret, an instance, a data volume or a VPC's flow log group";
            findings.Add(Finding.Create(DiagnosticDescriptors.PolicyNotValid.Id, path, "[Policies]", resource.Name, why));
            return;
        }

        Check("DeletionPolicy", policies.Deletion, "deletionPolicy");
        Check("UpdateReplacePolicy", policies.UpdateReplace, "updateReplacePolicy");

        // Kinds without a default of their own (instances) write only what the record sets: one policy
        // that keeps the resource without the other protects it half (cfn-lint W3011).
        if (resource is InstanceSpec && (policies.Deletion == RemovalPolicySpec.Default) != (policies.UpdateReplace == RemovalPolicySpec.Default))
        {
            var (set, value, missing, segment, when) = policies.Deletion != RemovalPolicySpec.Default
                ? ("DeletionPolicy", policies.Deletion, "UpdateReplacePolicy", "deletionPolicy", "when an update replaces it")
                : ("UpdateReplacePolicy", policies.UpdateReplace, "DeletionPolicy", "updateReplacePolicy", "when it is removed or the stack is deleted");
            if (value is RemovalPolicySpec.Retain or RemovalPolicySpec.RetainExceptOnCreate or RemovalPolicySpec.Snapshot)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.HalfKeptResource.Id, path.Child(segment), resource.Name, set + " = " + value, missing, when));
            }
        }

        void Check(string attribute, RemovalPolicySpec policy, string segment)
        {
            string? why = policy switch
            {
                RemovalPolicySpec.Snapshot when !SnapshotTypes.Contains(type) =>
                    type + " cannot be snapshotted (Snapshot works on " + string.Join(", ", SnapshotTypes.OrderBy(t => t, System.StringComparer.Ordinal)) + "); use Retain",
                RemovalPolicySpec.RetainExceptOnCreate when attribute == "UpdateReplacePolicy" =>
                    "UpdateReplacePolicy takes Delete, Retain or Snapshot; RetainExceptOnCreate is a DeletionPolicy only",
                > RemovalPolicySpec.Snapshot or < RemovalPolicySpec.Default => "it is not a value of RemovalPolicy",
                _ => null,
            };
            if (why is not null)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.PolicyNotValid.Id, path.Child(segment), attribute + " = " + Display(policy), resource.Name, why));
            }
        }
    }

    private static string Display(RemovalPolicySpec policy) =>
        policy is >= RemovalPolicySpec.Default and <= RemovalPolicySpec.Snapshot ? policy.ToString() : Invariant.Format((int)policy);
}
