namespace TopologyDsl.Generators.Model;

/// <summary>
/// A broken rule: the diagnostic ID, where in the model, the message's arguments, optionally a
/// second place involved, and optionally the value that would fix it (which a code fix writes in).
/// </summary>
internal sealed record Finding(string Id, ModelPath Path, EquatableArray<string> Arguments, ModelPath? Related = null, string? Suggestion = null)
{
    public const string SuggestionProperty = "Suggestion";

    public static Finding Create(string id, ModelPath path, params string[] arguments) => new(id, path, arguments.ToEquatableArray());

    public static Finding Create(string id, ModelPath path, ModelPath related, params string[] arguments) =>
        new(id, path, arguments.ToEquatableArray(), related);

    public override string ToString() => Id + " at " + Path + ": " + string.Join(", ", Arguments);
}
