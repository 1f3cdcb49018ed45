namespace TopologyDsl.Generators.Model;

/// <summary>
/// A broken rule: the diagnostic ID, where in the model, the message's arguments, optionally a
/// second place involved, and optionally the value that would fix it (which a code fix writes in).
/// </summary>
/// <param name="RelatedStack">
/// The key of the stack that declares the record <paramref name="Related"/> addresses, when that is another
/// stack than the one the finding is reported in (an imported stack, a sibling, a stack that routes into
/// its tables); null when it is the reporting stack's. Paths are relative to their stack, so the analyzer
/// resolves <paramref name="Related"/> in that stack's source map.
/// </param>
internal sealed record Finding(string Id, ModelPath Path, EquatableArray<string> Arguments, ModelPath? Related = null, string? Suggestion = null,
    string? RelatedStack = null)
{
    public const string SuggestionProperty = "Suggestion";

    public static Finding Create(string id, ModelPath path, params string[] arguments) => new(id, path, arguments.ToEquatableArray());

    public static Finding Create(string id, ModelPath path, ModelPath related, params string[] arguments) =>
        new(id, path, arguments.ToEquatableArray(), related);

    /// <summary>The finding with its second place in the stack <paramref name="stack"/> (null: the reporting stack).</summary>
    public Finding RelatedIn(string? stack) => stack == RelatedStack ? this : this with { RelatedStack = stack };

    public override string ToString() => Id + " at " + Path + ": " + string.Join(", ", Arguments);
}
