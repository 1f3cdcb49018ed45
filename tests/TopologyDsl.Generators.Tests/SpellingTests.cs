using TopologyDsl.Generators.Validation;

namespace TopologyDsl.Generators.Tests;

/// <summary>The "did you mean" of messages: the distance, and when a guess is made at all.</summary>
public class SpellingTests
{
    [Theory]
    [InlineData("Region", "Region", 0)]
    [InlineData("Regoin", "Region", 1)]   // two neighbours swapped
    [InlineData("Acess", "Access", 1)]     // one left out
    [InlineData("Serverr", "Server", 1)]   // one too many
    [InlineData("Sever", "Saver", 1)]      // one replaced
    [InlineData("", "Web", 3)]
    [InlineData("ca", "abc", 3)]           // a swap is not reused by a later edit (optimal string alignment)
    public void Distance_CountsEdits(string a, string b, int expected)
    {
        Assert.Equal(expected, Spelling.Distance(a, b));
        Assert.Equal(expected, Spelling.Distance(b, a));
    }

    [Fact]
    public void Closest_PrefersTheOnlyNearName() =>
        Assert.Equal("PrivateIp", Spelling.Closest("PrivatIp", ["PublicIp", "PrivateIp", "PrivateDnsName"]));

    [Fact]
    public void Closest_CaseOnlyDifferenceWins() =>
        Assert.Equal("PublicIp", Spelling.Closest("PublicIP", ["PublicDnsName", "PublicIp"]));

    [Fact]
    public void Closest_TwoEquallyNearNames_NoGuess() =>
        Assert.Null(Spelling.Closest("Wab", ["Web", "Wad"]));

    [Fact]
    public void Closest_NothingNearEnough_NoGuess() =>
        Assert.Null(Spelling.Closest("Db", ["Web", "Nat"]));   // two edits of a two-letter name is a different name

    [Fact]
    public void Closest_TheNameItself_IsNotAGuess() =>
        Assert.Null(Spelling.Closest("Web", ["Web"]));
}
