using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

public enum InteractionKind
{
    PhoneCall,
    VideoCall,
    Meeting,
    Visit,
    Letter,
    JointStatement,
}

public sealed record Participant(string Name, string Title, string Country);

/// <summary>The vocabulary of an interaction stream: every event that may be appended to one.</summary>
public interface IInteractionEvent;

/// <summary>The first event of an interaction stream. Later events repeat <paramref name="Relationships"/> so
/// per-relationship read models need no look-ups. <paramref name="Parties"/> are the sorted distinct
/// countries of the participants; <paramref name="Relationships"/> every pair among them.</summary>
[StoredAs("interaction_logged.v1")]
public sealed record InteractionLogged(
    Guid InteractionId,
    InteractionKind Kind,
    OccurredAt Occurred,
    IReadOnlyList<Participant> Participants,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Relationships,
    string Summary,
    SourceReference? Source,
    Classification Classification,
    IReadOnlyList<string> CameoCodes) : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.StartsEntryOn(Occurred.Date);

    public HistoryLine Describe() =>
        new($"{Kind} logged: {string.Join(", ", Participants.Select(p => $"{p.Name} ({p.Country})"))} — {Summary}");
}

[StoredAs("statement_recorded.v1")]
public sealed record StatementRecorded(
    Guid InteractionId,
    Guid StatementId,
    string Speaker,
    string Country,
    string Text,
    IReadOnlyList<string> Topics,
    Classification Classification,
    IReadOnlyList<string> Relationships) : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"statement by {Speaker} ({Country}): {Text}");
}

/// <summary>The interaction made a commitment; the commitment's own life is in pledge stream <paramref name="PledgeId"/>.</summary>
[StoredAs("commitment_recorded.v1")]
public sealed record CommitmentRecorded(
    Guid InteractionId,
    Guid PledgeId,
    string By,
    string? To,
    string Text,
    Classification Classification) : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    /// <summary>None of its own: the pledge stream's <c>PledgeMade</c>, appended with it, counts towards the pledge's pairs.</summary>
    IReadOnlyList<string> IRelationshipEvent.Relationships => [];

    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"commitment by {By}{Wording.To(To)} recorded: {Text}");
}

/// <summary>A field of the interaction or of one of its statements was wrong; <paramref name="Was"/> is what it replaces.
/// <paramref name="Classification"/> is that of the entry corrected, since the correction repeats its content.</summary>
[StoredAs("interaction_entry_corrected.v1")]
public sealed record InteractionEntryCorrected(
    Guid InteractionId,
    Guid? StatementId,
    string Field,
    string Was,
    string Now,
    string Reason,
    IReadOnlyList<string> Relationships,
    Classification Classification) : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() =>
        new($"{(StatementId is null ? "interaction" : "statement")} {Field} corrected to '{Now}' ({Reason})", $"{Field} was '{Was}'");

    /// <summary>What the correction changes, typed (<see cref="InteractionCorrections"/>).</summary>
    public InteractionPatch Patch() => InteractionCorrections.Read(StatementId, Field, Now);
}

/// <summary>A statement should never have been recorded. It stays in the stream, marked retracted.</summary>
[StoredAs("statement_retracted.v1")]
public sealed record StatementRetracted(Guid InteractionId, Guid StatementId, string Reason, IReadOnlyList<string> Relationships, Classification Classification)
    : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent, IClassifiedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"statement {StatementId} retracted ({Reason})", $"statement {StatementId}");
}

/// <summary>The whole interaction was recorded in error.</summary>
[StoredAs("interaction_retracted.v1")]
public sealed record InteractionRetracted(Guid InteractionId, string Reason, IReadOnlyList<string> Relationships)
    : IInteractionEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
{
    public Occurrence WhenOccurred() => Occurrence.WithItsEntry;

    public HistoryLine Describe() => new($"interaction retracted ({Reason})", $"interaction {InteractionId}");
}
