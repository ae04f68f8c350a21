using CommsLedger.Ingest.Evaluation;
using Xunit.Abstractions;

namespace CommsLedger.Ingest.Tests.Evaluation;

/// <summary>
/// The scorer on the shared development set (samples/readouts: 24 real readouts with gold entries). The floors sit a little
/// below what the drafter reaches (README "Drafting from a readout"), so a rule change that loses ground fails here.
/// </summary>
public sealed class DevelopmentSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<Ingest.Evaluation.Evaluation> _evaluation = new(() => DevelopmentSet.Evaluate(Directory()));

    [Theory]
    [InlineData("en", 0.90, 0.95, 0.90, 0.95, 0.95)]
    [InlineData("es", 0.90, 0.95, 0.90, 0.95, 0.95)]
    [InlineData("fr", 0.90, 0.95, 0.90, 0.95, 0.95)]
    public void each_language_stays_above_its_floors(string language, double commitmentsF1, double countriesF1, double relationship, double channel, double date)
    {
        var totals = Assert.Single(_evaluation.Value.Totals, t => t.Language == language);
        output.WriteLine($"{language}: commitments F1 {totals.Commitments.F1:0.00}, countries F1 {totals.Countries.F1:0.00}, relationship {totals.Relationship.Rate:0.00}, channel {totals.Channel.Rate:0.00}, date {totals.Date.Rate:0.00}");
        Assert.True(totals.Commitments.F1 >= commitmentsF1, $"commitments F1 {totals.Commitments.F1:0.00} < {commitmentsF1}");
        Assert.True(totals.Countries.F1 >= countriesF1, $"countries F1 {totals.Countries.F1:0.00} < {countriesF1}");
        Assert.True(totals.Relationship.Rate >= relationship, $"relationship {totals.Relationship.Rate:0.00} < {relationship}");
        Assert.True(totals.Channel.Rate >= channel, $"channel {totals.Channel.Rate:0.00} < {channel}");
        Assert.True(totals.Date.Rate >= date, $"date {totals.Date.Rate:0.00} < {date}");
    }

    [Fact]
    public void every_readout_of_the_set_is_scored_with_its_language()
    {
        Assert.Equal(24, _evaluation.Value.Readouts.Count);
        Assert.Empty(_evaluation.Value.Skipped);
        Assert.All(_evaluation.Value.Readouts, r => Assert.Equal(r.Language, r.DraftedLanguage));
    }

    /// <summary>COMMSLEDGER_READOUTS, else shared/samples/readouts next to the checkout or any folder above it.</summary>
    private static string Directory()
    {
        if (Environment.GetEnvironmentVariable("COMMSLEDGER_READOUTS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples", "readouts");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("the development set shared/samples/readouts was not found above the test folder; set COMMSLEDGER_READOUTS");
    }
}
