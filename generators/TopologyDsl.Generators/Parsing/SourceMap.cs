using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Parsing;

/// <summary>
/// Where each value of a spec came from: a model path to the location of the attribute argument,
/// type argument, attribute or record that produced it. Built for the analyzer only; the generator's
/// model never holds a location.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, Location> _locations = new(System.StringComparer.Ordinal);
    private readonly Location _fallback;

    public SourceMap(Location fallback) => _fallback = fallback;

    /// <summary>The other [Stack] classes whose records the stack refers to, which the analyzer parses too.</summary>
    public HashSet<INamedTypeSymbol> Stacks { get; } = new(SymbolEqualityComparer.Default);

    public void Add(ModelPath path, Location? location)
    {
        if (location is not null && !_locations.ContainsKey(path.Value))
        {
            _locations.Add(path.Value, location);
        }
    }

    /// <summary>The location of the path, else of the nearest enclosing path, else the stack class.</summary>
    public Location Resolve(ModelPath path)
    {
        for (ModelPath? p = path; p is { } current; p = current.Parent)
        {
            if (_locations.TryGetValue(current.Value, out var location))
            {
                return location;
            }
        }

        return _fallback;
    }
}
