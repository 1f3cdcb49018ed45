using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Testing;
using YamlDotNet.RepresentationModel;

namespace TopologyDsl.Tests;

/// <summary>
/// Every <c>aws cloudformation deploy</c> the README gives for a template of this repository deploys on
/// real AWS as written: the emulator the deploy tests use does not enforce capabilities, so a command
/// without <c>--capabilities CAPABILITY_IAM</c> for a template that creates an IAM role passes there and
/// fails with InsufficientCapabilities on AWS; and a parameter without a default must be given on a
/// stack's first deploy.
/// </summary>
public class ReadmeDeployCommandsTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var command in DeployCommands().Where(c => TemplateOf(c) is { } path && File.Exists(Repo.PathOf(path))))
        {
            data.Add(command);
        }

        return data;
    }

    [Fact]
    public void Readme_DeploysEveryExampleTemplate()
    {
        var deployed = DeployCommands().Select(TemplateOf).OfType<string>().ToHashSet();
        var committed = Directory.GetFiles(Repo.PathOf("examples"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "templates")
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .OrderBy(f => f, System.StringComparer.Ordinal);
        Assert.All(committed, template => Assert.Contains(template, deployed));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DeployCommand_HasTheCapabilitiesItsTemplateNeeds(string command)
    {
        var template = File.ReadAllText(Repo.PathOf(TemplateOf(command)!));
        if (Regex.IsMatch(template, @"^\s+Type: AWS::IAM::", RegexOptions.Multiline))
        {
            Assert.Matches(@"--capabilities CAPABILITY_(NAMED_)?IAM\b", command);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void DeployCommand_GivesEveryParameterWithoutDefault(string command)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Repo.PathOf(TemplateOf(command)!))));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var required = root.Children.TryGetValue(new YamlScalarNode("Parameters"), out var parameters)
            ? ((YamlMappingNode)parameters).Children
                .Where(p => !((YamlMappingNode)p.Value).Children.ContainsKey(new YamlScalarNode("Default")))
                .Select(p => ((YamlScalarNode)p.Key).Value!)
            : [];
        var given = Regex.Match(command, @"--parameter-overrides ((?:\S+=\S+\s*)+)").Groups[1].Value
            .Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=')[0]);
        Assert.Empty(required.Except(given));
    }

    /// <summary>The README's deploy commands, each joined over its continuation lines.</summary>
    private static IEnumerable<string> DeployCommands()
    {
        var lines = File.ReadAllLines(Repo.PathOf("README.md"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("aws cloudformation deploy", System.StringComparison.Ordinal))
            {
                continue;
            }

            var command = lines[i];
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command[..^1].TrimEnd() + " " + lines[++i].Trim();
            }

            yield return command;
        }
    }

    private static string? TemplateOf(string command) =>
        Regex.Match(command, @"--template-file (\S+)") is { Success: true } match ? match.Groups[1].Value : null;
}
