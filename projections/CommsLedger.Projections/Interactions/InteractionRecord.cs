using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CommsLedger.Projections.Interactions;

/// <summary>One interaction as it now stands: statements and commitments, corrections applied, and every
/// correction kept beside it with what it replaced.</summary>
public sealed class InteractionRecord
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public InteractionKind Kind { get; set; }
    public OccurredAt Occurred { get; set; } = new(default);
    public List<Participant> Participants { get; set; } = [];
    public List<string> Parties { get; set; } = [];
    public List<string> Relationships { get; set; } = [];
    public string Summary { get; set; } = "";
    public SourceReference? Source { get; set; }
    public Classification Classification { get; set; }
    public List<string> CameoCodes { get; set; } = [];
    public List<StatementView> Statements { get; set; } = [];
    public List<CommitmentView> Commitments { get; set; } = [];
    public List<CorrectionView> Corrections { get; set; } = [];
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedBy { get; set; }
    public string? RetractionReason { get; set; }
    public bool Retracted => RetractionReason is not null;
}

public sealed class StatementView
{
    public Guid StatementId { get; set; }
    public string Speaker { get; set; } = "";
    public string Country { get; set; } = "";
    public string Text { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public Classification Classification { get; set; }
    public string? RetractionReason { get; set; }
}

public sealed record CommitmentView(Guid PledgeId, string By, string? To, string Text, Classification Classification);

/// <summary>A correction as a reviewer reads it: which entry, which field, what it replaced, who, when, why.</summary>
public sealed record CorrectionView(Guid? EntryId, string Field, string Was, string Now, string Reason, DateTimeOffset RecordedAt, string? RecordedBy, Classification Classification);

/// <summary>Explicit dispatch, like <c>PledgeRegisterProjection</c>: only a stream that starts with
/// <see cref="InteractionLogged"/> makes a document. Live, rebuild and time-travel replays all run this <see cref="Evolve"/>.</summary>
public sealed partial class InteractionRecordProjection : SingleStreamProjection<InteractionRecord, Guid>
{
    public InteractionRecordProjection()
    {
        // With an explicit Evolve the projection must say which events it reads, or it is fed every event.
        foreach (var type in EventCatalogue.Of<IInteractionEvent>())
        {
            IncludeType(type);
        }
    }

    public override InteractionRecord? Evolve(InteractionRecord? snapshot, Guid id, IEvent e)
    {
        if (e is IEvent<InteractionLogged> logged)
        {
            return Start(logged);
        }

        switch (snapshot is null ? null : e.Data)
        {
            case null: return null;
            case StatementRecorded x: On(x, snapshot!); break;
            case CommitmentRecorded x: On(x, snapshot!); break;
            case InteractionEntryCorrected x: On(e, x, snapshot!); break;
            case StatementRetracted x: snapshot!.Statements.Single(s => s.StatementId == x.StatementId).RetractionReason = x.Reason; break;
            case InteractionRetracted x: snapshot!.RetractionReason = x.Reason; break;
        }

        return snapshot;
    }

    private static InteractionRecord Start(IEvent<InteractionLogged> e) => new()
    {
        Id = e.Data.InteractionId,
        Kind = e.Data.Kind,
        Occurred = e.Data.Occurred,
        Participants = [.. e.Data.Participants],
        Parties = [.. e.Data.Parties],
        Relationships = [.. e.Data.Relationships],
        Summary = e.Data.Summary,
        Source = e.Data.Source,
        Classification = e.Data.Classification,
        CameoCodes = [.. e.Data.CameoCodes],
        RecordedAt = e.RecordedAt(),
        RecordedBy = e.UserName,
    };

    private static void On(StatementRecorded e, InteractionRecord view) => view.Statements.Add(new StatementView
    {
        StatementId = e.StatementId,
        Speaker = e.Speaker,
        Country = e.Country,
        Text = e.Text,
        Topics = [.. e.Topics],
        Classification = e.Classification,
    });

    private static void On(CommitmentRecorded e, InteractionRecord view) =>
        view.Commitments.Add(new CommitmentView(e.PledgeId, e.By, e.To, e.Text, e.Classification));

    private static void On(IEvent e, InteractionEntryCorrected c, InteractionRecord view)
    {
        view.Corrections.Add(new CorrectionView(c.StatementId ?? c.InteractionId, c.Field, c.Was, c.Now, c.Reason, e.RecordedAt(), e.UserName, c.Classification));
        var patch = c.Patch();
        if (patch.Statement is { } corrected)
        {
            var statement = view.Statements.Single(s => s.StatementId == corrected.StatementId);
            statement.Text = corrected.Text ?? statement.Text;
            statement.Speaker = corrected.Speaker ?? statement.Speaker;
            statement.Topics = corrected.Topics is { } topics ? [.. topics] : statement.Topics;
            return;
        }

        view.Summary = patch.Summary ?? view.Summary;
        view.Kind = patch.Kind ?? view.Kind;
        view.Occurred = patch.OccurredOn is { } date ? view.Occurred with { Date = date } : view.Occurred;
    }
}
