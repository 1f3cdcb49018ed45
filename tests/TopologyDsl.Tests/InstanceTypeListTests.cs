using System;
using System.IO;
using System.Linq;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;
using Xunit.Sdk;

namespace TopologyDsl.Tests;

/// <summary>
/// TDSL417's list of EC2 instance types (generators/TopologyDsl.Generators/Validation/InstanceTypes.txt) is the EC2 API's
/// InstanceType enumeration in botocore's EC2 service model. With python3 and botocore installed, this test compares the
/// list with that enumeration, and with UPDATE_SNAPSHOTS=1 rewrites the file from it (header with the botocore version).
/// </summary>
public class InstanceTypeListTests
{
    private static readonly string ListFile = Repo.PathOf("generators", "TopologyDsl.Generators", "Validation", "InstanceTypes.txt");

    // Prints the botocore version, then the InstanceType enumeration of the EC2 model, one a line.
    private const string Script = """
        import botocore, botocore.loaders
        model = botocore.loaders.create_loader().load_service_model('ec2', 'service-2')
        print(botocore.__version__)
        print('\n'.join(model['shapes']['InstanceType']['enum']))
        """;

    [SkippableFact]
    public void List_IsBotocoresInstanceTypeEnumeration()
    {
        var python = Tool.Find("python3");
        Skip.If(python is null, "python3 is not on PATH");
        var run = Tool.Run(python, ["-c", Script]);
        Skip.If(run.Exit != 0 && run.ToString().Contains("No module named 'botocore'", StringComparison.Ordinal), "botocore is not installed (pip install botocore)");
        Assert.True(run.Exit == 0, run.ToString());
        var lines = run.Out.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var version = lines[0];
        var types = lines.Skip(1).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();

        var committed = File.ReadAllLines(ListFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (committed.SequenceEqual(types))
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(ListFile, Header(version, types.Count) + string.Join("\n", types) + "\n");
            return;
        }

        var added = types.Except(committed).ToList();
        var removed = committed.Except(types).ToList();
        throw new XunitException($"InstanceTypes.txt differs from botocore {version}'s EC2 InstanceType enumeration "
            + $"(new: {string.Join(", ", added.Take(20))}{(added.Count > 20 ? ", ..." : "")}; gone: {string.Join(", ", removed.Take(20))}{(removed.Count > 20 ? ", ..." : "")}); "
            + "run this test with UPDATE_SNAPSHOTS=1 and review the change");
    }

    private static string Header(string version, int count) => $"""
        # The EC2 instance types TDSL417 knows, one a line, in ordinal order; lines starting with # are comments.
        # Source: the EC2 API's InstanceType enumeration, shape InstanceType of the EC2 service model
        # (botocore's data/ec2/2016-11-15/service-2.json), botocore {version} ({count} types).
        # Refresh: with python3 and botocore installed (pip install botocore, or the AWS CLI v1), run
        #   UPDATE_SNAPSHOTS=1 dotnet test tests/TopologyDsl.Tests --filter InstanceTypeListTests
        # which rewrites this file from the installed botocore; review the diff. Without UPDATE_SNAPSHOTS the
        # same test fails when the installed botocore lists other types than this file.

        """;
}
