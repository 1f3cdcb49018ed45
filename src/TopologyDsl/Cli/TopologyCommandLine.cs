using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.IO;
using System.Linq;
using System.Reflection;
using System.CommandLine.Invocation;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Cli;

/// <summary>What every subcommand gets: the stacks' templates, the default template folder and where to write.</summary>
/// <param name="Templates">The templates of the program's stacks, in the order given.</param>
/// <param name="DefaultDirectory">The folder for templates when <c>--out</c> is not given.</param>
/// <param name="Out">Standard output: results and help.</param>
/// <param name="Error">Standard error: faults, one line each, and usage after a usage error.</param>
public sealed record CommandContext(IReadOnlyList<Template> Templates, string DefaultDirectory, TextWriter Out, TextWriter Error);

/// <summary>
/// The program's command line, built on System.CommandLine: a root command with one subcommand per
/// task (<c>synth</c> today). A subcommand is a <see cref="Command"/> made from a
/// <see cref="CommandContext"/>; adding one to <see cref="Subcommands"/> gives it help, completion
/// and the same usage errors as the others.
/// </summary>
public static class TopologyCommandLine
{
    /// <summary>Exit code: done, or (<c>--check</c>) every template is up to date.</summary>
    public const int Success = 0;

    /// <summary>Exit code: a fault (a file that cannot be read or written), a stale or missing template (<c>--check</c>), or a template over a quota.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the command line was not understood.</summary>
    public const int UsageError = 2;

    /// <summary>The subcommands, each built from the context. Later commands (a change report, a picture of the network) add a line here.</summary>
    public static IReadOnlyList<Func<CommandContext, Command>> Subcommands { get; } =
    [
        SynthCommand.Create,
    ];

    /// <summary>Builds the root command with every subcommand.</summary>
    public static RootCommand Build(CommandContext context)
    {
        var root = new RootCommand("Checks and writes the CloudFormation templates of this program's stacks.");
        foreach (var subcommand in Subcommands)
        {
            root.Add(subcommand(context));
        }

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(context.Out);
        }

        return root;
    }

    /// <summary>
    /// <c>--version</c> names both the program and the TopologyDsl library that wrote its templates
    /// (the default prints only the program's version, which says nothing about the templates).
    /// </summary>
    private sealed class VersionAction(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine($"{Describe(Assembly.GetEntryAssembly())} (TopologyDsl {Describe(typeof(TopologyCommandLine).Assembly).Split(' ')[^1]})");
            return Success;
        }

        private static string Describe(Assembly? assembly)
        {
            if (assembly is null)
            {
                return "unknown";
            }

            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            return assembly.GetName().Name + " " + version;
        }
    }

    /// <summary>
    /// Parses and runs the command line. Help goes to <see cref="CommandContext.Out"/> with exit code 0;
    /// a usage error gives its message and the command's usage on <see cref="CommandContext.Error"/>
    /// with exit code 2; a subcommand's faults are one line each on the error writer, exit code 1.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, CommandContext context)
    {
        var root = Build(context);
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            var command = result.CommandResult.Command;
            foreach (var error in result.Errors)
            {
                context.Error.WriteLine(command.Name + ": " + error.Message);
            }

            context.Error.WriteLine();
            var path = command is RootCommand ? [] : new[] { command.Name };
            root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = context.Error, Error = context.Error });
            return UsageError;
        }

        return result.Invoke(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }
}
