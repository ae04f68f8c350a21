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

/// <summary>The first event of an interaction stream. Later events repeat <paramref name="Relationships"/> so
/// per-relationship read models need no look-ups. <paramref name="Parties"/> are the sorted distinct
/// countries of the participants; <paramref name="Relationships"/> every pair among them.</summary>
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
    IReadOnlyList<string> CameoCodes);

public sealed record StatementRecorded(
    Guid InteractionId,
    Guid StatementId,
    string Speaker,
    string Country,
    string Text,
    IReadOnlyList<string> Topics,
    Classification Classification,
    IReadOnlyList<string> Relationships);

/// <summary>The interaction made a commitment; the commitment's own life is in pledge stream <paramref name="PledgeId"/>.</summary>
public sealed record CommitmentRecorded(
    Guid InteractionId,
    Guid PledgeId,
    string By,
    string? To,
    string Text,
    Classification Classification);

/// <summary>A field of the interaction or of one of its statements was wrong; <paramref name="Was"/> is what it replaces.
/// <paramref name="Classification"/> is that of the entry corrected, since the correction repeats its content.</summary>
public sealed record InteractionEntryCorrected(
    Guid InteractionId,
    Guid? StatementId,
    string Field,
    string Was,
    string Now,
    string Reason,
    IReadOnlyList<string> Relationships,
    Classification Classification);

/// <summary>A statement should never have been recorded. It stays in the stream, marked retracted.</summary>
public sealed record StatementRetracted(Guid InteractionId, Guid StatementId, string Reason, IReadOnlyList<string> Relationships, Classification Classification);

/// <summary>The whole interaction was recorded in error.</summary>
public sealed record InteractionRetracted(Guid InteractionId, string Reason, IReadOnlyList<string> Relationships);
