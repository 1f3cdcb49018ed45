using System.Collections.Generic;
using System.Linq;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>The associations and propagations of transit gateway route tables, in both forms.</summary>
internal sealed partial class StackIndex
{
    private Dictionary<string, GatewayTableEntries>? _entriesOfGatewayTable;

    /// <summary>
    /// Every association of a transit gateway route table that the stacks seen hold: its own
    /// [AssociateAttachment&lt;TAttachment&gt;] attributes, then the association records
    /// ([AssociateAttachment&lt;TTable, TAttachment&gt;]) naming it, another stack's before this stack's, so a
    /// conflict is reported in this stack. Rules and reachability read associations only through this.
    /// </summary>
    public IReadOnlyList<GatewayTableEntry> AssociationsOf(TransitGatewayRouteTableSpec table) =>
        GatewayEntries().TryGetValue(Key(table), out var entries) ? entries.Associations : [];

    /// <summary>Every propagation into a transit gateway route table, in both forms, ordered like <see cref="AssociationsOf"/>.</summary>
    public IReadOnlyList<GatewayTableEntry> PropagationsOf(TransitGatewayRouteTableSpec table) =>
        GatewayEntries().TryGetValue(Key(table), out var entries) ? entries.Propagations : [];

    /// <summary>Resolves an entry's attachment from where the entry is written.</summary>
    public TransitGatewayAttachmentSpec? AttachmentOf(GatewayTableEntry entry) => ResolveFrom<TransitGatewayAttachmentSpec>(entry.Declared, entry.Attachment);

    private Dictionary<string, GatewayTableEntries> GatewayEntries()
    {
        if (_entriesOfGatewayTable is { } known)
        {
            return known;
        }

        var result = new Dictionary<string, GatewayTableEntries>(System.StringComparer.Ordinal);
        foreach (var table in AllResources.OfType<TransitGatewayRouteTableSpec>())
        {
            if (!result.ContainsKey(Key(table)))
            {
                var entries = new GatewayTableEntries();
                for (var i = 0; i < table.Associations.Count; i++)
                {
                    entries.Associations.Add(new GatewayTableEntry(table, table.Associations[i], table, table.Path.Item("associate", i).Child("attachment")));
                }

                for (var i = 0; i < table.Propagations.Count; i++)
                {
                    entries.Propagations.Add(new GatewayTableEntry(table, table.Propagations[i], table, table.Path.Item("propagate", i).Child("attachment")));
                }

                result.Add(Key(table), entries);
            }
        }

        foreach (var record in AllResources.OfType<TransitGatewayEntrySpec>())
        {
            if (ResolveFrom<TransitGatewayRouteTableSpec>(record, record.RouteTable) is { } table && result.TryGetValue(Key(table), out var entries))
            {
                (record.Propagates ? entries.Propagations : entries.Associations).Add(new GatewayTableEntry(table, record.Attachment, record, record.Path.Child("attachment")));
            }
        }

        return _entriesOfGatewayTable = result;
    }

    /// <summary>A table's entries (a class, not a tuple: see the parser's note on small values).</summary>
    private sealed class GatewayTableEntries
    {
        public List<GatewayTableEntry> Associations { get; } = [];

        public List<GatewayTableEntry> Propagations { get; } = [];
    }
}

/// <summary>
/// An association or propagation of a transit gateway route table, in either form: an attribute on the
/// table (<see cref="Declared"/> is the table, <see cref="AttachmentPath"/> is <c>{table}/associate[i]/attachment</c>
/// or <c>{table}/propagate[i]/attachment</c>) or a record, maybe of another stack (<see cref="Declared"/> is the
/// record, <see cref="AttachmentPath"/> <c>{record}/attachment</c>). The attachment resolves from <see cref="Declared"/>.
/// </summary>
internal sealed record GatewayTableEntry(TransitGatewayRouteTableSpec Table, RefSpec Attachment, ResourceSpec Declared, ModelPath AttachmentPath);
