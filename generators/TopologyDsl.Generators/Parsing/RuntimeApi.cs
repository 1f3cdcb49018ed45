using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace TopologyDsl.Generators.Parsing;

/// <summary>What a type of the runtime library's attribute API is, as far as a syntax-only reader cares.</summary>
internal enum ApiTypeKind
{
    String,
    Int32,
    Int64,
    Boolean,
    Enum,
    StringArray,

    /// <summary>Any other type (double, object, a type parameter...): a reader that meets one asks the compiler instead.</summary>
    Unsupported,
}

/// <summary>A type of a constructor parameter, settable member or constant; <paramref name="EnumMetadataName"/> names the enum of the runtime for <see cref="ApiTypeKind.Enum"/>.</summary>
internal sealed record ApiType(ApiTypeKind Kind, string? EnumMetadataName = null);

/// <summary>A constructor parameter; <paramref name="IsOptionalOrParams"/> when it has a default value or is a params array.</summary>
internal sealed record ApiParameter(string Name, ApiType Type, bool IsOptionalOrParams);

/// <summary>A public non-abstract attribute class of the runtime library: its public constructors and its settable members.</summary>
internal sealed class ApiAttribute
{
    private readonly Dictionary<string, ApiType> _settable;

    public ApiAttribute(string metadataName, IReadOnlyList<IReadOnlyList<ApiParameter>> constructors, Dictionary<string, ApiType> settable)
    {
        MetadataName = metadataName;
        RuntimeApiTable.Split(metadataName, out var name, out var arity);
        Name = name;
        Arity = arity;
        Constructors = constructors;
        _settable = settable;
    }

    /// <summary>The metadata name, such as <c>TopologyDsl.SubnetAttribute`1</c>.</summary>
    public string MetadataName { get; }

    /// <summary>The simple name without the arity suffix, such as <c>SubnetAttribute</c>.</summary>
    public string Name { get; }

    /// <summary>The number of type parameters.</summary>
    public int Arity { get; }

    /// <summary>The public instance constructors, each as its parameters in order.</summary>
    public IReadOnlyList<IReadOnlyList<ApiParameter>> Constructors { get; }

    /// <summary>The type of the public read-write property or non-readonly field <paramref name="name"/> (a named argument), or null.</summary>
    public ApiType? Settable(string name) => _settable.TryGetValue(name, out var type) ? type : null;
}

/// <summary>
/// The public API of the runtime library's namespace <c>TopologyDsl</c> (src/TopologyDsl/Attributes), as data: which types the
/// namespace declares, the attributes' constructors and settable members, the enums' members and the static classes'
/// constants. A syntax-only reader of attributes uses it to read <c>[Subnet&lt;Net&gt;("10.0.1.0/24", Kind = SubnetKind.Private)]</c>
/// without binding. The table is RuntimeApi.txt beside this file, embedded in this assembly and read once; that file is
/// generated from the runtime library by RuntimeApiTests (which also fails when the two differ) and says its format.
/// Without the resource (never in a built generator) every question answers "not found", so that readers fall back to the
/// compiler; nothing here throws.
/// </summary>
internal static class RuntimeApi
{
    /// <summary>The manifest name of the table (the LogicalName in the project file).</summary>
    public const string ResourceName = "TopologyDsl.Generators.RuntimeApi.txt";

    /// <summary>The namespace the table describes.</summary>
    public const string Namespace = "TopologyDsl";

    private static readonly Lazy<RuntimeApiTable> Table = new(Load);

    /// <summary>The attribute class <paramref name="name"/> as declared, with the Attribute suffix ("SubnetAttribute"), of <paramref name="arity"/> type parameters; null if the runtime has none.</summary>
    public static ApiAttribute? Attribute(string name, int arity) => Table.Value.Attribute(name, arity);

    /// <summary>Whether <paramref name="simpleName"/> ("Protocol") is an enum of the runtime; <paramref name="metadataName"/> is then its metadata name ("TopologyDsl.Protocol"), otherwise empty.</summary>
    public static bool IsEnum(string simpleName, out string metadataName) => Table.Value.IsEnum(simpleName, out metadataName);

