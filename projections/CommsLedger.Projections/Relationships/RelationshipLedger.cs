using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Projections.Relationships;

/// <summary>
/// One pair of parties ("CN-PE"), bounded: counters and the few latest items, however long the relationship grows.
/// Its contacts, pledges and open follow-ups are rows of their own (<see cref="RelationshipRow"/>); the counters are
/// the sum of those rows, kept per marking (indexed by <see cref="Classification"/>) because every reader counts only
/// what their clearance admits. "Overdue" depends on the day, so it is never stored: it is an index range on the rows.
/// </summary>
public sealed class RelationshipLedger
{
    public const int RecentContactsKept = 3;

    public string Id { get; set; } = "";

    /// <summary>How many of the relationship's events the ledger has folded; each event's position in the relationship.</summary>
    public long Position { get; set; }

    /// <summary>The lowest marking of anything counted, null when nothing is: who may see the relationship at all.</summary>
    public Classification? Lowest { get; set; }

    public int[] Contacts { get; set; } = Tally.Empty();

    /// <summary>Contacts per year they occurred, per marking.</summary>
    public Dictionary<int, int[]> ContactsPerYear { get; set; } = [];

    /// <summary>Pledges per party that made them.</summary>
    public Dictionary<string, SideTally> Sides { get; set; } = [];

    public int[] OpenFollowUps { get; set; } = Tally.Empty();

    /// <summary>Pledges per topic, per marking.</summary>
    public Dictionary<string, int[]> PledgeTopics { get; set; } = [];

    /// <summary>The <see cref="RecentContactsKept"/> most recently logged contacts of each marking, oldest first: per
    /// marking, so that whoever reads finds the latest contacts they may see, and contacts above their clearance cannot
    /// push those out (which would tell them such contacts were logged).</summary>
    public List<RecentContact> RecentContacts { get; set; } = [];

    /// <summary>The statements of the <see cref="RecentContacts"/> only (the interaction records keep every statement).</summary>
    public Dictionary<Guid, StatementLine> Statements { get; set; } = [];

    /// <summary>Topics per kept statement, so a retraction removes exactly its own.</summary>
    public Dictionary<Guid, List<string>> StatementTopics { get; set; } = [];

    /// <summary>Topics of statements no longer kept, with the lowest marking of any statement that raised them.</summary>
    public Dictionary<string, Classification> EarlierTopics { get; set; } = [];

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (-1) what a row counts for.</summary>
    public void Count(RelationshipRow? row, int sign)
    {
        var marking = (int)(row?.Classification ?? default);
        switch (row)
        {
            case ContactRow contact:
                Contacts[marking] += sign;
                Tally.Add(ContactsPerYear, contact.OccurredOn.Year, marking, sign);
                break;
            case PledgeRow pledge:
                var side = Sides.TryGetValue(pledge.By, out var known) ? known : Sides[pledge.By] = new SideTally();
                side.ByStatus[(int)pledge.Status][marking] += sign;
                if (pledge.Reaffirmed is { } reaffirmed)
                {
                    side.Reaffirmed[Math.Max(marking, (int)reaffirmed)] += sign;
                }

                if (pledge.Topic.Length > 0)
                {
                    Tally.Add(PledgeTopics, pledge.Topic, marking, sign);
                }

                break;
            case FollowUpRow:
                OpenFollowUps[marking] += sign;
                break;
        }
    }

    /// <summary>What the event changes besides the rows: the latest contacts and their statements, topics, the lowest marking.</summary>
    public void Apply(object data)
    {
        switch (data)
        {
            case InteractionLogged x: Remember(new RecentContact(x.InteractionId, x.Occurred.Date, x.Classification)); break;
            case StatementRecorded x: On(x); break;
            case InteractionEntryCorrected x: On(x); break;
            case StatementRetracted x: Forget(x.StatementId); break;
            case InteractionRetracted x:
                RecentContacts.RemoveAll(c => c.InteractionId == x.InteractionId);
                foreach (var statement in Statements.Where(s => s.Value.InteractionId == x.InteractionId).Select(s => s.Key).ToArray())
                {
                    Forget(statement);
                }

                break;
        }

        Lowest = Enum.GetValues<Classification>().Cast<Classification?>().FirstOrDefault(m => Tally.Any((int)m!, Contacts, OpenFollowUps)
            || Sides.Values.Any(s => s.ByStatus.Any(counts => counts[(int)m!] > 0)));
    }

