namespace CommsLedger.Application.Corrections;

/// <summary>What a correction or retraction targets. A statement lives in its interaction's stream.</summary>
public enum EntryKind
{
    Interaction,
    Statement,
    Pledge,
}