    /// <summary>The value of <paramref name="member"/> of the runtime enum <paramref name="enumSimpleName"/>; false if there is no such member (or its value does not fit an int).</summary>
    public static bool TryEnumMember(string enumSimpleName, string member, out int value) => Table.Value.TryEnumMember(enumSimpleName, member, out value);

    /// <summary>
    /// The value (a string, int, long or bool) and type of the public const <paramref name="member"/> of the public static class
    /// <paramref name="classSimpleName"/> ("EndpointServices", "S3"); false if there is none, or if it is of another type.
    /// </summary>
    public static bool TryConstant(string classSimpleName, string member, out object? value, out ApiType type) =>
        Table.Value.TryConstant(classSimpleName, member, out value, out type);

    /// <summary>Whether the namespace TopologyDsl of the runtime declares a type <paramref name="simpleName"/> of <paramref name="arity"/> type parameters.</summary>
    public static bool DeclaresType(string simpleName, int arity) => Table.Value.DeclaresType(simpleName, arity);

    /// <summary>Every simple name the namespace declares, of any arity (for shadowing checks).</summary>
    public static IReadOnlyCollection<string> TypeNames => Table.Value.TypeNames;

    /// <summary>The embedded table's text, or null without the resource.</summary>
    internal static string? ResourceText()
    {
        using var stream = typeof(RuntimeApi).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static RuntimeApiTable Load()
    {
        try
        {
            var text = ResourceText();
            return text is null ? RuntimeApiTable.Empty : RuntimeApiTable.Parse(text);
        }
        catch (IOException)
        {
            // A resource that cannot be read is treated as a missing one (Parse itself never throws).
            return RuntimeApiTable.Empty;
        }
    }
}

/// <summary>The table RuntimeApi.txt describes, parsed; <see cref="RuntimeApi"/> answers from the embedded one, tests from others.</summary>
internal sealed class RuntimeApiTable
{
    private static readonly ApiType StringType = new(ApiTypeKind.String);
    private static readonly ApiType Int32Type = new(ApiTypeKind.Int32);
    private static readonly ApiType Int64Type = new(ApiTypeKind.Int64);
    private static readonly ApiType BooleanType = new(ApiTypeKind.Boolean);
    private static readonly ApiType StringArrayType = new(ApiTypeKind.StringArray);
    private static readonly ApiType UnsupportedType = new(ApiTypeKind.Unsupported);

    /// <summary>A table of nothing: what a generator without the resource answers from.</summary>
    public static readonly RuntimeApiTable Empty = new();

    // Keys are metadata names ("TopologyDsl.SubnetAttribute`1"); enum and constant tables by simple name.
    private readonly Dictionary<string, ApiAttribute> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EnumEntry> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Constant>> _constants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);

    private RuntimeApiTable()
    {
    }

    public IReadOnlyCollection<string> TypeNames => _typeNames;

    public ApiAttribute? Attribute(string name, int arity) =>
        _attributes.TryGetValue(MetadataName(name, arity), out var attribute) ? attribute : null;

    public bool IsEnum(string simpleName, out string metadataName)
    {
        if (_enums.TryGetValue(simpleName, out var entry))
        {
            metadataName = entry.MetadataName;
            return true;
        }

        metadataName = "";
        return false;
    }

