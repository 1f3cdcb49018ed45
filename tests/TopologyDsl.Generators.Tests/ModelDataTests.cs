using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using TopologyDsl.Generators.Model;
using TopologyDsl.Resources;
using TopologyDsl.Testing;

namespace TopologyDsl.Generators.Tests;

/// <summary>Facts the generator keeps as data of its own (it cannot reference the runtime or read the schemas), checked against their sources.</summary>
public class ModelDataTests
{
    public static TheoryData<string> Types() => new(StackPlan.Attributes.Keys.OrderBy(k => k, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Types))]
    public void GetAttAttributes_AreTheSchemasReadOnlyProperties(string type)
    {
        var file = Repo.PathOf("tests", "TopologyDsl.Tests", "Schemas", type.ToLowerInvariant().Replace("::", "-") + ".json");
        var schema = JsonNode.Parse(File.ReadAllText(file))!;
        var readOnly = (schema["readOnlyProperties"]?.AsArray().Select(p => p!.GetValue<string>().Replace("/properties/", "")) ?? []).OrderBy(p => p, System.StringComparer.Ordinal);
        Assert.Equal(readOnly, StackPlan.Attributes[type].OrderBy(p => p, System.StringComparer.Ordinal));
    }

    [Fact]
    public void GeneratorKnowsEveryTypeTheRuntimeWrites()
    {
        var runtime = typeof(CfnTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).OrderBy(t => t, System.StringComparer.Ordinal);
        Assert.Equal(runtime, StackPlan.Attributes.Keys.OrderBy(t => t, System.StringComparer.Ordinal));
    }
}