    private void Remember(RecentContact contact)
    {
        RecentContacts.Add(contact);
        var sameMarking = RecentContacts.Where(c => c.Classification == contact.Classification).ToArray();
        foreach (var evicted in sameMarking.Take(sameMarking.Length - RecentContactsKept))
        {
            RecentContacts.Remove(evicted);
            foreach (var (statementId, line) in Statements.Where(s => s.Value.InteractionId == evicted.InteractionId).ToArray())
            {
                RememberTopics(StatementTopics.GetValueOrDefault(statementId) ?? [], line.Classification);
                Forget(statementId);
            }
        }
    }

    private void On(StatementRecorded e)
    {
        if (!RecentContacts.Any(c => c.InteractionId == e.InteractionId))
        {
            RememberTopics(e.Topics, e.Classification);
            return;
        }

        Statements[e.StatementId] = new StatementLine(e.InteractionId, e.Speaker, e.Country, e.Text, e.Classification);
        if (e.Topics.Count > 0)
        {
            StatementTopics[e.StatementId] = [.. e.Topics];
        }
    }

    private void On(InteractionEntryCorrected e)
    {
        var patch = e.Patch();
        if (patch.Statement is not { } statement)
        {
            var at = RecentContacts.FindIndex(c => c.InteractionId == e.InteractionId);
            if (at >= 0 && patch.OccurredOn is { } date)
            {
                RecentContacts[at] = RecentContacts[at] with { OccurredOn = date };
            }
        }
        else if (!Statements.TryGetValue(statement.StatementId, out var line))
        {
            RememberTopics(statement.Topics ?? [], e.Classification);
        }
        else if (statement.Topics is { } topics)
        {
            StatementTopics[statement.StatementId] = [.. topics];
        }
        else
        {
            Statements[statement.StatementId] = line with { Text = statement.Text ?? line.Text, Speaker = statement.Speaker ?? line.Speaker };
        }
    }

    private void Forget(Guid statementId)
    {
        Statements.Remove(statementId);
        StatementTopics.Remove(statementId);
    }

    private void RememberTopics(IEnumerable<string> topics, Classification marking)
    {
        foreach (var topic in topics)
        {
            EarlierTopics[topic] = EarlierTopics.TryGetValue(topic, out var known) && known < marking ? known : marking;
        }
    }
}

public sealed record RecentContact(Guid InteractionId, DateOnly OccurredOn, Classification Classification);

public sealed record StatementLine(Guid InteractionId, string Speaker, string Country, string Text, Classification Classification);

/// <summary>One side's pledges: how many per status (indexed by <see cref="PledgeStatus"/>) and marking, and how many
/// were reaffirmed, per the higher of the pledge's marking and that of its lowest-marked reaffirmation (a reader must
/// be cleared for both).</summary>
public sealed class SideTally
{
    public int[][] ByStatus { get; set; } = [.. Enum.GetValues<PledgeStatus>().Select(_ => Tally.Empty())];

    public int[] Reaffirmed { get; set; } = Tally.Empty();
}

/// <summary>Counts per marking: an array indexed by <see cref="Classification"/>.</summary>
public static class Tally
{
    public static int[] Empty() => new int[Enum.GetValues<Classification>().Length];

    /// <summary>What a reader cleared for <paramref name="clearance"/> may count.</summary>
    public static int Within(this int[] counts, Classification clearance) => counts.Take((int)clearance + 1).Sum();

    public static bool Any(int marking, params int[][] tallies) => tallies.Any(t => t[marking] > 0);

    /// <summary>Adds to the count of <paramref name="key"/>, forgetting a key whose counts all fall to zero.</summary>
    public static void Add<TKey>(Dictionary<TKey, int[]> tallies, TKey key, int marking, int sign)
        where TKey : notnull
    {
        var counts = tallies.TryGetValue(key, out var known) ? known : tallies[key] = Empty();
        counts[marking] += sign;
        if (counts.All(n => n == 0))
        {
            tallies.Remove(key);
        }
    }
}
