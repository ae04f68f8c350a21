using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Mediator;

namespace CommsLedger.Application.Search.Searching;

public enum SearchKind
{
    Statement,
    Commitment,
    Interaction,
}

/// <summary>
/// Full-text search over statements, commitments and interactions, in web-search syntax ("quoted phrase", or,
/// -excluded). Each entry is matched in its own language. <paramref name="KnownAt"/> searches the ledger as it was
/// known then (the text current at that instant); retracted entries only with <paramref name="IncludeRetracted"/>.
/// Nothing above the reader's clearance is returned or counted in a facet.
/// </summary>
public sealed record SearchLedger(
    string Text,
    string? Relationship = null,
    string? Party = null,
    SearchKind? Kind = null,
    CommitmentKind? CommitmentKind = null,
    PledgeStatus? Status = null,
    string? Topic = null,
    DateOnly? From = null,
    DateOnly? To = null,
    DateTimeOffset? KnownAt = null,
    bool IncludeRetracted = false,
    int Page = 1,
    int PageSize = 20) : IQuery<SearchResults>, IChecked
{
    public const int MaxPageSize = 100;

    /// <summary>The most matches a search reads (the newest); see <see cref="SearchResults.MoreMatch"/>.</summary>
    public const int MatchesRead = 2_000;
    public const int MaxTextLength = 500;

    public IReadOnlyList<FieldError> Check()
    {
        var errors = new FieldErrors();
        errors.RequireText(Text, "q", MaxTextLength);
        errors.Require(Relationship is null || RelationshipKey.Parse(Relationship, out _) == Relationship, "relationship", $"'{Relationship}' is not a relationship key such as CN-PE");
        errors.Require(Party is null || PartyCode.Normalise(Party, out _) == Party, "party", $"'{Party}' is not a party code such as CN");
        errors.Require(Topic is null || (Topic.Trim().Length > 0 && Topic.Length <= 200), "topic", "must be 1 to 200 characters");
        errors.Require(From is null || To is null || From <= To, "from", $"{From:yyyy-MM-dd} is after to ({To:yyyy-MM-dd})");
        errors.Require(Page >= 1, "page", "must be 1 or more");
        errors.Require(PageSize is >= 1 and <= MaxPageSize, "pageSize", $"must be between 1 and {MaxPageSize}");
        return errors.All;
    }
}

/// <summary>
/// One page of ranked hits, the total, and facets counted over every hit (not just the page). A search reads at most
/// a bound of matches, the most recently recorded (<see cref="SearchLedger.MatchesRead"/>): when more match,
/// <paramref name="MoreMatch"/> is true, <paramref name="Total"/> is that bound ("more than Total"), and the ranking and
/// facets cover those newest matches; a narrower search (a filter, a date range) is exact again.
/// </summary>
public sealed record SearchResults(
    string Query,
    long Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetCount> Relationships,
    IReadOnlyList<FacetCount> Parties,
    IReadOnlyList<FacetCount> Years,
    bool MoreMatch);

public sealed record FacetCount(string Value, long Count);

/// <summary>One entry found. <paramref name="Highlight"/> is the matching passage, split into plain and matched parts.</summary>
public sealed record SearchHit(
    SearchKind Kind,
    Guid EntryId,
    Guid InteractionId,
    string Link,
    string Text,
    IReadOnlyList<HighlightPart> Highlight,
    double Rank,
    IReadOnlyList<string> Relationships,
    IReadOnlyList<string> Parties,
    string? Speaker,
    string? To,
    CommitmentKind? CommitmentKind,
    PledgeStatus? Status,
    IReadOnlyList<string> Topics,
    DateOnly? OccurredOn,
    Classification Classification,
    string Language,
    bool Retracted);

public sealed record HighlightPart(string Text, bool Match);
