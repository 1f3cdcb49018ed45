using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using TopologyDsl.Resources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TopologyDsl.CloudFormation;

/// <summary>
/// Writes a <see cref="Template"/> as CloudFormation YAML. This is the only code that writes YAML.
/// The output is deterministic: the same template gives the same bytes, with LF line endings,
/// sections in CloudFormation's conventional order and intrinsic functions in their short form.
/// </summary>
public static partial class TemplateWriter
{
    /// <summary>The template format version CloudFormation expects.</summary>
    public const string FormatVersion = "2010-09-09";

    /// <summary>Writes the template as YAML text.</summary>
    public static string Write(Template template)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(text, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false,
            maxSimpleKeyLength: 1024, skipAnchorName: false, indentSequences: true, newLine: "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new MappingStart());

        Key(emitter, "AWSTemplateFormatVersion");
        Scalar(emitter, FormatVersion);
        if (template.Description is { } description)
        {
            Key(emitter, "Description");
            Scalar(emitter, description);
        }

        if (template.Parameters.Count > 0)
        {
            Key(emitter, "Parameters");
            emitter.Emit(new MappingStart());
            foreach (var parameter in template.Parameters)
            {
                Key(emitter, parameter.Name);
                WriteValue(emitter, parameter.ToMap());
            }

            emitter.Emit(new MappingEnd());
        }

        Key(emitter, "Resources");
        emitter.Emit(new MappingStart());
        foreach (var resource in template.Resources)
        {
            Key(emitter, resource.LogicalId);
            emitter.Emit(new MappingStart());
            Key(emitter, "Type");
            Scalar(emitter, resource.Type);
            if (resource.DeletionPolicy is { } deletion)
            {
                Key(emitter, "DeletionPolicy");
                Scalar(emitter, deletion);
            }

            if (resource.UpdateReplacePolicy is { } replace)
            {
                Key(emitter, "UpdateReplacePolicy");
                Scalar(emitter, replace);
            }

            if (resource.DependsOn.Count > 0)
            {
                Key(emitter, "DependsOn");
                WriteValue(emitter, resource.DependsOn.Count == 1
                    ? new StringValue(resource.DependsOn[0])
                    : new ListValue(resource.DependsOn.Select(d => (Value)d)));
            }

            if (resource.CreationPolicy() is { } policy)
            {
                Key(emitter, "CreationPolicy");
                WriteValue(emitter, policy);
            }

            var properties = resource.Properties();
            if (properties.Entries.Count > 0)
            {
                Key(emitter, "Properties");
                WriteValue(emitter, properties);
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new MappingEnd());

        if (template.Outputs.Count > 0)
        {
            Key(emitter, "Outputs");
            emitter.Emit(new MappingStart());
            foreach (var output in template.Outputs)
            {
                Key(emitter, output.Name);
                WriteValue(emitter, output.ToMap());
            }

            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>The size in bytes of the template's UTF-8 text, which is what CloudFormation's quotas count.</summary>
    public static int ByteCount(string yaml) => Encoding.UTF8.GetByteCount(yaml);

    private static void Key(IEmitter emitter, string key) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, true, false));

    private static void WriteValue(IEmitter emitter, Value value, TagName tag = default)
    {
        switch (value)
        {
            case StringValue s:
                Scalar(emitter, s.Text, tag);
                break;
            case NumberValue n:
                emitter.Emit(new Scalar(AnchorName.Empty, tag, n.ToString(), ScalarStyle.Plain, tag.IsEmpty, false));
                break;
            case BooleanValue b:
                emitter.Emit(new Scalar(AnchorName.Empty, tag, b.ToString(), ScalarStyle.Plain, tag.IsEmpty, false));
                break;
            case ListValue list:
                // Short argument lists of intrinsic functions read best inline: !Select [0, !GetAZs ''].
                var flow = !tag.IsEmpty && list.Items.All(IsScalarLike);
                emitter.Emit(new SequenceStart(AnchorName.Empty, tag, tag.IsEmpty, flow ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case MapValue map:
                emitter.Emit(new MappingStart(AnchorName.Empty, tag, tag.IsEmpty, MappingStyle.Block));
                foreach (var entry in map.Entries)
                {
                    Key(emitter, entry.Key);
                    WriteValue(emitter, entry.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IntrinsicValue fn when fn.Argument is IntrinsicValue || !tag.IsEmpty:
                // A YAML node carries one tag, so a function applied directly to another takes the
                // long form, as the CloudFormation documentation shows: Fn::Base64: !Sub ...
                emitter.Emit(new MappingStart(AnchorName.Empty, tag, tag.IsEmpty, MappingStyle.Block));
                Key(emitter, fn.LongName);
                WriteValue(emitter, fn.Argument);
                emitter.Emit(new MappingEnd());
                break;
            case IntrinsicValue fn:
                WriteValue(emitter, fn.Argument, new TagName(fn.ShortTag));
                break;
            default:
                throw new ArgumentException($"Unknown value type {value.GetType().Name}", nameof(value));
        }
    }

    private static bool IsScalarLike(Value value) =>
        value is StringValue or NumberValue or BooleanValue || (value is IntrinsicValue fn && IsScalarLike(fn.Argument) && fn.Argument is not IntrinsicValue);

    private static void Scalar(IEmitter emitter, string text, TagName tag = default)
    {
        ScalarStyle style;
        if (text.Contains('\n'))
        {
            style = ScalarStyle.Literal;
        }
        else if (NeedsQuotes(text))
        {
            style = ScalarStyle.SingleQuoted;
        }
        else
        {
            style = ScalarStyle.Any;
        }

        emitter.Emit(new Scalar(AnchorName.Empty, tag, text, style, tag.IsEmpty && style == ScalarStyle.Any, tag.IsEmpty));
    }

    /// <summary>
    /// Whether a string would be read back as something else by a YAML 1.1 reader if written plain:
    /// a boolean (yes/no/on/off), null, a number, a date or a sexagesimal number. YamlDotNet's emitter
    /// knows YAML's syntax but not these resolution rules, so they are checked here.
    /// </summary>
    internal static bool NeedsQuotes(string text) => text.Length == 0 || AmbiguousScalar().IsMatch(text);

    [GeneratedRegex(@"^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|=|<<|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)|[-+]?[0-9][0-9a-fA-FxXoObB_.,:eE+-]*|[-+]?\.[0-9].*)$")]
    private static partial Regex AmbiguousScalar();
}
