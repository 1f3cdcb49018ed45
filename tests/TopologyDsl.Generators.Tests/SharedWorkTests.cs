using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using TopologyDsl.Generators.Model;
using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>
/// Work done once and shared, rather than redone per comparison or per importing stack: a record's
/// key in the index, a stack's imported stack keys, the analyzer's own validation reused by the
/// check of unrelated stacks, and the parsers that read addresses in place. Each must give exactly
/// what the work it replaces gave.
/// </summary>
public class SharedWorkTests
{
    private static RefSpec Local(string name) => new(name, InStack: true, IsError: false);

    private static RefSpec Imported(string name) => new(name, InStack: false, IsError: false, Stack: "Shop.Network");

    private static StackSpec Stack(string className, string name, params ResourceSpec[] resources) =>
        new("Shop", className, true, true, name, null, resources.ToEquatableArray(), EquatableArray<OutputSpec>.Empty, EquatableArray<Finding>.Empty);

    private static SubnetSpec Subnet(string name, RefSpec vpc, string cidr) => new(name, TypeKeyword.Record, true, vpc, cidr, 0, SubnetKindSpec.Unspecified);

    private static readonly StackSpec Network = Stack("Network", "network",
        new VpcSpec("Main", TypeKeyword.Record, true, "10.0.0.0/16", EquatableArray<string>.Empty, false, 30),
        Subnet("Private", Local("Main"), "10.0.2.0/24"));

    /// <summary>Two application stacks in the network stack's VPC that do not import from each other; the later one's subnet overlaps the earlier one's.</summary>
    private static readonly StackSpec App = Stack("App", "app", Subnet("AppSubnet", Imported("Main"), "10.0.8.0/24"));

    private static readonly StackSpec Zapp = Stack("Zapp", "zapp", Subnet("Overlapping", Imported("Main"), "10.0.8.128/25"), Subnet("Beside", Imported("Main"), "10.0.9.0/24"));

    [Fact]
    public void StackIndex_KeysAndNames_OfLocalAndImportedRecords()
    {
        var index = new StackIndex(App, new[] { Network }.ToEquatableArray(), _ => null);
        var own = App.Resources[0];
        var main = index.Resolve<VpcSpec>(Imported("Main"))!;
        Assert.Equal(("Shop.App/AppSubnet", "AppSubnet", true, "Shop.App"), (index.Key(own), index.Display(own), index.IsLocal(own), index.OwnerKeyOf(own)));
        Assert.Equal(("Shop.Network/Main", "Network.Main", false, "Shop.Network"), (index.Key(main), index.Display(main), index.IsLocal(main), index.OwnerKeyOf(main)));
        Assert.Same(index.Key(main), index.Key(main));
        Assert.Same(Network, index.OwnerOf(main));

        // A record the index has not seen counts as this stack's, as before.
        var stranger = Subnet("Stranger", Local("Main"), "10.0.3.0/24");
        Assert.Equal(("Shop.App/Stranger", "Stranger", true), (index.Key(stranger), index.Display(stranger), index.IsLocal(stranger)));
        Assert.True(index.Same(main, Network.Resources[0]));
        Assert.False(index.Same(own, stranger));
    }

    [Fact]
    public void ImportedStacks_FoundOncePerSpec()
    {
        var first = StackPlan.ImportedStacks(Zapp);
        Assert.Equal(["Shop.Network"], first);
        Assert.Same(first, StackPlan.ImportedStacks(Zapp));

        // An equal spec built apart gets the same answer (computed for it).
        var copy = Stack("Zapp", "zapp", Subnet("Overlapping", Imported("Main"), "10.0.8.128/25"), Subnet("Beside", Imported("Main"), "10.0.9.0/24"));
        Assert.Equal(first, StackPlan.ImportedStacks(copy));
        Assert.Empty(StackPlan.ImportedStacks(Network));
    }

    [Fact]
    public void CheckSiblings_WithTheStacksOwnFindings_ReportsTheSameAndDoesNotValidateThemAgain()
    {
        var stacks = new[] { Network, App, Zapp };
        var asked = new List<string>();
        var reused = ProgramRules.CheckSiblings(stacks, _ => null, null, (stack, imported) =>
        {
            asked.Add(stack.ClassName + " with " + string.Join(",", imported.Select(s => s.ClassName)));
            return TopologyValidator.Validate(stack, imported, _ => null);
        });
        var alone = ProgramRules.CheckSiblings(stacks, _ => null);

        Assert.Equal(alone, reused);
        Assert.Equal([("Shop.Zapp", "TDSL107", "Overlapping/cidr")], reused.Select(f => (f.StackKey, f.Finding.Id, f.Finding.Path.ToString())));
        Assert.Equal(["Zapp with Network"], asked);
    }

