using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Tags of the stack and of its records: the limits of the Amazon EC2 User Guide's "Tag restrictions"
/// (keys of 1 to 128 characters, values of at most 256, 50 tags per resource, one value per key, the
/// aws: prefix reserved for AWS) and the characters of the resource types that restrict them.
/// </summary>
internal static class TagRules
{
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 256;
    public const int MaxTags = 50;
    public const string ReservedPrefix = "aws:";

    /// <summary>
    /// The Key and Value patterns of the AWS::IAM::Role schema's Tag (us-east-1, cfn-lint v1.51.5). EC2
    /// resources take any character in tags (EC2 User Guide, "Tag restrictions"); of the types the
    /// generator writes, only the IAM role has a pattern (the Secrets Manager and CloudWatch Logs schemas have none).
    /// </summary>
    private static readonly Regex RoleTagKey = new(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$", RegexOptions.CultureInvariant);

    private static readonly Regex RoleTagValue = new(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant);

    public static void Check(StackIndex index, List<Finding> findings)
    {
        var stack = index.Stack;
        CheckList(stack.Tags, ModelPath.Stack, "stack '" + stack.StackName + "'", findings);
        foreach (var resource in stack.Resources)
        {
            if (resource.Tags.Count == 0)
            {
                continue;
            }

            CheckList(resource.Tags, resource.Path, "'" + resource.Name + "'", findings);
            if (resource is ParameterSpec or RouteResourceSpec or TransitGatewayEntrySpec)
            {
                for (var i = 0; i < resource.Tags.Count; i++)
                {
                    findings.Add(Finding.Create(DiagnosticDescriptors.TagOnUntaggedKind.Id, resource.Path.Item("tag", i), resource.Tags[i].Key, resource.Name,
                        resource switch
                        {
                            ParameterSpec => "a template parameter",
                            TransitGatewayEntrySpec { Propagates: true } => "a transit gateway propagation (AWS::EC2::TransitGatewayRouteTablePropagation)",
                            TransitGatewayEntrySpec => "a transit gateway association (AWS::EC2::TransitGatewayRouteTableAssociation)",
                            _ => "a route (AWS::EC2::Route)",
                        }));
                }
            }
        }

        if (stack.Tags.Count == 0 && stack.Resources.All(r => r.Tags.Count == 0))
        {
            return;
        }

        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (name, tags) in StackPlan.TaggedResources(stack))
        {
            if (tags.Count > MaxTags)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TooManyTags.Id, name.Owner, Capitalized(name.Describe), Invariant.Format(tags.Count)));
            }

            if (name.CfnType == "AWS::IAM::Role")
            {
                CheckRoleCharacters(stack, name, reported, findings);
            }
        }
    }

    /// <summary>Each tag of one [Tag] list (the stack's or a record's): lengths, the reserved prefix, a key given twice.</summary>
    private static void CheckList(EquatableArray<TagSpec> tags, ModelPath owner, string describe, List<Finding> findings)
    {
        var seen = new Dictionary<string, ModelPath>(System.StringComparer.Ordinal);
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            var path = owner.Item("tag", i);
            var keyLength = Characters(tag.Key);
            if (keyLength is 0 or > MaxKeyLength)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TagKeyLength.Id, path.Child("key"), Shorten(tag.Key), describe, Invariant.Format(keyLength)));
            }
            else if (tag.Key.StartsWith(ReservedPrefix, System.StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TagKeyReserved.Id, path.Child("key"), tag.Key, describe));
            }

            var valueLength = Characters(tag.Value);
            if (valueLength > MaxValueLength)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TagValueLength.Id, path.Child("value"), Shorten(tag.Key), describe, Invariant.Format(valueLength)));
            }

            if (seen.TryGetValue(tag.Key, out var first))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.DuplicateTagKey.Id, path.Child("key"), first.Child("key"), Shorten(tag.Key), describe));
            }
            else
            {
                seen.Add(tag.Key, path);
            }
        }
    }

    /// <summary>The tags that reach a role the generator adds (the stack's, and its record's but Name), against the role schema's patterns; each reported once.</summary>
    private static void CheckRoleCharacters(StackSpec stack, PlannedName role, HashSet<string> reported, List<Finding> findings)
    {
        var record = stack.Resources.FirstOrDefault(r => r.Name == StackPlan.RecordOf(role));
        var own = record?.Tags ?? EquatableArray<TagSpec>.Empty;
        var sources = new List<(TagSpec Tag, ModelPath Path)>();
        for (var i = 0; i < own.Count; i++)
        {
            if (own[i].Key != StackPlan.NameTag)
            {
                sources.Add((own[i], record!.Path.Item("tag", i)));
            }
        }

        for (var i = 0; i < stack.Tags.Count; i++)
        {
            if (!own.Any(t => t.Key == stack.Tags[i].Key && t.Key != StackPlan.NameTag))
            {
                sources.Add((stack.Tags[i], ModelPath.Stack.Item("tag", i)));
            }
        }

        foreach (var (tag, path) in sources)
        {
            if (tag.Key.Length > 0 && !RoleTagKey.IsMatch(tag.Key) && reported.Add(path.Child("key").Value))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TagCharactersRefused.Id, path.Child("key"), "key", Shorten(tag.Key), role.Describe, role.CfnType));
            }

            if (!RoleTagValue.IsMatch(tag.Value) && reported.Add(path.Child("value").Value))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.TagCharactersRefused.Id, path.Child("value"), "value", Shorten(tag.Key), role.Describe, role.CfnType));
            }
        }
    }

    /// <summary>The length in Unicode characters (code points), as AWS counts it: a surrogate pair is one character.</summary>
    public static int Characters(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A key as messages quote it: a very long one cut to its first 40 characters.</summary>
    private static string Shorten(string key) => key.Length <= 40 ? key : key.Substring(0, 40) + "...";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
