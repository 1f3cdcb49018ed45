using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TopologyDsl.CloudFormation.Changes;

namespace TopologyDsl.Cli;

/// <summary>When <c>synth</c> exits with <see cref="ChangeReport.Refused"/>: the least change that counts.</summary>
public enum FailOn
{
    /// <summary>Never (the default).</summary>
    None,

    /// <summary>Any change of a resource, parameter or output.</summary>
    Change,

    /// <summary>
    /// A resource replaced, possibly replaced, or removed; or an export changed or removed while another
    /// stack of the program imports it (CloudFormation refuses that update: a certain failure).
    /// </summary>
    Replace,

    /// <summary>Data lost: a stateful resource (an instance with its volumes, a volume, a secret, a log group) replaced or removed without a policy that keeps it.</summary>
    DataLoss,
}

/// <summary>
/// The change report of <c>synth</c>: per stack, what deploying the code's template over the committed
/// one (or the one in <c>--base DIR</c>) does to each resource, as text lines and as JSON (<c>--report-file</c>).
/// </summary>
public static class ChangeReport
{
    /// <summary>Exit code: the report holds a change that <c>--fail-on</c> refuses (and nothing failed otherwise).</summary>
    public const int Refused = 3;

    /// <summary>A stack's changes with the files they come from, as the report shows them.</summary>
    /// <param name="Changes">The changes.</param>
    /// <param name="Template">The template the code produces (as shown).</param>
    /// <param name="ComparedWith">The template compared against (as shown).</param>
    public sealed record Entry(StackChanges Changes, string Template, string ComparedWith);

    /// <summary>Whether a stack's changes reach the <paramref name="threshold"/>.</summary>
    public static bool Reaches(StackChanges changes, FailOn threshold) => threshold switch
    {
        FailOn.Change => !changes.IsEmpty,
        FailOn.Replace => changes.Resources.Any(r => r.Deletes) || changes.ImportedExports.Any(),
        FailOn.DataLoss => changes.DataLosses > 0,
        _ => false,
    };

    /// <summary>The words of an action as the report prints them.</summary>
    public static string Word(ResourceAction action) => action switch
    {
        ResourceAction.Add => "add",
        ResourceAction.Remove => "remove",
        ResourceAction.Replace => "replace",
        ResourceAction.MayReplace => "may replace",
        ResourceAction.Interrupt => "interrupt",
        _ => "update",
    };

    private static string Word(ChangeEffect effect) => effect switch
    {
        ChangeEffect.Replace => "replace",
        ChangeEffect.MayReplace => "may replace",
        ChangeEffect.Interrupt => "interrupt",
        _ => "update",
    };

    /// <summary>One line summing up a stack's changes, such as <c>2 to replace (1 with data loss), 1 to update</c>.</summary>
    public static string Summary(StackChanges changes)
    {
        if (changes.IsEmpty)
        {
            return "no changes";
        }

        var parts = new List<string>();
        foreach (var action in new[] { ResourceAction.Add, ResourceAction.Remove, ResourceAction.Replace, ResourceAction.MayReplace, ResourceAction.Interrupt, ResourceAction.Update })
        {
            var count = changes.Resources.Count(r => r.Action == action);
            if (count > 0)
            {
                var lost = changes.Resources.Count(r => r.Action == action && r.DataLoss is not null);
                var verb = action switch
                {
                    ResourceAction.Interrupt => "to update with interruption",
                    ResourceAction.MayReplace => "that may be replaced",
                    _ => "to " + Word(action),
                };
                parts.Add(count + " " + verb + (lost > 0 ? $" ({lost} with data loss)" : ""));
            }
        }

        var entries = changes.Entries.Count;
        if (entries > 0 && !changes.NewStack)
        {
            parts.Add(entries + (entries == 1 ? " parameter, output or template entry changed" : " parameters, outputs or template entries changed"));
        }

        var refused = changes.ImportedExports.Count(e => e.Action != ExportAction.MayReplace);
        if (refused > 0)
        {
            parts.Add(refused + (refused == 1 ? " imported export changed (the update fails)" : " imported exports changed (the update fails)"));
        }

        var possibly = changes.ImportedExports.Count(e => e.Action == ExportAction.MayReplace);
        if (possibly > 0)
        {
            parts.Add(possibly + (possibly == 1 ? " imported export that may change (the update may fail)" : " imported exports that may change (the update may fail)"));
        }

        return string.Join(", ", parts);
    }

