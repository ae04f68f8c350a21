using CommsLedger.Domain.Parties;

namespace CommsLedger.Domain.Tests.Parties;

public class PartyCodeTests
{
    [Fact]
    public void a_country_code_is_trimmed_and_upper_cased()
    {
        Assert.Equal("CN", PartyCode.Normalise(" cn ", out _));
    }

    [Theory]
    [InlineData("EU")]
    [InlineData("nato")]
    [InlineData("ASEAN")]
    public void the_eu_and_documented_organisations_are_parties(string code)
    {
        Assert.NotNull(PartyCode.Normalise(code, out _));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("CHN")]
    [InlineData("UN")]
    public void an_undocumented_code_is_rejected_with_a_reason(string code)
    {
        Assert.Null(PartyCode.Normalise(code, out var problem));
        Assert.Contains(code, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_code_is_rejected_as_required()
    {
        Assert.Null(PartyCode.Normalise("  ", out var problem));
        Assert.StartsWith("is required", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void the_ledger_knows_261_parties_each_once()
    {
        Assert.Equal(261, PartyCode.Known.Count);
        Assert.Equal(PartyCode.Known.Count, PartyCode.Known.Distinct(StringComparer.Ordinal).Count());
        Assert.All(PartyCode.Known, code => Assert.True(PartyCode.IsKnown(code), code));
    }
}
