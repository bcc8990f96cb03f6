using System.Globalization;
using UniCode.Kit.Configuration;
using UniCode.Kit.Data.Batching;
using UniCode.Torch;

namespace UniCode.Kit.Tests.Configuration;

public sealed class ConfigHashTests
{
    // The canonical form is fixed: this JSON and its hash were computed independently (Python's hashlib over the
    // UTF-8 bytes); if this test fails, every cached artifact's folder name has changed.
    private const string GoldenJson =
        """{"$type":"UniCode.Kit.Tests.Configuration.ConfigHashTests+GoldenOptions","Colour":"Green","Inner":{"$type":"UniCode.Kit.Tests.Configuration.ConfigHashTests+InnerOptions","Depth":3,"Label":null},"Name":"tab\u0009here \"quoted\" é","Rate":0.1,"Sizes":[8,16],"Small":1E-05,"Steps":256,"Timeout":"00:01:30","Weights":{"a":-0.5,"b":2}}""";

    private const string GoldenHash = "bae177f409ae8a98734b60bfd573e266108b875f8e27e2fc7b5f9e2f2bb88444";

    public enum Colour
    {
        Red,
        Green,
    }

    [Fact]
    public void Golden_Record_Has_A_Fixed_Canonical_Json_And_Hash()
    {
        var golden = new GoldenOptions();
        Assert.Equal(GoldenJson, ConfigHash.CanonicalJson(golden));
        Assert.Equal(GoldenHash, ConfigHash.Of(golden));
        Assert.Equal(GoldenHash[..12], ConfigHash.ShortOf(golden));
    }

    [Fact]
    public void Equal_Values_Give_The_Same_Hash_In_Any_Culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            var invariant = ConfigHash.Of(new GoldenOptions { Rate = -1.5 });
            // The kit runs with invariant globalization, so a culture with a decimal comma is made by hand.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NegativeSign = "~";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(invariant, ConfigHash.Of(new GoldenOptions { Rate = -1.5 }));
            Assert.Contains("\"Rate\":-1.5,", ConfigHash.CanonicalJson(new GoldenOptions { Rate = -1.5 }), StringComparison.Ordinal);
            Assert.Equal(ConfigHash.Of(new GoldenOptions { Sizes = [8, 16] }), ConfigHash.Of(new GoldenOptions { Sizes = new List<int> { 8, 16 } }));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    public static TheoryData<GoldenOptions> Changed() =>
    [
        new GoldenOptions { Steps = 257 },
        new GoldenOptions { Rate = Math.BitIncrement(0.1) }, // the next double: round-trip precision matters
        new GoldenOptions { Small = 1e-6 },
        new GoldenOptions { Colour = Colour.Red },
        new GoldenOptions { Name = "tab\there \"quoted\" e" },
        new GoldenOptions { Sizes = [16, 8] },
        new GoldenOptions { Sizes = [8, 16, 32] },
        new GoldenOptions { Inner = new InnerOptions { Depth = 4 } },
        new GoldenOptions { Inner = new InnerOptions { Label = "" } },
        new GoldenOptions { Timeout = TimeSpan.FromSeconds(91) },
        new GoldenOptions { Weights = new Dictionary<string, double> { ["b"] = 2, ["a"] = -0.25 } },
    ];

    [Theory]
    [MemberData(nameof(Changed))]
    public void Any_Changed_Value_Changes_The_Hash(GoldenOptions changed)
    {
        Assert.NotEqual(new GoldenOptions(), changed);
        Assert.NotEqual(GoldenHash, ConfigHash.Of(changed));
    }

