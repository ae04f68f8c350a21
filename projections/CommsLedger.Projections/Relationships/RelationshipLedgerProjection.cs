using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace CommsLedger.Projections.Relationships;

/// <summary>
/// The Marten side of <see cref="RelationshipFold"/>, written once: for a batch of events (one append's, or a page of
/// a rebuild) load the ledgers and the rows the events touch — by id, in one round trip — fold, and write back the
/// ledgers, the changed rows, the replaced versions, any checkpoint and the events' positions. Nothing it reads or
/// writes grows with the relationship, so appending to a long relationship costs what appending to a new one does.
/// </summary>
public sealed class RelationshipLedgerProjection(string schema) : IProjection
{
    public const string Name = "RelationshipLedger";

    public static readonly Type[] DocumentTypes =
        [typeof(RelationshipLedger), typeof(ContactRow), typeof(PledgeRow), typeof(FollowUpRow), typeof(RelationshipCheckpoint)];

    /// <summary>Registered inline; a rebuild first deletes every document and position it wrote.</summary>
    public static void Register(StoreOptions options)
    {
        options.Projections.Add(new RelationshipLedgerProjection(options.DatabaseSchemaName), ProjectionLifecycle.Inline, Name, teardown =>
        {
            foreach (var type in DocumentTypes)
            {
                teardown.DeleteViewTypeOnTeardown(type);
            }

            teardown.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{RelationshipEventsTable.Name}");
        });
        options.Storage.ExtendedSchemaObjects.Add(RelationshipEventsTable.Define(options.DatabaseSchemaName));
        RelationshipStorage.Configure(options);
    }

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var relevant = events.Where(e => RelationshipFold.KeysOf(e.Data).Count > 0).ToArray();
        if (relevant.Length == 0)
        {
            return;
        }

        var documents = await Load(operations, relevant, cancellation);
        foreach (var e in relevant)
        {
            RelationshipFold.Apply(documents, e);
        }

        Write(operations, documents);
    }

    private static async Task<RelationshipDocuments> Load(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var keys = events.SelectMany(e => RelationshipFold.KeysOf(e.Data)).Distinct(StringComparer.Ordinal).ToArray();
        var touched = events
            .SelectMany(e => RelationshipRow.ChangedBy(e.Data) is { } row
                ? RelationshipFold.KeysOf(e.Data).Select(key => (row.Type, Id: RelationshipRow.CurrentId(key, row.EntryId)))
                : [])
            .Distinct().ToLookup(row => row.Type, row => row.Id);

        var batch = operations.CreateBatchQuery();
        var ledgers = batch.LoadMany<RelationshipLedger>().ById(keys);
        var contacts = batch.LoadMany<ContactRow>().ById([.. touched[typeof(ContactRow)]]);
        var pledges = batch.LoadMany<PledgeRow>().ById([.. touched[typeof(PledgeRow)]]);
        var followUps = batch.LoadMany<FollowUpRow>().ById([.. touched[typeof(FollowUpRow)]]);
        await batch.Execute(cancellation);

        var documents = new RelationshipDocuments();
        foreach (var ledger in await ledgers)
        {
            documents.Ledgers[ledger.Id] = ledger;
        }

        foreach (var row in (await contacts).Concat<RelationshipRow>(await pledges).Concat(await followUps))
        {
            documents.Load(row);
        }

        return documents;
    }

    private void Write(IDocumentOperations operations, RelationshipDocuments documents)
    {
        operations.Store([.. documents.Ledgers.Values]);
        foreach (var (id, type) in documents.Changed)
        {
            if (documents.Rows[id] is { } row)
            {
                operations.StoreObjects([row]);
            }
            else
            {
                RelationshipStorage.Delete(operations, type, id);
            }
        }

        operations.StoreObjects(documents.Earlier);
        if (documents.Checkpoints.Count > 0)
        {
            operations.Store([.. documents.Checkpoints]);
        }

        RelationshipEventsTable.Insert(operations, schema, documents.Positions);
    }
}
