using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using TopologyDsl.CloudFormation;

namespace TopologyDsl.Cli;

/// <summary>
/// The command line an example's <c>Main</c> hands its stacks to.
/// <c>synth</c> writes each stack's template to <c>templates/&lt;stack&gt;.yaml</c> in the project folder;
/// <c>synth --check</c> writes nothing and fails when a committed template differs from the code.
/// </summary>
public static class SynthCommand
{
    /// <summary>Exit code: a fault, a missing or stale template (<c>--check</c>), or a template over a quota.</summary>
    public const int Failed = TopologyCommandLine.Failed;

    /// <summary>Exit code: the command line was not understood.</summary>
    public const int UsageError = TopologyCommandLine.UsageError;

    /// <summary>The folder, relative to the project, that holds the templates.</summary>
    public const string TemplateFolder = "templates";

    private const string Name = "synth";

    /// <summary>Runs the program's command line (<c>synth</c> and the other subcommands) against the given stacks' templates.</summary>
    public static int Run(string[] args, params Template[] templates) =>
        Run(args, templates, Console.Out, Console.Error, DefaultOutputDirectory(Assembly.GetEntryAssembly()));

    /// <summary>Runs the command line with explicit writers and default folder (for tests).</summary>
    public static int Run(IReadOnlyList<string> args, IReadOnlyList<Template> templates, TextWriter stdout, TextWriter stderr, string defaultDirectory) =>
        TopologyCommandLine.Run(args, new CommandContext(templates, defaultDirectory, stdout, stderr));

    /// <summary>The <c>synth</c> subcommand.</summary>
    public static Command Create(CommandContext context)
    {
        var check = new Option<bool>("--check")
        {
            Description = "Write nothing; fail (exit code 1) if a template in the folder is missing or differs from the code",
        };
        var output = new Option<string>("--out")
        {
            Description = "The folder for the templates [default: the project's templates/ folder]",
            HelpName = "DIR",
        };
        var command = new Command(Name, "Write each stack's template to DIR/<stack>.yaml") { check, output };
        command.SetAction(result => new Synth(context).Run(result.GetValue(check), result.GetValue(output)));
        return command;
    }

    /// <summary>
    /// The default folder: <c>templates/</c> in the project folder that the build recorded
    /// (TopologyDsl.targets adds it as assembly metadata), else in the current folder.
    /// </summary>
    public static string DefaultOutputDirectory(Assembly? entry)
    {
        var project = entry?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TopologyDsl.ProjectDirectory")?.Value;
        var root = !string.IsNullOrEmpty(project) && Directory.Exists(project) ? project : Environment.CurrentDirectory;
        return Path.Combine(root, TemplateFolder);
    }

    private sealed class Synth(CommandContext context)
    {
        private readonly TextWriter _out = context.Out;
        private readonly TextWriter _err = context.Error;

        public int Run(bool check, string? outOption)
        {
            if (outOption is { Length: 0 })
            {
                _err.WriteLine(Name + ": --out names no folder (the value is empty)");
                return Failed;
            }

            // Two stacks with one name would overwrite one template with the other (TDSL308), and stacks
            // that import from each other cannot be deployed (TDSL227): nothing is written then.
            IReadOnlyList<Template> order;
            try
            {
                order = DeployOrder.Sort(context.Templates);
            }
            catch (Resources.TopologyException e)
            {
                _err.WriteLine(Name + ": error " + e.Message);
                return Failed;
            }

            var directory = Path.GetFullPath(outOption ?? context.DefaultDirectory);
            var failed = false;
            foreach (var template in context.Templates)
            {
                var path = Path.Combine(directory, template.StackName + ".yaml");
                try
                {
                    failed |= check ? !Check(template, path) : !Write(template, path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _err.WriteLine($"{Name}: cannot {(check ? "read" : "write")} {Show(path)}: {TemplateFiles.Reason(e)}");
                    failed = true;
                }
            }

            // The order of 'aws cloudformation deploy': each stack after the stacks it imports from.
            if (order.Count > 1 && !failed)
            {
                _out.WriteLine("deploy order: " + string.Join(", ", order.Select(t => t.StackName)));
            }

            return failed ? Failed : TopologyCommandLine.Success;
        }

        /// <summary>Checks the template against its quotas; prints the warning or error. False when it cannot be deployed at all.</summary>
        private bool WithinQuota(string shown, int size)
        {
            if (size > Template.MaxBytes)
            {
                _err.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0}: error TDSL306: the template is {1:N0} bytes; CloudFormation accepts at most {2:N0}. Split the topology into several stacks",
                    shown, size, Template.MaxBytes));
                return false;
            }

            if (size > Template.MaxInlineBytes)
            {
                _err.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0}: warning TDSL305: the template is {1:N0} bytes, over the {2:N0} that 'aws cloudformation deploy' passes inline; deploy it with --s3-bucket",
                    shown, size, Template.MaxInlineBytes));
            }

            return true;
        }

        private bool Write(Template template, string path)
        {
            var shown = Show(path);
            var bytes = Encoding.UTF8.GetBytes(TemplateWriter.Write(template));
            if (!WithinQuota(shown, bytes.Length))
            {
                return false;
            }

            if (TemplateFiles.FileInTheWay(Path.GetDirectoryName(path)!) is { } file)
            {
                return Fault("write", path, Show(file) + " is a file, not a folder");
            }

            var target = TemplateFiles.Resolve(path);
            if (Directory.Exists(target))
            {
                return Fault("write", path, "it is a folder");
            }

            if (TemplateFiles.FileInTheWay(Path.GetDirectoryName(target)!) is { } targetFile)
            {
                return Fault("write", path, Show(targetFile) + " is a file, not a folder");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            TemplateFiles.SweepStaleTemporaries(target);
            TemplateFiles.WriteAtomically(target, bytes);
            var through = target == path ? "" : " through the link to " + Show(target);
            _out.WriteLine($"wrote {shown}{through} ({Summary(template, bytes.Length)})");
            Notes(template);
            return true;
        }

        private bool Check(Template template, string path)
        {
            var shown = Show(path);
            var bytes = Encoding.UTF8.GetBytes(TemplateWriter.Write(template));
            if (!WithinQuota(shown, bytes.Length))
            {
                return false;
            }

            if (Directory.Exists(path))
            {
                return Fault("read", path, "it is a folder");
            }

            if (!File.Exists(path))
            {
                _err.WriteLine($"{shown}: missing; run 'synth' and commit the template");
                return false;
            }

            if (!TemplateFiles.SameText(File.ReadAllBytes(path), bytes))
            {
                _err.WriteLine($"{shown}: differs from what the code produces; run 'synth' and commit the template");
                return false;
            }

            _out.WriteLine($"{shown}: up to date ({Summary(template, bytes.Length)})");
            Notes(template);
            return true;
        }

        /// <summary>The stack's info findings (suggestions the build output never shows), as a short list under its line.</summary>
        private void Notes(Template template)
        {
            foreach (var note in template.Notes)
            {
                _out.WriteLine($"  info {note.Id}: {note.Message}");
            }
        }

        private bool Fault(string verb, string path, string reason)
        {
            _err.WriteLine($"{Name}: cannot {verb} {Show(path)}: {reason}");
            return false;
        }

        private static string Summary(Template template, int size) =>
            string.Format(CultureInfo.InvariantCulture, "{0:N0} bytes, {1} resource{2}", size, template.Resources.Count, template.Resources.Count == 1 ? "" : "s");

        /// <summary>A path as the user would type it: relative to the current folder.</summary>
        private static string Show(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
    }
}
