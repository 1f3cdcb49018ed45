using System.Globalization;

namespace TopologyDsl.Generators.Model;

/// <summary>
/// A short digest of a stack's spec. The generator writes the digest of the spec it read into the generated file, and
/// the analyzer, which reads the stack through the compiler's bound attributes, compares it with its own (TDSL021):
/// the two readings of a stack must agree, or the template would not be what the code says.
/// </summary>
internal static class SpecFingerprint
{
    /// <summary>How the generated file states the digest, at its top.</summary>
    public const string Prefix = "// TopologyDsl read this stack as ";

    /// <summary>
    /// 64-bit FNV-1a over the spec's text (records print their members; <see cref="EquatableArray{T}"/> prints its items), with
    /// <see cref="RefSpec.IsError"/> left out: only the analyzer checks a type argument against the attribute's constraints,
    /// and where that fails the compiler reports CS0311 anyway. Records print numbers in the current culture; the generator and
    /// the analyzer run in one compiler process, so both digests use the same.
    /// </summary>
    public static string Of(StackSpec spec)
    {
        var text = spec.ToString().Replace("IsError = True", "IsError = False");

        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>The digest a generated file states, or null when it states none.</summary>
    public static string? Read(string generatedText)
    {
        var start = generatedText.IndexOf(Prefix, System.StringComparison.Ordinal);
        if (start < 0 || start > 200 || start + Prefix.Length + 16 > generatedText.Length)
        {
            return null;
        }

        return generatedText.Substring(start + Prefix.Length, 16);
    }
}
