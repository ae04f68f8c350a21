using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Pledges;

/// <summary>Write-side state of a pledge stream: only what decisions need.</summary>
public sealed record Pledge(
    Guid Id,
    string By,
    string? To,
    CommitmentKind Kind,
    string Text,
    string Topic,
    DateOnly? Due,
    PledgeStatus Status,
    IReadOnlyList<string> Relationships,
    Classification Classification,
    FollowUpBook FollowUps)
{
    public static Pledge Start(PledgeMade e) =>
        new(e.PledgeId, e.By, e.To, e.Kind, e.Text, e.Topic, e.Due, PledgeStatus.Open, e.Relationships, e.Classification, FollowUpBook.Empty);

    public bool IsSettled => Status is not (PledgeStatus.Open or PledgeStatus.PartiallyFulfilled);

    public Pledge Evolve(PledgeFulfilled e) => this with { Status = e.Status };

    public Pledge Evolve(PledgePartiallyFulfilled e) => this with { Status = e.Status };

    public Pledge Evolve(PledgeBroken e) => this with { Status = e.Status };

    public Pledge Evolve(PledgeWithdrawn e) => this with { Status = e.Status };

    public Pledge Evolve(PledgeLapsed e) => this with { Status = e.Status };

    public Pledge Evolve(PledgeRetracted e) => this with { Status = PledgeStatus.Retracted };

    public Pledge Evolve(PledgeCorrected e) => e.Field switch
    {
        PledgeFields.Text => this with { Text = e.Now },
        PledgeFields.Topic => this with { Topic = e.Now },
        PledgeFields.Kind => this with { Kind = Enum.Parse<CommitmentKind>(e.Now, ignoreCase: true) },
        PledgeFields.Due => this with { Due = e.Now.Length == 0 ? null : DateOnly.ParseExact(e.Now, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        PledgeFields.Status => this with { Status = Enum.Parse<PledgeStatus>(e.Now, ignoreCase: true) },
        _ => this,
    };

    public Pledge Evolve(FollowUpScheduled e) => this with { FollowUps = FollowUps.Apply(e) };

    public Pledge Evolve(FollowUpCompleted e) => this with { FollowUps = FollowUps.Apply(e) };

    public Pledge Evolve(FollowUpCancelled e) => this with { FollowUps = FollowUps.Apply(e) };
}

/// <summary>The fields of a pledge that a correction may target.</summary>
public static class PledgeFields
{
    public const string Text = "text";
    public const string Topic = "topic";
    public const string Kind = "kind";
    public const string Due = "due";
    public const string Status = "status";

    public static readonly IReadOnlyList<string> All = [Text, Topic, Kind, Due, Status];
}
