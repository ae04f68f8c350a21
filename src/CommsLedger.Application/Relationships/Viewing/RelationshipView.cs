using CommsLedger.Application.Clearance;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;

namespace CommsLedger.Application.Relationships.Viewing;

/// <summary>A relationship as a reader sees it on <c>Today</c>: counts within their clearance, the statements of the
/// latest contacts they may see, topics and contacts per year. Its contacts, pledges and follow-ups are read a page at a
/// time (<see cref="Contacts.ListContacts"/>, <see cref="Pledges.ListRelationshipPledges"/>, <see cref="FollowUps.ListRelationshipFollowUps"/>).</summary>
public sealed record RelationshipView(
    string Key,
    int InteractionCount,
    DateOnly? FirstContact,
    DateOnly? LastContact,
    IReadOnlyList<SideView> Sides,
    int OpenFollowUps,
    int OverdueFollowUps,
    IReadOnlyList<string> Topics,
    IReadOnlyList<StatementLineView> Statements,
    IReadOnlyList<YearCount> ContactsPerYear,
    Classification HighestMarking = Classification.Unclassified);

/// <summary>A relationship in a list: its counts within the reader's clearance.</summary>
public sealed record RelationshipSummary(
    string Key,
    int InteractionCount,
    DateOnly? FirstContact,
    DateOnly? LastContact,
    IReadOnlyList<SideView> Sides,
    int OpenFollowUps,
    int OverdueFollowUps,
    Classification HighestMarking = Classification.Unclassified);

/// <param name="Reaffirmed">How many of the side's pledges a later interaction reaffirmed.</param>
/// <param name="ByStatus">Pledges per status, as the status reads ("open", "partially fulfilled"); statuses with none left out.</param>
public sealed record SideView(string Party, int Pledges, IReadOnlyDictionary<string, int> ByStatus, int Reaffirmed);

public sealed record YearCount(int Year, int Contacts);

public sealed record StatementLineView(Guid StatementId, Guid InteractionId, DateOnly? OccurredOn, string Speaker, string Country, string Text, Classification Classification = Classification.Unclassified);

/// <summary>The counts of a ledger that a reader cleared for <paramref name="Clearance"/> may see: nothing above it is counted.</summary>
internal sealed record Counted(RelationshipLedger Ledger, Classification Clearance)
{
    public int Contacts => Ledger.Contacts.Within(Clearance);

    public int OpenFollowUps => Ledger.OpenFollowUps.Within(Clearance);

    public bool IsVisible => Ledger.Lowest is { } lowest && Clearance.Sees(lowest);

    public IReadOnlyList<SideView> Sides() => [.. Ledger.Id.Split('-').Select(party =>
    {
        var tally = Ledger.Sides.GetValueOrDefault(party) ?? new SideTally();
        var byStatus = Enum.GetValues<PledgeStatus>()
            .Select(status => (Name: PledgeDecisions.Describe(status), Count: tally.ByStatus[(int)status].Within(Clearance)))
            .Where(s => s.Count > 0)
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(s => s.Name, s => s.Count);
        return new SideView(party, byStatus.Values.Sum(), byStatus, tally.Reaffirmed.Within(Clearance));
    })];

    /// <summary>The statements of the latest contacts the reader may see, chosen among those contacts alone.</summary>
    public IReadOnlyList<StatementLineView> Statements()
    {
        var recent = Ledger.RecentContacts.Where(c => Clearance.Sees(c.Classification)).TakeLast(RelationshipLedger.RecentContactsKept).ToDictionary(c => c.InteractionId);
        return [.. VisibleStatements()
            .Where(s => recent.ContainsKey(s.Value.InteractionId))
            .Select(s => new StatementLineView(s.Key, s.Value.InteractionId, recent[s.Value.InteractionId].OccurredOn, s.Value.Speaker, s.Value.Country, s.Value.Text, s.Value.Classification))
            .OrderByDescending(s => s.OccurredOn).ThenBy(s => s.InteractionId).ThenBy(s => s.StatementId)];
    }

    public IReadOnlyList<string> Topics() =>
    [
        .. Ledger.PledgeTopics.Where(t => t.Value.Within(Clearance) > 0).Select(t => t.Key)
            .Concat(VisibleStatements().SelectMany(s => Ledger.StatementTopics.GetValueOrDefault(s.Key) ?? []))
            .Concat(Ledger.EarlierTopics.Where(t => Clearance.Sees(t.Value)).Select(t => t.Key))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase),
    ];

    public IReadOnlyList<YearCount> ContactsPerYear() =>
        [.. Ledger.ContactsPerYear.Select(y => new YearCount(y.Key, y.Value.Within(Clearance))).Where(y => y.Contacts > 0).OrderBy(y => y.Year)];

    /// <summary>The highest marking among what the reader may see of the ledger, for the page banner.</summary>
    public Classification Highest() => Enum.GetValues<Classification>()
        .Where(m => Clearance.Sees(m) && (Tally.Any((int)m, Ledger.Contacts, Ledger.OpenFollowUps)
            || Ledger.Sides.Values.Any(s => s.ByStatus.Any(counts => counts[(int)m] > 0))
            || VisibleStatements().Any(s => s.Value.Classification == m)))
        .DefaultIfEmpty(Classification.Unclassified).Max();

    public RelationshipSummary Summary(RowFacts facts) =>
        new(Ledger.Id, Contacts, facts.FirstContact, facts.LastContact, Sides(), OpenFollowUps, facts.Overdue, Highest());

    private IEnumerable<KeyValuePair<Guid, StatementLine>> VisibleStatements() => Ledger.Statements.Where(s => Clearance.Sees(s.Value.Classification));
}
