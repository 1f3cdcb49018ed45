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

    /// <summary>The farthest a suggestion may be from what was written: two edits (insertions, deletions, substitutions, swaps of neighbours).</summary>
    public const int MaxSuggestionDistance = 2;

    private static readonly Lazy<string[]> List = new(Load);

    private static readonly Lazy<HashSet<string>> Set = new(() => new HashSet<string>(List.Value, StringComparer.Ordinal));

    /// <summary>Every type of the list, in ordinal order.</summary>
    public static IReadOnlyList<string> All => List.Value;

    /// <summary>Whether the list has <paramref name="type"/>; true for every type if the list could not be read, so that nothing is reported then.</summary>
    public static bool IsKnown(string type) => List.Value.Length == 0 || Set.Value.Contains(type);

    /// <summary>
    /// The known type nearest to <paramref name="type"/> by edit distance (optimal string alignment), if it is at most
    /// <see cref="MaxSuggestionDistance"/> edits away; the first in ordinal order among equally near ones; null when none is that near.
    /// </summary>
    public static string? Suggest(string type)
    {
        string? best = null;
        var bestDistance = MaxSuggestionDistance + 1;
        foreach (var known in List.Value)
        {
            if (Math.Abs(known.Length - type.Length) >= bestDistance)
            {
                continue;
            }

            var distance = Distance(type, known, bestDistance);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (known, distance);
            }
        }

        return best;
    }

    /// <summary>
    /// The optimal string alignment distance of <paramref name="a"/> and <paramref name="b"/> (Levenshtein's edits and the
    /// swap of two neighbouring characters, "mirco" to "micro" being one edit); any value of <paramref name="limit"/> or
    /// more stands for "too far" once every entry of a row reaches it.
    /// </summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        // Three rows of the dynamic programming table: two back (for swaps), one back, current.
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, before[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin >= limit)
            {
                return limit;
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[b.Length];
    }

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
