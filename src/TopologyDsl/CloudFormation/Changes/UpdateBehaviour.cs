using System;
using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Resources;

namespace TopologyDsl.CloudFormation.Changes;

/// <summary>
/// What CloudFormation does when a property changes. Replacement comes from the resource schemas'
/// <c>createOnlyProperties</c> (the generated table in UpdateBehaviour.CreateOnly.cs). The schemas do
/// not record in-place updates that interrupt, nor properties that replace only in part; those below
/// come from the "Update requires" line of each property in the AWS CloudFormation User Guide
/// (resource and property reference, AWS::EC2::Instance).
/// </summary>
internal static partial class UpdateBehaviour
{
    /// <summary>An EBS volume (a data volume the DSL may write; its schema is in the table).</summary>
    private const string Volume = "AWS::EC2::Volume";

    private const string StopStart = "an EBS-backed instance is stopped and started (documented as \"some interruptions\"); a public IP that is not an Elastic IP changes";

    /// <summary>Documented conditional and interrupting updates: the type, the top property, and how a change at a path under it behaves.</summary>
    private static readonly Dictionary<(string Type, string Property), Func<IReadOnlyList<string>, (ChangeEffect, string)>> Documented = new()
    {
        // "After the instance is running, you can modify only the DeleteOnTermination parameter for the
        // attached volumes without interrupting the instance. Modifying any other parameter results in
        // instance replacement."
        [(CfnTypes.Instance, "BlockDeviceMappings")] = path => path is [_, "*", "Ebs", "DeleteOnTermination"]
            ? (ChangeEffect.Update, "only DeleteOnTermination of a mapping changes in place")
            : (ChangeEffect.Replace, "a block device mapping changes in place only in DeleteOnTermination"),
        [(CfnTypes.Instance, "InstanceType")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "UserData")] = _ => (ChangeEffect.Interrupt, StopStart + "; cloud-init runs user data at the first boot only, so the new script does not run"),
        [(CfnTypes.Instance, "EbsOptimized")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "KernelId")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "RamdiskId")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "Tenancy")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "HostId")] = _ => (ChangeEffect.Interrupt, StopStart),
        [(CfnTypes.Instance, "Affinity")] = _ => (ChangeEffect.Interrupt, StopStart),

        // EBS cannot move a volume to another zone, yet the resource schema (no createOnlyProperties) and
        // the User Guide record the zone as updatable and say no more: conditional, stated as such.
        [(Volume, "AvailabilityZone")] = _ => (ChangeEffect.MayReplace, MovedVolume),
        [(Volume, "AvailabilityZoneId")] = _ => (ChangeEffect.MayReplace, MovedVolume),
    };

    private const string MovedVolume = "EBS cannot move a volume to another zone and CloudFormation documents no update of it; expect a new, empty volume (UpdateReplacePolicy decides what becomes of the old one)";

    /// <summary>
    /// The effect of a change under Properties at <paramref name="path"/> (property names, <c>*</c> for
    /// a list index) on a resource of <paramref name="type"/>, and why when it is not a plain update.
    /// </summary>
    public static (ChangeEffect Effect, string? Reason) Of(string type, IReadOnlyList<string> path, TemplateNode? before, TemplateNode? after)
    {
        if (path.Count == 0)
        {
            return (ChangeEffect.Update, null);
        }

        if (Documented.TryGetValue((type, path[0]), out var rule))
        {
            return rule(path);
        }

        if (CreateOnly.TryGetValue(type, out var paths) && paths.Any(p => Overlaps(p.Split('/'), path)))
        {
            return (ChangeEffect.Replace, "create-only");
        }

        return (ChangeEffect.Update, null);
    }

    /// <summary>Whether one path lies on the other (a change above a create-only property reaches it; one below it is in it).</summary>
    private static bool Overlaps(string[] createOnly, IReadOnlyList<string> path)
    {
        for (var i = 0; i < Math.Min(createOnly.Length, path.Count); i++)
        {
            if (createOnly[i] != path[i] && createOnly[i] != "*" && path[i] != "*")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// What data is lost when a resource is replaced (<paramref name="replacing"/>) or removed, or null
    /// when none is, or when its policy keeps it (UpdateReplacePolicy of the new template on replacement,
    /// DeletionPolicy of the committed one on removal: Retain, or Snapshot where the type supports it).
    /// </summary>
    public static string? DataLost(string type, MapNode old, MapNode? @new, bool replacing)
    {
        var policy = ((replacing ? @new : old)?[replacing ? "UpdateReplacePolicy" : "DeletionPolicy"] as ScalarNode)?.Text;
        if (policy == "Retain" || policy == "RetainExceptOnCreate" || (policy == "Snapshot" && Policies.SnapshotTypes.Contains(type)))
        {
            return null;
        }

        var properties = old["Properties"] as MapNode;
        return type switch
        {
            CfnTypes.Instance => DeletedVolumes(properties),
            Volume => "the volume and its data are deleted",
            CfnTypes.Secret => "the secret and its value are deleted",
            CfnTypes.LogGroup => "its log events are deleted",
            _ => null,
        };
    }

    /// <summary>An instance's volumes deleted with it: those mapped with DeleteOnTermination (the root volume by default).</summary>
    private static string? DeletedVolumes(MapNode? properties)
    {
        if (properties?["BlockDeviceMappings"] is not ListNode { Items.Count: > 0 } mappings)
        {
            return "its root volume is deleted";
        }

        var deleted = mappings.Items.OfType<MapNode>()
            .Where(m => m["Ebs"] is MapNode ebs && (ebs["DeleteOnTermination"] as ScalarNode)?.Text != "false")
            .Select(m => (m["DeviceName"] as ScalarNode)?.Text ?? "?")
            .ToArray();
        return deleted.Length switch
        {
            0 => null,
            1 when deleted[0] is "/dev/xvda" or "/dev/sda1" => "its root volume is deleted",
            _ => "its volumes " + string.Join(", ", deleted) + " are deleted",
        };
    }
}