    public bool TryEnumMember(string enumSimpleName, string member, out int value)
    {
        if (_enums.TryGetValue(enumSimpleName, out var entry) && entry.Members.TryGetValue(member, out var boxed)
            && boxed.Value >= int.MinValue && boxed.Value <= int.MaxValue)
        {
            value = (int)boxed.Value;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryConstant(string classSimpleName, string member, out object? value, out ApiType type)
    {
        if (_constants.TryGetValue(classSimpleName, out var members) && members.TryGetValue(member, out var constant)
            && constant.Type.Kind != ApiTypeKind.Unsupported)
        {
            value = constant.Value;
            type = constant.Type;
            return true;
        }

        value = null;
        type = UnsupportedType;
        return false;
    }

    public bool DeclaresType(string simpleName, int arity) => _types.Contains(MetadataName(simpleName, arity));

    /// <summary>
    /// Reads the table's text (the format is in RuntimeApi.txt's header). Lines it cannot read are left out, so that a
    /// reader asks the compiler about what they would have said; it never throws.
    /// </summary>
    public static RuntimeApiTable Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var table = new RuntimeApiTable();

        // First the type headers, so that a member may name an enum declared further down.
        var enumNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (Header(line, out var kind, out var name) && kind == "enum")
            {
                enumNames.Add(name);
            }
        }

        string? kindOfBlock = null;
        string? block = null;
        List<IReadOnlyList<ApiParameter>>? constructors = null;
        Dictionary<string, ApiType>? settable = null;
        EnumEntry? enumEntry = null;
        Dictionary<string, Constant>? constants = null;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (Header(line, out var kind, out var name))
            {
                table.Close(kindOfBlock, block, constructors, settable);
                kindOfBlock = kind;
                block = name;
                constructors = null;
                settable = null;
                enumEntry = null;
                constants = null;
                table._types.Add(name);
                Split(name, out var simple, out _);
                table._typeNames.Add(SimpleName(simple));
                switch (kind)
                {
                    case "attribute":
                        constructors = [];
                        settable = new Dictionary<string, ApiType>(StringComparer.Ordinal);
                        break;
                    case "enum":
                        enumEntry = new EnumEntry(name);
                        table._enums[SimpleName(name)] = enumEntry;
                        break;
                    case "static":
                        constants = new Dictionary<string, Constant>(StringComparer.Ordinal);
                        table._constants[SimpleName(name)] = constants;
                        break;
                }

                continue;
            }

            if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                continue;
            }

            var member = line.Substring(2);
            if (constructors is not null && member.StartsWith("ctor(", StringComparison.Ordinal) && member.EndsWith(")", StringComparison.Ordinal))
            {
                if (Parameters(member.Substring(5, member.Length - 6), enumNames) is { } parameters)
                {
                    constructors.Add(parameters);
                }
            }
            else if (settable is not null && (member.StartsWith("property ", StringComparison.Ordinal) || member.StartsWith("field ", StringComparison.Ordinal)))
            {
                var parts = member.Split(' ');
                if (parts.Length == 3 && parts[1].Length > 0)
                {
                    settable[parts[1]] = TypeOf(parts[2], enumNames);
                }
            }
            else if (enumEntry is not null)
            {
                var parts = member.Split(' ');
                if (parts.Length == 3 && parts[1] == "=" && long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                {
                    enumEntry.Members[parts[0]] = new EnumValue(value);
                }
            }
            else if (constants is not null && member.StartsWith("const ", StringComparison.Ordinal))
            {
                if (ConstantOf(member.Substring(6), enumNames, out var constantName) is { } constant)
                {
                    constants[constantName] = constant;
                }
            }
        }

