using System.Collections.Immutable;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Interactions;

public sealed record StatementState(string Speaker, string Country, string Text, string Topics, bool Retracted, Classification Classification);

/// <summary>Write-side state of an interaction stream: only what decisions need.</summary>
public sealed record Interaction(
    Guid Id,
    InteractionKind Kind,
    OccurredAt Occurred,
    string Summary,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Relationships,
    Classification Classification,
    ImmutableDictionary<Guid, StatementState> Statements,
    FollowUpBook FollowUps,
    bool Retracted)
{
    public static Interaction Start(InteractionLogged e) =>
        new(e.InteractionId, e.Kind, e.Occurred, e.Summary, e.Parties, e.Relationships, e.Classification,
            ImmutableDictionary<Guid, StatementState>.Empty, FollowUpBook.Empty, Retracted: false);

    /// <summary>The interaction as one actor may know it: statements above their clearance left out, so deciding
    /// on their behalf can neither touch nor reveal them.</summary>
    public Interaction Within(Classification clearance) =>
        Statements.Values.All(s => s.Classification <= clearance)
            ? this
            : this with { Statements = Statements.Where(s => s.Value.Classification <= clearance).ToImmutableDictionary() };

    public Interaction Evolve(StatementRecorded e) => this with
    {
        Statements = Statements.SetItem(e.StatementId,
            new StatementState(e.Speaker, e.Country, e.Text, string.Join(", ", e.Topics), Retracted: false, e.Classification)),
    };

    public Interaction Evolve(InteractionEntryCorrected e) => e.StatementId is { } statementId
        ? this with { Statements = Statements.SetItem(statementId, CorrectStatement(Statements[statementId], e.Field, e.Now)) }
        : e.Field switch
        {
            InteractionFields.Summary => this with { Summary = e.Now },
            InteractionFields.Kind => this with { Kind = Enum.Parse<InteractionKind>(e.Now) },
            InteractionFields.OccurredOn => this with { Occurred = Occurred with { Date = DateOnly.Parse(e.Now, System.Globalization.CultureInfo.InvariantCulture) } },
            _ => this,
        };

    public Interaction Evolve(StatementRetracted e) => this with
    {
        Statements = Statements.SetItem(e.StatementId, Statements[e.StatementId] with { Retracted = true }),
    };

    public Interaction Evolve(InteractionRetracted e) => this with { Retracted = e.InteractionId == Id || Retracted };

    public Interaction Evolve(FollowUpScheduled e) => this with { FollowUps = FollowUps.Apply(e) };

    public Interaction Evolve(FollowUpCompleted e) => this with { FollowUps = FollowUps.Apply(e) };

    public Interaction Evolve(FollowUpCancelled e) => this with { FollowUps = FollowUps.Apply(e) };

    private static StatementState CorrectStatement(StatementState statement, string field, string now) => field switch
    {
        InteractionFields.Text => statement with { Text = now },
        InteractionFields.Speaker => statement with { Speaker = now },
        InteractionFields.Topics => statement with { Topics = now },
        _ => statement,
    };
}

/// <summary>The names of the fields a correction may target, as they appear in events and on the command line.</summary>
public static class InteractionFields
{
    public const string Summary = "summary";
    public const string Kind = "kind";
    public const string OccurredOn = "occurred_on";
    public const string Text = "text";
    public const string Speaker = "speaker";
    public const string Topics = "topics";

    public static readonly IReadOnlyList<string> OfInteraction = [Summary, Kind, OccurredOn];
    public static readonly IReadOnlyList<string> OfStatement = [Text, Speaker, Topics];
}
