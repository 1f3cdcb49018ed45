using System.IO;
using System.Linq;
using System.Reflection;
using TopologyDsl.Generators.Model;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// The quota build properties the analyzer reads reach it only when the package's targets make them
/// compiler-visible, and users learn of them from the README: each one read is in both.
/// </summary>
public class BuildPropertyTests
{
    public static TheoryData<string> Properties() =>
        [.. typeof(ValidationOptions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Property", System.StringComparison.Ordinal))
            .Select(f => ((string)f.GetRawConstantValue()!).Substring("build_property.".Length))];

    [Theory]
    [MemberData(nameof(Properties))]
    public void Property_IsCompilerVisibleAndInTheReadme(string property)
    {
        var targets = File.ReadAllText(Repo.PathOf("src", "TopologyDsl", "build", "TopologyDsl.targets"));
        Assert.Contains($"<CompilerVisibleProperty Include=\"{property}\" />", targets);
        var readme = File.ReadAllText(Repo.PathOf("README.md")).Replace("\r\n", "\n");
        var section = readme.Substring(readme.IndexOf("### Build properties\n", System.StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", System.StringComparison.Ordinal));
        Assert.Contains($"<{property}>", section);
    }

    [Fact]
    public void ElasticIpsPerRegion_ReadFromItsProperty_DefaultWhenMalformed()
    {
        Assert.Equal(9, ValidationOptions.From(null, null, elasticIpsPerRegion: "9").ElasticIpsPerRegion);
        Assert.Equal(ValidationOptions.DefaultElasticIpsPerRegion, ValidationOptions.From(null, null, elasticIpsPerRegion: "0").ElasticIpsPerRegion);
        Assert.Equal(ValidationOptions.DefaultElasticIpsPerRegion, ValidationOptions.From(null, null, elasticIpsPerRegion: "five").ElasticIpsPerRegion);
        Assert.Equal(5, ValidationOptions.Default.ElasticIpsPerRegion);
    }
}
