using System.IO;
using System.Runtime.CompilerServices;

namespace TopologyDsl.Testing;

/// <summary>Paths in the repository, found from this source file's own path.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find([CallerFilePath] string self = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(self)!, "..", ".."));
}
