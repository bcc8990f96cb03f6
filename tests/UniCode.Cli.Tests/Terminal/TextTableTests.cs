using UniCode.Cli.Terminal;

namespace UniCode.Cli.Tests.Terminal;

public sealed class TextTableTests
{
    [Fact]
    public void Columns_Are_Padded_To_The_Widest_Cell_Without_Trailing_Spaces() =>
        Assert.Equal(
            "a    bb\n---  --\nccc  d\ne\n",
            TextTable.Format(["a", "bb"], [["ccc", "d"], ["e", ""]]));

    [Fact]
    public void A_Row_With_Another_Cell_Count_Is_Refused() =>
        Assert.Contains("row 0 has 1 cells", Assert.Throws<ArgumentException>(() => TextTable.Format(["a", "b"], [["x"]])).Message, StringComparison.Ordinal);
}
