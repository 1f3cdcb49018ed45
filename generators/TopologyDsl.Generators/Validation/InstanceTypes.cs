using System;
using System.Collections.Generic;
using System.IO;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// The EC2 instance types (TDSL417), read once from InstanceTypes.txt, embedded in this assembly. That file names
/// its source (the EC2 API's InstanceType enumeration in botocore's EC2 service model) and how to refresh it.
/// </summary>
internal static class InstanceTypes
{
    /// <summary>The manifest name of the list (the LogicalName in the project file).</summary>
    public const string ResourceName = "TopologyDsl.Generators.InstanceTypes.txt";

    private static readonly Lazy<string[]> List = new(Load);

    private static readonly Lazy<HashSet<string>> Set = new(() => new HashSet<string>(List.Value, StringComparer.Ordinal));

    /// <summary>Every type of the list, in ordinal order.</summary>
    public static IReadOnlyList<string> All => List.Value;

    /// <summary>Whether the list has <paramref name="type"/>; true for every type if the list could not be read, so that nothing is reported then.</summary>
    public static bool IsKnown(string type) => List.Value.Length == 0 || Set.Value.Contains(type);

    /// <summary>
    /// The known type nearest to <paramref name="type"/> by edit distance (<see cref="Spelling.Closest"/>: within a third of its
    /// length, two edits for most types, and no other as near); null when none is.
    /// </summary>
    public static string? Suggest(string type) => Spelling.Closest(type, List.Value);

    private static string[] Load()
    {
        using var stream = typeof(InstanceTypes).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            // Never in a built generator; without the list, no type is reported rather than every one.
            return [];
        }

        using var reader = new StreamReader(stream);
        var types = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                types.Add(line);
            }
        }

        types.Sort(StringComparer.Ordinal);
        return types.ToArray();
    }
}
