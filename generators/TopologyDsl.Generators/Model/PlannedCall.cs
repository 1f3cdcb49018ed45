using System.Collections.Generic;
using System.Linq;

namespace TopologyDsl.Generators.Model;

/// <summary>
/// One statement of a generated <c>BuildTemplate()</c>: a call of the runtime's <c>TemplateBuilder</c>
/// (<paramref name="Method"/>) for one resource, parameter or output named <paramref name="Name"/>,
/// with its other arguments by name. The plan decides every value; the emitter only prints.
/// </summary>
internal sealed record PlannedCall(string Method, string Name, EquatableArray<PlannedArgument> Arguments)
{
    /// <summary>The argument with the given name, if the call has it.</summary>
    public PlannedValue? this[string name] => Arguments.FirstOrDefault(a => a.Name == name)?.Value;
}

/// <summary>An argument of a call; <paramref name="Name"/> is null for a positional one.</summary>
internal sealed record PlannedArgument(string? Name, PlannedValue Value);

/// <summary>A value the generated code passes: a C# constant, a list of names, or a nested call.</summary>
internal abstract record PlannedValue
{
    /// <summary>A string constant (a literal, a CIDR block, or the logical ID of another resource).</summary>
    public sealed record Text(string Value) : PlannedValue;

    /// <summary>An integer constant.</summary>
    public sealed record Number(int Value) : PlannedValue;

    /// <summary>A 64-bit integer constant (an ASN).</summary>
    public sealed record Long(long Value) : PlannedValue;

    /// <summary>A boolean constant.</summary>
    public sealed record Flag(bool Value) : PlannedValue;

    /// <summary>An array of string constants, usually logical IDs.</summary>
    public sealed record Names(EquatableArray<string> Values) : PlannedValue;

    /// <summary>An array of values.</summary>
    public sealed record Items(EquatableArray<PlannedValue> Values) : PlannedValue;

    /// <summary>A multi-line text kept exactly as written (a boot script).</summary>
    public sealed record Script(string Value) : PlannedValue;

    /// <summary>A call of a builder helper such as <c>Ref</c>, <c>Sub</c> or <c>Rule</c>.</summary>
    public sealed record Call(string Method, EquatableArray<PlannedArgument> Arguments) : PlannedValue;

    public static PlannedValue? TextOrNull(string? value) => value is null ? null : new Text(value);

    public static PlannedValue? NamesOrNull(IEnumerable<string> values)
    {
        var array = values.ToEquatableArray();
        return array.Count == 0 ? null : new Names(array);
    }

    public static Call Ref(string name) => Helper("Ref", new Text(name));

    public static Call GetAtt(string logicalId, string attribute) => Helper("GetAtt", new Text(logicalId), new Text(attribute));

    public static Call Sub(string text) => Helper("Sub", new Text(text));

    public static Call Helper(string method, params PlannedValue[] positional) =>
        new(method, positional.Select(v => new PlannedArgument(null, v)).ToEquatableArray());
}
