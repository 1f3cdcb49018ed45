using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

/// <summary>Keeps the catalog, the release-tracking file, docs/diagnostics.md and the README in step.</summary>
public class CatalogTests
{
    public static TheoryData<string> Ids() => new(DiagnosticCatalog.All.Select(d => d.Id));

    [Fact]
    public void Ids_AreUniqueAndInTheirRanges()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(DiagnosticCatalog.All, d =>
        {
            Assert.Matches("^TDSL[0-4][0-9]{2}$", d.Id);
            var expected = d.Id[4] switch
            {
                '0' => "TopologyDsl.Usage",
                '1' => "TopologyDsl.Addressing",
                '2' => "TopologyDsl.References",
                '3' => "TopologyDsl.Limits",
                _ => "TopologyDsl.Security",
            };
            Assert.Equal(expected, d.Category);
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsComplete(string id)
    {
        var d = DiagnosticCatalog.Get(id);
        var title = d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(title.EndsWith('.'), "title ends with a period");
        Assert.False(message.EndsWith('.'), "message ends with a period");
        Assert.NotEmpty(d.Description.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DiagnosticDescriptors.HelpBase + id.ToLowerInvariant(), d.HelpLinkUri);
        Assert.True(d.IsEnabledByDefault);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseFile_ListsTheIdWithItsCategoryAndSeverity(string id)
    {
        var d = DiagnosticCatalog.Get(id);
        var lines = File.ReadAllLines(Repo.PathOf("generators", "TopologyDsl.Generators", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Repo.PathOf("generators", "TopologyDsl.Generators", "AnalyzerReleases.Shipped.md")));
        var row = Assert.Single(lines, l => l.StartsWith(id + " ", System.StringComparison.Ordinal));
        var cells = row.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(d.Category, cells[1]);
        Assert.Equal(d.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DiagnosticsDoc_HasTheIdWithAWrongAndARightExample(string id)
    {
        var d = DiagnosticCatalog.Get(id);
        var doc = File.ReadAllText(Repo.PathOf("docs", "diagnostics.md")).Replace("\r\n", "\n");
        var start = doc.IndexOf($"<a id=\"{id.ToLowerInvariant()}\"></a>", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/diagnostics.md has no anchor for {id}");
        var next = doc.IndexOf("<a id=\"tdsl", start + 10, System.StringComparison.Ordinal);
        var section = doc.Substring(start, (next < 0 ? doc.Length : next) - start);
        Assert.Contains($"### {id}: {d.Title}\n", section);
        Assert.Contains($"Severity: {d.DefaultSeverity}. Category: `{d.Category}`.", section);
        Assert.Matches(new Regex("Wrong:\n\n```[a-z]*\n.+?```", RegexOptions.Singleline), section);
        Assert.Matches(new Regex("Right:\n\n```[a-z]*\n.+?```", RegexOptions.Singleline), section);
    }

    [Fact]
    public void DiagnosticsDocAndReadme_NameNoUnknownId()
    {
        var known = DiagnosticCatalog.All.Select(d => d.Id).ToHashSet();
        foreach (var file in new[] { Repo.PathOf("docs", "diagnostics.md"), Repo.PathOf("README.md") })
        {
            var named = Regex.Matches(File.ReadAllText(file), "TDSL[0-9]{3}").Select(m => m.Value).ToHashSet();
            Assert.Empty(named.Except(known));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Readme_HasARowForTheId(string id)
    {
        var d = DiagnosticCatalog.Get(id);
        var readme = File.ReadAllText(Repo.PathOf("README.md"));
        Assert.Contains($"| [{id}](docs/diagnostics.md#{id.ToLowerInvariant()}) | {d.DefaultSeverity} | {d.Title} |", readme);
    }

    [Fact]
    public void Analyzer_SupportsEveryDescriptor() =>
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), new TopologyAnalyzer().SupportedDiagnostics.Select(d => d.Id));
}
