using System.Globalization;
using CommsLedger.Application.Clearance;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Domain.Parties;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;

namespace CommsLedger.Application.Reports.Activity;

/// <summary>One counted item (an interaction or a pledge made) in one group, in the month it occurred.</summary>
internal sealed record ActivityCount(string Group, Guid ItemId, DateOnly FirstOfMonth, bool IsCommitment, Classification Marking)
{
    public string Month => MonthName(FirstOfMonth);

    public static string MonthName(DateOnly firstOfMonth) => firstOfMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static IReadOnlyList<ActivityCount> Of(Replayed replayed, ActivityScope scope, Classification clearance)
    {
        var contacts = replayed.Relationships.Current<ContactRow>().ToArray();
        var interactions = contacts
            .Where(c => clearance.Sees(c.Classification))
            .SelectMany(c => scope.GroupsOf(c.Key).Select(group => new ActivityCount(group, c.EntryId, FirstOf(c.OccurredOn), false, c.Classification)));
        // A commitment occurred with its interaction, whose date may have been corrected since.
        var occurred = contacts.DistinctBy(c => c.EntryId).ToDictionary(c => c.EntryId, c => c.OccurredOn);
        var commitments = replayed.Pledges
            .Where(p => p.Status != PledgeStatus.Retracted && clearance.Sees(p.Classification))
            .SelectMany(p => scope.GroupsOf(p).Select(group => new ActivityCount(group, p.Id, FirstOf(occurred.GetValueOrDefault(p.InteractionId, p.MadeOn)), true, p.Classification)));
        // A party takes part in an interaction once, however many of its relationships the interaction counts towards.
        return [.. interactions.Concat(commitments).Where(c => scope.Covers(c.FirstOfMonth)).DistinctBy(c => (c.Group, c.ItemId))];
    }

    private static DateOnly FirstOf(DateOnly day) => new(day.Year, day.Month, 1);
}
