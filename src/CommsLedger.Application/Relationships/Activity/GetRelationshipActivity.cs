using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using Marten;
using Marten.Linq;
using Mediator;

namespace CommsLedger.Application.Relationships.Activity;

/// <summary>What the relationship page shows beside the ledger itself: pledges made per year, each side's
/// compliance score, and the latest corrections of its entries (those still in its ledger: a retracted entry leaves
/// it) — all within the reader's clearance.</summary>
public sealed record GetRelationshipActivity(string Key) : IQuery<RelationshipActivity>;

public sealed record RelationshipActivity(
    string Key,
    IReadOnlyList<PledgesInYear> PledgesPerYear,
    IReadOnlyList<SideCompliance> Compliance,
    IReadOnlyList<RecentCorrection> RecentCorrections);

public sealed record PledgesInYear(int Year, int Pledges);

/// <summary>A side's score over the pledges it made; its marking is the highest of the pledges counted.</summary>
public sealed record SideCompliance(string Party, ComplianceScore Score, Classification Marking);

/// <summary>A correction of an interaction, a statement or a pledge: what it replaced, who, when and why.</summary>
public sealed record RecentCorrection(Guid StreamId, bool OfPledge, string Field, string Was, string Now, string Reason,
    DateTimeOffset RecordedAt, string? RecordedBy, Classification Classification);

public sealed class GetRelationshipActivityHandler(IQuerySession session, Actor actor) : IQueryHandler<GetRelationshipActivity, RelationshipActivity>
{
    public const int CorrectionsShown = 10;

    public async ValueTask<RelationshipActivity> Handle(GetRelationshipActivity query, CancellationToken cancellationToken)
    {
        var key = RelationshipKey.Parse(query.Key, out var problem)
            ?? throw new CommandRejected([new FieldError("relationship", problem!)]);
        // The relationship's current rows name its pledges and contacts (an index range on its key): loading those by id
        // costs what the relationship holds, not what the whole ledger holds.
        var visible = actor.Clearance.VisibleMarkings();
        var pledgeIds = (await session.Query<PledgeRow>().Where(r => r.Key == key && r.UntilPosition == null).Select(r => r.EntryId).ToListAsync(cancellationToken)).ToArray();
        var interactionIds = (await session.Query<ContactRow>().Where(r => r.Key == key && r.UntilPosition == null).Select(r => r.EntryId).ToListAsync(cancellationToken)).ToArray();
        var pledges = (await session.Query<PledgeRegister>()
                .Where(p => p.Id.IsOneOf(pledgeIds) && p.Classification.IsOneOf(visible))
                .ToListAsync(cancellationToken))
            .Select(p => p.Within(actor.Clearance)!).ToArray();
        var corrected = await session.Query<InteractionRecord>()
            .Where(i => i.Id.IsOneOf(interactionIds) && i.Classification.IsOneOf(visible) && i.Corrections.Any())
            .ToListAsync(cancellationToken);
        var kept = pledges.Where(p => p.Status != PledgeStatus.Retracted).ToArray();
        return new RelationshipActivity(
            key,
            [.. kept.GroupBy(p => p.MadeOn.Year).OrderBy(g => g.Key).Select(g => new PledgesInYear(g.Key, g.Count()))],
            [.. key.Split('-').Select(party => Side(party, kept.Where(p => p.By == party).ToArray()))],
            Latest(pledges, corrected.Select(i => i.Within(actor.Clearance)!)));
    }

    private static SideCompliance Side(string party, PledgeRegister[] theirs) =>
        new(party, ComplianceScore.Of(theirs), theirs.Select(p => p.Classification).DefaultIfEmpty().Max());

    private static RecentCorrection[] Latest(IEnumerable<PledgeRegister> pledges, IEnumerable<InteractionRecord> interactions) =>
    [
        .. pledges.SelectMany(p => p.Corrections.Select(c => Line(p.Id, true, c)))
            .Concat(interactions.SelectMany(i => i.Corrections.Select(c => Line(i.Id, false, c))))
            .OrderByDescending(c => c.RecordedAt)
            .Take(CorrectionsShown),
    ];

    private static RecentCorrection Line(Guid streamId, bool ofPledge, CorrectionView c) =>
        new(streamId, ofPledge, c.Field, c.Was, c.Now, c.Reason, c.RecordedAt, c.RecordedBy, c.Classification);
}
