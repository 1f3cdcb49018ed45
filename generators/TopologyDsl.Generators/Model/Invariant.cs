using System.Globalization;

namespace TopologyDsl.Generators.Model;

/// <summary>Numbers as message arguments and generated code write them, whatever the machine's culture.</summary>
internal static class Invariant
{
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
