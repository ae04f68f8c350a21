using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;

namespace CommsLedger.Application.Reports.Activity;

/// <summary>One counted item (an interaction or a pledge made) in one group, in the month it occurred.</summary>
internal sealed record ActivityCount(string Group, Guid ItemId, DateOnly FirstOfMonth, bool IsCommitment, Classification Marking)
{
    public string Month => MonthName(FirstOfMonth);

    public static string MonthName(DateOnly firstOfMonth) => firstOfMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<ActivityCount> Of(Replayed replayed, ActivityScope scope, Classification clearance)
    {
        var interactions = replayed.Relationships
            .SelectMany(l => scope.GroupsOf(l.Id).SelectMany(group => l.Interactions
                .Where(c => clearance.Sees(c.Value.Classification))
                .Select(c => new ActivityCount(group, c.Key, FirstOf(c.Value.OccurredOn), false, c.Value.Classification))));
        // A commitment occurred with its interaction, whose date may have been corrected since.
        var occurred = replayed.Relationships.SelectMany(l => l.Interactions).DistinctBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value.OccurredOn);
        var commitments = replayed.Pledges
            .Where(p => p.Status != PledgeStatus.Retracted && clearance.Sees(p.Classification))
            .SelectMany(p => scope.GroupsOf(p).Select(group => new ActivityCount(group, p.Id, FirstOf(occurred.GetValueOrDefault(p.InteractionId, p.MadeOn)), true, p.Classification)));
        // A party takes part in an interaction once, however many of its relationships the interaction counts towards.
        return [.. interactions.Concat(commitments).Where(c => scope.Covers(c.FirstOfMonth)).DistinctBy(c => (c.Group, c.ItemId))];
    }

    private static DateOnly FirstOf(DateOnly day) => new(day.Year, day.Month, 1);
}