    [Fact]
    public void Declaration_Order_Does_Not_Matter_But_The_Type_Does()
    {
        var xy = ConfigHash.CanonicalJson(new DeclaredXy());
        var yx = ConfigHash.CanonicalJson(new DeclaredYx());
        Assert.Equal(xy.Replace(nameof(DeclaredXy), "T", StringComparison.Ordinal), yx.Replace(nameof(DeclaredYx), "T", StringComparison.Ordinal));
        Assert.NotEqual(ConfigHash.Of(new DeclaredXy()), ConfigHash.Of(new DeclaredYx()));
        Assert.EndsWith("\"X\":1,\"Y\":2}", xy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Kit_Options_Record_Hashes_With_Its_Full_Type_Name()
    {
        Assert.Equal(
            """{"$type":"UniCode.Kit.Data.Batching.BatchOptions","BatchSize":64,"DropLast":false,"Seed":7,"Shuffle":true}""",
            ConfigHash.CanonicalJson(new BatchOptions { BatchSize = 64, Seed = 7 }));
        Assert.Equal(ConfigHash.Of(new BatchOptions { BatchSize = 64 }), ConfigHash.Of(new BatchOptions { BatchSize = 64 }));
        Assert.Matches("^[0-9a-f]{64}$", ConfigHash.Of(new BatchOptions()));
    }

    [Fact]
    public void An_Optional_Setting_Left_Null_Keeps_The_Hash_It_Had_Before_The_Setting_Existed()
    {
        var before = ConfigHash.CanonicalJson(new DeclaredXy()).Replace(nameof(DeclaredXy), "T", StringComparison.Ordinal);
        var unset = ConfigHash.CanonicalJson(new WithOptional()).Replace(nameof(WithOptional), "T", StringComparison.Ordinal);
        var set = ConfigHash.CanonicalJson(new WithOptional { Extra = 4 });

        Assert.Equal(before, unset);
        Assert.EndsWith("\"Extra\":4,\"X\":1,\"Y\":2}", set, StringComparison.Ordinal);
    }

    [Fact]
    public void Sets_Hash_By_Their_Members_Not_Their_Enumeration_Order()
    {
        var forward = new SetOptions { Words = new HashSet<string>(["noun", "verb", "adj", "adv"]) };
        var backward = new SetOptions { Words = new SortedSet<string>(["noun", "verb", "adj", "adv"], Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))) };
        Assert.Equal(ConfigHash.Of(forward), ConfigHash.Of(backward));
        Assert.EndsWith("\"Words\":[\"adj\",\"adv\",\"noun\",\"verb\"]}", ConfigHash.CanonicalJson(backward), StringComparison.Ordinal);
        Assert.NotEqual(ConfigHash.Of(forward), ConfigHash.Of(new SetOptions { Words = new HashSet<string>(["noun"]) }));
    }

    [Fact]
    public void Non_Finite_Doubles_Have_Names()
    {
        Assert.Contains("\"Rate\":\"NaN\"", ConfigHash.CanonicalJson(new GoldenOptions { Rate = double.NaN }), StringComparison.Ordinal);
        Assert.Contains("\"Rate\":\"-Infinity\"", ConfigHash.CanonicalJson(new GoldenOptions { Rate = double.NegativeInfinity }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Value_Without_A_Canonical_Form_Or_A_Cycle_Is_Rejected_Naming_Its_Path()
    {
        Assert.Contains("Callback", Assert.Throws<ArgumentException>(() => ConfigHash.Of(new WithDelegate())).Message, StringComparison.Ordinal);
        var node = new Node();
        node.Next = node;
        Assert.Contains("cycle", Assert.Throws<ArgumentException>(() => ConfigHash.Of(node)).Message, StringComparison.Ordinal);
    }

    public sealed record GoldenOptions : IOptions
    {
        public int Steps { get; init; } = 256;

        public double Rate { get; init; } = 0.1;

        public double Small { get; init; } = 1e-5;

        public Colour Colour { get; init; } = Colour.Green;

        public string Name { get; init; } = "tab\there \"quoted\" é";

        public IReadOnlyList<int> Sizes { get; init; } = [8, 16];

        public InnerOptions Inner { get; init; } = new();

        public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(90);

        public IReadOnlyDictionary<string, double> Weights { get; init; } = new Dictionary<string, double> { ["b"] = 2, ["a"] = -0.5 };

        public void Validate()
        {
        }

        // Records compare lists by reference; the tests compare by content.
        public bool Equals(GoldenOptions? other) => other is not null && ConfigHash.CanonicalJson(this) == ConfigHash.CanonicalJson(other);

        public override int GetHashCode() => ConfigHash.CanonicalJson(this).GetHashCode(StringComparison.Ordinal);
    }

    public sealed record InnerOptions
    {
        public int Depth { get; init; } = 3;

        public string? Label { get; init; }
    }

    private sealed record WithOptional
    {
        public int X { get; init; } = 1;

        public int Y { get; init; } = 2;

        [OmitWhenNull]
        public int? Extra { get; init; }
    }

    private sealed record DeclaredXy
    {
        public int X { get; init; } = 1;

        public int Y { get; init; } = 2;
    }

    private sealed record DeclaredYx
    {
        public int Y { get; init; } = 2;

        public int X { get; init; } = 1;
    }

    private sealed record SetOptions
    {
        public IReadOnlySet<string> Words { get; init; } = new HashSet<string>();
    }

    private sealed record WithDelegate
    {
        public Func<int> Callback { get; init; } = () => 1;
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
