using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TopologyDsl.Tests.Infrastructure;

/// <summary>The CloudFormation resource provider schemas in Schemas/ (see its README for their source).</summary>
public static class Schemas
{
    private static readonly ConcurrentDictionary<string, (JsonSchema Schema, string[] ReadOnly)> Cache = new();

    public static string FileName(string type) => type.ToLowerInvariant().Replace("::", "-") + ".json";

    private static (JsonSchema Schema, string[] ReadOnly) Load(string type) => Cache.GetOrAdd(type, t =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", FileName(t));
        Assert.True(File.Exists(path), $"No schema for {t}: copy {FileName(t)} into tests/TopologyDsl.Tests/Schemas");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        // The provider meta-schema's URI cannot be resolved offline; the schemas are draft-07 underneath,
        // and draft-07 ignores the AWS- and cfn-lint-specific keywords, as they must be.
        json.Remove("$schema");
        var readOnly = json["readOnlyProperties"]?.AsArray().Select(p => p!.GetValue<string>().Replace("/properties/", "")).ToArray() ?? [];
        var schema = JsonSchema.FromText(json.ToJsonString(), new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() });
        return (schema, readOnly);
    });

    /// <summary>The attributes Fn::GetAtt can read from a resource of this type: the schema's readOnlyProperties.</summary>
    public static string[] Attributes(string type) => Load(type).ReadOnly;

    /// <summary>
    /// Validates a resource's Properties and returns the errors that do not stand at or under a
    /// masked location (an intrinsic function, whose value is only known at deploy time).
    /// </summary>
    public static List<string> Validate(string type, JsonNode properties, IReadOnlyCollection<string> masked)
    {
        var (schema, _) = Load(type);
        using var document = JsonDocument.Parse(properties.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        // The branches of an anyOf that holds fail, and say so in the list; the anyOf does not (AWS::EC2::Volume:
        // AvailabilityZone and Size, or a snapshot, or a source volume).
        var heldAnyOf = (results.Details ?? [results])
            .Select(d => (d.IsValid, Match: System.Text.RegularExpressions.Regex.Match(d.EvaluationPath.ToString(), "^(.*/anyOf/)[0-9]+$")))
            .Where(d => d.IsValid && d.Match.Success)
            .Select(d => d.Match.Groups[1].Value).ToList();
        var errors = new List<string>();
        foreach (var detail in results.Details ?? [results])
        {
            if (detail.Errors is not { Count: > 0 } messages || heldAnyOf.Any(p => detail.EvaluationPath.ToString().StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var location = detail.InstanceLocation.ToString();
            if (masked.Any(m => location == m || location.StartsWith(m + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            // Items that are intrinsics are all null here, so they compare equal: uniqueness cannot be judged before deploy.
            var itemsMasked = masked.Any(m => m.StartsWith(location + "/", StringComparison.Ordinal));
            errors.AddRange(messages.Where(e => !(e.Key == "uniqueItems" && itemsMasked)).Select(e => $"{location} ({e.Key}): {e.Value}"));
        }

        return errors;
    }
}
