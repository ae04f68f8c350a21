using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.TimeTravel;
using Marten;
using Mediator;

namespace CommsLedger.Application.Reports.Overdue;

/// <summary>Every follow-up still open whose due date is before <paramref name="On"/>, grouped by owner and then
/// relationship, oldest first; optionally of one relationship or one owner.</summary>
public sealed record BuildOverdue(DateOnly On, string? Relationship = null, string? Owner = null, ReportAt? At = null, IProgress<ReportProgress>? Progress = null)
    : IQuery<OverdueReport>;

/// <param name="FollowUps">How many overdue follow-ups the report lists (one on a trilateral interaction is listed
/// under each of its relationships but counted once).</param>
public sealed record OverdueReport(ReportHeader Header, Classification Banner, int FollowUps, IReadOnlyList<OverdueGroup> Groups) : IReport;

/// <summary>The overdue follow-ups of one owner in one relationship, oldest first; marked as the highest of them.</summary>
public sealed record OverdueGroup(string Owner, string Relationship, Classification Marking, IReadOnlyList<OverdueItem> Items);

public sealed record OverdueItem(Guid FollowUpId, Guid SubjectId, Guid? PledgeId, string Action, DateOnly Due, int DaysOverdue, Classification Marking);

public sealed class BuildOverdueHandler(IDocumentStore store, Actor actor) : IQueryHandler<BuildOverdue, OverdueReport>
{
    private static readonly Type[] FollowUpEvents = [.. EventCatalogue.Of<IFollowUpEvent>()];

    public async ValueTask<OverdueReport> Handle(BuildOverdue query, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var key = query.Relationship is null ? null : RelationshipKey.Parse(query.Relationship, out var problem) ?? Reject(errors, problem!);
        var at = query.At ?? ReportAt.Now;
        at.Check(errors);
        errors.ThrowIfAny();

        var slice = await LedgerSlice.Load(store, null, at, actor.Clearance, cancellationToken, FollowUpEvents, query.Progress);
        var overdue = LedgerReplay.FollowUps(slice.Events)
            .Where(f => f.Status == FollowUpStatus.Open && f.Due < query.On && actor.Clearance.Sees(f.Classification))
            .Where(f => query.Owner is null || string.Equals(f.Owner, query.Owner.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(f => key is null || f.Relationships.Contains(key))
            .ToArray();
        var groups = overdue
            .SelectMany(f => f.Relationships.Where(r => key is null || r == key).Select(r => (Relationship: r, Item: f)))
            .GroupBy(g => (g.Item.Owner, g.Relationship))
            .OrderBy(g => g.Key.Owner, StringComparer.Ordinal).ThenBy(g => g.Key.Relationship, StringComparer.Ordinal)
            .Select(g => Group(g.Key.Owner, g.Key.Relationship, g.Select(x => x.Item), query.On))
            .ToArray();

        var header = new ReportHeader("overdue", "Overdue follow-ups", Parameters(query, key), actor.Clearance, slice.Position);
        return new OverdueReport(header, Markings.Highest(groups.Select(g => g.Marking)), overdue.Length, groups);
    }

    private static OverdueGroup Group(string owner, string relationship, IEnumerable<FollowUpItem> items, DateOnly on)
    {
        var listed = items
            .OrderBy(f => f.Due).ThenBy(f => f.Action, StringComparer.Ordinal).ThenBy(f => f.Id)
            .Select(f => new OverdueItem(f.Id, f.SubjectId, f.PledgeId, f.Action, f.Due, on.DayNumber - f.Due.DayNumber, f.Classification))
            .ToArray();
        return new OverdueGroup(owner, relationship, Markings.Highest(listed.Select(i => i.Marking)), listed);
    }

    private static List<ReportParameter> Parameters(BuildOverdue query, string? key)
    {
        List<ReportParameter> parameters = [new("on", query.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];
        if (key is not null)
        {
            parameters.Add(new("relationship", key));
        }

        if (query.Owner is { } owner)
        {
            parameters.Add(new("owner", owner.Trim()));
        }

        return parameters;
    }

    private static string? Reject(FieldErrors errors, string problem)
    {
        errors.Add("relationship", problem);
        return null;
    }
}
