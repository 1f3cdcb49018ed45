using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using TopologyDsl.CloudFormation;
using TopologyDsl.CloudFormation.Changes;

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

    private static readonly Dictionary<string, FailOn> FailOnNames = new(StringComparer.Ordinal)
    {
        ["none"] = FailOn.None,
        ["change"] = FailOn.Change,
        ["replace"] = FailOn.Replace,
        ["data-loss"] = FailOn.DataLoss,
    };

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
        var compareWith = new Option<string>("--base")
        {
            Description = "Report changes against the templates in DIR (such as the target branch's) instead of the committed ones",
            HelpName = "DIR",
        };
        var reportFile = new Option<string>("--report-file")
        {
            Description = "Also write the change report as JSON to FILE",
            HelpName = "FILE",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with code 3 when the change report holds a change of this kind or worse [default: none]",
            HelpName = "change|replace|data-loss",
        };
        failOn.AcceptOnlyFromAmong(FailOnNames.Keys.ToArray());

        // "--out ''" and "--out=" both name nothing: a usage error (exit code 2) either way.
        foreach (var (option, what) in new[] { (output, "folder"), (compareWith, "folder"), (reportFile, "file") })
        {
            option.Validators.Add(result =>
            {
                if (result.Tokens.Any(t => t.Value.Length == 0))
                {
                    result.AddError($"{option.Name} names no {what} (the value is empty)");
                }
            });
        }

        var command = new Command(Name, "Write each stack's template to DIR/<stack>.yaml (and its network picture and reachability matrix to DIR/<stack>.md) and report what deploying it changes") { check, output, compareWith, reportFile, failOn };
        command.SetAction(result => new Synth(context).Run(result.GetValue(check), result.GetValue(output), result.GetValue(compareWith),
            result.GetValue(reportFile), FailOnNames[result.GetValue(failOn) ?? "none"]));
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

        public int Run(bool check, string? outOption, string? baseOption, string? reportFile, FailOn failOn)
        {
            if (context.Templates.Count == 0)
            {
                // A Program.cs that passes no stack would otherwise "succeed" and check nothing.
                _err.WriteLine($"{Name}: no stack was given; pass each stack's BuildTemplate() to SynthCommand.Run");
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
            var baseDirectory = baseOption is null ? null : Path.GetFullPath(baseOption);
            var failed = false;
            var reports = new List<ChangeReport.Entry>();

            // --check: each stack's verdict goes to standard output with its change report under it, so the
            // two read in order whatever a CI log does with two streams; what is stale is summed up last, on
            // standard error, with the faults.
            var stale = new List<string>();
            var imports = Imports(directory, baseDirectory);
            foreach (var template in context.Templates)
            {
                var path = Path.Combine(directory, template.StackName + ".yaml");
                string? committed = null;
                string produced;
                try
                {
                    produced = TemplateWriter.Write(template);
                    var done = check ? Check(template, path, produced, stale, out committed) : Write(template, path, produced, out committed);
                    failed |= !done;

                    // A stale or missing template (--check) is still compared; a fault leaves nothing to compare.
                    if (!done && !(check && (committed is not null || (!File.Exists(path) && !Directory.Exists(path)))))
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _err.WriteLine($"{Name}: cannot {(check ? "read" : "write")} {Show(path)}: {TemplateFiles.Reason(e)}");
                    failed = true;
                    continue;
                }

                var basePath = baseDirectory is null ? path : Path.Combine(baseDirectory, template.StackName + ".yaml");
                if (Compare(template.StackName, path, basePath, baseDirectory is null ? committed : null, produced, imports, out var fault) is { } entry)
                {
                    reports.Add(entry);
                }

                failed |= fault;
            }

            var refused = !failed && reports.Any(r => ChangeReport.Reaches(r.Changes, failOn));
            if (reportFile is not null)
            {
                try
                {
                    var target = TemplateFiles.Resolve(Path.GetFullPath(reportFile));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    TemplateFiles.WriteAtomically(target, ChangeReport.ToJson(reports, failOn, refused));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    _err.WriteLine($"{Name}: cannot write {Show(Path.GetFullPath(reportFile))}: {TemplateFiles.Reason(e)}");
                    failed = true;
                }
            }

            // The order of 'aws cloudformation deploy': each stack after the stacks it imports from.
            if (order.Count > 1 && !failed)
            {
                _out.WriteLine("deploy order: " + string.Join(", ", order.Select(t => t.StackName)));

                // That order fails while a deployed stack imports an export the update changes: that stack goes first, without the import.
                var first = reports.SelectMany(r => r.Changes.ImportedExports.Where(e => e.Action != ExportAction.MayReplace))
                    .SelectMany(e => e.ImportedBy.Where(i => i.Deployed).Select(i => (i.StackName, e.Name)))
                    .GroupBy(i => i.StackName, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal);
                foreach (var importer in first)
                {
                    var names = importer.Select(i => i.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
                    _out.WriteLine($"  before that: deploy {importer.Key} without its import{(names.Length == 1 ? "" : "s")} of {string.Join(", ", names)}, "
                        + $"which the update changes (CloudFormation refuses it while {importer.Key} imports {(names.Length == 1 ? "it" : "them")})");
                }
            }

            if (stale.Count > 0)
            {
                var count = context.Templates.Count;
                _err.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} template{3} {4} not up to date ({5}); run 'synth' and commit {6}",
                    Name, stale.Count, count, count == 1 ? "" : "s", stale.Count == 1 ? "is" : "are", string.Join(", ", stale), stale.Count == 1 ? "it" : "them"));
            }

            if (failed)
            {
                return Failed;
            }

            if (refused)
            {
                _err.WriteLine($"{Name}: the changes include {FailOnNames.First(n => n.Value == failOn).Key} (--fail-on)");
                return ChangeReport.Refused;
            }

            return TopologyCommandLine.Success;
        }

        /// <summary>
        /// Which stack imports which export: as deployed (the template compared with, committed or in
        /// <c>--base</c>; read before anything is written) and in the code. A template that cannot be
        /// read here counts as importing nothing; the stack's own comparison reports why.
        /// </summary>
        private ImportIndex Imports(string directory, string? baseDirectory)
        {
            var index = new ImportIndex();
            foreach (var template in context.Templates)
            {
                var path = Path.Combine(baseDirectory ?? directory, template.StackName + ".yaml");
                IEnumerable<string>? deployed = null;
                try
                {
                    deployed = File.Exists(path) ? TemplateTree.Imports(TemplateTree.Parse(File.ReadAllText(path))).ToArray() : null;
                }
                catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
                {
                }

                index.Add(template.StackName, deployed, DeployOrder.Imports(template));
            }

            return index;
        }

        /// <summary>
        /// The change report of one stack: the produced template against the committed one (read before
        /// it was overwritten; null when there was none) or the one in <c>--base</c>. Prints it when it
        /// holds changes. Null when the template compared with cannot be read: a fault for the one in
        /// <c>--base</c>; for the committed one, which synth replaces anyway, a line on standard output.
        /// </summary>
        private ChangeReport.Entry? Compare(string stack, string path, string basePath, string? committed, string produced, ImportIndex imports, out bool fault)
        {
            fault = false;
            var shownBase = Show(basePath);
            try
            {
                if (basePath != path)
                {
                    committed = File.Exists(basePath) ? File.ReadAllText(basePath) : null;
                }

                var changes = committed is not null && TemplateFiles.SameText(Encoding.UTF8.GetBytes(committed), Encoding.UTF8.GetBytes(produced))
                    ? new StackChanges(stack, false, [], [])
                    : TemplateChanges.Compare(stack, committed, produced).WithImporters(imports);
                var entry = new ChangeReport.Entry(changes, Show(path), shownBase);
                if (!changes.IsEmpty)
                {
                    ChangeReport.WriteText(_out, entry);
                }

                return entry;
            }
            catch (FormatException e) when (basePath == path)
            {
                _out.WriteLine($"{Show(path)}: no change report: the committed template is not a template ({e.Message})");
            }
            catch (FormatException e)
            {
                _err.WriteLine($"{Name}: cannot compare with {shownBase}: {e.Message}");
                fault = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _err.WriteLine($"{Name}: cannot read {shownBase}: {TemplateFiles.Reason(e)}");
                fault = true;
            }

            return null;
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

        private bool Write(Template template, string path, string produced, out string? committed)
        {
            committed = null;
            var shown = Show(path);
            var bytes = Encoding.UTF8.GetBytes(produced);
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

            committed = File.Exists(target) ? File.ReadAllText(target) : null;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            TemplateFiles.SweepStaleTemporaries(target);
            TemplateFiles.WriteIfChanged(target, bytes);
            var through = target == path ? "" : " through the link to " + Show(target);
            var also = "";
            if (template.Overview is { } overview)
            {
                // The picture and reachability matrix, beside the template the user named.
                var picture = Path.ChangeExtension(path, ".md");
                TemplateFiles.WriteIfChanged(TemplateFiles.Resolve(picture), Encoding.UTF8.GetBytes(overview));
                also = " and " + Show(picture);
            }

            _out.WriteLine($"wrote {shown}{through} ({Summary(template, bytes.Length)}){also}");
            Notes(template);
            return true;
        }

        /// <summary>
        /// Compares the committed template (and picture) with what the code produces and prints the verdict on
        /// standard output; a stale one is added to <paramref name="stale"/> for the summary. False when not up to date.
        /// </summary>
        private bool Check(Template template, string path, string produced, List<string> stale, out string? committed)
        {
            committed = null;
            var shown = Show(path);
            var bytes = Encoding.UTF8.GetBytes(produced);
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
                _out.WriteLine($"{shown}: missing");
                stale.Add(shown + " is missing");
                Notes(template);
                return false;
            }

            var existing = File.ReadAllBytes(path);
            committed = Encoding.UTF8.GetString(existing);
            if (!TemplateFiles.SameText(existing, bytes))
            {
                _out.WriteLine($"{shown}: differs from what the code produces");
                stale.Add(shown + " differs");
                Notes(template);
                return false;
            }

            if (template.Overview is { } overview)
            {
                var picture = Path.ChangeExtension(path, ".md");
                if (!File.Exists(picture) || !TemplateFiles.SameText(File.ReadAllBytes(picture), Encoding.UTF8.GetBytes(overview)))
                {
                    var differs = File.Exists(picture);
                    _out.WriteLine($"{Show(picture)}: {(differs ? "differs from what the code produces" : "missing")}");
                    stale.Add(Show(picture) + (differs ? " differs" : " is missing"));
                    Notes(template);
                    return false;
                }
            }

            _out.WriteLine($"{shown}: up to date ({Summary(template, bytes.Length)})");
            Notes(template);
            return true;
        }

        /// <summary>
        /// The stack's info findings (suggestions the build output never shows), as a short list under its line:
        /// its <c>wrote</c> line, or with <c>--check</c> its verdict, whether up to date, stale or missing (the
        /// notes come from the code, so a stale stack shows them too), before its change report.
        /// </summary>
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
