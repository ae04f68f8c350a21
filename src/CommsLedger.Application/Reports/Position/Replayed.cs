using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;

namespace CommsLedger.Application.Reports.Position;

/// <summary>Read models folded one event at a time, for reports that stream the whole ledger: the live projections'
/// own <c>Evolve</c>, as <see cref="Projections.TimeTravel.LedgerReplay"/> runs it over a list.</summary>
internal sealed class Replayed
{
    private static readonly PledgeRegisterProjection _pledgeProjection = new();
    private static readonly RelationshipLedgerProjection _relationshipProjection = new();

    private readonly Dictionary<Guid, PledgeRegister> _pledges = [];
    private readonly Dictionary<string, RelationshipLedger> _relationships = new(StringComparer.Ordinal);

    public IEnumerable<PledgeRegister> Pledges => _pledges.Values;

    public IEnumerable<RelationshipLedger> Relationships => _relationships.Values;

    /// <summary>Folds a pledge stream's event into its register.</summary>
    public void Pledge(IEvent e)
    {
        if (_pledgeProjection.Evolve(_pledges.GetValueOrDefault(e.StreamId), e.StreamId, e) is { } register)
        {
            _pledges[e.StreamId] = register;
        }
    }

    /// <summary>Folds an event into the ledger of every relationship it counts towards.</summary>
    public void Relationship(IEvent e)
    {
        foreach (var key in RelationshipLedgerProjection.KeysOf(e.Data))
        {
            if (_relationshipProjection.Evolve(_relationships.GetValueOrDefault(key), key, e) is { } ledger)
            {
                _relationships[key] = ledger;
            }
        }
    }
}
