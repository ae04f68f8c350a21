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
    bool Retracted) : IStreamState<Interaction>
{
    public static string Noun => "interaction";

    public static Interaction Start(InteractionLogged e) =>
        new(e.InteractionId, e.Kind, e.Occurred, e.Summary, e.Parties, e.Relationships, e.Classification,
            ImmutableDictionary<Guid, StatementState>.Empty, FollowUpBook.Empty, Retracted: false);

    /// <summary>The one fold of an interaction stream, used by the store and by the tests: the first event starts the
    /// state; before it there is none (a stream of another type), so every later event leaves it null.</summary>
    public static Interaction? Fold(Interaction? state, object e) =>
        e is InteractionLogged logged ? Start(logged) : state?.Evolve(e);

    /// <summary>The state after one more event of the stream. Events no decision depends on leave it as it is; an event
    /// of another stream's vocabulary is a bug, never silently ignored.</summary>
    public Interaction Evolve(object e) => e switch
    {
        StatementRecorded x => Evolve(x),
        InteractionEntryCorrected x => Evolve(x),
        StatementRetracted x => Evolve(x),
        InteractionRetracted x => this with { Retracted = x.InteractionId == Id || Retracted },
        IFollowUpEvent x => this with { FollowUps = FollowUps.Apply(x) },
        IInteractionEvent => this,
        _ => throw new ArgumentException($"{e.GetType().Name} is not an interaction event", nameof(e)),
    };

    /// <summary>The interaction as one actor may know it: statements above their clearance left out, so deciding
    /// on their behalf can neither touch nor reveal them.</summary>
    public Interaction Within(Classification clearance) =>
        Statements.Values.All(s => s.Classification <= clearance)
            ? this
            : this with { Statements = Statements.Where(s => s.Value.Classification <= clearance).ToImmutableDictionary() };

    private Interaction Evolve(StatementRecorded e) => this with
    {
        Statements = Statements.SetItem(e.StatementId,
            new StatementState(e.Speaker, e.Country, e.Text, string.Join(", ", e.Topics), Retracted: false, e.Classification)),
    };

    private Interaction Evolve(InteractionEntryCorrected e) => e.Patch() switch
    {
        { Statement: { } statement } => this with { Statements = Statements.SetItem(statement.StatementId, Correct(Statements[statement.StatementId], statement)) },
        var patch => this with
        {
            Summary = patch.Summary ?? Summary,
            Kind = patch.Kind ?? Kind,
            Occurred = patch.OccurredOn is { } date ? Occurred with { Date = date } : Occurred,
        },
    };

    private Interaction Evolve(StatementRetracted e) => this with
    {
        Statements = Statements.SetItem(e.StatementId, Statements[e.StatementId] with { Retracted = true }),
    };

    private static StatementState Correct(StatementState statement, StatementPatch patch) => statement with
    {
        Text = patch.Text ?? statement.Text,
        Speaker = patch.Speaker ?? statement.Speaker,
        Topics = patch.Topics is { } topics ? string.Join(", ", topics) : statement.Topics,
    };
}
