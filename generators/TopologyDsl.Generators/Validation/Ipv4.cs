using System.Globalization;

namespace TopologyDsl.Generators.Validation;

/// <summary>
/// IPv4 addresses and CIDR blocks as 32-bit numbers. Hand-written because the generator targets
/// netstandard2.0 and System.Net.IPAddress.TryParse accepts forms EC2 rejects ("10.1", "010.0.0.1",
/// hexadecimal octets); no library parses exactly the dotted-quad form AWS takes.
/// </summary>
internal static class Ipv4
{
    public static bool TryParseAddress(string? text, out uint address) =>
        TryParseAddress(text, 0, text?.Length ?? 0, out address);

    /// <summary>
    /// Parses <c>text[start..end)</c> as a dotted quad: four parts of one to three digits, no leading
    /// zero, each at most 255. Reads the characters in place (rules parse every block they compare,
    /// so this allocates nothing).
    /// </summary>
    public static bool TryParseAddress(string? text, int start, int end, out uint address)
    {
        address = 0;
        if (text is null)
        {
            return false;
        }

        var parts = 0;
        var position = start;
        var value = 0u;
        while (true)
        {
            var partStart = position;
            var octet = 0;
            while (position < end && text[position] != '.')
            {
                var c = text[position];
                if (c < '0' || c > '9' || position - partStart >= 3)
                {
                    return false;
                }

                octet = (octet * 10) + (c - '0');
                position++;
            }

            var length = position - partStart;
            if (length == 0 || (length > 1 && text[partStart] == '0') || octet > 255 || ++parts > 4)
            {
                return false;
            }

            value = (value << 8) | (uint)octet;
            if (position == end)
            {
                address = parts == 4 ? value : 0;
                return parts == 4;
            }

            position++; // the dot
        }
    }

    public static string Format(uint address) =>
        string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}", address >> 24, (address >> 16) & 255, (address >> 8) & 255, address & 255);
}

/// <summary>IPv6 blocks, which security group rules take as peers (<c>::/0</c>).</summary>
internal static class Ipv6
{
    /// <summary>Whether the text is an IPv6 block: an address System.Net parses as IPv6, a slash, a prefix from 0 to 128.</summary>
    public static bool IsBlock(string? text)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0 || text.IndexOf(':') < 0)
        {
            return false;
        }

        return System.Net.IPAddress.TryParse(text.Substring(0, slash), out var address)
            && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            && int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)
            && prefix <= 128 && text.Length - slash - 1 <= 3;
    }
}

/// <summary>
/// An IPv4 block: its first address and prefix length. A class, not a struct: collections and LINQ over
/// a reference type share one compiled form, while each struct instantiation is compiled again by every
/// fresh compiler process that runs the generator (the ReadyToRun image cannot hold the framework's code for it).
/// </summary>
internal sealed class Cidr : System.IEquatable<Cidr>
{
    public Cidr(uint address, int prefix)
    {
        Address = address;
        Prefix = prefix;
    }

    public uint Address { get; }

    public int Prefix { get; }

    public uint Mask => Prefix == 0 ? 0u : uint.MaxValue << (32 - Prefix);

    public uint First => Address & Mask;

    public uint Last => First | ~Mask;

    /// <summary>Whether bits below the prefix are set, as in 10.0.1.5/24.</summary>
    public bool HasHostBits => (Address & ~Mask) != 0;

    /// <summary>The block with host bits cleared.</summary>
    public Cidr Network => new(First, Prefix);

    public bool Contains(Cidr other) => other.Prefix >= Prefix && First <= other.First && other.Last <= Last;

    public bool Contains(uint address) => First <= address && address <= Last;

    public bool Overlaps(Cidr other) => First <= other.Last && other.First <= Last;

    /// <summary>Parses a block; <paramref name="cidr"/> is null when it returns false (netstandard2.0 has no NotNullWhen to say so).</summary>
    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = null!;
        if (text is null)
        {
            return false;
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        // The prefix: one or two digits without a leading zero, at most 32.
        var digits = text.Length - slash - 1;
        if (digits == 0 || digits > 2 || (digits > 1 && text[slash + 1] == '0'))
        {
            return false;
        }

        var prefix = 0;
        for (var i = slash + 1; i < text.Length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }

            prefix = (prefix * 10) + (text[i] - '0');
        }

        if (prefix > 32 || !Ipv4.TryParseAddress(text, 0, slash, out var address))
        {
            return false;
        }

        cidr = new Cidr(address, prefix);
        return true;
    }

    public bool Equals(Cidr? other) => other is not null && Address == other.Address && Prefix == other.Prefix;

    public override bool Equals(object? obj) => Equals(obj as Cidr);

    public override int GetHashCode() => unchecked(((int)Address * 33) ^ Prefix);

    public override string ToString() => Ipv4.Format(Address) + "/" + Prefix.ToString(CultureInfo.InvariantCulture);
}
