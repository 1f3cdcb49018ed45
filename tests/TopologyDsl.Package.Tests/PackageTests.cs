using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using TopologyDsl.Testing;

namespace TopologyDsl.Package.Tests;

/// <summary>
/// A user outside this repository gets the attributes, the generator, the diagnostics and the
/// synth command from one package reference: the package is packed into a local folder, restored
/// into a fresh project in a temporary folder (with its own package cache, so no stale copy of the
/// package can answer), built, run, and broken on purpose.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "topologydsl-package-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temporary directory.
        }
    }

    private const string Topology = """
        using TopologyDsl;
        using TopologyDsl.Cli;
        using static TopologyDsl.Protocol;

        return SynthCommand.Run(args, Consumer.Edge.BuildTemplate());

        namespace Consumer
        {
            [Stack("edge")]
            public static partial class Edge
            {
                [Subnet<Net>("SUBNET_CIDR")] public partial record Public;
                [InternetGateway<Net>] public partial record Igw;
                [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0")] public partial record Routes;
                [Vpc("10.8.0.0/16", FlowLogs = true)] public partial record Net;
                [SecurityGroup<Net>("web"), Ingress(Tcp, 443, "0.0.0.0/0", Description = "HTTPS"), Egress(Tcp, 443, "0.0.0.0/0", Description = "out")SSH]
                public partial record Web;
                [Instance<Public>("10.8.1.10", PublicIp = true, ImageId = "ami-0123456789abcdef0", InstanceType = "t3.micro", UserData = "boot.sh"), Uses<Web>]
                public partial record Server;
            }
        }
        """;

    [Fact]
    public void Package_GivesAttributesGeneratorDiagnosticsAndSynth()
    {
        var feed = Path.Combine(_root, "feed");
        var app = Path.Combine(_root, "app");
        Directory.CreateDirectory(app);
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(_root, "packages"),
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        // The pack uses the machine's package cache, like the solution build it runs beside: a
        // restore of the repository's projects against another cache would rewrite their assets files.
        var packEnvironment = environment.Where(e => e.Key != "NUGET_PACKAGES").ToDictionary(e => e.Key, e => e.Value);
        var pack = Dotnet(Repo.Root, packEnvironment, "pack", Repo.PathOf("src", "TopologyDsl", "TopologyDsl.csproj"), "-c", "Release", "-o", feed, "-p:Version=0.1.0-local");
        Assert.True(pack.Exit == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/TopologyDsl.Generators.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/TopologyDsl.CodeFixes.dll", entries);
            Assert.Contains("lib/net10.0/TopologyDsl.dll", entries);
            Assert.Contains("build/TopologyDsl.targets", entries);
            AssertNoBuildPaths(zip, "lib/net10.0/TopologyDsl.dll", "analyzers/dotnet/cs/TopologyDsl.Generators.dll", "analyzers/dotnet/cs/TopologyDsl.CodeFixes.dll");
            // Every assembly the package carries, and where: a DLL elsewhere would go unnoticed (NU5100 is
            // silenced for the readytorun folder).
            var assemblies = new List<string> { "analyzers/dotnet/cs/TopologyDsl.CodeFixes.dll", "analyzers/dotnet/cs/TopologyDsl.Generators.dll", "lib/net10.0/TopologyDsl.dll" };
            assemblies.AddRange(ReadyToRunRids.Select(ReadyToRunEntry));
            Assert.Equal(assemblies.Order(StringComparer.Ordinal), entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            // The generator precompiled for each platform the pack was asked for, each image for its own OS
            // and processor; the assembly every other host loads stays plain IL.
            Assert.Null(ReadyToRunMachine(zip, "analyzers/dotnet/cs/TopologyDsl.Generators.dll"));
            foreach (var rid in ReadyToRunRids)
            {
                Assert.True(ExpectedMachine(rid) == ReadyToRunMachine(zip, ReadyToRunEntry(rid)), $"{ReadyToRunEntry(rid)}: machine 0x{ReadyToRunMachine(zip, ReadyToRunEntry(rid)):X4}, expected 0x{ExpectedMachine(rid):X4}");
                AssertNoBuildPaths(zip, ReadyToRunEntry(rid));
            }

            // nuget.org shows the README outside the repository: every link is absolute or within the page.
            var readme = new StreamReader(zip.GetEntry("README.md")!.Open()).ReadToEnd();
            Assert.Contains("](https://github.com/TopologyDsl/TopologyDsl/blob/", readme);
            Assert.Empty(System.Text.RegularExpressions.Regex.Matches(readme, @"\]\((?!https?:|#)[^)]*\)").Select(m => m.Value));
            static string WithoutLinkTargets(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\]\([^)]*\)", "]()");
            Assert.Equal(WithoutLinkTargets(File.ReadAllText(Repo.PathOf("README.md"))), WithoutLinkTargets(readme));
            var nuspec = new StreamReader(zip.GetEntry("TopologyDsl.nuspec")!.Open()).ReadToEnd();
            Assert.Matches("<repository type=\"git\" url=\"https://github.com/TopologyDsl/TopologyDsl\" [^>]*commit=\"[0-9a-f]{40}\"", nuspec);
        }

        // Symbols ship beside the package, with Source Link to the public repository and no build paths.
        var symbols = Assert.Single(Directory.GetFiles(feed, "*.snupkg"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(symbols))
        {
            AssertNoBuildPaths(zip, "lib/net10.0/TopologyDsl.pdb");
            var pdb = Read(zip, "lib/net10.0/TopologyDsl.pdb");
            Assert.Matches("\"/_/\\*\": ?\"https://raw\\.githubusercontent\\.com/TopologyDsl/TopologyDsl/[0-9a-f]{40}/\\*\"", pdb);
        }

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TopologyDsl" Version="0.1.0-local" />
                <AdditionalFiles Include="*.sh" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "boot.sh"), "#!/bin/bash\necho ${Web} ${AWS::Region}\n");
        File.WriteAllText(Path.Combine(app, "self.sh"), "#!/bin/bash\necho ${Server.PrivateIp}\n");
        File.WriteAllText(Path.Combine(app, "secret.sh"), SecretScript);
        File.WriteAllText(Path.Combine(app, "signal.sh"), "#!/bin/bash\ntrap '/opt/aws/bin/cfn-signal -e $? --stack ${AWS::StackName} --resource ${LogicalId}' EXIT\n");
        File.WriteAllText(Path.Combine(app, "quiet.sh"), "#!/bin/bash\ndnf install -y httpd\n");
        File.WriteAllText(Path.Combine(app, "Program.cs"), Valid());

        var build = Dotnet(app, environment, "build", "-v:n");
        Assert.True(build.Exit == 0, build.Output);
        Assert.DoesNotContain("warning TDSL", build.Output);
        // The compiler gets the precompiled generator on a matching host, the plain one when told not to.
        var hostImage = ReadyToRunRids.Contains(RuntimeInformation.RuntimeIdentifier);
        var analyzer = hostImage ? "/" + ReadyToRunEntry(RuntimeInformation.RuntimeIdentifier) : "/analyzers/dotnet/cs/TopologyDsl.Generators.dll";
        Assert.Equal(hostImage ? 0 : 1, CompilerArguments(build.Output).Count(a => a.EndsWith("/analyzers/dotnet/cs/TopologyDsl.Generators.dll", StringComparison.Ordinal)));
        Assert.Single(CompilerArguments(build.Output), a => a.StartsWith("/analyzer:", StringComparison.Ordinal) && a.EndsWith(analyzer, StringComparison.Ordinal));
        var plain = Dotnet(app, environment, "build", "-v:n", "--no-incremental", "-p:TopologyDslReadyToRun=false");
        Assert.True(plain.Exit == 0, plain.Output);
        Assert.Single(CompilerArguments(plain.Output), a => a.StartsWith("/analyzer:", StringComparison.Ordinal) && a.EndsWith("/analyzers/dotnet/cs/TopologyDsl.Generators.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(CompilerArguments(plain.Output), a => a.Contains("/readytorun/", StringComparison.Ordinal));
        // Generators run in the order the compiler gets them: the image keeps the plain assembly's place.
        static IEnumerable<string> Analyzers(string output) =>
            CompilerArguments(output).Where(a => a.StartsWith("/analyzer:", StringComparison.Ordinal)).Select(Path.GetFileName)!;
        Assert.Equal(Analyzers(plain.Output), Analyzers(build.Output));

        // Elsewhere the targets choose by the compiler's platform, TopologyDslReadyToRunHostRid (the SDK's portable
        // runtime identifier): each platform with an image gets its own, in the plain assembly's place, and one
        // without (win-arm64) the plain assembly. An image of another platform cannot run here (the runtime
        // refuses it), so these stop at the list the compiler would get. That the SDK reports these identifiers
        // on those machines is the SDK's part and untested here.
        var plainAnalyzers = AnalyzerItems(app, environment, "-p:TopologyDslReadyToRun=false");
        Assert.Single(plainAnalyzers, a => a.EndsWith("/analyzers/dotnet/cs/TopologyDsl.Generators.dll", StringComparison.Ordinal));
        foreach (var rid in ReadyToRunRids.Append("win-arm64"))
        {
            var chosen = ReadyToRunRids.Contains(rid)
                ? plainAnalyzers.Select(a => a.EndsWith("/analyzers/dotnet/cs/TopologyDsl.Generators.dll", StringComparison.Ordinal) ? a.Replace("/analyzers/dotnet/cs/", "/readytorun/" + rid + "/", StringComparison.Ordinal) : a)
                : plainAnalyzers;
            Assert.Equal(chosen, AnalyzerItems(app, environment, "-p:TopologyDslReadyToRunHostRid=" + rid));
        }

        // A distribution's own build of the SDK names the distribution in its runtime identifier; the portable one
        // names the platform the image serves.
        var distribution = Dotnet(app, environment, "msbuild", "-nologo", "-getProperty:TopologyDslReadyToRunHostRid", "-p:NETCoreSdkRuntimeIdentifier=ubuntu.24.04-x64");
        Assert.True(distribution.Exit == 0, distribution.Output);
        Assert.Equal(RuntimeInformation.RuntimeIdentifier, distribution.Output.Split('\n')[1].Trim());

        var run = Dotnet(_root, environment, "run", "--no-build", "--project", app, "--", "synth");
        Assert.True(run.Exit == 0, run.Output);
        var template = File.ReadAllText(Path.Combine(app, "templates", "edge.yaml"));
        Assert.Contains("CidrBlock: 10.8.1.0/24", template);
        Assert.Contains("echo ${Web} ${AWS::Region}", template);

        // The build itself checks the committed template (CI) and rewrites it (-p:TopologyDslSynth=write).
        var check = Dotnet(app, environment, "build", "-p:TopologyDslSynth=check");
        Assert.True(check.Exit == 0, check.Output);
        Assert.Contains("edge.yaml", check.Output); // the program ran and named the template it checked
        File.AppendAllText(Path.Combine(app, "templates", "edge.yaml"), "# edited by hand\n");
        var stale = Dotnet(app, environment, "build", "-p:TopologyDslSynth=check");
        Assert.NotEqual(0, stale.Exit);
        Assert.Contains("error TopologyDslSynth: The committed templates of Consumer differ", stale.Output);
        var write = Dotnet(app, environment, "build", "-p:TopologyDslSynth=write");
        Assert.True(write.Exit == 0, write.Output);
        Assert.Equal(template, File.ReadAllText(Path.Combine(app, "templates", "edge.yaml")));

        // Moving the subnet out of its VPC fails the build with our diagnostic on that argument.
        File.WriteAllText(Path.Combine(app, "Program.cs"), Valid("10.9.1.0/24"));
        var broken = Dotnet(app, environment, "build");
        Assert.NotEqual(0, broken.Exit);
        var line = Topology.Split('\n').ToList().FindIndex(l => l.Contains("SUBNET_CIDR", StringComparison.Ordinal)) + 1;
        var column = Topology.Split('\n')[line - 1].IndexOf("\"SUBNET_CIDR\"", StringComparison.Ordinal) + 1;
        Assert.Contains($"Program.cs({line},{column}): error TDSL106: Subnet 'Public' uses 10.9.1.0/24, which is not inside VPC 'Net' 10.8.0.0/16", broken.Output);
        Assert.DoesNotContain("error CS", broken.Output);

        // SSH from anywhere is a warning, an error under -warnaserror, and nothing once .editorconfig says so.
        File.WriteAllText(Path.Combine(app, "Program.cs"), Valid(ssh: true));
        var warned = Dotnet(app, environment, "build", "-warnaserror");
        Assert.NotEqual(0, warned.Exit);
        Assert.Contains("error TDSL401", warned.Output);
        File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.TDSL401.severity = none\n");
        var silenced = Dotnet(app, environment, "build", "-warnaserror");
        Assert.True(silenced.Exit == 0, silenced.Output);
        Assert.DoesNotContain("TDSL401", silenced.Output);

        // Every rule that can show in a build output (errors and warnings) fires in a real build.
        File.Delete(Path.Combine(app, ".editorconfig"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Cases", "WrongCases.cs.txt"), Path.Combine(app, "Wrong.cs"));
        var wrong = Dotnet(app, environment, "build", "-p:TreatWarningsAsErrors=false");
        Assert.NotEqual(0, wrong.Exit);
        var reported = System.Text.RegularExpressions.Regex.Matches(wrong.Output, @"Wrong\.cs\(\d+,\d+\): (?:error|warning) (TDSL\d{3})")
            .Select(m => m.Groups[1].Value).ToHashSet();
        var expected = new[]
        {
            "TDSL001", "TDSL002", "TDSL003", "TDSL004", "TDSL005", "TDSL006", "TDSL007", "TDSL008", "TDSL009", "TDSL010",
            "TDSL101", "TDSL102", "TDSL103", "TDSL104", "TDSL105", "TDSL106", "TDSL107", "TDSL108", "TDSL109", "TDSL110", "TDSL111",
            "TDSL113", "TDSL114", "TDSL115", "TDSL116", "TDSL117", "TDSL118", "TDSL119", "TDSL120", "TDSL121", "TDSL122", "TDSL127", "TDSL128",
            "TDSL140", "TDSL141", "TDSL142", "TDSL143", "TDSL144", "TDSL145", "TDSL146", "TDSL148",
            "TDSL201", "TDSL202", "TDSL203", "TDSL204", "TDSL205", "TDSL206", "TDSL207", "TDSL208", "TDSL209", "TDSL210", "TDSL211", "TDSL212", "TDSL213",
            "TDSL214", "TDSL215", "TDSL216", "TDSL217", "TDSL218", "TDSL219", "TDSL220", "TDSL221", "TDSL222", "TDSL223", "TDSL224", "TDSL225", "TDSL226", "TDSL227",
            "TDSL228", "TDSL229", "TDSL230", "TDSL231", "TDSL232", "TDSL233", "TDSL235", "TDSL236", "TDSL240", "TDSL241", "TDSL242", "TDSL243", "TDSL244", "TDSL245", "TDSL250", "TDSL251", "TDSL252", "TDSL253", "TDSL254", "TDSL255", "TDSL256", "TDSL301", "TDSL308", "TDSL320", "TDSL321", "TDSL322", "TDSL323", "TDSL324", "TDSL325", "TDSL327", "TDSL328", "TDSL331",
            "TDSL401", "TDSL402", "TDSL403", "TDSL404", "TDSL405", "TDSL406", "TDSL410", "TDSL411", "TDSL420", "TDSL426",
        };
        Assert.Equal(expected.OrderBy(i => i), reported.OrderBy(i => i));
        Assert.DoesNotContain("error CS", wrong.Output);
    }

    /// <summary>
    /// A CI build maps source paths to <c>/_/</c>: the shipped file names neither the repository's
    /// folder on the packing machine nor its temporary folder, and does name the mapped root.
    /// </summary>
    private static void AssertNoBuildPaths(System.IO.Compression.ZipArchive zip, params string[] entries)
    {
        var root = Repo.Root.TrimEnd(Path.DirectorySeparatorChar);
        foreach (var entry in entries)
        {
            var text = Read(zip, entry);
            Assert.False(text.Contains(root, StringComparison.Ordinal), $"{entry} names the build folder {root}");
            Assert.False(text.Contains(Path.GetTempPath(), StringComparison.Ordinal), $"{entry} names the temporary folder");
            Assert.True(text.Contains("/_/", StringComparison.Ordinal), $"{entry} has no mapped source path /_/");
        }
    }

    /// <summary>Where the package keeps the generator precompiled for a runtime identifier.</summary>
    private static string ReadyToRunEntry(string rid) => $"readytorun/{rid}/TopologyDsl.Generators.dll";

    /// <summary>
    /// The platforms the pack precompiles the generator for: TopologyDslReadyToRunRids, which .ci/run sets to
    /// <c>all</c> for the whole run (the solution's restore and this pack's alike); unset, the linux-x64 host's own.
    /// </summary>
    private static readonly string[] ReadyToRunRids = (Environment.GetEnvironmentVariable("TopologyDslReadyToRunRids") ?? "") switch
    {
        "all" => ["linux-x64", "linux-arm64", "linux-musl-x64", "osx-arm64", "osx-x64", "win-x64"],
        "" => RuntimeInformation.RuntimeIdentifier == "linux-x64" ? ["linux-x64"] : [],
        var list => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    /// <summary>
    /// The PE header's Machine field of a ReadyToRun image for a runtime identifier: the processor's machine type
    /// XORed with the OS's override, which the runtime checks before it uses the image's code. The overrides are
    /// CoreCLR's IMAGE_FILE_MACHINE_NATIVE_OS_OVERRIDE (dotnet/runtime, src/coreclr/inc/pedecoder.h), which
    /// crossgen2 writes as MachineOSOverride (src/coreclr/tools/aot/ILCompiler.ReadyToRun/ObjectWriter/TargetExtensions.cs):
    /// Windows 0, Linux 0x7B79, Apple 0x4644.
    /// </summary>
    private static ushort ExpectedMachine(string rid)
    {
        var processor = rid.EndsWith("-arm64", StringComparison.Ordinal) ? Machine.Arm64
            : rid.EndsWith("-x64", StringComparison.Ordinal) ? Machine.Amd64
            : throw new ArgumentException("no processor known for " + rid);
        ushort os = rid.StartsWith("linux-", StringComparison.Ordinal) ? (ushort)0x7B79
            : rid.StartsWith("osx-", StringComparison.Ordinal) ? (ushort)0x4644
            : rid.StartsWith("win-", StringComparison.Ordinal) ? (ushort)0
            : throw new ArgumentException("no OS known for " + rid);
        return (ushort)((ushort)processor ^ os);
    }

    /// <summary>
    /// An entry's Machine field if it carries precompiled code (a ReadyToRun header: the CLI header's managed native
    /// header, starting with READYTORUN_SIGNATURE 'RTR', dotnet/runtime src/coreclr/inc/readytorun.h), or null if
    /// it is IL only.
    /// </summary>
    private static ushort? ReadyToRunMachine(System.IO.Compression.ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException("no " + entry + " in the package");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var header = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        if (header.Size == 0)
        {
            return null;
        }

        Assert.Equal(0x00525452u, pe.GetSectionData(header.RelativeVirtualAddress).GetReader().ReadUInt32());
        return (ushort)pe.PEHeaders.CoffHeader.Machine;
    }

    /// <summary>The analyzers a build would hand the compiler, read from the project without compiling.</summary>
    private static List<string> AnalyzerItems(string app, Dictionary<string, string> environment, string property)
    {
        var result = Dotnet(app, environment, "msbuild", "-nologo", "-t:ResolveReferences;TopologyDslReadyToRunAnalyzer", "-getItem:Analyzer", property);
        Assert.True(result.Exit == 0, result.Output);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray().Select(a => a.GetProperty("FullPath").GetString()!).ToList();
    }

    /// <summary>The arguments of the csc command line a normal-verbosity build prints.</summary>
    private static string[] CompilerArguments(string output) =>
        output.Split('\n').Where(l => l.Contains("/analyzer:", StringComparison.Ordinal)).Take(1)
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

    /// <summary>An entry's bytes as Latin-1 text, so that the ASCII paths and JSON inside a binary can be searched.</summary>
    private static string Read(System.IO.Compression.ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new InvalidOperationException("no " + entry + " in the package");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return System.Text.Encoding.Latin1.GetString(bytes.ToArray());
    }

    /// <summary>User data for the wrong cases: a secret fetched without permission, a NoEcho parameter written in clear.</summary>
    public const string SecretScript = "#!/bin/bash\naws secretsmanager get-secret-value --secret-id '${Pass}'\necho ${Token}\n";

    private static string Valid(string subnet = "10.8.1.0/24", bool ssh = false) =>
        Topology.Replace("SUBNET_CIDR", subnet).Replace("SSH", ssh ? ", Ingress(Tcp, 22, \"0.0.0.0/0\", Description = \"SSH\")" : "");

    private static (int Exit, string Output) Dotnet(string folder, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: dotnet " + string.Join(' ', args));
        }

        return (process.ExitCode, "dotnet " + string.Join(' ', args) + "\n" + stdout.Result + stderr.Result);
    }
}
