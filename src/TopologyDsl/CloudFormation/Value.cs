using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;

namespace TopologyDsl.CloudFormation;

/// <summary>
/// A value in a CloudFormation template: a scalar, a list, a mapping or an intrinsic function.
/// </summary>
public abstract class Value
{
    private protected Value() { }

    /// <summary>A string scalar; null stays null, which a mapping leaves out.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static implicit operator Value?(string? text) => text is null ? null : new StringValue(text);

    /// <summary>An integer scalar.</summary>
    public static implicit operator Value(int number) => new NumberValue(number);

    /// <summary>A boolean scalar.</summary>
    public static implicit operator Value(bool flag) => new BooleanValue(flag);
}

/// <summary>A string scalar.</summary>
public sealed class StringValue(string text) : Value
{
    /// <summary>The text.</summary>
    public string Text { get; } = text ?? throw new ArgumentNullException(nameof(text));

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>An integer scalar.</summary>
public sealed class NumberValue(long number) : Value
{
    /// <summary>The number.</summary>
    public long Number { get; } = number;

    /// <inheritdoc />
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A boolean scalar.</summary>
public sealed class BooleanValue(bool flag) : Value
{
    /// <summary>The flag.</summary>
    public bool Flag { get; } = flag;

    /// <inheritdoc />
    public override string ToString() => Flag ? "true" : "false";
}

/// <summary>A list of values, written as a YAML sequence.</summary>
public sealed class ListValue : Value
{
    /// <summary>Creates a list.</summary>
    public ListValue(IEnumerable<Value> items) => Items = items.ToArray();

    /// <summary>Creates a list.</summary>
    public ListValue(params Value[] items) : this((IEnumerable<Value>)items) { }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<Value> Items { get; }
}

/// <summary>A mapping, written as a YAML mapping in the order its entries were added.</summary>
public sealed class MapValue : Value
{
    private readonly List<KeyValuePair<string, Value>> _entries = [];

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, Value>> Entries => _entries;

    /// <summary>Adds an entry; a null value is left out, as CloudFormation treats it as absent.</summary>
    public MapValue Add(string key, Value? value)
    {
        if (value is not null)
        {
            if (_entries.Any(e => e.Key == key))
            {
                throw new ArgumentException($"The key '{key}' is already in this mapping.", nameof(key));
            }

            _entries.Add(new KeyValuePair<string, Value>(key, value));
        }

        return this;
    }
}

/// <summary>
/// An intrinsic function such as <c>Ref</c> or <c>Fn::GetAtt</c>. Written in the short form
/// (<c>!Ref</c>) unless its argument is itself an intrinsic function, where YAML allows only one tag
/// per node and the outer function takes the long form (<c>Fn::Base64: !Sub ...</c>).
/// </summary>
public sealed class IntrinsicValue : Value
{
    internal IntrinsicValue(string name, Value argument)
    {
        Name = name;
        Argument = argument;
    }

    /// <summary>The function's name without prefix: Ref, GetAtt, Sub, Join, Select, GetAZs, Base64, ImportValue.</summary>
    public string Name { get; }

    /// <summary>The function's argument.</summary>
    public Value Argument { get; }

    /// <summary>The short-form YAML tag, such as <c>!Ref</c>.</summary>
    public string ShortTag => "!" + Name;

    /// <summary>The long-form key, such as <c>Fn::GetAtt</c> (<c>Ref</c> has no prefix).</summary>
    public string LongName => Name == "Ref" ? "Ref" : "Fn::" + Name;
}

/// <summary>Builds intrinsic function values.</summary>
public static class Fn
{
    /// <summary><c>!Ref name</c>: a parameter's value or a resource's identifier.</summary>
    public static IntrinsicValue Ref(string logicalName) => new("Ref", logicalName);

    /// <summary><c>!GetAtt resource.attribute</c>.</summary>
    public static IntrinsicValue GetAtt(string logicalId, string attribute) => new("GetAtt", logicalId + "." + attribute);

    /// <summary><c>!Sub text</c>, substituting <c>${Name}</c> and <c>${Resource.Attribute}</c>.</summary>
    public static IntrinsicValue Sub(string text) => new("Sub", text);

    /// <summary><c>!Sub [text, {Name: value, ...}]</c>: <c>${Name}</c> in the text also names one of the variables.</summary>
    public static IntrinsicValue Sub(string text, MapValue variables) => new("Sub", new ListValue(text, variables));

    /// <summary><c>!Join [delimiter, [item, ...]]</c>: the items' text with <paramref name="delimiter"/> between them.</summary>
    public static IntrinsicValue Join(string delimiter, params Value[] items) => new("Join", new ListValue(delimiter, new ListValue(items)));

    /// <summary><c>!Select [index, list]</c>.</summary>
    public static IntrinsicValue Select(int index, Value list) => new("Select", new ListValue(index, list));

    /// <summary><c>!GetAZs region</c>; an empty region means the stack's own.</summary>
    public static IntrinsicValue GetAZs(string region = "") => new("GetAZs", region);

    /// <summary><c>!Base64 value</c>.</summary>
    public static IntrinsicValue Base64(Value value) => new("Base64", value);

    /// <summary><c>!ImportValue name</c>: the value another stack of the account and region exports under that name.</summary>
    public static IntrinsicValue ImportValue(string exportName) => new("ImportValue", exportName);

    /// <summary><c>!Cidr [block, count, hostBits]</c>: the first <paramref name="count"/> blocks of <paramref name="hostBits"/> host bits inside the block.</summary>
    public static IntrinsicValue Cidr(Value block, int count, int hostBits) => new("Cidr", new ListValue(block, count, hostBits));

    /// <summary>
    /// The /64 with the given index (0 to 255) inside the /56 IPv6 block Amazon provides to a VPC:
    /// <c>!Select [index, !Cidr [!Select [0, !GetAtt vpc.Ipv6CidrBlocks], 256, 64]]</c>.
    /// </summary>
    public static IntrinsicValue Ipv6Subnet(string vpc, int index) => Select(index, Cidr(Select(0, GetAtt(vpc, "Ipv6CidrBlocks")), 256, 64));

    /// <summary>The availability zone with the given index in the stack's region.</summary>
    public static IntrinsicValue Zone(int index) => Select(index, GetAZs());
}
