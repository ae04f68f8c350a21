using CommsLedger.Application.Demo;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Tests.Search;

/// <summary>
/// A search reads at most <see cref="SearchLedger.MatchesRead"/> matches, the newest: a word found more often says
/// "more than" and counts among the newest; a narrower search is exact again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SearchBoundTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const int Older = 50;
    private TestLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await TestLedger.Create(postgres);
        await _ledger.Send(new LogInteraction(Call(new DateOnly(2020, 11, 5), "Older tariff talks", Older)));
        await _ledger.Send(new LogInteraction(Call(new DateOnly(2020, 11, 6), "Newer tariff talks", SearchLedger.MatchesRead)));
        await _ledger.Send(new LogInteraction(SeedCall.Draft() with
        {
            Participants = [SeedCall.Draft().Participants[0], new Participant("Ana Silva", "Foreign Minister", "BR")],
            Summary = "Tariff call between China and Brazil",
            Source = null,
            Statements = [new StatementDraft("Wang Yi", "CN", "China will review the tariff on soybeans.", ["Trade"])],
            Commitments = [],
            FollowUps = [],
        }));
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    [Fact]
    public async Task a_word_matched_more_often_than_the_bound_says_more_than_and_counts_the_newest_matches()
    {
        var results = await _ledger.Ask(new SearchLedger("tariff", PageSize: 100));

        Assert.True(results.MoreMatch);
        Assert.Equal(SearchLedger.MatchesRead, results.Total);
        Assert.Equal(SearchLedger.MatchesRead, results.Relationships.Sum(f => f.Count));
        Assert.Equal(100, results.Hits.Count);
        Assert.DoesNotContain(results.Hits, h => h.Text.StartsWith("Older", StringComparison.Ordinal));
        Assert.Contains(results.Relationships, f => f.Value == "BR-CN");
    }

    [Fact]
    public async Task a_narrower_search_under_the_bound_is_exact()
    {
        var results = await _ledger.Ask(new SearchLedger("tariff", Relationship: "BR-CN"));

        Assert.False(results.MoreMatch);
        Assert.Equal(2, results.Total);
        Assert.Equal([new FacetCount("BR-CN", 2)], results.Relationships);
        Assert.All(results.Hits, h => Assert.Contains(h.Highlight, p => p.Match && p.Text.StartsWith("tariff", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task a_search_matched_exactly_the_bound_is_exact()
    {
        var results = await _ledger.Ask(new SearchLedger("newer tariff statement", Relationship: "CN-PE"));

        Assert.False(results.MoreMatch);
        Assert.Equal(SearchLedger.MatchesRead, results.Total);
    }

    private static InteractionDraft Call(DateOnly day, string prefix, int statements) => SeedCall.Draft() with
    {
        Occurred = new OccurredAt(day),
        Summary = $"{prefix}: a call about the tariff schedule",
        Source = null,
        Statements = [.. Enumerable.Range(1, statements).Select(i => new StatementDraft("Mario Lopez", "PE", $"{prefix} statement {i} on the tariff schedule.", ["Trade"]))],
        Commitments = [],
        FollowUps = [],
    };
}
