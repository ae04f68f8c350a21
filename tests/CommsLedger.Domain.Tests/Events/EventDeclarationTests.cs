using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Tests.Events;

/// <summary>Each event says once, on its record, what the rest of the ledger needs to know about it.</summary>
public class EventDeclarationTests
{
    /// <summary>The names events already stored carry. An entry here never changes or goes: events stored under it
    /// must still load. (A new event needs no line here: its own test pins what it adds.)</summary>
    private static readonly IReadOnlyDictionary<string, string> _pinned = new Dictionary<string, string>
    {
        ["InteractionLogged"] = "interaction_logged.v1",
        ["StatementRecorded"] = "statement_recorded.v1",
        ["CommitmentRecorded"] = "commitment_recorded.v1",
        ["InteractionEntryCorrected"] = "interaction_entry_corrected.v1",
        ["StatementRetracted"] = "statement_retracted.v1",
        ["InteractionRetracted"] = "interaction_retracted.v1",
        ["PledgeMade"] = "pledge_made.v1",
        ["PledgeProgressNoted"] = "pledge_progress_noted.v1",
        ["PledgeFulfilled"] = "pledge_fulfilled.v1",
        ["PledgePartiallyFulfilled"] = "pledge_partially_fulfilled.v1",
        ["PledgeBroken"] = "pledge_broken.v1",
        ["PledgeWithdrawn"] = "pledge_withdrawn.v1",
        ["PledgeLapsed"] = "pledge_lapsed.v1",
        ["ComplianceAssessed"] = "compliance_assessed.v1",
        ["PledgeCorrected"] = "pledge_corrected.v1",
        ["PledgeRetracted"] = "pledge_retracted.v1",
        ["FollowUpScheduled"] = "follow_up_scheduled.v1",
        ["FollowUpCompleted"] = "follow_up_completed.v1",
        ["FollowUpCancelled"] = "follow_up_cancelled.v1",
    };

    [Fact]
    public void every_event_declares_its_stored_name_relationships_occurred_date_and_history_wording()
    {
        var problems = EventCatalogue.Problems(EventCatalogue.Types);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void the_names_of_events_already_stored_never_change()
    {
        var stored = EventCatalogue.StoredNames.ToDictionary(kv => kv.Key.Name, kv => kv.Value);

        var changed = _pinned.Where(p => !stored.TryGetValue(p.Key, out var now) || now != p.Value)
            .Select(p => $"{p.Key} was stored as '{p.Value}', now {(stored.TryGetValue(p.Key, out var now) ? $"'{now}'" : "missing")}");
        Assert.True(!changed.Any(), string.Join(Environment.NewLine, changed));
    }

    [Fact]
    public void every_type_that_declares_anything_of_an_event_belongs_to_a_streams_vocabulary()
    {
        Type[] declarations = [typeof(IRelationshipEvent), typeof(IDatedEvent), typeof(IDescribedEvent), typeof(IClassifiedEvent)];
        var strays = typeof(EventCatalogue).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Where(t => t.IsDefined(typeof(StoredAsAttribute), false) || declarations.Any(d => d.IsAssignableFrom(t)))
            .Except(EventCatalogue.Types)
            .Select(t => t.Name);

        Assert.Empty(strays);
    }

    [Fact]
    public void an_event_that_forgets_a_declaration_is_named_with_what_it_forgot()
    {
        var problems = EventCatalogue.Problems([typeof(SomethingHappened)]);

        Assert.Equal(
        [
            "SomethingHappened declares no stored name ([StoredAs(\"name.v1\")])",
            "SomethingHappened declares no relationships (IRelationshipEvent)",
            "SomethingHappened declares no occurred date (IDatedEvent)",
            "SomethingHappened declares no history wording (IDescribedEvent)",
        ], problems);
    }

    [Fact]
    public void two_events_under_one_stored_name_are_refused()
    {
        var problems = EventCatalogue.Problems([typeof(PledgeMade), typeof(PledgeMadeAgain)]);

        Assert.Equal(["'pledge_made.v1' is the stored name of PledgeMade and PledgeMadeAgain"], problems);
    }

    [Fact]
    public void a_record_of_no_streams_vocabulary_has_no_stored_name()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => EventCatalogue.StoredNameOf(typeof(SomethingHappened)));

        Assert.Contains("SomethingHappened is not a ledger event", refused.Message, StringComparison.Ordinal);
    }

    private sealed record SomethingHappened(Guid InteractionId) : IInteractionEvent;

    [StoredAs("pledge_made.v1")]
    private sealed record PledgeMadeAgain(Guid PledgeId, IReadOnlyList<string> Relationships) : IPledgeEvent, IRelationshipEvent, IDatedEvent, IDescribedEvent
    {
        public Occurrence WhenOccurred() => Occurrence.WhenRecorded;

        public HistoryLine Describe() => new("again");
    }
}
