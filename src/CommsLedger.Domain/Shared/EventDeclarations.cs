namespace CommsLedger.Domain.Shared;

/// <summary>
/// The name an event is stored under, pinned and versioned so renaming a CLR type never orphans history: a new
/// shape of an event gets a new name (".v2") and an upcaster, never an edit of a name already stored.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoredAsAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The relationship keys ("CN-PE") an event counts towards, carried by the event itself so that
/// per-relationship read models need no look-ups. Empty when it counts towards none of its own.</summary>
public interface IRelationshipEvent
{
    IReadOnlyList<string> Relationships { get; }
}

/// <summary>When the fact behind an event occurred in the world (see <see cref="Occurrence"/>).</summary>
public interface IDatedEvent
{
    Occurrence WhenOccurred();
}

/// <summary>How a relationship's history words an event.</summary>
public interface IDescribedEvent
{
    HistoryLine Describe();
}

/// <summary>An event carrying its own portion marking (an event without one takes its stream's).</summary>
public interface IClassifiedEvent
{
    Classification Classification { get; }
}

/// <summary>What an event recorded, in words, and what a correction or retraction replaced.</summary>
public sealed record HistoryLine(string What, string? Replaces = null);

public enum OccurrenceRule
{
    /// <summary>It starts an entry (an interaction, a pledge) that occurred on <see cref="Occurrence.Date"/>;
    /// the later facts of its stream that carry no date of their own take that date.</summary>
    StartsEntry,

    /// <summary>It carries its own date (an outcome, a completion, an assessment).</summary>
    OnItsDate,

    /// <summary>It records or fixes a fact of its entry (a statement, a correction, a retraction), so it takes the
    /// date of the entry.</summary>
    WithItsEntry,

    /// <summary>It is our own act (scheduling, cancelling), which occurred when it was recorded.</summary>
    WhenRecorded,
}

/// <summary>The occurred-date rule of one event (the second axis of time travel, see DOMAIN.md).</summary>
public sealed record Occurrence(OccurrenceRule Rule, DateOnly? Date = null)
{
    public static readonly Occurrence WithItsEntry = new(OccurrenceRule.WithItsEntry);
    public static readonly Occurrence WhenRecorded = new(OccurrenceRule.WhenRecorded);

    public static Occurrence StartsEntryOn(DateOnly date) => new(OccurrenceRule.StartsEntry, date);

    public static Occurrence On(DateOnly date) => new(OccurrenceRule.OnItsDate, date);
}
