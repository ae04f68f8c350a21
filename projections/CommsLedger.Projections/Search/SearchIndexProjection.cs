using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CommsLedger.Projections.Search;

/// <summary>
/// The full-text search index over statements, commitments and interactions (<see cref="SearchEntriesTable"/>),
/// projected like every other read model: inline, in the append transaction, and rebuilt from event zero by
/// truncating the table and replaying.
/// </summary>
public sealed partial class SearchIndexProjection : EventProjection
{
    public SearchIndexProjection(string schema)
    {
        Schema = schema;
        IncludeType<InteractionLogged>();
        IncludeType<StatementRecorded>();
        IncludeType<InteractionEntryCorrected>();
        IncludeType<StatementRetracted>();
        IncludeType<InteractionRetracted>();
        IncludeType<PledgeMade>();
        IncludeType<PledgeFulfilled>();
        IncludeType<PledgePartiallyFulfilled>();
        IncludeType<PledgeBroken>();
        IncludeType<PledgeWithdrawn>();
        IncludeType<PledgeLapsed>();
        IncludeType<PledgeRetracted>();
        IncludeType<PledgeCorrected>();
        SchemaObjects.Add(SearchEntriesTable.Define(schema));
        Options.DeleteDataInTableOnTeardown($"{schema}.{SearchEntriesTable.Name}");
    }

    public string Schema { get; }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        foreach (var command in SearchIndexSql.For(e, $"{Schema}.{SearchEntriesTable.Name}"))
        {
            operations.QueueSqlCommand(command.Sql, command.Parameters);
        }

        return ValueTask.CompletedTask;
    }
}