        table.Close(kindOfBlock, block, constructors, settable);
        return table;
    }

    /// <summary>Splits a metadata name ("TopologyDsl.SubnetAttribute`1") into its name without arity and the arity.</summary>
    internal static void Split(string metadataName, out string name, out int arity)
    {
        var tick = metadataName.LastIndexOf('`');
        if (tick > 0 && int.TryParse(metadataName.Substring(tick + 1), NumberStyles.None, CultureInfo.InvariantCulture, out arity))
        {
            name = SimpleName(metadataName.Substring(0, tick));
            return;
        }

        name = SimpleName(metadataName);
        arity = 0;
    }

    private static string SimpleName(string name) => name.Substring(name.LastIndexOf('.') + 1);

    private static string MetadataName(string simpleName, int arity) =>
        arity == 0 ? RuntimeApi.Namespace + "." + simpleName : RuntimeApi.Namespace + "." + simpleName + "`" + arity.ToString(CultureInfo.InvariantCulture);

    private void Close(string? kind, string? name, List<IReadOnlyList<ApiParameter>>? constructors, Dictionary<string, ApiType>? settable)
    {
        if (kind == "attribute" && name is not null && constructors is not null && settable is not null)
        {
            _attributes[name] = new ApiAttribute(name, constructors.ToArray(), settable);
        }
    }

    /// <summary>A block header: a kind, a space and a metadata name in the namespace, at the start of a line.</summary>
    private static bool Header(string line, out string kind, out string name)
    {
        kind = "";
        name = "";
        if (line.Length == 0 || line[0] == ' ' || line[0] == '#')
        {
            return false;
        }

        var parts = line.Split(' ');
        if (parts.Length < 2 || !parts[1].StartsWith(RuntimeApi.Namespace + ".", StringComparison.Ordinal)
            || parts[1].IndexOf('.', RuntimeApi.Namespace.Length + 1) >= 0)
        {
            return false;
        }

        kind = parts[0];
        name = parts[1];
        return true;
    }

    private static IReadOnlyList<ApiParameter>? Parameters(string list, HashSet<string> enumNames)
    {
        if (list.Length == 0)
        {
            return [];
        }

        var parameters = new List<ApiParameter>();
        foreach (var text in list.Split([", "], StringSplitOptions.None))
        {
            var parts = text.Split(' ');
            var optional = parts.Length == 3 && (parts[0] == "optional" || parts[0] == "params");
            if (!(parts.Length == 2 || optional) || parts[parts.Length - 1].Length == 0)
            {
                return null;
            }

            parameters.Add(new ApiParameter(parts[parts.Length - 1], TypeOf(parts[parts.Length - 2], enumNames), optional));
        }

        return parameters.ToArray();
    }

    private static ApiType TypeOf(string text, HashSet<string> enumNames) => text switch
    {
        "string" => StringType,
        "int" => Int32Type,
        "long" => Int64Type,
        "bool" => BooleanType,
        "string[]" => StringArrayType,
        _ when enumNames.Contains(text) => new ApiType(ApiTypeKind.Enum, text),
        _ => UnsupportedType,
    };

    /// <summary>"S3 string \"s3\"", "Limit int 5", "On bool true"; another type is read as unsupported.</summary>
    private static Constant? ConstantOf(string text, HashSet<string> enumNames, out string name)
    {
        var first = text.IndexOf(' ');
        var second = first < 0 ? -1 : text.IndexOf(' ', first + 1);
        name = first < 0 ? text : text.Substring(0, first);
        if (first <= 0)
        {
            return null;
        }

        var type = TypeOf(second < 0 ? text.Substring(first + 1) : text.Substring(first + 1, second - first - 1), enumNames);
        var value = second < 0 ? "" : text.Substring(second + 1);
        switch (type.Kind)
        {
            case ApiTypeKind.String:
                return Unquote(value) is { } s ? new Constant(type, s) : null;
            case ApiTypeKind.Int32:
                return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? new Constant(type, i) : null;
            case ApiTypeKind.Int64:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? new Constant(type, l) : null;
            case ApiTypeKind.Boolean:
                return value switch { "true" => new Constant(type, true), "false" => new Constant(type, false), _ => null };
            default:
                return new Constant(UnsupportedType, null);
        }
    }

    /// <summary>A string in double quotes with the escapes \" \\ and \uXXXX (four hex digits); null if malformed.</summary>
    private static string? Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 >= text.Length - 1)
            {
                return null;
            }

            var next = text[++i];
            if (next is '"' or '\\')
            {
                builder.Append(next);
            }
            else if (next == 'u' && i + 4 < text.Length - 1
                && int.TryParse(text.Substring(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 4;
            }
            else
            {
                return null;
            }
        }

        return builder.ToString();
    }

    // Classes, not structs, as values of the dictionaries: the framework's code over a struct value is JIT-compiled by every
    // fresh compiler process, while over classes it is precompiled and shared.
    private sealed class EnumEntry(string metadataName)
    {
        public string MetadataName { get; } = metadataName;

        public Dictionary<string, EnumValue> Members { get; } = new(StringComparer.Ordinal);
    }

    private sealed class EnumValue(long value)
    {
        public long Value { get; } = value;
    }

    private sealed class Constant(ApiType type, object? value)
    {
        public ApiType Type { get; } = type;

        public object? Value { get; } = value;
    }
}
