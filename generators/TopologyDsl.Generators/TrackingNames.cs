namespace TopologyDsl.Generators;

/// <summary>Names of the generator's incremental steps, which the caching tests look up.</summary>
internal static class TrackingNames
{
    public const string ReadFile = nameof(ReadFile);
    public const string ReadStack = nameof(ReadStack);
    public const string BindStack = nameof(BindStack);
    public const string ParseStack = nameof(ParseStack);
    public const string ProjectFiles = nameof(ProjectFiles);
    public const string Program = nameof(Program);
    public const string Link = nameof(Link);
    public const string Options = nameof(Options);
    public const string Assemble = nameof(Assemble);
    public const string Render = nameof(Render);
    public const string CheckDeclarations = nameof(CheckDeclarations);
}
