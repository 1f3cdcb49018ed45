using System;

namespace TopologyDsl.Generators.Model;

/// <summary>
/// A stable address of a value in the model, such as <c>PublicSubnet/cidr</c> or
/// <c>PublicRoutes/route[0]/destination</c>. Findings name paths; the analyzer's source map turns a
/// path into the location of the argument that produced the value.
/// A class, as <see cref="Validation.Cidr"/> is: collections and LINQ over a struct are compiled again by each fresh compiler process.
/// </summary>
internal sealed record ModelPath(string Value)
{
    public const string StackSegment = "@stack";

    public static ModelPath Stack => new(StackSegment);

    public static ModelPath Resource(string name) => new(name);

    public ModelPath Child(string segment) => new(Value + "/" + segment);

    public ModelPath Item(string segment, int index) => new(Value + "/" + segment + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    /// <summary>The path one level up, or null at the top.</summary>
    public ModelPath? Parent
    {
        get
        {
            var slash = Value.LastIndexOf('/');
            return slash < 0 ? null : new ModelPath(Value.Substring(0, slash));
        }
    }

    public override string ToString() => Value;
}
