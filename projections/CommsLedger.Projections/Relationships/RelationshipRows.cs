using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Projections.Relationships;

/// <summary>
/// One line of a relationship — a contact, a pledge, an open follow-up — in a document of its own, so that the
/// relationship's own document stays bounded and the lines are read a page at a time through an index on the
/// relationship key. Lines are versioned by the relationship's <see cref="RelationshipLedger.Position"/>: the current
/// version (id <c>CN-PE/{entry}</c>, <see cref="UntilPosition"/> null) and every earlier one (id
/// <c>CN-PE/{entry}/{from}</c>), so the lines as known at an earlier position are the same indexed query as now.
/// </summary>
public abstract record RelationshipRow
{
    public string Id { get; init; } = "";
    public string Key { get; init; } = "";
    public Guid EntryId { get; init; }
    public Classification Classification { get; init; }

    /// <summary>The position of the relationship's event that made this version.</summary>
    public long FromPosition { get; init; }

    /// <summary>The position of the event that replaced or closed it; null while it is current.</summary>
    public long? UntilPosition { get; init; }

    public static string CurrentId(string key, Guid entryId) => $"{key}/{entryId}";

    /// <summary>The row an event changes, if any: its type and entry. A statement's correction changes no row.</summary>
    public static (Type Type, Guid EntryId)? ChangedBy(object data) => data switch
    {
        InteractionLogged x => (typeof(ContactRow), x.InteractionId),
        InteractionEntryCorrected { StatementId: null } x => (typeof(ContactRow), x.InteractionId),
        InteractionRetracted x => (typeof(ContactRow), x.InteractionId),
        PledgeMade x => (typeof(PledgeRow), x.PledgeId),
        IPledgeOutcome x => (typeof(PledgeRow), x.PledgeId),
        PledgeCorrected x => (typeof(PledgeRow), x.PledgeId),
        PledgeRetracted x => (typeof(PledgeRow), x.PledgeId),
        PledgeReaffirmed x => (typeof(PledgeRow), x.PledgeId),
        FollowUpScheduled x => (typeof(FollowUpRow), x.FollowUpId),
        FollowUpCompleted x => (typeof(FollowUpRow), x.FollowUpId),
        FollowUpCancelled x => (typeof(FollowUpRow), x.FollowUpId),
        _ => null,
    };

    /// <summary>The row after the event: a new one, a changed one, the same one, or null when the event closes it.</summary>
    public static RelationshipRow? Next(RelationshipRow? row, string key, object data) => (row, data) switch
    {
        (null, InteractionLogged x) => new ContactRow { Key = key, EntryId = x.InteractionId, Kind = x.Kind, OccurredOn = x.Occurred.Date, Summary = x.Summary, Classification = x.Classification },
        (ContactRow c, InteractionEntryCorrected x) => Corrected(c, x.Patch()),
        (ContactRow, InteractionRetracted) => null,
        (null, PledgeMade x) => new PledgeRow
        {
            Key = key, EntryId = x.PledgeId, By = x.By, To = x.To, Kind = x.Kind, Text = x.Text, Topic = x.Topic, Due = x.Due, MadeOn = x.MadeOn,
            Status = PledgeStatus.Open, Classification = x.Classification,
        },
        (PledgeRow p, IPledgeOutcome x) => p with { Status = x.Status },
        (PledgeRow p, PledgeCorrected x) => Corrected(p, x.Patch()),
        (PledgeRow, PledgeRetracted) => null,
        (PledgeRow p, PledgeReaffirmed x) => p with { Reaffirmed = p.Reaffirmed is { } known && known < x.Classification ? known : x.Classification },
        (null, FollowUpScheduled x) => new FollowUpRow
        {
            Key = key, EntryId = x.FollowUpId, PledgeId = x.PledgeId, Action = x.Action, Owner = x.Owner, Due = x.Due, Classification = x.Classification,
        },
        (FollowUpRow, FollowUpCompleted or FollowUpCancelled) => null,
        _ => row,
    };

    private static ContactRow Corrected(ContactRow row, InteractionPatch patch) => row with
    {
        Summary = patch.Summary ?? row.Summary,
        Kind = patch.Kind ?? row.Kind,
        OccurredOn = patch.OccurredOn ?? row.OccurredOn,
    };

    private static PledgeRow Corrected(PledgeRow row, PledgePatch patch) => row with
    {
        Text = patch.Text ?? row.Text,
        Topic = patch.Topic ?? row.Topic,
        Kind = patch.Kind ?? row.Kind,
        Due = patch.DueOr(row.Due),
        Status = patch.Status ?? row.Status,
    };
}

/// <summary>One contact (interaction) of the relationship: the timeline, newest first.</summary>
public sealed record ContactRow : RelationshipRow
{
    public InteractionKind Kind { get; init; }
    public DateOnly OccurredOn { get; init; }
    public string Summary { get; init; } = "";
}

/// <summary>One pledge made by either side, with its status; <see cref="Reaffirmed"/> is the lowest marking of any
/// later interaction that restated it (null when none did).</summary>
public sealed record PledgeRow : RelationshipRow
{
    public string By { get; init; } = "";
    public string? To { get; init; }
    public CommitmentKind Kind { get; init; }
    public string Text { get; init; } = "";
    public string Topic { get; init; } = "";
    public DateOnly? Due { get; init; }
    public DateOnly MadeOn { get; init; }
    public PledgeStatus Status { get; init; }
    public Classification? Reaffirmed { get; init; }
}

/// <summary>One open follow-up of the relationship. A completed or cancelled one has no current version, so "open" is
/// the current rows and "overdue on a day" an index range on <see cref="Due"/>.</summary>
public sealed record FollowUpRow : RelationshipRow
{
    public Guid? PledgeId { get; init; }
    public string Action { get; init; } = "";
    public string Owner { get; init; } = "";
    public DateOnly Due { get; init; }
}
