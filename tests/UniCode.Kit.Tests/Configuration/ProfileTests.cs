using UniCode.Kit.Configuration;

namespace UniCode.Kit.Tests.Configuration;

[Collection(ConfigurationEnvironment.Name)]
public sealed class ProfileTests
{
    [Theory]
    [InlineData(null, "Quick")]
    [InlineData("", "Quick")]
    [InlineData("  ", "Quick")]
    [InlineData("Smoke", "Smoke")]
    [InlineData("smoke", "Smoke")]
    [InlineData("PAPER", "Paper")]
    [InlineData(" quick ", "Quick")]
    public void Current_Reads_The_Variable_Case_Insensitively_Defaulting_To_Quick(string? value, string expected)
    {
        var before = Environment.GetEnvironmentVariable(Profile.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(Profile.EnvironmentVariable, value);
            Assert.Equal(expected, Profile.Current.Name);
            Assert.Same(Profile.Parse(expected), Profile.Current);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Profile.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void An_Invalid_Variable_Is_An_Error_Naming_It_And_The_Allowed_Values()
    {
        var before = Environment.GetEnvironmentVariable(Profile.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(Profile.EnvironmentVariable, "fast");
            var error = Assert.Throws<InvalidOperationException>(() => Profile.Current);
            Assert.Contains("UNICODE_PROFILE", error.Message, StringComparison.Ordinal);
            Assert.Contains("fast", error.Message, StringComparison.Ordinal);
            Assert.Contains("Smoke, Quick, Paper", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Profile.EnvironmentVariable, before);
        }
    }

    [Fact]
    public void Parse_Rejects_An_Unknown_Name_Listing_The_Profiles()
    {
        var error = Assert.Throws<ArgumentException>(() => Profile.Parse("Full"));
        Assert.Contains("Smoke, Quick, Paper", error.Message, StringComparison.Ordinal);
        Assert.False(Profile.TryParse(null, out _));
    }

    [Fact]
    public void Pick_Chooses_The_Value_Of_The_Profile()
    {
        Assert.Equal(8, Profile.Smoke.Pick(smoke: 8, quick: 256, paper: 4096));
        Assert.Equal(256, Profile.Quick.Pick(smoke: 8, quick: 256, paper: 4096));
        Assert.Equal(4096, Profile.Paper.Pick(smoke: 8, quick: 256, paper: 4096));
        Assert.Equal("s", Profile.Smoke.Pick("s", "q", "p"));
    }

    [Fact]
    public void Profiles_Are_Ordered_And_Print_Their_Names()
    {
        Assert.Equal(["Smoke", "Quick", "Paper"], Profile.All.Select(p => p.ToString()));
        Assert.True(Profile.Smoke.Rank < Profile.Quick.Rank && Profile.Quick.Rank < Profile.Paper.Rank);
    }
}
