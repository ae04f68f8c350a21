using CommsLedger.Projections.Pledges;
using CommsLedger.Projections.Relationships;
using JasperFx.Events;

namespace CommsLedger.Application.Reports.Position;

/// <summary>Read models folded one event at a time, for reports that stream the whole ledger: the live projections'
/// own <c>Evolve</c>, as <see cref="Projections.TimeTravel.LedgerReplay"/> runs it over a list.</summary>
internal sealed class Replayed
{
    private static readonly PledgeRegisterProjection _pledgeProjection = new();

    private readonly Dictionary<Guid, PledgeRegister> _pledges = [];

    public IEnumerable<PledgeRegister> Pledges => _pledges.Values;

    /// <summary>Every relationship's ledger and current rows.</summary>
    public RelationshipDocuments Relationships { get; } = new(keepsHistory: false);

    /// <summary>Folds a pledge stream's event into its register.</summary>
    public void Pledge(IEvent e)
    {
        if (_pledgeProjection.Evolve(_pledges.GetValueOrDefault(e.StreamId), e.StreamId, e) is { } register)
        {
            _pledges[e.StreamId] = register;
        }
    }

    /// <summary>Folds an event into every relationship it counts towards.</summary>
    public void Relationship(IEvent e) => RelationshipFold.Apply(Relationships, e);
}
