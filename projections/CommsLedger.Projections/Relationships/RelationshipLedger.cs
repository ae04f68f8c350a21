using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using Marten.Events.Projections;

namespace CommsLedger.Projections.Relationships;

/// <summary>Everything between one pair of parties ("CN-PE"): contacts, pledges by each side, open follow-ups, topics.
/// It holds lines, not counts: counts and "overdue" are derived when read, so they can never drift.</summary>
public sealed class RelationshipLedger
{
    public string Id { get; set; } = "";
    public Dictionary<Guid, ContactLine> Interactions { get; set; } = [];
    public Dictionary<Guid, PledgeLine> Pledges { get; set; } = [];
    public Dictionary<Guid, FollowUpLine> OpenFollowUps { get; set; } = [];
    /// <summary>The statements of the <see cref="RecentContactsKept"/> most recently logged contacts of each marking
    /// only, so the document stays small however long the relationship grows (the interaction records keep every
    /// statement). Per marking, so that whoever reads it finds the statements of the latest contacts they may see,
    /// and contacts above their clearance cannot push those out (which would tell them such contacts were logged).</summary>
    public Dictionary<Guid, StatementLine> Statements { get; set; } = [];

    /// <summary>The interactions whose statements are kept, oldest first.</summary>
    public List<Guid> RecentContacts { get; set; } = [];

    /// <summary>Topics per kept entry (recent statement or pledge id), so a retraction removes exactly its own.</summary>
    public Dictionary<Guid, List<string>> TopicsByEntry { get; set; } = [];

    /// <summary>Topics of statements no longer kept, with the lowest marking of any statement that raised them.</summary>
    public Dictionary<string, Classification> EarlierTopics { get; set; } = [];

    public const int RecentContactsKept = 3;
}

public sealed record ContactLine(InteractionKind Kind, DateOnly OccurredOn, string Summary, Classification Classification);

public sealed record PledgeLine(string By, string? To, CommitmentKind Kind, string Text, string Topic, DateOnly? Due, PledgeStatus Status, Classification Classification);

public sealed record StatementLine(Guid InteractionId, string Speaker, string Country, string Text, Classification Classification);

public sealed record FollowUpLine(Guid? PledgeId, string Action, string Owner, DateOnly Due, Classification Classification);

public sealed partial class RelationshipLedgerProjection : MultiStreamProjection<RelationshipLedger, string>
{
    public RelationshipLedgerProjection()
    {
        Identities<InteractionLogged>(e => e.Relationships);
        Identities<StatementRecorded>(e => e.Relationships);
        Identities<InteractionEntryCorrected>(e => e.Relationships);
        Identities<StatementRetracted>(e => e.Relationships);
        Identities<InteractionRetracted>(e => e.Relationships);
        Identities<PledgeMade>(e => e.Relationships);
        Identities<PledgeFulfilled>(e => e.Relationships);
        Identities<PledgePartiallyFulfilled>(e => e.Relationships);
        Identities<PledgeBroken>(e => e.Relationships);
        Identities<PledgeWithdrawn>(e => e.Relationships);
        Identities<PledgeLapsed>(e => e.Relationships);
        Identities<PledgeCorrected>(e => e.Relationships);
        Identities<PledgeRetracted>(e => e.Relationships);
        Identities<FollowUpScheduled>(e => e.Relationships);
        Identities<FollowUpCompleted>(e => e.Relationships);
        Identities<FollowUpCancelled>(e => e.Relationships);
    }

    public static void Apply(InteractionLogged e, RelationshipLedger ledger)
    {
        ledger.Interactions[e.InteractionId] = new ContactLine(e.Kind, e.Occurred.Date, e.Summary, e.Classification);
        ledger.RecentContacts.Add(e.InteractionId);
        var sameMarking = ledger.RecentContacts.Where(id => ledger.Interactions[id].Classification == e.Classification).ToArray();
        foreach (var evicted in sameMarking.Take(sameMarking.Length - RelationshipLedger.RecentContactsKept))
        {
            ledger.RecentContacts.Remove(evicted);
            foreach (var (statementId, line) in ledger.Statements.Where(s => s.Value.InteractionId == evicted).ToArray())
            {
                RememberTopics(ledger, ledger.TopicsByEntry.GetValueOrDefault(statementId) ?? [], line.Classification);
                ledger.Statements.Remove(statementId);
                ledger.TopicsByEntry.Remove(statementId);
            }
        }
    }

    public static void Apply(StatementRecorded e, RelationshipLedger ledger)
    {
        if (!ledger.RecentContacts.Contains(e.InteractionId))
        {
            RememberTopics(ledger, e.Topics, e.Classification);
            return;
        }

        ledger.Statements[e.StatementId] = new StatementLine(e.InteractionId, e.Speaker, e.Country, e.Text, e.Classification);
        if (e.Topics.Count > 0)
        {
            ledger.TopicsByEntry[e.StatementId] = [.. e.Topics];
        }
    }

