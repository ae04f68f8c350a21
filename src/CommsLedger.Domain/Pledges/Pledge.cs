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
    FollowUpBook FollowUps) : IStreamState<Pledge>
{
    public static string Noun => "pledge";

    public static Pledge Start(PledgeMade e) =>
        new(e.PledgeId, e.By, e.To, e.Kind, e.Text, e.Topic, e.Due, PledgeStatus.Open, e.Relationships, e.Classification, FollowUpBook.Empty);

    public bool IsSettled => Status is not (PledgeStatus.Open or PledgeStatus.PartiallyFulfilled);

    /// <summary>The one fold of a pledge stream, used by the store and by the tests: the first event starts the state;
    /// before it there is none (a stream of another type), so every later event leaves it null.</summary>
    public static Pledge? Fold(Pledge? state, object e) =>
        e is PledgeMade made ? Start(made) : state?.Evolve(e);

    /// <summary>The state after one more event of the stream. Events no decision depends on (progress, assessments)
    /// leave it as it is; an event of another stream's vocabulary is a bug, never silently ignored.</summary>
    public Pledge Evolve(object e) => e switch
    {
        IPledgeOutcome x => this with { Status = x.Status },
        PledgeRetracted => this with { Status = PledgeStatus.Retracted },
        PledgeCorrected x => Evolve(x),
        IFollowUpEvent x => this with { FollowUps = FollowUps.Apply(x) },
        IPledgeEvent => this,
        _ => throw new ArgumentException($"{e.GetType().Name} is not a pledge event", nameof(e)),
    };

    /// <summary>A pledge has no portions of its own: whoever may see it sees all of it.</summary>
    public Pledge Within(Classification clearance) => this;

    private Pledge Evolve(PledgeCorrected e)
    {
        var patch = e.Patch();
        return this with
        {
            Text = patch.Text ?? Text,
            Topic = patch.Topic ?? Topic,
            Kind = patch.Kind ?? Kind,
            Due = patch.DueOr(Due),
            Status = patch.Status ?? Status,
        };
    }
}
