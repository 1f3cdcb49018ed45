using System.Globalization;

namespace TopologyDsl.Generators.Model;

/// <summary>Numbers as message arguments and generated code write them, whatever the machine's culture.</summary>
internal static class Invariant
{
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Items as words: "a", "a and b", "a, b and c".</summary>
    public static string List(System.Collections.Generic.IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", System.Linq.Enumerable.Take(items, items.Count - 1)) + " and " + items[items.Count - 1];
}
