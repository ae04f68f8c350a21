using CommsLedger.Projections.FollowUps;
using CommsLedger.Projections.Interactions;
using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using CommsLedger.Projections.TimeTravel;
using JasperFx.Events;

namespace CommsLedger.Projections.Rebuilding;

/// <summary>
/// Every document read model folded in memory from the whole log, one event at a time in sequence order, through the
/// steps <see cref="LedgerReplay"/> takes (the projections' own <c>Evolve</c> and <see cref="RelationshipFold"/>): what a
/// rebuild writes. (The search index, a table, folds apart: <see cref="Search.SearchIndexRows"/>.) A single-stream document whose Evolve gives null is not kept, as Marten does not keep it live.
/// </summary>
public sealed class AllReadModels
{
    public Dictionary<Guid, InteractionRecord> Interactions { get; } = [];

    public Dictionary<Guid, PledgeRegister> Pledges { get; } = [];

    public Dictionary<Guid, FollowUpItem> FollowUps { get; } = [];

    /// <summary>Ledgers, current rows and, as the live projection writes them, earlier row versions, checkpoints and
    /// event positions (which a rebuild may write and clear as it goes: nothing folds them again).</summary>
    public RelationshipDocuments Relationships { get; } = new();

    public void Apply(IEvent e)
    {
        Keep(Interactions, e.StreamId, LedgerReplay.Interaction(Interactions.GetValueOrDefault(e.StreamId), e));
        Keep(Pledges, e.StreamId, LedgerReplay.Pledge(Pledges.GetValueOrDefault(e.StreamId), e));
        LedgerReplay.FollowUp(FollowUps, e);
        RelationshipFold.Apply(Relationships, e);
    }

    private static void Keep<T>(Dictionary<Guid, T> documents, Guid id, T? document)
        where T : class
    {
        if (document is null)
        {
            documents.Remove(id);
        }
        else
        {
            documents[id] = document;
        }
    }
}