    /// <summary>Writes a stack's report as text: a heading, then one line per resource with its changes under it.</summary>
    public static void WriteText(TextWriter writer, Entry entry)
    {
        var changes = entry.Changes;
        var against = changes.NewStack ? "no template to compare with: a new stack"
            : entry.ComparedWith == entry.Template ? "against the committed template" : "against " + entry.ComparedWith;
        writer.WriteLine($"{entry.Template}: {Summary(changes)} ({against})");
        if (changes.NewStack)
        {
            return;
        }

        foreach (var resource in changes.Resources)
        {
            var loss = resource.DataLoss is null ? "" : ": DATA LOSS, " + resource.DataLoss;
            writer.WriteLine($"  {Word(resource.Action),-11} {resource.LogicalId} ({resource.Type}){loss}");
            foreach (var change in resource.Changes)
            {
                writer.WriteLine("                " + Line(change, showEffect: true));
            }

            if (resource.Warning is not null)
            {
                writer.WriteLine("                WARNING: " + resource.Warning);
            }
        }

        foreach (var entryChange in changes.Entries)
        {
            var what = entryChange.Section switch { "Parameters" => "parameter", "Outputs" => "output", _ => "template" };
            writer.WriteLine($"  {what,-11} {entryChange.Name} {entryChange.Kind}");
            foreach (var change in entryChange.Changes)
            {
                writer.WriteLine("                " + Line(change, showEffect: false));
            }
        }

        foreach (var export in changes.ImportedExports)
        {
            WriteExport(writer, export);
        }
    }

    /// <summary>
    /// An export that another stack imports: what the update does to it, then why the deploy fails.
    /// CloudFormation refuses to update or delete an export while another stack imports it (AWS
    /// CloudFormation User Guide, "Fn::ImportValue": "You can't modify or remove an output value that is
    /// referenced by another stack"; the update fails with "Cannot update export ... as it is in use by ...").
    /// </summary>
    private static void WriteExport(TextWriter writer, ExportChange export)
    {
        const string Indent = "                ";
        var importers = export.ImportedBy.Select(i => i.StackName).ToArray();
        writer.WriteLine($"  {"export",-11} {export.Name} (output {export.Output}), imported by {And(importers)}");
        writer.WriteLine(Indent + export.Action switch
        {
            ExportAction.Remove => "removed: the new template exports no " + export.Name,
            ExportAction.Rename => $"Export.Name: {Short(export.Before)} -> {Short(export.After)}",
            ExportAction.Modify => $"Value: {Short(export.Before)} -> {Short(export.After)}",
            ExportAction.Replace => $"Value: {Short(export.After)} [a new value: refers to {export.Cause}, which is replaced]",
            _ => $"Value: {Short(export.After)} [may change: refers to {export.Cause}, which may be replaced]",
        });

        var deployed = export.ImportedBy.Where(i => i.Deployed).Select(i => i.StackName).ToArray();
        if (deployed.Length > 0)
        {
            var verb = export.Action is ExportAction.Remove or ExportAction.Rename ? "remove" : "change";
            var fails = export.Action == ExportAction.MayReplace ? $"the update fails if {export.Cause} is replaced" : "the update fails";
            writer.WriteLine($"{Indent}WARNING: {fails}: CloudFormation refuses to {verb} an export while another stack imports it, and {And(deployed)} "
                + $"{(deployed.Length == 1 ? "imports" : "import")} it; deploy {And(deployed)} without the import first");
        }

        var later = export.ImportedBy.Where(i => !i.Deployed).Select(i => i.StackName).ToArray();
        if (later.Length > 0)
        {
            writer.WriteLine($"{Indent}WARNING: the new template of {And(later)} imports it: {(later.Length == 1 ? "its deploy fails" : "their deploys fail")} "
                + "once this update has removed it; import another export or keep this one");
        }
    }

    /// <summary>Names joined as prose: <c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    private static string And(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string Line(PropertyChange change, bool showEffect)
    {
        var text = new StringBuilder(change.Path).Append(": ");
        if (change.Before is null)
        {
            text.Append("added ").Append(Short(change.After));
        }
        else if (change.After is null)
        {
            text.Append("removed ").Append(Short(change.Before));
        }
        else if (change.Before.Equals(change.After))
        {
            text.Append(Short(change.After));
        }
        else
        {
            text.Append(Short(change.Before)).Append(" -> ").Append(Short(change.After));
        }

        if (showEffect)
        {
            text.Append(" [").Append(Word(change.Effect)).Append(change.Reason is null ? "" : ": " + change.Reason).Append(']');
        }

        return text.ToString();
    }