    [Fact]
    public void CheckSiblings_TakesTheGivenFindingsAsTheStacksOwn()
    {
        // The delegate's findings stand for the validation with the stack's own imports: a finding it
        // already holds is not new, so it is not reported again.
        var stacks = new[] { Network, App, Zapp };
        var wider = TopologyValidator.Validate(Zapp, new[] { App, Network }.OrderBy(s => s.Key, System.StringComparer.Ordinal).ToEquatableArray(), _ => null);
        var findings = ProgramRules.CheckSiblings(stacks, _ => null, null, (_, _) => wider);
        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("10.1.2.3", true, 0x0A010203u)]
    [InlineData("0.0.0.0", true, 0u)]
    [InlineData("255.255.255.255", true, uint.MaxValue)]
    [InlineData("1.2.3", false, 0u)]
    [InlineData("1.2.3.4.", false, 0u)]
    [InlineData("1.2.3.4.5", false, 0u)]
    [InlineData("1..3.4", false, 0u)]
    [InlineData(".1.2.3", false, 0u)]
    [InlineData("1.02.3.4", false, 0u)]
    [InlineData("1.2.3.1000", false, 0u)]
    [InlineData("1.2.3.256", false, 0u)]
    [InlineData("1.2.3.٤", false, 0u)]
    [InlineData("", false, 0u)]
    public void Ipv4_ParsesOnlyTheDottedQuadForm(string text, bool valid, uint expected)
    {
        Assert.Equal(valid, Ipv4.TryParseAddress(text, out var address));
        Assert.Equal(expected, address);
    }

    [Theory]
    [InlineData("10.0.0.0/0", true)]
    [InlineData("10.0.0.0/32", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.0/08", false)]
    [InlineData("10.0.0.0/3a", false)]
    [InlineData("10.0.0.0//8", false)]
    [InlineData("10.0.0./8", false)]
    [InlineData("10.0.0.0.0/8", false)]
    [InlineData("/8", false)]
    [InlineData("10.0.0.0/８", false)]
    public void Cidr_EdgesOfThePrefixAndAddress(string text, bool valid) => Assert.Equal(valid, Cidr.TryParse(text, out _));

    /// <summary>The parsers read characters in place; on any text they agree with the parsers they replaced, which split the text into strings.</summary>
    [Fact]
    public void AddressParsers_AgreeWithSplittingParsers()
    {
        var text = Gen.Char["0123456789./ a-"].Array[0, 20].Select(chars => new string(chars));
        var likely = Gen.Select(Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 300], Gen.Int[0, 40],
            (a, b, c, d, p) => string.Create(CultureInfo.InvariantCulture, $"{a}.{b}.{c}.{d}/{p}"));
        Gen.OneOf(text, likely).Sample(s =>
        {
            var cidr = Cidr.TryParse(s, out var parsed);
            var expected = SplitCidr(s, out var reference);
            Assert.Equal(expected, cidr);
            if (cidr)
            {
                Assert.Equal((reference.Address, reference.Prefix), (parsed.Address, parsed.Prefix));
            }

            var slash = s.IndexOf('/');
            var address = slash < 0 ? s : s.Substring(0, slash);
            Assert.Equal(SplitAddress(address, out var referenceAddress), Ipv4.TryParseAddress(address, out var parsedAddress));
            Assert.Equal(referenceAddress, parsedAddress);
        }, iter: 20_000);
    }

    [Fact]
    public void EquatableArray_ForeachVisitsEveryItemInOrder_AndNoneOfADefault()
    {
        var visited = new List<string>();
        foreach (var item in new[] { "a", "b", "c" }.ToEquatableArray())
        {
            visited.Add(item);
        }

        foreach (var item in default(EquatableArray<string>))
        {
            visited.Add(item);
        }

        Assert.Equal(["a", "b", "c"], visited);
        Assert.Equal(["a", "b"], new[] { "a", "b" }.ToEquatableArray().AsEnumerable().ToList());
    }

    /// <summary>The former address parser (split on dots), kept here as the reference.</summary>
    private static bool SplitAddress(string text, out uint address)
    {
        address = 0;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        var value = 0u;
        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || (part.Length > 1 && part[0] == '0') || part.Any(c => c < '0' || c > '9') || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            value = (value << 8) | uint.Parse(part, CultureInfo.InvariantCulture);
        }

        address = value;
        return true;
    }

    /// <summary>The former block parser (substrings around the slash), kept here as the reference.</summary>
    private static bool SplitCidr(string text, out Cidr cidr)
    {
        cidr = null!;
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var length = text.Substring(slash + 1);
        if (length.Length == 0 || length.Length > 2 || (length.Length > 1 && length[0] == '0')
            || !int.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32
            || !SplitAddress(text.Substring(0, slash), out var address))
        {
            return false;
        }

        cidr = new Cidr(address, prefix);
        return true;
    }
}
