using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using CsCheck;
using TopologyDsl.Generators.Parsing;
using TopologyDsl.Testing;
using Xunit.Sdk;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The runtime library's attribute API as data (generators/TopologyDsl.Generators/Parsing/RuntimeApi.txt): the table is what
/// reflection on the runtime assembly gives (with UPDATE_SNAPSHOTS=1 this rewrites it), the embedded copy is that file, and
/// <see cref="RuntimeApi"/> answers from it as the library says.
/// </summary>
public class RuntimeApiTests
{
    private static readonly Assembly Runtime = typeof(StackAttribute).Assembly;

    private static readonly string TableFile = Repo.PathOf("generators", "TopologyDsl.Generators", "Parsing", "RuntimeApi.txt");

    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    [Fact]
    public void Table_IsTheRuntimeLibrarysApi()
    {
        var built = Table(Runtime);
        Snapshot.VerifyGeneratedFile(TableFile, built);
        if (!Updating)
        {
            // The embedded copy is the committed file, byte for byte (a rewritten file is embedded by the next build).
            Assert.Equal(built, RuntimeApi.ResourceText());
        }
    }

    [Fact]
    public void StaleTable_Fails()
    {
        var built = Table(Runtime);
        const string line = "  property Kind TopologyDsl.SubnetKind\n";
        Assert.Contains(line, built);
        var stale = built.Replace(line, "  property Kind int\n");
        var copy = Path.Combine(Path.GetTempPath(), "RuntimeApiTests." + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(copy, stale);
        try
        {
            if (Updating)
            {
                Snapshot.VerifyGeneratedFile(copy, built);
                Assert.Equal(built, File.ReadAllText(copy));
            }
            else
            {
                var failure = Assert.Throws<XunitException>(() => Snapshot.VerifyGeneratedFile(copy, built));
                Assert.Contains(" -   property Kind int", failure.Message, StringComparison.Ordinal);
                Assert.Contains(" +   property Kind TopologyDsl.SubnetKind", failure.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(copy);
        }

        // And the edit is one the loader sees.
        Assert.Equal(new ApiType(ApiTypeKind.Int32), RuntimeApiTable.Parse(stale).Attribute("SubnetAttribute", 1)!.Settable("Kind"));
    }

    [Fact]
    public void Subnet_HasItsConstructorAndNamedArguments()
    {
        var subnet = RuntimeApi.Attribute("SubnetAttribute", 1);
        Assert.NotNull(subnet);
        Assert.Equal("TopologyDsl.SubnetAttribute`1", subnet.MetadataName);
        Assert.Equal("SubnetAttribute", subnet.Name);
        Assert.Equal(1, subnet.Arity);
        var constructor = Assert.Single(subnet.Constructors);
        Assert.Equal([new ApiParameter("cidrBlock", new ApiType(ApiTypeKind.String), false)], constructor);
        Assert.Equal(new ApiType(ApiTypeKind.Enum, "TopologyDsl.SubnetKind"), subnet.Settable("Kind"));
        Assert.Equal(new ApiType(ApiTypeKind.Int32), subnet.Settable("Zone"));
        Assert.Equal(new ApiType(ApiTypeKind.Boolean), subnet.Settable("AssignIpv6AddressOnCreation"));
        Assert.Null(subnet.Settable("CidrBlock")); // get-only: a constructor argument, not a named one
        Assert.Null(subnet.Settable("kind"));
        Assert.Null(subnet.Settable("TypeId")); // System.Attribute's, get-only
    }

    [Fact]
    public void Overloads_ByArity_AreDifferentAttributes()
    {
        var remote = RuntimeApi.Attribute("VpcPeeringAttribute", 1);
        var local = RuntimeApi.Attribute("VpcPeeringAttribute", 2);
        Assert.NotNull(remote);
        Assert.NotNull(local);
        Assert.Equal("TopologyDsl.VpcPeeringAttribute`1", remote.MetadataName);
        Assert.Equal("TopologyDsl.VpcPeeringAttribute`2", local.MetadataName);
        Assert.Equal(2, local.Arity);
        Assert.Equal(new ApiType(ApiTypeKind.String), remote.Settable("PeerVpcId"));
        Assert.Equal(new ApiType(ApiTypeKind.StringArray), remote.Settable("PeerCidrBlocks"));
        Assert.Null(local.Settable("PeerVpcId"));
        Assert.Empty(Assert.Single(local.Constructors));
        Assert.Null(RuntimeApi.Attribute("VpcPeeringAttribute", 0));
        Assert.Null(RuntimeApi.Attribute("VpcPeeringAttribute", 3));
    }

    [Fact]
    public void Constructors_AreEveryPublicOne()
    {
        var instance = RuntimeApi.Attribute("InstanceAttribute", 1)!;
        Assert.Equal(
            [[], [new ApiParameter("privateIp", new ApiType(ApiTypeKind.String), false)]],
            instance.Constructors.Select(c => c.ToArray()).ToArray());
        Assert.Null(instance.Settable("PrivateIp"));

        var acl = RuntimeApi.Attribute("AclIngressAttribute", 0)!;
        Assert.Equal(
            ["int ruleNumber", "TopologyDsl.AclAction action", "TopologyDsl.Protocol protocol", "int port", "string cidr"],
            Assert.Single(acl.Constructors).Select(p => $"{(p.Type.Kind == ApiTypeKind.Enum ? p.Type.EnumMetadataName : p.Type.Kind.ToString().ToLowerInvariant().Replace("int32", "int"))} {p.Name}"));
        Assert.Equal(new ApiType(ApiTypeKind.Int64), RuntimeApi.Attribute("TransitGatewayAttribute", 0)!.Settable("AmazonSideAsn"));
    }

    [Fact]
    public void Enums_AreKnownBySimpleName()
    {
        Assert.True(RuntimeApi.IsEnum("Protocol", out var protocol));
        Assert.Equal("TopologyDsl.Protocol", protocol);
        // The enum's own values (Tcp is its first member, 0), not IP protocol numbers (6 for TCP, which the template builder writes).
        Assert.True(RuntimeApi.TryEnumMember("Protocol", "Tcp", out var tcp));
        Assert.Equal((int)Protocol.Tcp, tcp);
        Assert.Equal(0, tcp);
        Assert.True(RuntimeApi.TryEnumMember("Protocol", "All", out var all));
        Assert.Equal(3, all);
        Assert.True(RuntimeApi.TryEnumMember("SubnetKind", "Private", out var kind));
        Assert.Equal((int)SubnetKind.Private, kind);
        Assert.False(RuntimeApi.IsEnum("IVpc", out var none));
        Assert.Equal("", none);
        Assert.False(RuntimeApi.IsEnum("TopologyDsl.Protocol", out _));
    }

    [Fact]
    public void Constants_OfStaticClasses()
    {
        Assert.True(RuntimeApi.TryConstant("EndpointServices", "S3", out var s3, out var type));
        Assert.Equal("s3", s3);
        Assert.Equal(new ApiType(ApiTypeKind.String), type);
        Assert.True(RuntimeApi.TryConstant("ParameterTypes", "ImageIdFromSsm", out var ssm, out _));
        Assert.Equal(ParameterTypes.ImageIdFromSsm, ssm);
        Assert.True(RuntimeApi.TryConstant("ParameterTypes", "KeyPairName", out var key, out _));
        Assert.Equal("AWS::EC2::KeyPair::KeyName", key);
    }

    [Fact]
    public void DeclaredTypes_WithArity()
    {
        Assert.True(RuntimeApi.DeclaresType("IVpc", 0));
        Assert.False(RuntimeApi.DeclaresType("IVpc", 1));
        Assert.True(RuntimeApi.DeclaresType("SubnetAttribute", 1));
        Assert.False(RuntimeApi.DeclaresType("SubnetAttribute", 0));
        Assert.False(RuntimeApi.DeclaresType("Subnet", 1)); // the name as declared, not as written in brackets
        Assert.True(RuntimeApi.DeclaresType("Protocol", 0));
        Assert.True(RuntimeApi.DeclaresType("EndpointServices", 0));
        Assert.False(RuntimeApi.DeclaresType("Template", 0)); // TopologyDsl.CloudFormation's, not TopologyDsl's

        var expected = Runtime.GetExportedTypes().Where(t => !t.IsNested && t.Namespace == "TopologyDsl")
            .Select(t => t.Name.Split('`')[0]).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, RuntimeApi.TypeNames.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Contains("RouteAttribute", RuntimeApi.TypeNames);
        Assert.Equal(1, RuntimeApi.TypeNames.Count(n => n == "RouteAttribute"));
    }

    [Fact]
    public void UnknownNames_AreNotFound()
    {
        Assert.Null(RuntimeApi.Attribute("NopeAttribute", 0));
        Assert.Null(RuntimeApi.Attribute("Subnet", 1));
        Assert.Null(RuntimeApi.Attribute("IVpc", 0)); // a type, not an attribute
        Assert.False(RuntimeApi.IsEnum("Nope", out _));
        Assert.False(RuntimeApi.TryEnumMember("Protocol", "Nope", out _));
        Assert.False(RuntimeApi.TryEnumMember("Protocol", "tcp", out _));
        Assert.False(RuntimeApi.TryEnumMember("Nope", "Tcp", out _));
        Assert.False(RuntimeApi.TryConstant("EndpointServices", "Nope", out var value, out var type));
        Assert.Null(value);
        Assert.Equal(ApiTypeKind.Unsupported, type.Kind);
        Assert.False(RuntimeApi.TryConstant("Protocol", "Tcp", out _, out _));
        Assert.False(RuntimeApi.TryConstant("Nope", "S3", out _, out _));
        Assert.False(RuntimeApi.DeclaresType("Nope", 0));
        Assert.DoesNotContain("Nope", RuntimeApi.TypeNames);
    }

    /// <summary>
    /// Every type today's attributes take is one a syntax reader reads: a later runtime change that adds, say, a double property
    /// fails here, until the loader and the reader learn it. Checked from reflection, through the loader's answers.
    /// </summary>
    [Fact]
    public void EveryAttributeType_IsSupported()
    {
        var attributes = Runtime.GetExportedTypes()
            .Where(t => !t.IsNested && t.Namespace == "TopologyDsl" && t.IsSubclassOf(typeof(Attribute)) && !t.IsAbstract).ToList();
        Assert.True(attributes.Count > 40, $"only {attributes.Count} attributes found");
        foreach (var type in attributes)
        {
            var name = type.Name.Split('`')[0];
            var attribute = RuntimeApi.Attribute(name, type.IsGenericTypeDefinition ? type.GetGenericArguments().Length : 0);
            Assert.True(attribute is not null, $"{type.FullName} is not in the table");
            var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
            Assert.Equal(constructors.Length, attribute.Constructors.Count);
            foreach (var parameter in attribute.Constructors.SelectMany(c => c))
            {
                Assert.True(parameter.Type.Kind != ApiTypeKind.Unsupported, $"{type.FullName}'s constructor parameter {parameter.Name} has a type the table does not support");
            }

            foreach (var member in SettableMembers(type))
            {
                var settable = attribute.Settable(member.Name);
                Assert.True(settable is not null, $"{type.FullName}.{member.Name} is not settable in the table");
                Assert.True(settable.Kind != ApiTypeKind.Unsupported, $"{type.FullName}.{member.Name} has a type the table does not support");
            }
        }

        foreach (var type in Runtime.GetExportedTypes().Where(t => !t.IsNested && t.Namespace == "TopologyDsl" && t.IsAbstract && t.IsSealed && t.IsClass))
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(f => f.IsLiteral))
            {
                Assert.True(RuntimeApi.TryConstant(type.Name, field.Name, out var value, out _), $"{type.FullName}.{field.Name} is not a supported constant");
                Assert.Equal(field.GetRawConstantValue(), value);
            }
        }

        foreach (var type in Runtime.GetExportedTypes().Where(t => !t.IsNested && t.Namespace == "TopologyDsl" && t.IsEnum))
        {
            Assert.True(RuntimeApi.IsEnum(type.Name, out var metadataName));
            Assert.Equal(type.FullName, metadataName);
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                Assert.True(RuntimeApi.TryEnumMember(type.Name, field.Name, out var value), $"{type.FullName}.{field.Name} is not in the table");
                Assert.Equal(Convert.ToInt64(field.GetRawConstantValue(), CultureInfo.InvariantCulture), value);
            }
        }
    }