    /// <summary>A value short enough for one line, else how long it is.</summary>
    private static string Short(TemplateNode? node)
    {
        var shown = node?.Show() ?? "";
        if (shown.Contains('\n'))
        {
            return $"({shown.Count(c => c == '\n')} lines)";
        }

        return shown.Length <= 80 ? shown : shown[..77] + "...";
    }

    /// <summary>The JSON form of the report (<c>--report-file</c>): every stack, with full values.</summary>
    public static byte[] ToJson(IReadOnlyList<Entry> entries, FailOn failOn, bool refused)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("failOn", failOn switch { FailOn.Change => "change", FailOn.Replace => "replace", FailOn.DataLoss => "data-loss", _ => "none" });
            json.WriteBoolean("refused", refused);
            json.WriteStartArray("stacks");
            foreach (var entry in entries)
            {
                var changes = entry.Changes;
                json.WriteStartObject();
                json.WriteString("stack", changes.StackName);
                json.WriteString("template", entry.Template.Replace('\\', '/'));
                json.WriteString("comparedWith", entry.ComparedWith.Replace('\\', '/'));
                json.WriteBoolean("newStack", changes.NewStack);
                json.WriteString("summary", Summary(changes));
                json.WriteNumber("replacements", changes.Replacements);
                json.WriteNumber("dataLosses", changes.DataLosses);
                json.WriteStartArray("resources");
                foreach (var resource in changes.Resources)
                {
                    json.WriteStartObject();
                    json.WriteString("logicalId", resource.LogicalId);
                    json.WriteString("type", resource.Type);
                    json.WriteString("action", Word(resource.Action));
                    if (resource.DataLoss is null)
                    {
                        json.WriteNull("dataLoss");
                    }
                    else
                    {
                        json.WriteString("dataLoss", resource.DataLoss);
                    }

                    if (resource.Warning is null)
                    {
                        json.WriteNull("warning");
                    }
                    else
                    {
                        json.WriteString("warning", resource.Warning);
                    }

                    WriteChanges(json, resource.Changes, effect: true);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("entries");
                foreach (var change in changes.Entries)
                {
                    json.WriteStartObject();
                    json.WriteString("section", change.Section);
                    json.WriteString("name", change.Name);
                    json.WriteString("kind", change.Kind);
                    WriteChanges(json, change.Changes, effect: false);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("exports");
                foreach (var export in changes.Exports)
                {
                    json.WriteStartObject();
                    json.WriteString("name", export.Name);
                    json.WriteString("output", export.Output);
                    json.WriteString("action", export.Action switch
                    {
                        ExportAction.Remove => "remove",
                        ExportAction.Rename => "rename",
                        ExportAction.Modify => "modify",
                        ExportAction.Replace => "replace",
                        _ => "may replace",
                    });
                    Value("before", export.Before);
                    Value("after", export.After);
                    if (export.Cause is null)
                    {
                        json.WriteNull("cause");
                    }
                    else
                    {
                        json.WriteString("cause", export.Cause);
                    }

                    json.WriteStartArray("importedBy");
                    foreach (var importer in export.ImportedBy)
                    {
                        json.WriteStartObject();
                        json.WriteString("stack", importer.StackName);
                        json.WriteBoolean("deployed", importer.Deployed);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();

            void Value(string name, TemplateNode? node)
            {
                if (node is null)
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WriteString(name, node.Show());
                }
            }
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteChanges(Utf8JsonWriter json, IReadOnlyList<PropertyChange> changes, bool effect)
    {
        json.WriteStartArray("changes");
        foreach (var change in changes)
        {
            json.WriteStartObject();
            json.WriteString("path", change.Path);
            Value("before", change.Before);
            Value("after", change.After);
            if (effect)
            {
                json.WriteString("effect", Word(change.Effect));
                if (change.Reason is null)
                {
                    json.WriteNull("reason");
                }
                else
                {
                    json.WriteString("reason", change.Reason);
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        void Value(string name, TemplateNode? node)
        {
            if (node is null)
            {
                json.WriteNull(name);
            }
            else
            {
                json.WriteString(name, node.Show());
            }
        }
    }
}
