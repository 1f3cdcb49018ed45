using System.Linq;
using TopologyDsl.CloudFormation;
using TopologyDsl.Resources;

namespace TopologyDsl.Tests;

public class DeployOrderTests
{
    private static Template Exporting(string stack, string export)
    {
        var template = new Template(stack);
        template.Add(new Vpc("Main") { CidrBlock = "10.0.0.0/16" });
        template.Add(new Output("MainExport", Fn.Ref("Main"), null, export));
        return template;
    }

    private static Template Importing(string stack, params string[] exports)
    {
        var template = new Template(stack);
        for (var i = 0; i < exports.Length; i++)
        {
            template.Add(new Subnet("Sub" + i) { VpcId = Fn.ImportValue(exports[i]), CidrBlock = "10.0.1.0/24" });
        }

        return template;
    }

    [Fact]
    public void Sort_PutsExportersFirst_KeepsTheGivenOrderOtherwise()
    {
        var app = Importing("app", "network-Main", "data-Main");
        var network = Exporting("network", "network-Main");
        var data = Exporting("data", "data-Main");
        var lone = new Template("lone");
        Assert.Equal(["network", "data", "app", "lone"], DeployOrder.Sort([app, network, data, lone]).Select(t => t.StackName));
    }

    [Fact]
    public void Sort_ImportsOfNoProgramStack_AreLeftToCloudFormation() =>
        Assert.Equal(["app"], DeployOrder.Sort([Importing("app", "legacy-vpc")]).Select(t => t.StackName));

    [Fact]
    public void Sort_TwoStacksWithOneName_ThrowsTDSL308() =>
        Assert.Equal("TDSL308", Assert.Throws<TopologyException>(() => DeployOrder.Sort([new Template("a"), new Template("a")])).Id);

    [Fact]
    public void Sort_TwoExportsWithOneName_ThrowsTDSL309() =>
        Assert.Equal("TDSL309", Assert.Throws<TopologyException>(() => DeployOrder.Sort([Exporting("a", "x"), Exporting("b", "x")])).Id);

    [Fact]
    public void Sort_StacksImportingFromEachOther_ThrowsTDSL227()
    {
        var a = Exporting("a", "a-Main");
        a.Add(new Subnet("Sub") { VpcId = Fn.ImportValue("b-Main"), CidrBlock = "10.0.1.0/24" });
        var b = Exporting("b", "b-Main");
        b.Add(new Subnet("Sub") { VpcId = Fn.ImportValue("a-Main"), CidrBlock = "10.0.1.0/24" });
        Assert.Equal("TDSL227", Assert.Throws<TopologyException>(() => DeployOrder.Sort([a, b])).Id);
    }

    [Fact]
    public void Output_WithExport_WritesTheExportName()
    {
        var yaml = TemplateWriter.Write(Exporting("network", "network-Main"));
        Assert.Contains("  MainExport:\n    Value: !Ref Main\n    Export:\n      Name: network-Main\n", yaml);
        Assert.Contains("VpcId: !ImportValue network-Main", TemplateWriter.Write(Importing("app", "network-Main")));
    }
}
