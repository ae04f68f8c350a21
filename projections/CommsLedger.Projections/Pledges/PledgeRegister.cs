using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using CommsLedger.Projections.Interactions;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CommsLedger.Projections.Pledges;

/// <summary>One commitment and its whole life: status history, progress, follow-ups, assessments, corrections.</summary>
public sealed class PledgeRegister
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public Guid InteractionId { get; set; }
    public string By { get; set; } = "";
    public string? To { get; set; }
    public CommitmentKind Kind { get; set; }
    public string Text { get; set; } = "";
    public string Topic { get; set; } = "";
    public DateOnly? Due { get; set; }
    public DateOnly MadeOn { get; set; }
    public List<string> Relationships { get; set; } = [];
    public Classification Classification { get; set; }
    public List<string> CameoCodes { get; set; } = [];
    public PledgeStatus Status { get; set; }
    public List<StatusChange> StatusHistory { get; set; } = [];
    public List<ProgressNote> Progress { get; set; } = [];
    public List<FollowUpLine> FollowUps { get; set; } = [];
    public List<Assessment> Assessments { get; set; } = [];
    public List<CorrectionView> Corrections { get; set; } = [];
    /// <summary>Every later interaction that restated this commitment, oldest first; each keeps its own marking.</summary>
    public List<Reaffirmation> Reaffirmations { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
}

