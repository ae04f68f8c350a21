using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Application.Reports.Scorecard;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Relationships;
using Marten;
using Mediator;

namespace CommsLedger.Application.Reports.Brief;

/// <summary>A brief on one relationship as of <paramref name="On"/> (the day "overdue" is judged on): its last
/// <paramref name="Contacts"/> contacts, the pledges of each side with status and compliance, the open follow-ups,
/// and the corrections and retractions recorded since <paramref name="Since"/> (default: 90 days before
/// <paramref name="On"/>).</summary>
public sealed record BuildBrief(string Relationship, DateOnly On, DateOnly? Since = null, int Contacts = 5, ReportAt? At = null, IProgress<ReportProgress>? Progress = null) : IQuery<BriefReport>;

public sealed record BriefReport(
    ReportHeader Header,
    Classification Banner,
    string Relationship,
    IReadOnlyList<BriefContact> LastContacts,
    IReadOnlyList<BriefSide> Sides,
    IReadOnlyList<BriefFollowUp> FollowUps,
    IReadOnlyList<BriefChange> Changes) : IReport;

public sealed record BriefContact(Guid InteractionId, DateOnly OccurredOn, string Kind, string Summary, Classification Marking);

public sealed record BriefSide(string Party, ComplianceScore Compliance, IReadOnlyList<BriefPledge> Pledges);

public sealed record BriefPledge(Guid PledgeId, string Kind, string? To, string Text, string Topic, DateOnly? Due, string Status, int? LatestScore, Classification Marking);

public sealed record BriefFollowUp(Guid FollowUpId, Guid? PledgeId, string Action, string Owner, DateOnly Due, bool Overdue, Classification Marking);

/// <summary>A correction or retraction: what it did and what it replaced, who recorded it and when.</summary>
public sealed record BriefChange(long Sequence, DateTimeOffset RecordedAt, string? RecordedBy, string What, string? Replaces, Classification Marking);

public sealed class BuildBriefHandler(IQuerySession session, IDocumentStore store, Actor actor) : IQueryHandler<BuildBrief, BriefReport>
{
    public async ValueTask<BriefReport> Handle(BuildBrief query, CancellationToken cancellationToken)
    {
        var key = RelationshipKey.Parse(query.Relationship, out var problem)
            ?? throw new CommandRejected([new FieldError("relationship", problem!)]);
        var errors = new FieldErrors();
        if (query.Contacts is < 1 or > 100)
        {
            errors.Add("contacts", $"{query.Contacts} is not between 1 and 100");
        }

        (query.At ?? ReportAt.Now).Check(errors);
        errors.ThrowIfAny();
        var since = query.Since ?? query.On.AddDays(-90);
        var streams = await History.LedgerEvents.StreamsOf(session, key, cancellationToken);
        var slice = await LedgerSlice.Load(session, store, streams, query.At ?? ReportAt.Now, actor.Clearance, cancellationToken, progress: query.Progress);
        var relationship = slice.Relationship(key);
        var pledges = slice.Pledges().Where(p => p.Relationships.Contains(key) && actor.Clearance.Sees(p.Classification)).ToArray();

        var contacts = relationship.Current<ContactRow>().Where(c => actor.Clearance.Sees(c.Classification))
            .OrderByDescending(c => c.OccurredOn).ThenBy(c => c.EntryId)
            .Take(query.Contacts)
            .Select(c => new BriefContact(c.EntryId, c.OccurredOn, Wire.WireNames.Of(c.Kind), c.Summary, c.Classification))
            .ToArray();
        var sides = key.Split('-').Select(party =>
        {
            var theirs = pledges.Where(p => p.By == party).ToArray();
            return new BriefSide(party, ComplianceScore.Of(theirs), [.. theirs
                .Where(p => p.Status != PledgeStatus.Retracted)
                .OrderBy(p => p.Due ?? DateOnly.MaxValue).ThenBy(p => p.Text, StringComparer.Ordinal).ThenBy(p => p.Id)
                .Select(p => new BriefPledge(p.Id, Wire.WireNames.Of(p.Kind), p.To, p.Text, p.Topic, p.Due,
                    PledgeDecisions.Describe(p.Status), ComplianceScore.LatestScore(p), p.Classification))]);
        }).ToArray();
        var followUps = relationship.Current<FollowUpRow>().Where(f => actor.Clearance.Sees(f.Classification))
            .Select(f => new BriefFollowUp(f.EntryId, f.PledgeId, f.Action, f.Owner, f.Due, f.Due < query.On, f.Classification))
            .OrderBy(f => f.Due).ThenBy(f => f.Action, StringComparer.Ordinal).ThenBy(f => f.FollowUpId)
            .ToArray();
        var changes = slice.Events
            .Where(e => IsFix(e.Data) && DateOnly.FromDateTime(e.Timestamp.UtcDateTime) >= since)
            .Select(e =>
            {
                var line = ((IDescribedEvent)e.Data).Describe();
                return new BriefChange(e.Sequence, e.Timestamp, e.UserName, line.What, line.Replaces, Visibility.MarkingOf(e));
            })
            .ToArray();

        var header = new ReportHeader("brief", $"Relationship brief: {key}",
        [
            new("relationship", key),
            new("on", query.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("changes since", since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("last contacts", query.Contacts.ToString(CultureInfo.InvariantCulture)),
        ], actor.Clearance, slice.Position);
        var banner = Markings.Highest(contacts.Select(c => c.Marking)
            .Concat(sides.SelectMany(s => s.Pledges).Select(p => p.Marking))
            .Concat(pledges.Select(p => p.Classification))
            .Concat(followUps.Select(f => f.Marking))
            .Concat(changes.Select(c => c.Marking)));
        return new BriefReport(header, banner, key, contacts, sides, followUps, changes);
    }

    private static bool IsFix(object data) =>
        data is InteractionEntryCorrected or PledgeCorrected or StatementRetracted or InteractionRetracted or PledgeRetracted;
}