    public static void Apply(InteractionEntryCorrected e, RelationshipLedger ledger)
    {
        if (e.StatementId is { } statementId)
        {
            CorrectStatement(ledger, statementId, e.Field, e.Now);
        }
        else if (e.StatementId is null && ledger.Interactions.TryGetValue(e.InteractionId, out var contact))
        {
            ledger.Interactions[e.InteractionId] = e.Field switch
            {
                InteractionFields.Summary => contact with { Summary = e.Now },
                InteractionFields.Kind => contact with { Kind = Enum.Parse<InteractionKind>(e.Now) },
                InteractionFields.OccurredOn => contact with { OccurredOn = DateOnly.ParseExact(e.Now, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                _ => contact,
            };
        }
    }

    public static void Apply(StatementRetracted e, RelationshipLedger ledger)
    {
        ledger.TopicsByEntry.Remove(e.StatementId);
        ledger.Statements.Remove(e.StatementId);
    }

    public static void Apply(InteractionRetracted e, RelationshipLedger ledger)
    {
        ledger.Interactions.Remove(e.InteractionId);
        ledger.RecentContacts.Remove(e.InteractionId);
        foreach (var statementId in ledger.Statements.Where(s => s.Value.InteractionId == e.InteractionId).Select(s => s.Key).ToArray())
        {
            ledger.Statements.Remove(statementId);
            ledger.TopicsByEntry.Remove(statementId);
        }
    }

    public static void Apply(PledgeMade e, RelationshipLedger ledger)
    {
        ledger.Pledges[e.PledgeId] = new PledgeLine(e.By, e.To, e.Kind, e.Text, e.Topic, e.Due, PledgeStatus.Open, e.Classification);
        if (e.Topic.Length > 0)
        {
            ledger.TopicsByEntry[e.PledgeId] = [e.Topic];
        }
    }

    public static void Apply(PledgeFulfilled e, RelationshipLedger ledger) => SetStatus(ledger, e);

    public static void Apply(PledgePartiallyFulfilled e, RelationshipLedger ledger) => SetStatus(ledger, e);

    public static void Apply(PledgeBroken e, RelationshipLedger ledger) => SetStatus(ledger, e);

    public static void Apply(PledgeWithdrawn e, RelationshipLedger ledger) => SetStatus(ledger, e);

    public static void Apply(PledgeLapsed e, RelationshipLedger ledger) => SetStatus(ledger, e);

    public static void Apply(PledgeRetracted e, RelationshipLedger ledger)
    {
        ledger.Pledges.Remove(e.PledgeId);
        ledger.TopicsByEntry.Remove(e.PledgeId);
    }

    public static void Apply(PledgeCorrected e, RelationshipLedger ledger)
    {
        if (!ledger.Pledges.TryGetValue(e.PledgeId, out var line))
        {
            return;
        }

        ledger.Pledges[e.PledgeId] = e.Field switch
        {
            PledgeFields.Text => line with { Text = e.Now },
            PledgeFields.Topic => line with { Topic = e.Now },
            PledgeFields.Kind => line with { Kind = Enum.Parse<CommitmentKind>(e.Now, ignoreCase: true) },
            PledgeFields.Due => line with { Due = e.Now.Length == 0 ? null : DateOnly.ParseExact(e.Now, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            PledgeFields.Status => line with { Status = Enum.Parse<PledgeStatus>(e.Now, ignoreCase: true) },
            _ => line,
        };
        if (e.Field == PledgeFields.Topic)
        {
            ledger.TopicsByEntry[e.PledgeId] = [e.Now];
        }
    }

    public static void Apply(FollowUpScheduled e, RelationshipLedger ledger) =>
        ledger.OpenFollowUps[e.FollowUpId] = new FollowUpLine(e.PledgeId, e.Action, e.Owner, e.Due, e.Classification);

    public static void Apply(FollowUpCompleted e, RelationshipLedger ledger) => ledger.OpenFollowUps.Remove(e.FollowUpId);

    public static void Apply(FollowUpCancelled e, RelationshipLedger ledger) => ledger.OpenFollowUps.Remove(e.FollowUpId);

    private static void RememberTopics(RelationshipLedger ledger, IEnumerable<string> topics, Classification marking)
    {
        foreach (var topic in topics)
        {
            ledger.EarlierTopics[topic] = ledger.EarlierTopics.TryGetValue(topic, out var known) && known < marking ? known : marking;
        }
    }

    private static void CorrectStatement(RelationshipLedger ledger, Guid statementId, string field, string now)
    {
        if (field == InteractionFields.Topics)
        {
            ledger.TopicsByEntry[statementId] = [.. now.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }
        else if (ledger.Statements.TryGetValue(statementId, out var line))
        {
            ledger.Statements[statementId] = field switch
            {
                InteractionFields.Text => line with { Text = now },
                InteractionFields.Speaker => line with { Speaker = now },
                _ => line,
            };
        }
    }

    private static void SetStatus(RelationshipLedger ledger, IPledgeOutcome outcome)
    {
        if (ledger.Pledges.TryGetValue(outcome.PledgeId, out var line))
        {
            ledger.Pledges[outcome.PledgeId] = line with { Status = outcome.Status };
        }
    }
}