    [Fact]
    public void Loader_ReadsEveryForm()
    {
        var table = RuntimeApiTable.Parse("""
            # a comment
            attribute TopologyDsl.SampleAttribute`2
              ctor()
              ctor(string name, optional int count, params string[] tags)
              ctor(TopologyDsl.Colour colour, System.Collections.Generic.Dictionary`2[System.String,System.Int32] map)
              field Flag bool
              property Ratio System.Double
              property Colour TopologyDsl.Colour
              property Outside System.AttributeTargets
              property Big long
            enum TopologyDsl.Colour int
              Red = -1
              Green = 7
              Huge = 3000000000
            static TopologyDsl.Names
              const Quote string "a\"b\\c\u00e9\u000a"
              const Empty string ""
              const Limit int -5
              const Wide long 3000000000
              const On bool false
              const Pi System.Double
            interface TopologyDsl.IThing
            struct TopologyDsl.Point`1
            """);
        var sample = table.Attribute("SampleAttribute", 2);
        Assert.NotNull(sample);
        Assert.Equal(3, sample.Constructors.Count);
        Assert.Empty(sample.Constructors[0]);
        Assert.Equal(
            [
                new ApiParameter("name", new ApiType(ApiTypeKind.String), false),
                new ApiParameter("count", new ApiType(ApiTypeKind.Int32), true),
                new ApiParameter("tags", new ApiType(ApiTypeKind.StringArray), true),
            ],
            sample.Constructors[1]);
        Assert.Equal(
            [
                new ApiParameter("colour", new ApiType(ApiTypeKind.Enum, "TopologyDsl.Colour"), false),
                new ApiParameter("map", new ApiType(ApiTypeKind.Unsupported), false),
            ],
            sample.Constructors[2]);
        Assert.Equal(new ApiType(ApiTypeKind.Boolean), sample.Settable("Flag"));
        Assert.Equal(new ApiType(ApiTypeKind.Unsupported), sample.Settable("Ratio"));
        Assert.Equal(new ApiType(ApiTypeKind.Enum, "TopologyDsl.Colour"), sample.Settable("Colour")); // an enum declared further down
        Assert.Equal(new ApiType(ApiTypeKind.Unsupported), sample.Settable("Outside")); // an enum, but not the runtime's
        Assert.Equal(new ApiType(ApiTypeKind.Int64), sample.Settable("Big"));

        Assert.True(table.TryEnumMember("Colour", "Red", out var red));
        Assert.Equal(-1, red);
        Assert.False(table.TryEnumMember("Colour", "Huge", out _)); // does not fit an int

        Assert.True(table.TryConstant("Names", "Quote", out var quote, out _));
        Assert.Equal("a\"b\\c\u00e9\n", quote);
        Assert.True(table.TryConstant("Names", "Empty", out var empty, out _));
        Assert.Equal("", empty);
        Assert.True(table.TryConstant("Names", "Limit", out var limit, out var limitType));
        Assert.Equal((-5, ApiTypeKind.Int32), ((int)limit!, limitType.Kind));
        Assert.True(table.TryConstant("Names", "Wide", out var wide, out var wideType));
        Assert.Equal((3000000000L, ApiTypeKind.Int64), ((long)wide!, wideType.Kind));
        Assert.True(table.TryConstant("Names", "On", out var on, out _));
        Assert.Equal(false, on);
        Assert.False(table.TryConstant("Names", "Pi", out _, out _)); // a const of a type a reader does not read

        Assert.True(table.DeclaresType("IThing", 0));
        Assert.True(table.DeclaresType("Point", 1));
        Assert.True(table.DeclaresType("SampleAttribute", 2));
        Assert.Equal(["Colour", "IThing", "Names", "Point", "SampleAttribute"], table.TypeNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Loader_LeavesOutWhatItCannotRead()
    {
        var table = RuntimeApiTable.Parse("""
            attribute TopologyDsl.AAttribute
              ctor(string)
              ctor(string a, int b)
              ctor(maybe string a)
              property Broken
              property Good int
            enum TopologyDsl.E int
              A = x
              B = 2
            static TopologyDsl.C
              const Open string "abc
              const Bad string "\q"
              const Odd int twelve
              const Yes bool yes
              const Fine string "ok"
            attribute TopologyDsl.Nested.BAttribute
            class Other.Thing
            """);
        var a = table.Attribute("AAttribute", 0)!;
        Assert.Equal("string a, int b", string.Join(", ", Assert.Single(a.Constructors).Select(p => $"{p.Type.Kind.ToString().ToLowerInvariant().Replace("int32", "int")} {p.Name}")));
        Assert.Null(a.Settable("Broken"));
        Assert.NotNull(a.Settable("Good"));
        Assert.False(table.TryEnumMember("E", "A", out _));
        Assert.True(table.TryEnumMember("E", "B", out _));
        foreach (var name in new[] { "Open", "Bad", "Odd", "Yes" })
        {
            Assert.False(table.TryConstant("C", name, out _, out _), name);
        }

        Assert.True(table.TryConstant("C", "Fine", out _, out _));
        Assert.Equal(["AAttribute", "C", "E"], table.TypeNames.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void EmptyTable_AnswersNotFound()
    {
        // What RuntimeApi answers from when the resource is missing.
        foreach (var table in new[] { RuntimeApiTable.Empty, RuntimeApiTable.Parse("") })
        {
            Assert.Null(table.Attribute("SubnetAttribute", 1));
            Assert.False(table.IsEnum("Protocol", out _));
            Assert.False(table.TryEnumMember("Protocol", "Tcp", out _));
            Assert.False(table.TryConstant("EndpointServices", "S3", out _, out _));
            Assert.False(table.DeclaresType("IVpc", 0));
            Assert.Empty(table.TypeNames);
        }
    }

    [Fact]
    public void Loader_NeverThrows()
    {
        // The real table with lines cut, swapped and garbled: whatever comes out, reading it and asking it never throws.
        var lines = Table(Runtime).Split('\n');
        var damaged = Gen.Select(Gen.Int[0, lines.Length - 1], Gen.Int[0, 80], Gen.Int[0, 80], Gen.Char, Gen.Int[0, 3], (at, from, length, c, how) =>
        {
            var copy = (string[])lines.Clone();
            var line = copy[at];
            from = Math.Min(from, line.Length);
            length = Math.Min(length, line.Length - from);
            copy[at] = how switch
            {
                0 => line.Remove(from, length),
                1 => line.Insert(from, c.ToString()),
                2 => line.Substring(0, from) + new string(c, length) + line.Substring(from + length),
                _ => line + "\n" + line.Substring(from),
            };
            return string.Join("\n", copy);
        });
        damaged.Sample(text =>
        {
            var table = RuntimeApiTable.Parse(text);
            foreach (var name in table.TypeNames)
            {
                for (var arity = 0; arity < 3; arity++)
                {
                    var attribute = table.Attribute(name, arity);
                    attribute?.Settable("Kind");
                    table.DeclaresType(name, arity);
                }

                table.IsEnum(name, out _);
                table.TryEnumMember(name, "Tcp", out _);
                table.TryConstant(name, "S3", out _, out _);
            }
        }, iter: 300);
    }

    /// <summary>The settable members as the compiler sees them for named arguments: public read-write instance properties and public non-readonly instance fields.</summary>
    private static IEnumerable<MemberInfo> SettableMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true } && p.SetMethod is { IsPublic: true })
            .Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly && !f.IsLiteral));

