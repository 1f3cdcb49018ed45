using System.Linq;
using System.Threading.Tasks;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Tests.Infrastructure;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Addressing rules taken from AWS's tables: the restricted secondary blocks of the Amazon VPC User
/// Guide ("IPv4 CIDR block association restrictions", every row, a block that fires and a near miss
/// beside it), and the link-local and reserved route destinations ("Subnet route tables").
/// </summary>
public class AddressingTableTests
{
    private static RefSpec Ref(string name) => new(name, InStack: true, IsError: false);

    private static string[] SecondaryFindings(string primary, string secondary)
    {
        var vpc = new VpcSpec("Net", TypeKeyword.Record, true, primary, new[] { secondary }.ToEquatableArray(), FlowLogs: true, 30);
        var stack = new StackSpec("Shop", "Shop", true, true, "shop", null, new ResourceSpec[] { vpc }.ToEquatableArray(),
            EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);
        return TopologyValidator.Validate(stack, _ => null).Where(f => f.Id == "TDSL116").Select(f => f.Path.Value + ": " + string.Join(" | ", f.Arguments)).ToArray();
    }

    /// <summary>Row by row: the primary block, a secondary block, and the range TDSL116 names (null: allowed, the near miss).</summary>
    public static TheoryData<string, string, string?> Rows => new()
    {
        // 10.0.0.0/8: not the other RFC 1918 ranges, not 198.19.0.0/16.
        { "10.1.0.0/16", "172.16.0.0/16", "172.16.0.0/12" },
        { "10.1.0.0/16", "192.168.0.0/16", "192.168.0.0/16" },
        { "10.1.0.0/16", "198.19.0.0/16", "198.19.0.0/16" },
        { "10.1.0.0/16", "10.2.0.0/16", null },
        { "10.1.0.0/16", "100.64.0.0/16", null },
        { "10.1.0.0/16", "198.18.0.0/16", null },
        // A primary in 10.0.0.0/15: nothing from 10.0.0.0/16.
        { "10.1.0.0/16", "10.0.4.0/24", "10.0.0.0/16" },
        { "10.2.0.0/16", "10.0.4.0/24", null },
        // 172.16.0.0/12: not the other RFC 1918 ranges, not 172.31.0.0/16, not 198.19.0.0/16.
        { "172.16.0.0/16", "10.0.0.0/16", "10.0.0.0/8" },
        { "172.16.0.0/16", "192.168.0.0/16", "192.168.0.0/16" },
        { "172.16.0.0/16", "172.31.0.0/16", "172.31.0.0/16" },
        { "172.16.0.0/16", "198.19.0.0/16", "198.19.0.0/16" },
        { "172.16.0.0/16", "172.30.0.0/16", null },
        { "172.16.0.0/16", "100.64.0.0/16", null },
        // 192.168.0.0/16: not the other RFC 1918 ranges, not 198.19.0.0/16.
        { "192.168.0.0/20", "10.0.0.0/16", "10.0.0.0/8" },
        { "192.168.0.0/20", "172.16.0.0/16", "172.16.0.0/12" },
        { "192.168.0.0/20", "198.19.0.0/16", "198.19.0.0/16" },
        { "192.168.0.0/20", "192.168.16.0/20", null },
        { "192.168.0.0/20", "203.0.113.0/24", null },
        // 198.19.0.0/16: none of RFC 1918.
        { "198.19.0.0/20", "10.0.0.0/16", "10.0.0.0/8" },
        { "198.19.0.0/20", "172.16.0.0/16", "172.16.0.0/12" },
        { "198.19.0.0/20", "192.168.0.0/16", "192.168.0.0/16" },
        { "198.19.0.0/20", "100.64.0.0/16", null },
        // Publicly routable, or 100.64.0.0/10: none of RFC 1918, not 198.19.0.0/16.
        { "100.64.0.0/16", "10.0.0.0/16", "10.0.0.0/8" },
        { "100.64.0.0/16", "172.16.0.0/16", "172.16.0.0/12" },
        { "100.64.0.0/16", "192.168.0.0/16", "192.168.0.0/16" },
        { "100.64.0.0/16", "198.19.0.0/16", "198.19.0.0/16" },
        { "100.64.0.0/16", "100.65.0.0/16", null },
        { "203.0.113.0/24", "10.0.0.0/16", "10.0.0.0/8" },
        { "203.0.113.0/24", "198.51.100.0/24", null },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void TDSL116_EveryRowOfTheTable(string primary, string secondary, string? restricted) =>
        Assert.Equal(restricted is null ? [] : ["Net/secondary[0]: " + secondary + " | Net | " + restricted + " | " + primary], SecondaryFindings(primary, secondary));

    [Fact]
    public void TDSL116_TheRowsAreTheTables()
    {
        // Each row's primary range holds the primary of some case above that fires, so no row goes untested.
        var firing = Rows.Select(r => (string)r[0]).Where((_, i) => Rows.ElementAt(i)[2] is not null).Select(p => { Cidr.TryParse(p, out var c); return c; }).ToList();
        Assert.All(CidrRules.RestrictedSecondaryRanges, row => Assert.Contains(firing, p => row.Primary.Contains(p)));
        Assert.Contains(firing, p => CidrRules.RestrictedSecondaryRanges.All(row => !row.Primary.Contains(p)));
    }

    [Fact]
    public Task TDSL116_NewRows_AtTheArgument() => Markup.VerifyAsync(Stack("""
        [Vpc("10.1.0.0/16", SecondaryCidrBlocks = [{|TDSL116:"10.0.4.0/24"|}, "10.2.0.0/16"])] public partial record InTen15;
        [Vpc("10.4.0.0/16", SecondaryCidrBlocks = ["10.0.4.0/24"])] public partial record OutsideTen15;
        [Vpc("172.16.0.0/16", SecondaryCidrBlocks = [{|TDSL116:"172.31.0.0/16"|}, "172.30.0.0/16"])] public partial record Private172;
        """));

    private static string Stack(string body) =>
        "namespace Shop;\n[Stack(\"shop\")]\npublic static partial class Shop\n{\n" + body + "}\n";

    [Fact]
    public Task TDSL127_RouteIntoTheReservedRange() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24")] public partial record Public;
        [InternetGateway<Net>] public partial record Igw;
        [RouteTable<Net>, Associate<Public>, Route<Igw>("0.0.0.0/0"), Route<Igw>({|TDSL127:"169.254.169.254/32"|}), Route<Igw>({|TDSL127:"169.254.168.0/22"|}), Route<Igw>("169.254.164.0/22")]
        public partial record Routes;
        """).Replace("Route<Igw>(\"169.254.164.0/22\")", "Route<Igw>({|TDSL128:\"169.254.164.0/22\"|})"));

    [Fact]
    public Task TDSL128_RouteToLinkLocal() => Markup.VerifyAsync(Stack("""
        [Vpc("10.0.0.0/16")] public partial record Net;
        [Subnet<Net>("10.0.1.0/24")] public partial record Public;
        [InternetGateway<Net>] public partial record Igw;
        [RouteTable<Net>, Associate<Public>, Route<Igw>({|TDSL128:"169.254.0.0/16"|}), Route<Igw>({|TDSL128:"169.254.10.0/24"|}), Route<Igw>("169.0.0.0/8"), Route<Igw>("169.255.0.0/16")]
        public partial record Routes;
        """));
}
