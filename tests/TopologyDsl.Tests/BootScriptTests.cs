using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TopologyDsl.Testing;
using TopologyDsl.Tests.Infrastructure;

namespace TopologyDsl.Tests;

/// <summary>
/// The example's boot scripts: shellcheck clean as written and as CloudFormation renders them, and
/// the lines that handle the passwords run with real bash, openssl and PHP against hostile passwords.
/// Tests whose tool is missing are skipped with the reason (.ci/run installs shellcheck and php-cli;
/// the MariaDB test runs where mariadb-server is installed).
/// </summary>
public partial class BootScriptTests
{
    private static readonly string UserData = Repo.PathOf("examples", "WordPress", "userdata");

    private static string[] ScriptNames() => [.. Directory.GetFiles(UserData, "*.sh").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Scripts() => [.. ScriptNames()];

    /// <summary>Passwords that break naive quoting in sed, SQL, PHP or the shell.</summary>
    public static TheoryData<string> HostilePasswords() => [.. Hostile];

    private static readonly string[] Hostile =
    [
        "plainAlphanumeric0123456789",
        "it's",
        "\"double\"",
        "back\\slash\\",
        "s/lash/es/g",
        "amp&ersand&&",
        "$HOME${PATH}$(reboot)`reboot`",
        "pct%s%n%%",
        "'); DROP USER 'wordpress'@'%'; --",
        "\\'; DROP DATABASE wordpress; -- ",
        "<?php echo 1; ?>' . phpinfo() . '",
        "two\nlines",
        "trailing newline\n",
        "carriage\rreturn",
        " spaces around ",
        "-n",
        "naïve ünïcödé ✓",
        new string('x', 4096),
    ];

    private static string Script(string name) => File.ReadAllText(Path.Combine(UserData, name));

    /// <summary>
    /// Fn::Sub as CloudFormation applies it: <c>${!x}</c> becomes <c>${x}</c>, every other
    /// <c>${Name}</c> a value of the kind CloudFormation would put there.
    /// </summary>
    public static string Render(string script) => Substitution().Replace(script, m => m.Groups[1].Value == "!"
        ? "${" + m.Groups[2].Value + "}"
        : m.Groups[2].Value switch
        {
            "AWS::Region" => "eu-west-1",
            "AWS::StackName" => "wordpress",
            "LogicalId" => "WebServer",
            "DbServer.PrivateIp" => "10.0.2.10",
            "WebServer.PublicIp" => "203.0.113.10",
            "AdminUser" => "owner",
            "AdminEmail" => "owner@example.com",
            var name => "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + name + "-AbCdEf",
        });

    [GeneratedRegex(@"\$\{(!?)([^}]*)\}")]
    private static partial Regex Substitution();

    [SkippableTheory]
    [MemberData(nameof(Scripts))]
    public void ShellCheck_IsClean_AsWrittenAndAsRendered(string name)
    {
        Require("shellcheck");
        using var dir = new TempDir();
        foreach (var (what, text) in new[] { ("as written", Script(name)), ("as CloudFormation renders it", Render(Script(name))) })
        {
            var result = Run("shellcheck", ["--shell=bash", "--severity=style", dir.Write(name, text)]);
            Assert.True(result.Exit == 0, $"shellcheck on {name} {what}:\n{result.Out}{result.Err}");
        }
    }

    [Fact]
    public void Passwords_TravelOnlyThroughPipesAndFiles()
    {
        // Every line that names a password variable is one of these shapes: the fetch, a printf (a
        // shell builtin, so on no command line) into a pipe or a file, or the unset. No sed, echo,
        // here-document or command line ever holds a password.
        var allowed = new[]
        {
            new Regex(@"^(DB|ADMIN)_PASSWORD=\$\(secret '\$\{(DbPassword|AdminPassword)\}'\)$"),
            new Regex(@"^DB_PASSWORD_HASH=\$\(printf '%s' ""\$DB_PASSWORD"" \| native_password_hash\)$"),
            new Regex(@"^printf '%s' ""\$(DB|ADMIN)_PASSWORD"" (> ""\$DB_PASSWORD_FILE""|\| one_line)$"),
            new Regex(@"^printf '%s\\n' ""\$ADMIN_PASSWORD"" \| wp core install .*--prompt=admin_password$"),
            new Regex(@"^unset (DB|ADMIN)_PASSWORD$"),
        };
        var checkedLines = 0;
        foreach (var name in ScriptNames())
        {
            var lines = Script(name).Replace("\\\n", " ").Split('\n').Select(l => Regex.Replace(l.Trim(), " +", " "));
            foreach (var line in lines.Where(l => !l.StartsWith('#') && Regex.IsMatch(l, @"\$(DB|ADMIN)_PASSWORD\b|^(DB|ADMIN)_PASSWORD=|^unset ")))
            {
                Assert.True(allowed.Any(a => a.IsMatch(line)), $"{name}: a password in an unchecked context: {line}");
                checkedLines++;
            }
        }

        Assert.Equal(10, checkedLines);
    }

    [SkippableTheory]
    [MemberData(nameof(HostilePasswords))]
    public void DbServer_SqlGetsOnlyTheHashOfTheExactPassword(string password)
    {
        Require("bash", "openssl");
        using var dir = new TempDir();
        var secret = dir.Write("secret", password);
        var script = dir.Write("db.sh", Render(Script("db.sh")));
        var fetch = MainLines(Script("db.sh"), "DB_PASSWORD=$(secret", "unset DB_PASSWORD");
        var result = Run("bash", ["-c", $$"""
            source '{{script}}' --functions-only
            secret() { cat '{{secret}}'; }
            {{fetch}}
            wordpress_sql "$DB_PASSWORD_HASH"
            """]);
        Assert.True(result.Exit == 0, result.Err);

        // Command substitution drops trailing line breaks (the AWS CLI adds one); the rest is hashed exactly.
        var bytes = Encoding.UTF8.GetBytes(password.TrimEnd('\n'));
        var hash = "*" + Convert.ToHexString(SHA1.HashData(SHA1.HashData(bytes)));
        var sql = result.Out;
        Assert.Equal(4, sql.Split(';', StringSplitOptions.RemoveEmptyEntries).Count(s => s.Trim().Length > 0));
        var literals = Regex.Matches(sql, "'([^']*)'").Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(new[] { hash, "10.0.1.10", "wordpress" }.Order(StringComparer.Ordinal), literals);
        Assert.Equal(8, sql.Count(c => c == '\'') / 2);
    }

    /// <summary>
    /// The DB server's lines against a real MariaDB started for the test: each hostile password, set
    /// through the script's own SQL (twice, as a rerun after a rotation would), logs in, and a wrong
    /// one does not. The grant names 127.0.0.1 here instead of the web server's address.
    /// </summary>
    [SkippableFact]
    public void DbServer_HostilePasswordsLogInToARealMariaDb()
    {
        Require("bash", "openssl", "mariadbd", "mariadb-install-db", "mariadb");
        using var dir = new TempDir();
        var data = Path.Combine(dir.Path, "data");
        var socket = Path.Combine(dir.Path, "mariadb.sock");
        var port = FreePort();
        var asRoot = Environment.UserName == "root" ? new[] { "--user=root" } : [];
        var install = Run("mariadb-install-db", ["--no-defaults", .. asRoot, "--datadir=" + data, "--auth-root-authentication-method=socket"]);
        Assert.True(install.Exit == 0, install.ToString());
        var server = Process.Start(Tool.StartInfo("mariadbd",
            ["--no-defaults", .. asRoot, "--datadir=" + data, "--socket=" + socket, "--port=" + port, "--bind-address=127.0.0.1", "--pid-file=" + Path.Combine(dir.Path, "pid")]))!;
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var ready = false;
            for (var i = 0; i < 60 && !ready; i++)
            {
                ready = Run("mariadb", ["--no-defaults", "--socket=" + socket, "-e", "select 1"]).Exit == 0;
                if (!ready)
                {
                    System.Threading.Thread.Sleep(500);
                }
            }

            Assert.True(ready, "MariaDB did not start");
            var script = dir.Write("db.sh", Render(Script("db.sh")).Replace("readonly WEB_SERVER_IP=10.0.1.10\n", "readonly WEB_SERVER_IP=127.0.0.1\n"));
            var set = MainLines(Script("db.sh"), "DB_PASSWORD=$(secret", "unset DB_PASSWORD");
            foreach (var password in Hostile)
            {
                var secret = dir.Write("secret", password);
                var apply = Run("bash", ["-c", $$"""
                    source '{{script}}' --functions-only
                    secret() { cat '{{secret}}'; }
                    {{set}}
                    wordpress_sql "$DB_PASSWORD_HASH" | mariadb --no-defaults --socket='{{socket}}' --batch
                    wordpress_sql "$DB_PASSWORD_HASH" | mariadb --no-defaults --socket='{{socket}}' --batch
                    """]);
                Assert.True(apply.Exit == 0, apply.Err);
                Assert.True(LogIn(port, password.TrimEnd('\n')), "cannot log in with " + password);
                Assert.False(LogIn(port, password.TrimEnd('\n') + "x"), "logged in with a wrong password for " + password);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static bool LogIn(int port, string password) =>
        Tool.Run("mariadb", ["--no-defaults", "--protocol=tcp", "-h", "127.0.0.1", "-P", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-u", "wordpress", "-e", "select 1", "wordpress"],
            environment: new Dictionary<string, string> { ["MYSQL_PWD"] = password }).Exit == 0;

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [SkippableFact]
    public void DbServer_RefusesSqlForAnythingButAHash()
    {
        Require("bash");
        using var dir = new TempDir();
        var script = dir.Write("db.sh", Render(Script("db.sh")));
        foreach (var bad in new[] { "", "secret", "*" + new string('A', 39), "*" + new string('a', 40), "*" + new string('A', 40) + "'; DROP DATABASE wordpress; --" })
        {
            var result = Run("bash", ["-c", $"source '{script}' --functions-only; wordpress_sql \"$1\"", "bash", bad]);
            Assert.NotEqual(0, result.Exit);
            Assert.Equal("", result.Out);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(HostilePasswords))]
    public void WebServer_WpConfigReadsTheExactPassword(string password)
    {
        Require("bash", "php");
        using var dir = new TempDir();
        var secret = dir.Write("secret", password);
        var script = dir.Write("web.sh", Render(Script("web.sh")));
        var file = Path.Combine(dir.Path, "db-password");
        var config = Path.Combine(dir.Path, "wp-config.php");
        var store = MainLines(Script("web.sh"), "DB_PASSWORD=$(secret", "chmod 0640 \"$DB_PASSWORD_FILE\"");
        var result = Run("bash", ["-c", $$"""
            source '{{script}}' --functions-only
            secret() { cat '{{secret}}'; }
            chown() { :; }
            DB_PASSWORD_FILE='{{file}}'
            {{store}}
            printf "<?php\ndefine( 'DB_PASSWORD', %s );\necho DB_PASSWORD;\n" "$(password_php "$DB_PASSWORD_FILE")" > '{{config}}'
            php -l '{{config}}' >&2
            php '{{config}}'
            """]);
        Assert.True(result.Exit == 0, result.Err);
        Assert.Equal(password.TrimEnd('\n'), result.Out);
        // The config names the password file by its path; a short password (such as "-n") may occur in the temporary folder's random name.
        Assert.DoesNotContain(password.TrimEnd('\n'), File.ReadAllText(config).Replace(dir.Path, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(HostilePasswords))]
    public void WebServer_AdminPasswordReachesWpCliOnStandardInputOnly(string password)
    {
        Require("bash");
        using var dir = new TempDir();
        var secret = dir.Write("secret", password);
        var script = dir.Write("web.sh", Render(Script("web.sh")));
        var stdin = Path.Combine(dir.Path, "stdin");
        var argv = Path.Combine(dir.Path, "argv");
        var fetch = MainLines(Script("web.sh"), "ADMIN_PASSWORD=$(secret", "printf '%s' \"$ADMIN_PASSWORD\" | one_line");
        var result = Run("bash", ["-c", $$"""
            source '{{script}}' --functions-only
            secret() { cat '{{secret}}'; }
            wp() { cat > '{{stdin}}'; printf '%s\n' "$@" > '{{argv}}'; }
            {{fetch}}
            install_wordpress http://192.0.2.1
            """]);
        var value = password.TrimEnd('\n');
        if (value.Length == 0 || value.Contains('\n') || value.Contains('\r'))
        {
            // WP-CLI's --prompt reads one line: such a password stops the script before WP-CLI runs.
            Assert.NotEqual(0, result.Exit);
            Assert.False(File.Exists(stdin));
            return;
        }

        Assert.True(result.Exit == 0, result.Err);
        Assert.Equal(value + "\n", File.ReadAllText(stdin));
        var arguments = File.ReadAllText(argv);
        Assert.DoesNotContain(value, arguments, StringComparison.Ordinal);
        Assert.Contains("--admin_user=owner\n", arguments);
        Assert.Contains("--prompt=admin_password\n", arguments);
    }

    [SkippableTheory]
    [InlineData("db.sh", "true", "0")]
    [InlineData("db.sh", "false", "1")]
    [InlineData("web.sh", "exit 3", "3")]
    [InlineData("web.sh", "set -euo pipefail; false | true; cat /nonexistent; echo unreachable", "1")]
    public void EveryScript_SignalsItsExitStatus_SuccessOrFailure(string name, string body, string status)
    {
        Require("bash");
        using var dir = new TempDir();
        var script = dir.Write(name, Render(Script(name)));
        var calls = Path.Combine(dir.Path, "calls");
        var trap = MainLines(Script(name), "signal() {", "trap signal EXIT");
        var result = Run("bash", ["-c", $$"""
            source '{{script}}' --functions-only
            retry() { printf '%s\n' "$@" > '{{calls}}'; }
            {{trap}}
            {{body}}
            """]);
        Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), result.Exit);
        Assert.DoesNotContain("unreachable", result.Out);
        Assert.Equal(
            ["5", "/opt/aws/bin/cfn-signal", "--exit-code", status, "--stack", "wordpress", "--resource", "WebServer", "--region", "eu-west-1"],
            File.ReadAllText(calls).TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// The DB server's data volume: formatted only when blkid finds nothing on it, so a volume that an
    /// earlier server used keeps its database; listed in fstab once, however often the script runs.
    /// Run on image files (blkid reads files as it reads devices); mkfs.xfs, mount and the wait for the
    /// block device are stand-ins that record their calls (mkfs.ext4 makes the stand-in's file system).
    /// </summary>
    [SkippableTheory]
    [InlineData(false, "formatted\nmounted\nmounted\n")]
    [InlineData(true, "mounted\nmounted\n")]
    public void DbServer_FormatsTheDataVolumeOnlyWhenBlank(bool used, string expectedCalls)
    {
        Require("bash", "blkid", "mkfs.ext4", "truncate");
        using var dir = new TempDir();
        var script = dir.Write("db.sh", Render(Script("db.sh")));
        var image = Path.Combine(dir.Path, "volume.img");
        var calls = Path.Combine(dir.Path, "calls");
        var fstab = dir.Write("fstab", "# static file system information\n");
        Assert.Equal(0, Run("truncate", ["-s", "16M", image]).Exit);
        if (used)
        {
            Assert.Equal(0, Run("mkfs.ext4", ["-q", "-F", image]).Exit);
        }

        var uuidBefore = Run("blkid", ["-s", "UUID", "-o", "value", image]).Out.Trim();
        var result = Run("bash", ["-c", $$"""
            set -euo pipefail
            source '{{script}}' --functions-only
            retry() { shift; [ "$1 $2" = "test -b" ] || "$@"; }
            mkfs.xfs() { [ "$1" = -q ] && mkfs.ext4 -q -F "$2" && echo formatted >> '{{calls}}'; }
            mountpoint() { return 1; }
            mount() { echo mounted >> '{{calls}}'; }
            mount_data_volume '{{image}}' '{{dir.Path}}/data' '{{fstab}}'
            mount_data_volume '{{image}}' '{{dir.Path}}/data' '{{fstab}}'
            """]);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal(expectedCalls, File.ReadAllText(calls));
        var uuid = Run("blkid", ["-s", "UUID", "-o", "value", image]).Out.Trim();
        Assert.Equal(used ? uuidBefore : uuid, uuid);
        Assert.Equal($"# static file system information\nUUID={uuid} {dir.Path}/data ext4 defaults,nofail 0 2\n", File.ReadAllText(fstab));
    }

    /// <summary>blkid's exit status other than 0 (found) and 2 (nothing found), such as 8 (an ambivalent probe), stops the script: no licence to format.</summary>
    [SkippableTheory]
    [InlineData(4)]
    [InlineData(8)]
    public void DbServer_NeverFormatsWhenBlkidFails(int status)
    {
        Require("bash");
        using var dir = new TempDir();
        var script = dir.Write("db.sh", Render(Script("db.sh")));
        var result = Run("bash", ["-c", $$"""
            source '{{script}}' --functions-only
            blkid() { return {{status}}; }
            if has_filesystem /dev/sdf; then echo found; else echo blank; fi
            """]);
        Assert.Equal((1, ""), (result.Exit, result.Out));
        Assert.Contains($"blkid /dev/sdf: exit status {status}", result.Err);
    }

    /// <summary>The lines of a script from the one starting with <paramref name="first"/> to the one equal to <paramref name="last"/>, rendered.</summary>
    private static string MainLines(string script, string first, string last)
    {
        var lines = Render(script).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(first, StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start, l => l == last);
        Assert.True(start >= 0 && end >= start, $"lines '{first}' to '{last}' not found");
        return string.Join("\n", lines[start..(end + 1)]);
    }

    /// <summary>Skips the test, saying where each missing tool comes from, unless all are on PATH.</summary>
    private static void Require(params string[] tools)
    {
        var missing = tools.Where(t => Tool.Find(t) is null).ToList();
        Skip.If(missing.Count > 0, string.Join(", ", missing) + " not installed (" + string.Join("; ", missing.Select(Source).Distinct()) + ")");
    }

    /// <summary>Where a tool comes from; .ci/run installs shellcheck and php-cli itself.</summary>
    private static string Source(string tool) => tool switch
    {
        "php" => "Debian package php-cli",
        "mariadbd" or "mariadb-install-db" or "mariadb" => "Debian package mariadb-server",
        _ => "Debian package " + tool,
    };

    private static ToolRun Run(string tool, IEnumerable<string> arguments) => Tool.Run(tool, arguments);

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("topologydsl-boot-").FullName;

        public string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(Path, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
