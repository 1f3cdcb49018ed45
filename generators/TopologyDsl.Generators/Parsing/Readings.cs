using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// Compares the two readings of a stack: the generator's, from syntax (<see cref="ProgramSyntax"/>), and the analyzer's,
/// through the compiler's bound attributes. They must agree, or the template would not be what the code says (TDSL021).
/// </summary>
internal static class Readings
{
    /// <summary>
    /// Whether the readings agree, <see cref="RefSpec.IsError"/> aside: only the analyzer checks a type argument against the
    /// attribute's constraints, and where that fails the compiler reports CS0311 anyway.
    /// </summary>
    public static bool Agree(StackSpec bound, StackSpec read) => bound == read || Text(bound) == Text(read);

    /// <summary>Where the syntax reading differs: the first record, or the stack's own attributes.</summary>
    public static string Difference(StackSpec bound, StackSpec read)
    {
        foreach (var name in bound.Resources.Select(r => r.Name).Concat(read.Resources.Select(r => r.Name)).Distinct())
        {
            var mine = bound.Resources.FirstOrDefault(r => r.Name == name);
            var theirs = read.Resources.FirstOrDefault(r => r.Name == name);
            if (mine is null || theirs is null || Text(bound with { Resources = EquatableArray.Create(mine) }) != Text(bound with { Resources = EquatableArray.Create(theirs) }))
            {
                return mine is null ? $"it read '{name}' as {TopologyParser.OwnerDisplay(theirs!.Kind)}, the compiler as no resource"
                    : theirs is null ? $"it read '{name}' as no resource, the compiler as {TopologyParser.OwnerDisplay(mine.Kind)}"
                    : $"it read record '{name}' differently";
            }
        }

        return "it read the stack's own attributes differently";
    }

    // Records print their members and EquatableArray its items; the readings compared are of one process, one culture.
    private static string Text(StackSpec spec) => spec.ToString().Replace("IsError = True", "IsError = False");
}
