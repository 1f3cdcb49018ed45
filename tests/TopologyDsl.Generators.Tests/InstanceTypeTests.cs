using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>TDSL417: an instance type EC2 does not offer, with the nearest known one as a suggestion.</summary>
public class InstanceTypeTests
{
    private static string Stack(string body) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + TestCompilation.AmiParameter
        + TestCompilation.TwoTierNetwork.Replace("[Vpc(\"10.0.0.0/16\")]", "[Vpc(\"10.0.0.0/16\", FlowLogs = true)]")
        + "[SecurityGroup<Net>(\"g\"), Egress(Tcp, 443, \"0.0.0.0/0\", Description = \"out\")] public partial record G;\n"
        + body + "}\n";

    private static string Server(string name, string type) =>
        $"[Instance<Private>(ImageId = nameof(Ami), InstanceType = {type}), Uses<G>] public partial record {name};\n";

    [Theory]
    [InlineData("t3.mirco")]
    [InlineData("t3.micr")]
    [InlineData("m5.huge")]
    [InlineData("t3a.nano2")]
    public Task TDSL417_UnknownInstanceType(string type) => Markup.VerifyAllAsync(Stack(Server("Web", $"{{|TDSL417:\"{type}\"|}}")));

    [Fact]
    public Task TDSL417_ParameterValues() => Markup.VerifyAllAsync(Stack(
        "[Parameter(Default = {|TDSL417:\"t3.smal\"|}, AllowedValues = [\"t3.micro\", {|TDSL417:\"t3.smal\"|}])] public partial record Size;\n"
        + Server("Web", "nameof(Size)") + Server("Db", "nameof(Size)")));

    [Theory]
    [InlineData("\"t3.micro\"")]
    [InlineData("\"m7i-flex.large\"")]
    [InlineData("\"u-6tb1.metal\"")]
    [InlineData("nameof(Size)")]
    public Task TDSL417_NearMiss(string type) => Markup.VerifyAllAsync(Stack(
        "[Parameter(Default = \"t3.micro\", AllowedValues = [\"t3.micro\", \"t3.small\"])] public partial record Size;\n" + Server("Web", type)));

    [Fact]
    public Task TDSL417_MalformedType_IsTDSL204sAlone() => Markup.VerifyAllAsync(Stack(Server("Web", "{|TDSL204:\"t3micro\"|}")));

    [Fact]
    public async Task TDSL417_Message_NamesTheSuggestion()
    {
        var diagnostics = await TestCompilation.DiagnosticsAsync(TestCompilation.Prelude + Stack(Server("Web", "\"t3.mirco\"") + Server("Far", "\"zz9.plural\"")));
        var messages = diagnostics.Where(d => d.Id == "TDSL417").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(m => m, System.StringComparer.Ordinal);
        Assert.Equal(
            [
                "InstanceType of instance 'Far' is 'zz9.plural', which is not an EC2 instance type",
                "InstanceType of instance 'Web' is 't3.mirco', which is not an EC2 instance type; did you mean 't3.micro'?",
            ],
            messages);
        Assert.Equal("t3.micro", diagnostics.Single(d => d.Id == "TDSL417" && d.GetMessage().Contains("Web")).Properties["Suggestion"]);
        Assert.False(diagnostics.Single(d => d.Id == "TDSL417" && d.GetMessage().Contains("Far")).Properties.ContainsKey("Suggestion"));
    }

    [Theory]
    [InlineData("t3.mirco", "t3.micro")]
    [InlineData("t3.micr", "t3.micro")]
    [InlineData("t3.medum", "t3.medium")]
    [InlineData("c5.xlarg", "c5.xlarge")]
        [InlineData("zz9.plural", null)]
    public void Suggest_IsTheNearestKnownType(string written, string? expected) => Assert.Equal(expected, InstanceTypes.Suggest(written));

    [Fact]
    public void List_IsLoadedSortedUniqueAndOfTheShapeTdsl204Asks()
    {
        var all = InstanceTypes.All;
        Assert.True(all.Count > 1000, $"only {all.Count} instance types were loaded");
        Assert.Equal(all.Distinct().Count(), all.Count);
        Assert.Equal(all.OrderBy(t => t, System.StringComparer.Ordinal), all);
        Assert.All(all, t => Assert.Matches(new Regex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$"), t));
        Assert.Contains("t3.micro", all);
        Assert.True(InstanceTypes.IsKnown("t3.micro"));
        Assert.False(InstanceTypes.IsKnown("t3.mirco"));
    }
}
