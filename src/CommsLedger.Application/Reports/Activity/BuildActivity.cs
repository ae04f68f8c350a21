using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using Marten;
using Mediator;

namespace CommsLedger.Application.Reports.Activity;

public enum ActivityGrouping
{
    Relationship,
    Party,
}

/// <summary>Interactions and commitments per month (of when they occurred), per relationship or per party, over the
/// months <paramref name="From"/>..<paramref name="To"/> (first days of months; default: every month with activity);
/// optionally of one relationship or one party. A commitment is a pledge made (retracted ones do not count); a party's
/// interactions are those it took part in, its commitments those it made.</summary>
public sealed record BuildActivity(
    ActivityGrouping By = ActivityGrouping.Relationship,
    string? Relationship = null,
    string? Party = null,
    DateOnly? From = null,
    DateOnly? To = null,
    ReportAt? At = null,
    IProgress<ReportProgress>? Progress = null) : IQuery<ActivityReport>;

/// <param name="Months">Every month from the first to the last in scope, with the totals of the whole scope (the chart).</param>
/// <param name="Lines">One line per group and month with any activity, by group then month.</param>
public sealed record ActivityReport(ReportHeader Header, Classification Banner, ActivityGrouping By, IReadOnlyList<ActivityMonth> Months, IReadOnlyList<ActivityLine> Lines) : IReport;

/// <summary>Counts of one month ("2020-11"); marked as the highest of what it counts (UNCLASSIFIED when empty).</summary>
public sealed record ActivityMonth(string Month, int Interactions, int Commitments, Classification Marking);

public sealed record ActivityLine(string Group, string Month, int Interactions, int Commitments, Classification Marking);

public sealed class BuildActivityHandler(IDocumentStore store, Actor actor) : IQueryHandler<BuildActivity, ActivityReport>
{
    /// <summary>What the counts depend on: the interactions (their dates corrected, retractions) and the pledges made.</summary>
    private static readonly Type[] CountedEvents =
    [
        typeof(InteractionLogged), typeof(InteractionEntryCorrected), typeof(InteractionRetracted),
        typeof(PledgeMade), typeof(PledgeCorrected), typeof(PledgeRetracted),
    ];

    public async ValueTask<ActivityReport> Handle(BuildActivity query, CancellationToken cancellationToken)
    {
        var scope = ActivityScope.Check(query);
        var replayed = new Replayed();
        var position = await LedgerSlice.Fold(store, new SliceFilter(null, CountedEvents), query.At ?? ReportAt.Now, actor.Clearance,
            e => (e.Data is IPledgeEvent ? (Action<JasperFx.Events.IEvent>)replayed.Pledge : replayed.Relationship)(e), query.Progress, cancellationToken);
        var counted = ActivityCount.Of(replayed, scope, actor.Clearance);

        var lines = counted
            .GroupBy(c => (c.Group, c.Month))
            .OrderBy(g => g.Key.Group, StringComparer.Ordinal).ThenBy(g => g.Key.Month, StringComparer.Ordinal)
            .Select(g => new ActivityLine(g.Key.Group, g.Key.Month, g.Count(c => !c.IsCommitment), g.Count(c => c.IsCommitment), Markings.Highest(g.Select(c => c.Marking))))
            .ToArray();
        var months = Months(counted, scope).ToArray();
        var header = new ReportHeader("activity", $"Activity per month, by {Name(query.By)}", scope.Parameters(), actor.Clearance, position);
        return new ActivityReport(header, Markings.Highest(counted.Select(c => c.Marking)), query.By, months, lines);
    }

    /// <summary>Every month from the first to the last of the scope (or of the activity), totals counting each item once.</summary>
    private static IEnumerable<ActivityMonth> Months(IReadOnlyList<ActivityCount> counted, ActivityScope scope)
    {
        var distinct = counted.DistinctBy(c => c.ItemId).ToArray();
        if (distinct.Length == 0 && (scope.From is null || scope.To is null))
        {
            yield break;
        }

        var first = scope.From ?? distinct.Min(c => c.FirstOfMonth);
        var last = scope.To ?? distinct.Max(c => c.FirstOfMonth);
        var byMonth = distinct.ToLookup(c => c.FirstOfMonth);
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            var items = byMonth[month].ToArray();
            yield return new ActivityMonth(ActivityCount.MonthName(month), items.Count(c => !c.IsCommitment), items.Count(c => c.IsCommitment), Markings.Highest(items.Select(c => c.Marking)));
        }
    }

    public static string Name(ActivityGrouping by) => by == ActivityGrouping.Party ? "party" : "relationship";
}