    /// <summary>The canonical text of RuntimeApi.txt for <paramref name="assembly"/> (the header says the format).</summary>
    internal static string Table(Assembly assembly)
    {
        var text = new StringBuilder(Header);
        var types = assembly.GetExportedTypes().Where(t => !t.IsNested && t.Namespace == RuntimeApi.Namespace)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.IsEnum)
            {
                text.Append("enum ").Append(type.FullName).Append(' ').Append(TypeName(Enum.GetUnderlyingType(type))).Append('\n');
                var members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Select(f => (f.Name, Value: Convert.ToDecimal(f.GetRawConstantValue(), CultureInfo.InvariantCulture)))
                    .OrderBy(m => m.Value).ThenBy(m => m.Name, StringComparer.Ordinal);
                foreach (var (name, value) in members)
                {
                    text.Append("  ").Append(name).Append(" = ").Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
            }
            else if (type.IsClass && type.IsAbstract && type.IsSealed)
            {
                text.Append("static ").Append(type.FullName).Append('\n');
                var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Where(f => f.IsLiteral).OrderBy(f => f.Name, StringComparer.Ordinal);
                foreach (var constant in constants)
                {
                    text.Append("  const ").Append(constant.Name).Append(' ').Append(TypeName(constant.FieldType));
                    var value = constant.GetRawConstantValue();
                    var written = value switch
                    {
                        string s => Quote(s),
                        int or long => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        _ => null,
                    };
                    text.Append(written is null || constant.FieldType.IsEnum ? "" : " " + written).Append('\n');
                }
            }
            else if (type.IsClass && !type.IsAbstract && type.IsSubclassOf(typeof(Attribute)))
            {
                text.Append("attribute ").Append(type.FullName).Append('\n');
                var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                    .Select(c => (Count: c.GetParameters().Length, Text: "ctor(" + string.Join(", ", c.GetParameters().Select(Parameter)) + ")"))
                    .OrderBy(c => c.Count).ThenBy(c => c.Text, StringComparer.Ordinal);
                foreach (var (_, line) in constructors)
                {
                    text.Append("  ").Append(line).Append('\n');
                }

                var settable = SettableMembers(type)
                    .Select(m => (m.Name, Line: $"{(m is PropertyInfo ? "property" : "field")} {m.Name} {TypeName(m is PropertyInfo p ? p.PropertyType : ((FieldInfo)m).FieldType)}"))
                    .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.Line, StringComparer.Ordinal);
                foreach (var (_, line) in settable)
                {
                    text.Append("  ").Append(line).Append('\n');
                }
            }
            else
            {
                var kind = type.IsInterface ? "interface"
                    : type.IsEnum ? "enum"
                    : type.IsValueType ? "struct"
                    : type.IsSubclassOf(typeof(Delegate)) ? "delegate"
                    : "class";
                text.Append(kind).Append(' ').Append(type.FullName).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Parameter(ParameterInfo parameter) =>
        (parameter.IsDefined(typeof(ParamArrayAttribute)) ? "params " : parameter.IsOptional || parameter.HasDefaultValue ? "optional " : "")
        + TypeName(parameter.ParameterType) + " " + parameter.Name;

    /// <summary>The C# keyword of the types a reader reads, the metadata name of an enum of the namespace, otherwise Type.ToString() (no spaces).</summary>
    private static string TypeName(Type type) =>
        type == typeof(string) ? "string"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(bool) ? "bool"
        : type == typeof(string[]) ? "string[]"
        : type == typeof(sbyte) ? "sbyte"
        : type == typeof(byte) ? "byte"
        : type == typeof(short) ? "short"
        : type == typeof(ushort) ? "ushort"
        : type == typeof(uint) ? "uint"
        : type == typeof(ulong) ? "ulong"
        : type.IsEnum && type.Assembly == Runtime && type.Namespace == RuntimeApi.Namespace && !type.IsNested ? type.FullName!
        : type.ToString().Replace(" ", "");

    /// <summary>In double quotes; \ and " escaped with \, every character outside printable ASCII as \uXXXX.</summary>
    private static string Quote(string value)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                quoted.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('"').ToString();
    }

