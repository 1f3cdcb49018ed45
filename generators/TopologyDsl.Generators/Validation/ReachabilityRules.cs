using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TopologyDsl.Generators.Diagnostics;
using TopologyDsl.Generators.Model;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// Intent checked against the reachability model: the assertions ([Reaches], [ReachableFromInternet],
/// [NeverReachableFromInternet]) and the intent a stack states without them (a jump host, a boot
/// script that downloads, a script that writes another instance's address).
/// </summary>
internal static class ReachabilityRules
{
    /// <summary>Commands that fetch over the network at boot: package managers, downloaders, the AWS CLI.</summary>
    private static readonly Regex NetworkCommand = new(
        @"(?:^|[\s;&|(`]|\$\()(dnf|yum|apt-get|apt|zypper|pip3?|curl|wget|aws)(?=\s)", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    private static readonly PortRange Ssh = PortRange.Single(ProtocolSpec.Tcp, 22);

    private static readonly PortRange Https = PortRange.Single(ProtocolSpec.Tcp, 443);

    public static void Check(StackIndex index, List<Finding> findings)
    {
        var model = index.Reachability;
        foreach (var intent in index.Stack.Intents)
        {
            CheckIntent(index, model, intent, findings);
        }

        foreach (var instance in model.Instances)
        {
            CheckJump(index, model, instance, findings);
            CheckScript(index, model, instance, findings);
        }
    }

    private static void CheckIntent(StackIndex index, Reachability model, IntentSpec intent, List<Finding> findings)
    {
        var display = intent.Kind switch
        {
            IntentKind.Reaches => "[Reaches]",
            IntentKind.ReachableFromInternet => "[ReachableFromInternet]",
            _ => "[NeverReachableFromInternet]",
        };
        var from = Instance(index, display, intent.From, intent.Path.Child("from"), findings);
        var to = Instance(index, display, intent.To, intent.Path.Child("to"), findings);
        // Instances of the stacks this one imports from are modelled; a reference that resolves nowhere is reported above.
        if (to is null || (intent.Kind == IntentKind.Reaches && from is null) || !model.Models(to) || (from is not null && !model.Models(from)))
        {
            return;
        }

        if (intent.Kind == IntentKind.NeverReachableFromInternet)
        {
            if (model.FromOutside(to).FirstOrDefault() is { } open)
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.NeverReachableAssertionBroken.Id, intent.Path,
                    index.Display(to), open.From.Display, open.Ports.ToString(), open.Via));
            }

