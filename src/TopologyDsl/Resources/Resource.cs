using System;
using System.Collections.Generic;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Resources;

/// <summary>One resource of a CloudFormation template.</summary>
public abstract class Resource
{
    /// <summary>Creates a resource with the given logical ID.</summary>
    protected Resource(string logicalId)
    {
        LogicalIds.Check(logicalId);
        LogicalId = logicalId;
    }

    /// <summary>The resource's logical ID in the template.</summary>
    public string LogicalId { get; }

    /// <summary>The CloudFormation type name, such as <c>AWS::EC2::VPC</c>.</summary>
    public abstract string Type { get; }

    /// <summary>Logical IDs of the resources CloudFormation must create before this one.</summary>
    public List<string> DependsOn { get; } = [];

    private string? _deletionPolicy;
    private string? _updateReplacePolicy;

    /// <summary>
    /// What CloudFormation does with the resource when it is removed from the template or the stack is
    /// deleted: <c>Delete</c>, <c>Retain</c>, <c>RetainExceptOnCreate</c> or <c>Snapshot</c> (only on
    /// <see cref="Policies.SnapshotTypes"/>); null writes no attribute (CloudFormation deletes it).
    /// Resources that hold data default to keeping it (<see cref="DefaultPolicy"/>).
    /// </summary>
    public string? DeletionPolicy
    {
        get => _deletionPolicy ?? DefaultPolicy;
        set => _deletionPolicy = Policies.Check(this, "DeletionPolicy", value);
    }

    /// <summary>
    /// What CloudFormation does with the old resource when an update replaces it: <c>Delete</c>,
    /// <c>Retain</c> or <c>Snapshot</c> (only on <see cref="Policies.SnapshotTypes"/>); null writes no
    /// attribute (CloudFormation deletes it). Defaults as <see cref="DeletionPolicy"/> does.
    /// </summary>
    public string? UpdateReplacePolicy
    {
        get => _updateReplacePolicy ?? DefaultPolicy;
        set => _updateReplacePolicy = Policies.Check(this, "UpdateReplacePolicy", value);
    }

    /// <summary>The policy for removal and replacement unless one is set: null (CloudFormation's Delete) but for resources that hold data.</summary>
    protected virtual string? DefaultPolicy => null;

    /// <summary>
    /// The resource's CreationPolicy attribute (what CloudFormation waits for before it marks the
    /// resource created), or null for none. Written beside DependsOn, outside the properties.
    /// </summary>
    public virtual MapValue? CreationPolicy() => null;

    /// <summary>The resource's properties, in the order they are written.</summary>
    public MapValue Properties()
    {
        var map = new MapValue();
        WriteProperties(map);
        return map;
    }

    /// <summary>Adds this resource's properties to <paramref name="properties"/>, in order.</summary>
    protected abstract void WriteProperties(MapValue properties);
}

/// <summary>The values of DeletionPolicy and UpdateReplacePolicy, and where Snapshot is allowed.</summary>
public static class Policies
{
    /// <summary>
    /// The types whose DeletionPolicy and UpdateReplacePolicy may be <c>Snapshot</c>: the list of the
    /// AWS CloudFormation User Guide, "DeletionPolicy attribute" (the same as cfn-lint 1.51's rule E3035).
    /// </summary>
    public static readonly IReadOnlySet<string> SnapshotTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::DocDB::DBCluster", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::Redshift::Cluster",
    };

    internal static string? Check(Resource resource, string attribute, string? value)
    {
        var valid = value is null or "Delete" or "Retain"
            || (value == "RetainExceptOnCreate" && attribute == "DeletionPolicy")
            || (value == "Snapshot" && SnapshotTypes.Contains(resource.Type));
        return valid ? value : throw new TopologyException("TDSL335",
            $"{attribute} '{value}' is not valid for '{resource.LogicalId}' ({resource.Type}): " + (value == "Snapshot"
                ? "only " + string.Join(", ", SnapshotTypes) + " take Snapshot"
                : attribute + " takes Delete, Retain" + (attribute == "DeletionPolicy" ? ", RetainExceptOnCreate" : "") + " or Snapshot"));
    }
}

/// <summary>A resource that takes tags.</summary>
public abstract class TaggedResource(string logicalId) : Resource(logicalId)
{
    /// <summary>The resource's tags, written in the order added. The generator adds a Name tag.</summary>
    public List<Tag> Tags { get; } = [];

    /// <summary>Adds the Tags property when there are tags.</summary>
    protected void WriteTags(MapValue properties)
    {
        if (Tags.Count > 0)
        {
            properties.Add("Tags", new ListValue(Tags.ConvertAll(t => (Value)new MapValue().Add("Key", t.Key).Add("Value", t.Value))));
        }
    }
}

/// <summary>A resource tag.</summary>
public sealed record Tag(string Key, Value Value)
{
    /// <summary>The Name tag, which the AWS console shows as the resource's name.</summary>
    public static Tag Name(string name) => new("Name", name);
}

/// <summary>Rules for logical IDs, shared by the runtime checks.</summary>
public static class LogicalIds
{
    /// <summary>CloudFormation's limit on a logical ID's length.</summary>
    public const int MaxLength = 255;

    /// <summary>Whether <paramref name="id"/> is a logical ID CloudFormation accepts: ASCII letters and digits only, at most 255.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id!.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            {
                return false;
            }
        }

        return true;
    }

    internal static void Check(string logicalId)
    {
        if (!IsValid(logicalId))
        {
            throw new TopologyException("TDSL301", $"'{logicalId}' is not a valid logical ID: CloudFormation accepts only ASCII letters and digits, at most {MaxLength} characters");
        }
    }
}

/// <summary>
/// A topology rule broken at run time. <see cref="Id"/> is the same TDSL ID the analyzer reports for
/// the same rule, so one search finds the explanation.
/// </summary>
public sealed class TopologyException(string id, string message) : Exception(id + ": " + message)
{
    /// <summary>The diagnostic ID, such as <c>TDSL301</c>.</summary>
    public string Id { get; } = id;
}