    private const string Header = """
        # The public API of the runtime library's namespace TopologyDsl (src/TopologyDsl/Attributes), as data for the generator's
        # syntax reader of attributes (generators/TopologyDsl.Generators/Parsing/RuntimeApi.cs), which reads them without the compiler.
        # Generated from the runtime assembly by RuntimeApiTests (tests/TopologyDsl.Generators.Tests), which fails while this file
        # and the library differ; after changing the library's public API in that namespace, refresh it with
        #   UPDATE_SNAPSHOTS=1 dotnet test tests/TopologyDsl.Generators.Tests --filter RuntimeApiTests
        # and review the diff. Do not edit by hand.
        #
        # Format: lines starting with # are comments. Every public top-level type of the namespace is a block, the blocks in
        # ordinal order of metadata name: a header line "<kind> <metadata name>" (generic types with their arity, `1), kind one of
        # attribute, enum, static, interface, class, struct, delegate; then, for three kinds, member lines indented by two spaces:
        #   attribute (a public non-abstract class deriving from System.Attribute)
        #     ctor(<type> <name>, ...)    each public instance constructor, fewest parameters first, then in ordinal order of the line;
        #                                 parameters in order, "optional " or "params " before one with a default value or params
        #     property <name> <type>      each public read-write instance property (both accessors public, as named arguments need)
        #     field <name> <type>         each public instance field neither readonly nor const
        #                                 (properties and fields together in ordinal order of name)
        #   enum <metadata name> <underlying type>
        #     <member> = <value>          each member, in order of value, then ordinal order of name
        #   static (a public static class)
        #     const <name> <type> <value> each public const, in ordinal order of name; a string in double quotes, with \" and \\,
        #                                 and every character outside printable ASCII as \uXXXX; int and long in decimal; bool as
        #                                 true or false; a const of another type has no value
        # A type is string, int, long, bool, string[], the metadata name of an enum of this file, or (read as unsupported) any other
        # type as .NET writes it (System.Double, System.Nullable`1[System.Int32], TVpc).

        """;
}
