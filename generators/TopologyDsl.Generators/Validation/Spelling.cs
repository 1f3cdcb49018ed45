using System.Collections.Generic;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// The one name of a list closest to a misspelt one, for "did you mean" in messages. Written here because
/// the generator targets netstandard2.0 inside the compiler, which offers no such helper, and a package for
/// a dozen lines would ship inside every user's compiler.
/// </summary>
internal static class Spelling
{
    /// <summary>
    /// The candidate closest to <paramref name="written"/>: one that differs only in case, else the only one
    /// at the smallest distance, if that is at most a third of the name's length (two edits for most names).
    /// Null when nothing is that close, or two candidates are equally close.
    /// </summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var tied = false;
        foreach (var candidate in candidates)
        {
            if (candidate == written)
            {
                continue;
            }

            var distance = string.Equals(candidate, written, System.StringComparison.OrdinalIgnoreCase) ? 0 : Distance(written, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance, tied) = (candidate, distance, false);
            }
            else if (distance == bestDistance && candidate != best)
            {
                tied = true;
            }
        }

        return best is not null && !tied && bestDistance <= System.Math.Max(1, written.Length / 3) ? best : null;
    }

    /// <summary>
    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (Regoin, Region) each count one.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = System.Math.Min(System.Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = System.Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
