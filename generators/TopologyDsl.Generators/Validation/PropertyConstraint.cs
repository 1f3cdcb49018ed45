using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// What AWS accepts for one property: the keywords of a resource provider schema (pattern, lengths,
/// enum, bounds) or, where the schema is silent, a rule of the service's API with its source named.
/// Most instances live in <see cref="SchemaConstraints"/>, generated from the vendored schemas.
/// </summary>
internal sealed class PropertyConstraint
{
    private Regex? _regex;

    public PropertyConstraint(string cfnType, string property, string? pattern = null, int? minLength = null, int? maxLength = null,
        string[]? allowed = null, long? minimum = null, long? maximum = null, string? source = null)
    {
        CfnType = cfnType;
        Property = property;
        Pattern = pattern;
        MinLength = minLength;
        MaxLength = maxLength;
        Allowed = allowed ?? [];
        Minimum = minimum;
        Maximum = maximum;
        Source = source;
    }

    public string CfnType { get; }

    /// <summary>The property's path under Properties, with <c>[]</c> for list items: <c>SecurityGroupIngress[].Description</c>.</summary>
    public string Property { get; }

    public string? Pattern { get; }

    public int? MinLength { get; }

    public int? MaxLength { get; }

    /// <summary>The schema's enum, as invariant strings.</summary>
    public string[] Allowed { get; }

    public long? Minimum { get; }

    public long? Maximum { get; }

    /// <summary>Where a rule that is not in the resource schema comes from; null for schema data.</summary>
    public string? Source { get; }

    /// <summary>How messages name the property: <c>GroupDescription of AWS::EC2::SecurityGroup</c>.</summary>
    public string Describe => Property + " of " + CfnType;

    /// <summary>What the value breaks, as the end of a sentence ("at most 255 characters"), or null when AWS accepts it.</summary>
    public string? Violation(string value)
    {
        // Lengths count UTF-16 code units, as the schemas' JSON Schema validators in Java and Python do for the BMP.
        if (MaxLength is { } max && value.Length > max)
        {
            return "at most " + Invariant.Format(max) + " characters long (it has " + Invariant.Format(value.Length) + ")";
        }

        if (MinLength is { } min && value.Length < min)
        {
            return "at least " + Invariant.Format(min) + " characters long";
        }

        if (Allowed.Length > 0 && !Allowed.Contains(value, System.StringComparer.Ordinal))
        {
            return "one of " + string.Join(", ", Allowed);
        }

        if (Pattern is not null && Regex() is { } regex && !regex.IsMatch(value))
        {
            return "made only of what the pattern " + Pattern + " allows" + FirstOffender(regex, value);
        }

        return null;
    }

    /// <summary>What the number breaks, or null when AWS accepts it.</summary>
    public string? Violation(long value)
    {
        if (Allowed.Length > 0 && !Allowed.Contains(Invariant.Format(value), System.StringComparer.Ordinal))
        {
            return "one of " + string.Join(", ", Allowed);
        }

        if (Minimum is { } min && value < min)
        {
            return "at least " + Invariant.Format(min);
        }

        if (Maximum is { } max && value > max)
        {
            return "at most " + Invariant.Format(max);
        }

        return null;
    }

    private Regex? Regex()
    {
        if (_regex is null && Pattern is not null)
        {
            try
            {
                _regex = new Regex(Pattern, RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));
            }
            catch (System.ArgumentException)
            {
                // A schema pattern .NET cannot read is not checked (a test asserts every pattern in the table compiles).
                return null;
            }
        }

        return _regex;
    }

    // For character-class patterns, name the first character that breaks it: "'ウ' is not allowed".
    private static string FirstOffender(Regex regex, string value)
    {
        foreach (var c in value)
        {
            try
            {
                if (!regex.IsMatch(c.ToString()))
                {
                    return "; '" + c + "' is not allowed";
                }
            }
            catch (RegexMatchTimeoutException)
            {
                break;
            }
        }

        return "";
    }
}
