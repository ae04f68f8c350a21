using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Search;

/// <summary>
/// The bound across languages: once the English branch has found more than the bound, the later languages read only
/// what was recorded since the oldest of the bound + 1 matches it read — and everything they find there still counts
/// among the newest.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchLanguagesBoundTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const int Older = 600;
    private const int Spanish = 5;
    private const int Newer = 1_500;
    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        await _ledger.Send(new LogInteraction(Call(new DateOnly(2020, 11, 4), new Participant("Ana Silva", "Foreign Minister", "BR"),
            Enumerable.Range(1, Older).Select(i => $"Older statement {i} on the tariff schedule."))));
        await _ledger.Send(new LogInteraction(Call(new DateOnly(2020, 11, 5), new Participant("Santiago Cafiero", "Foreign Minister", "AR"),
            Enumerable.Range(1, Spanish).Select(i => $"El ministro habló de la tariff del cobre en la reunión {i}."))));
        await _ledger.Send(new LogInteraction(Call(new DateOnly(2020, 11, 6), new Participant("Mario Lopez", "Foreign Minister", "PE"),
            Enumerable.Range(1, Newer).Select(i => $"Newer statement {i} on the tariff schedule."))));
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task the_newest_matches_are_counted_across_languages_recorded_between_older_and_newer_english_ones()
    {
        var results = await _ledger.Ask(new SearchLedger("tariff"));

        // Each call's summary matches too (in English). Newest first: the newer call (1,501), the Spanish call (its
        // summary and 5 Spanish statements), then the older call's newest until the bound.
        Assert.True(results.MoreMatch);
        Assert.Equal(SearchLedger.MatchesRead, results.Total);
        Assert.Equal(
            [new FacetCount("CN-PE", Newer + 1), new FacetCount("BR-CN", SearchLedger.MatchesRead - Newer - 1 - Spanish - 1), new FacetCount("AR-CN", Spanish + 1)],
            results.Relationships);
    }

    [Fact]
    public async Task the_spanish_entries_between_them_are_found_in_spanish()
    {
        var results = await _ledger.Ask(new SearchLedger("tariff", Relationship: "AR-CN"));

        Assert.Equal(Spanish + 1, results.Total);
        Assert.Equal(Spanish, results.Hits.Count(h => h.Language == "spanish"));
    }

    private static InteractionDraft Call(DateOnly day, Participant other, IEnumerable<string> statements) => SeedCall.Draft() with
    {
        Occurred = new OccurredAt(day),
        Participants = [SeedCall.Draft().Participants[0], other],
        Summary = $"A call with {other.Name} about the tariff schedule",
        Source = null,
        Statements = [.. statements.Select(text => new StatementDraft(other.Name, other.Country, text, ["Trade"]))],
        Commitments = [],
        FollowUps = [],
    };
}
