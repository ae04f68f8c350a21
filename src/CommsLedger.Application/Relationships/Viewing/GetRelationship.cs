using CommsLedger.Application.Clearance;
using CommsLedger.Application.History;
using CommsLedger.Application.History.Checkpoints;
using CommsLedger.Application.Pipeline;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Relationships.Viewing;

/// <summary>A relationship now, or as it stood at a moment on either axis of time (<see cref="AsOf"/>).</summary>
public sealed record GetRelationship(string Key, DateOnly Today, AsOf? AsOf = null) : IQuery<RelationshipView>;

/// <summary>A relationship as a reader sees it on <c>Today</c>: counts and overdue follow-ups derived from the ledger's lines.</summary>
public sealed record RelationshipView(
    string Key,
    int InteractionCount,
    DateOnly? FirstContact,
    DateOnly? LastContact,
    IReadOnlyList<SideView> Sides,
    IReadOnlyList<PledgeLineView> Pledges,
    IReadOnlyList<FollowUpLineView> OpenFollowUps,
    int OverdueFollowUps,
    IReadOnlyList<string> Topics,
    IReadOnlyList<StatementLineView> Statements,
    IReadOnlyList<ContactLineView>? Contacts = null,
    Classification HighestMarking = Classification.Unclassified);

/// <summary>One contact of the relationship (the timeline), newest first, with its portion marking.</summary>
public sealed record ContactLineView(Guid InteractionId, InteractionKind Kind, DateOnly OccurredOn, string Summary, Classification Classification);

public sealed record StatementLineView(Guid StatementId, Guid InteractionId, DateOnly? OccurredOn, string Speaker, string Country, string Text, Classification Classification = Classification.Unclassified);

/// <param name="Reaffirmed">How many of the side's pledges a later interaction reaffirmed.</param>
public sealed record SideView(string Party, int Pledges, IReadOnlyDictionary<string, int> ByStatus, int Reaffirmed);

public sealed record PledgeLineView(Guid PledgeId, string By, string? To, CommitmentKind Kind, string Text, string Topic, DateOnly? Due, PledgeStatus Status, Classification Classification = Classification.Unclassified);

public sealed record FollowUpLineView(Guid FollowUpId, Guid? PledgeId, string Action, string Owner, DateOnly Due, bool Overdue, Classification Classification = Classification.Unclassified);

public sealed class GetRelationshipHandler(IQuerySession session, IDocumentStore store, TimeProvider clock, Actor actor) : IQueryHandler<GetRelationship, RelationshipView>
{
    public async ValueTask<RelationshipView> Handle(GetRelationship query, CancellationToken cancellationToken)
    {
        var key = RelationshipKey.Parse(query.Key, out var problem)
            ?? throw new CommandRejected([new FieldError("relationship", problem!)]);
        var asOf = query.AsOf ?? AsOf.Now;
        var ledger = asOf.IsNow
            ? await session.LoadAsync<RelationshipLedger>(key, cancellationToken) ?? new RelationshipLedger { Id = key }
            : await Replay(key, asOf, cancellationToken);
        return Summarise(ledger.Within(actor.Clearance), asOf.OccurredBy is { } occurredBy && occurredBy < query.Today ? occurredBy : query.Today, withContacts: true);
    }

    private async Task<RelationshipLedger> Replay(string key, AsOf asOf, CancellationToken cancellationToken)
    {
        var streams = await LedgerEvents.StreamsOf(session, key, cancellationToken);
        if (asOf is not { KnownAt: { } knownAt, OccurredBy: null })
        {
            // Filtering by occurred date can drop any event, so no checkpoint applies: replay from event zero.
            var all = await LedgerEvents.Of(session, streams, asOf.KnownAt, cancellationToken);
            return LedgerReplay.Relationship(key, LedgerReplay.Visible(all, asOf));
        }

        await RelationshipCheckpoints.Extend(store, key, streams, clock.GetUtcNow(), cancellationToken);
        var checkpoint = await RelationshipCheckpoints.LatestKnownAt(session, key, knownAt, cancellationToken);
        var tail = await LedgerEvents.Of(session, streams, knownAt, cancellationToken, after: checkpoint?.Sequence ?? 0);
        return LedgerReplay.Continue(checkpoint?.Ledger ?? new RelationshipLedger { Id = key }, tail);
    }

    /// <summary>Counts and lines; the timeline of every contact only for one relationship (<paramref name="withContacts"/>), not in lists.</summary>
    public static RelationshipView Summarise(RelationshipLedger ledger, DateOnly today, bool withContacts = false)
    {
        var parties = ledger.Id.Split('-');
        var sides = parties.Select(party =>
        {
            var theirs = ledger.Pledges.Where(p => p.Value.By == party).ToArray();
            return new SideView(party, theirs.Length, theirs
                .GroupBy(p => PledgeDecisions.Describe(p.Value.Status))
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count()),
                theirs.Count(p => ledger.Reaffirmed.ContainsKey(p.Key)));
        }).ToArray();
        var followUps = ledger.OpenFollowUps
            .Select(f => new FollowUpLineView(f.Key, f.Value.PledgeId, f.Value.Action, f.Value.Owner, f.Value.Due, f.Value.Due < today, f.Value.Classification))
            .OrderBy(f => f.Due).ThenBy(f => f.Action, StringComparer.Ordinal).ThenBy(f => f.FollowUpId)
            .ToArray();
        var contacts = ledger.Interactions.Values.Select(c => c.OccurredOn).ToArray();
        return new RelationshipView(
            ledger.Id,
            contacts.Length,
            contacts.Length == 0 ? null : contacts.Min(),
            contacts.Length == 0 ? null : contacts.Max(),
            sides,
            ledger.Pledges
                .Select(p => new PledgeLineView(p.Key, p.Value.By, p.Value.To, p.Value.Kind, p.Value.Text, p.Value.Topic, p.Value.Due, p.Value.Status, p.Value.Classification))
                .OrderBy(p => p.By, StringComparer.Ordinal).ThenBy(p => p.Text, StringComparer.Ordinal).ThenBy(p => p.PledgeId)
                .ToArray(),
            followUps,
            followUps.Count(f => f.Overdue),
            ledger.TopicsByEntry.Values.SelectMany(t => t).Concat(ledger.EarlierTopics.Keys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray(),
            ledger.Statements
                .Select(s => new StatementLineView(s.Key, s.Value.InteractionId,
                    ledger.Interactions.TryGetValue(s.Value.InteractionId, out var contact) ? contact.OccurredOn : null,
                    s.Value.Speaker, s.Value.Country, s.Value.Text, s.Value.Classification))
                .OrderByDescending(s => s.OccurredOn).ThenBy(s => s.InteractionId).ThenBy(s => s.StatementId)
                .ToArray(),
            !withContacts ? null : ledger.Interactions
                .Select(i => new ContactLineView(i.Key, i.Value.Kind, i.Value.OccurredOn, i.Value.Summary, i.Value.Classification))
                .OrderByDescending(c => c.OccurredOn).ThenBy(c => c.InteractionId)
                .ToArray(),
            Highest(ledger));
    }

    /// <summary>The highest marking among what the reader may see of the ledger, for the page banner.</summary>
    private static Classification Highest(RelationshipLedger ledger) =>
        ledger.Interactions.Values.Select(i => i.Classification)
            .Concat(ledger.Pledges.Values.Select(p => p.Classification))
            .Concat(ledger.OpenFollowUps.Values.Select(f => f.Classification))
            .Concat(ledger.Statements.Values.Select(st => st.Classification))
            .DefaultIfEmpty(Classification.Unclassified).Max();
}
