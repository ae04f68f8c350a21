using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;
using JasperFx.Events;
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

    /// <summary>The pledges reaffirmed in a later interaction, each with the lowest marking of any of its
    /// reaffirmations: a reader counts those they may see.</summary>
    public Dictionary<Guid, Classification> Reaffirmed { get; set; } = [];

    public const int RecentContactsKept = 3;
}

public sealed record ContactLine(InteractionKind Kind, DateOnly OccurredOn, string Summary, Classification Classification);

public sealed record PledgeLine(string By, string? To, CommitmentKind Kind, string Text, string Topic, DateOnly? Due, PledgeStatus Status, Classification Classification);

public sealed record StatementLine(Guid InteractionId, string Speaker, string Country, string Text, Classification Classification);

public sealed record FollowUpLine(Guid? PledgeId, string Action, string Owner, DateOnly Due, Classification Classification);

/// <summary>One rule routes events to ledgers: every event goes to each relationship it counts towards
/// (<see cref="IRelationshipEvent"/>). Live, rebuild, checkpoints and time-travel replays all run this <see cref="Evolve"/>.</summary>
public sealed partial class RelationshipLedgerProjection : MultiStreamProjection<RelationshipLedger, string>
{
    public RelationshipLedgerProjection()
    {
        Identities<IRelationshipEvent>(e => e.Relationships);
        foreach (var type in EventCatalogue.Types.Where(typeof(IRelationshipEvent).IsAssignableFrom))
        {
            IncludeType(type);
        }
    }

    /// <summary>The ledgers an event goes to: the identity rule above, for replays.</summary>
    public static IReadOnlyList<string> KeysOf(object data) => data is IRelationshipEvent e ? e.Relationships : [];

    public override RelationshipLedger? Evolve(RelationshipLedger? snapshot, string id, IEvent e)
    {
        var ledger = snapshot ?? new RelationshipLedger { Id = id };
        switch (e.Data)
        {
            case InteractionLogged x: On(x, ledger); break;
            case StatementRecorded x: On(x, ledger); break;
            case InteractionEntryCorrected x: On(x, ledger); break;
            case StatementRetracted x: On(x, ledger); break;
            case InteractionRetracted x: On(x, ledger); break;
            case PledgeMade x: On(x, ledger); break;
            case IPledgeOutcome x: SetStatus(ledger, x); break;
            case PledgeCorrected x: On(x, ledger); break;
            case PledgeRetracted x: On(x, ledger); break;
            case PledgeReaffirmed x: ledger.Reaffirmed[x.PledgeId] = Lowest(ledger.Reaffirmed, x.PledgeId, x.Classification); break;
            case FollowUpScheduled x: ledger.OpenFollowUps[x.FollowUpId] = new FollowUpLine(x.PledgeId, x.Action, x.Owner, x.Due, x.Classification); break;
            case FollowUpCompleted x: ledger.OpenFollowUps.Remove(x.FollowUpId); break;
            case FollowUpCancelled x: ledger.OpenFollowUps.Remove(x.FollowUpId); break;
            default: return snapshot;
        }

        return ledger;
    }

    private static void On(InteractionLogged e, RelationshipLedger ledger)
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

    private static void On(StatementRecorded e, RelationshipLedger ledger)
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

    private static void On(InteractionEntryCorrected e, RelationshipLedger ledger)
    {
        var patch = e.Patch();
        if (patch.Statement is { } statement)
        {
            CorrectStatement(ledger, statement);
        }
        else if (ledger.Interactions.TryGetValue(e.InteractionId, out var contact))
        {
            ledger.Interactions[e.InteractionId] = contact with
            {
                Summary = patch.Summary ?? contact.Summary,
                Kind = patch.Kind ?? contact.Kind,
                OccurredOn = patch.OccurredOn ?? contact.OccurredOn,
            };
        }
    }

    private static void On(StatementRetracted e, RelationshipLedger ledger)
    {
        ledger.TopicsByEntry.Remove(e.StatementId);
        ledger.Statements.Remove(e.StatementId);
    }

    private static void On(InteractionRetracted e, RelationshipLedger ledger)
    {
        ledger.Interactions.Remove(e.InteractionId);
        ledger.RecentContacts.Remove(e.InteractionId);
        foreach (var statementId in ledger.Statements.Where(s => s.Value.InteractionId == e.InteractionId).Select(s => s.Key).ToArray())
        {
            ledger.Statements.Remove(statementId);
            ledger.TopicsByEntry.Remove(statementId);
        }
    }

    private static void On(PledgeMade e, RelationshipLedger ledger)
    {
        ledger.Pledges[e.PledgeId] = new PledgeLine(e.By, e.To, e.Kind, e.Text, e.Topic, e.Due, PledgeStatus.Open, e.Classification);
        if (e.Topic.Length > 0)
        {
            ledger.TopicsByEntry[e.PledgeId] = [e.Topic];
        }
    }

    private static Classification Lowest(Dictionary<Guid, Classification> markings, Guid id, Classification marking) =>
        markings.TryGetValue(id, out var known) && known < marking ? known : marking;

    private static void On(PledgeRetracted e, RelationshipLedger ledger)
    {
        ledger.Pledges.Remove(e.PledgeId);
        ledger.Reaffirmed.Remove(e.PledgeId);
        ledger.TopicsByEntry.Remove(e.PledgeId);
    }

    private static void On(PledgeCorrected e, RelationshipLedger ledger)
    {
        if (!ledger.Pledges.TryGetValue(e.PledgeId, out var line))
        {
            return;
        }

        var patch = e.Patch();
        ledger.Pledges[e.PledgeId] = line with
        {
            Text = patch.Text ?? line.Text,
            Topic = patch.Topic ?? line.Topic,
            Kind = patch.Kind ?? line.Kind,
            Due = patch.DueOr(line.Due),
            Status = patch.Status ?? line.Status,
        };
        if (patch.Topic is { } topic)
        {
            ledger.TopicsByEntry[e.PledgeId] = [topic];
        }
    }

    private static void RememberTopics(RelationshipLedger ledger, IEnumerable<string> topics, Classification marking)
    {
        foreach (var topic in topics)
        {
            ledger.EarlierTopics[topic] = ledger.EarlierTopics.TryGetValue(topic, out var known) && known < marking ? known : marking;
        }
    }

    private static void CorrectStatement(RelationshipLedger ledger, StatementPatch patch)
    {
        if (patch.Topics is { } topics)
        {
            ledger.TopicsByEntry[patch.StatementId] = [.. topics];
        }
        else if (ledger.Statements.TryGetValue(patch.StatementId, out var line))
        {
            ledger.Statements[patch.StatementId] = line with { Text = patch.Text ?? line.Text, Speaker = patch.Speaker ?? line.Speaker };
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