            return;
        }

        if (!PortsInRange(intent, display, findings))
        {
            return;
        }

        var ports = PortRange.Range(intent.Protocol, intent.Port, intent.ToPort);
        var source = from is null ? Endpoint.Internet : model.EndpointOf(from);
        if (model.Explain(source, model.EndpointOf(to), ports) is { } broken)
        {
            findings.Add(broken.Place(Finding.Create(DiagnosticDescriptors.ReachabilityAssertionBroken.Id, intent.Path, broken.At,
                from is null ? "The internet (IPv4)" : "'" + index.Display(from) + "'", index.Display(to), ports.ToString(), broken.Reason)));
        }
    }

    private static InstanceSpec? Instance(StackIndex index, string display, RefSpec? reference, ModelPath path, List<Finding> findings)
    {
        if (reference is null || reference.IsError)
        {
            return null;
        }

        if (index.Resolve<InstanceSpec>(reference) is { } instance)
        {
            return instance;
        }

        findings.Add(Finding.Create(DiagnosticDescriptors.NotAResourceOfStack.Id, path, display, reference.Name, "instance", index.Stack.StackName));
        return null;
    }

    private static bool PortsInRange(IntentSpec intent, string display, List<Finding> findings)
    {
        var (low, high, what) = intent.Protocol == ProtocolSpec.Icmp ? (-1, 255, "from 0 to 255, or -1 for all") : (0, 65535, "from 0 to 65535");
        if (intent.Port < low || intent.Port > high)
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, intent.Path.Child("port"), "Port", display, Invariant.Format(intent.Port), what));
            return false;
        }

        if (intent.Protocol is ProtocolSpec.Tcp or ProtocolSpec.Udp && intent.ToPort != 0 && (intent.ToPort < intent.Port || intent.ToPort > 65535))
        {
            findings.Add(Finding.Create(DiagnosticDescriptors.ValueOutOfRange.Id, intent.Path.Child("toPort"), "ToPort", display, Invariant.Format(intent.ToPort),
                "from Port (" + Invariant.Format(intent.Port) + ") to 65535"));
            return false;
        }

        return true;
    }

    /// <summary>[SshVia&lt;Jump&gt;]: SSH from the jump host to the instance, and from somewhere outside to the jump host.</summary>
    private static void CheckJump(StackIndex index, Reachability model, InstanceSpec instance, List<Finding> findings)
    {
        if (index.Resolve<InstanceSpec>(instance.SshVia) is not { } jump || index.Same(jump, instance) || !model.Models(jump))
        {
            return;
        }

        var at = instance.Path.Item("sshVia", 0);
        if (model.Explain(model.EndpointOf(jump), model.EndpointOf(instance), Ssh) is { } broken)
        {
            findings.Add(broken.Place(Finding.Create(DiagnosticDescriptors.SshJumpPathBroken.Id, at, broken.At, instance.Name, index.Display(jump), broken.Reason)));
            return;
        }

        // A jump host without a public IP is TDSL211 already.
        if (!jump.PublicIp || model.FromOutside(jump).Any(p => p.Ports.Covers(Ssh)))
        {
            return;
        }

        // Explain through the outside peer the jump host's rules name for SSH (the admin block), else the internet.
        var peer = model.Permitted(jump, Ssh).FirstOrDefault() ?? Endpoint.Internet;
        var reason = model.Explain(peer, model.EndpointOf(jump), Ssh)
            ?? new BrokenLink("nothing outside the VPC can open SSH to '" + jump.Name + "'", jump.Path, index.ForeignKey(jump));
        findings.Add(reason.Place(Finding.Create(DiagnosticDescriptors.SshJumpPathBroken.Id, at, reason.At, instance.Name, index.Display(jump), reason.Reason)));
    }

    private static void CheckScript(StackIndex index, Reachability model, InstanceSpec instance, List<Finding> findings)
    {
        if (instance.UserData is not { Length: > 0 } file || index.ReadFile(file) is not { } script)
        {
            return;
        }

        var at = instance.Path.Child("userData");
        var commands = NetworkCommands(script).ToList();
        if (commands.Count > 0 && model.Explain(model.EndpointOf(instance), Endpoint.Internet, Https) is { } broken)
        {
            // Without the internet, a VPC endpoint serves the commands whose service is known ('aws s3', dnf from
            // Amazon Linux 2023's repositories in S3); the first command no endpoint serves is reported.
            var unserved = commands.FirstOrDefault(c => c.Service is null || !EndpointRules.Serves(index, instance, c.Service));
            if (unserved.Command is { } command)
            {
                findings.Add(broken.Place(Finding.Create(DiagnosticDescriptors.BootScriptWithoutWayOut.Id, at, broken.At, instance.Name, command, broken.Reason)));
            }
        }

        var reported = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in SubstitutionRules.References(script))
        {
            var dot = name.IndexOf('.');
            if (dot <= 0 || name.Substring(dot + 1) is not ("PrivateIp" or "PublicIp"))
            {
                continue;
            }

            var other = index.Find(name.Substring(0, dot)) as InstanceSpec;
            if (other is null || other.Name == instance.Name || !model.Models(other) || !reported.Add(other.Name))
            {
                continue;
            }

            if (!model.AnyPort(instance, other) && !model.AnyPort(other, instance))
            {
                findings.Add(Finding.Create(DiagnosticDescriptors.SubstitutedAddressWithoutConnection.Id, at, instance.Name, other.Name));
            }
        }
    }

    /// <summary>
    /// Each command of the script that uses the network, outside comments, in order, with the AWS
    /// service an endpoint could serve it from, where that is known: 'aws s3 ...' and 'aws
    /// secretsmanager ...' name theirs; dnf fetches from Amazon Linux 2023's repositories, which
    /// are S3 buckets of the region (an S3 gateway endpoint serves them). Anything else needs the internet.
    /// </summary>
    internal static IEnumerable<(string Command, string? Service)> NetworkCommands(string script)
    {
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimStart();
            if (line.StartsWith("#", System.StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in NetworkCommand.Matches(line + " "))
            {
                var command = match.Groups[1].Value;
                var service = command switch
                {
                    "dnf" => "s3",
                    "aws" => AwsService(line.Substring(match.Groups[1].Index + command.Length)),
                    _ => null,
                };
                yield return (command, service);
            }
        }
    }

    /// <summary>Options of the AWS CLI that take a value, which may come before the command.</summary>
    private static readonly HashSet<string> CliOptionsWithValue = new(System.StringComparer.Ordinal)
    {
        "--region", "--profile", "--output", "--endpoint-url", "--query", "--color", "--cli-read-timeout", "--cli-connect-timeout", "--ca-bundle",
    };

    /// <summary>The endpoint service of an AWS CLI command line after 'aws' (<c>s3 cp ...</c> → s3, <c>ecr get-login-password</c> → ecr.api), or null.</summary>
    private static string? AwsService(string rest)
    {
        var words = rest.Split([' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.StartsWith("--", System.StringComparison.Ordinal))
            {
                i += CliOptionsWithValue.Contains(word) ? 1 : 0;
                continue;
            }

            return word switch
            {
                "s3" or "s3api" => "s3",
                "ecr" => "ecr.api",
                "configure" or "help" => null,
                _ when Regex.IsMatch(word, "^[a-z][a-z0-9-]*$") => word,
                _ => null,
            };
        }

        return null;
    }

    /// <summary>The first command of the script that uses the network, outside comments.</summary>
    internal static string? FirstNetworkCommand(string script)
    {
        foreach (var raw in script.Split('\n'))
        {
            var line = raw.TrimStart();
            if (line.StartsWith("#", System.StringComparison.Ordinal))
            {
                continue;
            }

            var match = NetworkCommand.Match(line + " ");
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        return null;
    }
}