public sealed record StatusChange(PledgeStatus Status, DateOnly On, string Note, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record Reaffirmation(Guid InteractionId, string By, string? To, string Text, DateOnly On, Classification Classification, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record ProgressNote(string Note, DateOnly AsOf, DateTimeOffset RecordedAt, string? RecordedBy);

public sealed record Assessment(Guid AssessmentId, int Score, string Rationale, string? Evidence, DateOnly AssessedOn, DateTimeOffset RecordedAt, string? RecordedBy)
{
    /// <summary>The G7 Research Group percentage: (score + 1) / 2 × 100.</summary>
    public int Percent => (Score + 1) * 50;
}

public sealed class FollowUpLine
{
    public Guid FollowUpId { get; set; }
    public string Action { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly Due { get; set; }
    public FollowUpStatus Status { get; set; }
    public string? Outcome { get; set; }
}

public sealed partial class PledgeRegisterProjection : SingleStreamProjection<PledgeRegister, Guid>
{
    /// <summary>
    /// Explicit dispatch rather than conventions: follow-up events also occur in interaction streams, and a
    /// convention-based projection would conjure an empty pledge document for them. Here only a stream that
    /// starts with <see cref="PledgeMade"/> makes a document. Live, rebuild and time-travel replays all use this.
    /// </summary>
    public PledgeRegisterProjection()
    {
        // With an explicit Evolve the projection must say which events it reads, or it is fed every event.
        foreach (var type in EventCatalogue.Of<IPledgeEvent>())
        {
            IncludeType(type);
        }
    }

    public override PledgeRegister? Evolve(PledgeRegister? snapshot, Guid id, IEvent e)
    {
        if (e is IEvent<PledgeMade> made)
        {
            return Start(made);
        }

        switch (snapshot is null ? null : e)
        {
            case null: return null;
            case IEvent<PledgeProgressNoted> x: On(x, snapshot!); break;
            case { Data: IPledgeOutcome outcome }: Settle(e, outcome, snapshot!); break;
            case IEvent<PledgeRetracted> x: On(x, snapshot!); break;
            case IEvent<ComplianceAssessed> x: On(x, snapshot!); break;
            case IEvent<PledgeCorrected> x: On(x, snapshot!); break;
            case IEvent<PledgeReaffirmed> x: On(x, snapshot!); break;
            case IEvent<FollowUpScheduled> x: On(x.Data, snapshot!); break;
            case IEvent<FollowUpCompleted> x: On(x.Data, snapshot!); break;
            case IEvent<FollowUpCancelled> x: On(x.Data, snapshot!); break;
        }

        return snapshot;
    }

    private static PledgeRegister Start(IEvent<PledgeMade> e) => new()
    {
        Id = e.Data.PledgeId,
        InteractionId = e.Data.InteractionId,
        By = e.Data.By,
        To = e.Data.To,
        Kind = e.Data.Kind,
        Text = e.Data.Text,
        Topic = e.Data.Topic,
        Due = e.Data.Due,
        MadeOn = e.Data.MadeOn,
        Relationships = [.. e.Data.Relationships],
        Classification = e.Data.Classification,
        CameoCodes = [.. e.Data.CameoCodes],
        Status = PledgeStatus.Open,
        StatusHistory = [new StatusChange(PledgeStatus.Open, e.Data.MadeOn, "made", e.RecordedAt(), e.UserName)],
        RecordedAt = e.RecordedAt(),
        RecordedBy = e.UserName,
    };

    private static void On(IEvent<PledgeProgressNoted> e, PledgeRegister view) =>
        view.Progress.Add(new ProgressNote(e.Data.Note, e.Data.AsOf, e.RecordedAt(), e.UserName));

    private static void On(IEvent<PledgeReaffirmed> e, PledgeRegister view) =>
        view.Reaffirmations.Add(new Reaffirmation(e.Data.InteractionId, e.Data.By, e.Data.To, e.Data.Text, e.Data.ReaffirmedOn, e.Data.Classification, e.RecordedAt(), e.UserName));

    private static void On(IEvent<PledgeRetracted> e, PledgeRegister view)
    {
        view.Status = PledgeStatus.Retracted;
        view.StatusHistory.Add(new StatusChange(PledgeStatus.Retracted, DateOnly.FromDateTime(e.RecordedAt().UtcDateTime), e.Data.Reason, e.RecordedAt(), e.UserName));
    }

    private static void On(IEvent<ComplianceAssessed> e, PledgeRegister view) =>
        view.Assessments.Add(new Assessment(e.Data.AssessmentId, e.Data.Score, e.Data.Rationale, e.Data.Evidence, e.Data.AssessedOn, e.RecordedAt(), e.UserName));

    private static void On(IEvent<PledgeCorrected> e, PledgeRegister view)
    {
        var c = e.Data;
        var patch = c.Patch();
        view.Corrections.Add(new CorrectionView(c.PledgeId, c.Field, c.Was, c.Now, c.Reason, e.RecordedAt(), e.UserName, view.Classification));
        view.Text = patch.Text ?? view.Text;
        view.Topic = patch.Topic ?? view.Topic;
        view.Kind = patch.Kind ?? view.Kind;
        view.Due = patch.DueOr(view.Due);
        if (patch.Status is { } status)
        {
            view.Status = status;
            view.StatusHistory.Add(new StatusChange(status, DateOnly.FromDateTime(e.RecordedAt().UtcDateTime), "corrected: " + c.Reason, e.RecordedAt(), e.UserName));
        }
    }

    private static void On(FollowUpScheduled e, PledgeRegister view) => view.FollowUps.Add(new FollowUpLine
    {
        FollowUpId = e.FollowUpId,
        Action = e.Action,
        Owner = e.Owner,
        Due = e.Due,
        Status = FollowUpStatus.Open,
    });

    private static void On(FollowUpCompleted e, PledgeRegister view)
    {
        var line = view.FollowUps.Single(f => f.FollowUpId == e.FollowUpId);
        line.Status = FollowUpStatus.Completed;
        line.Outcome = e.Outcome;
    }

    private static void On(FollowUpCancelled e, PledgeRegister view)
    {
        var line = view.FollowUps.Single(f => f.FollowUpId == e.FollowUpId);
        line.Status = FollowUpStatus.Cancelled;
        line.Outcome = e.Reason;
    }

    private static void Settle(IEvent e, IPledgeOutcome outcome, PledgeRegister view)
    {
        view.Status = outcome.Status;
        view.StatusHistory.Add(new StatusChange(outcome.Status, outcome.On, outcome.Note, e.RecordedAt(), e.UserName));
    }
}
