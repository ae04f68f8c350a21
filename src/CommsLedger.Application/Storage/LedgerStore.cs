using CommsLedger.Domain.Shared;
using CommsLedger.Projections;
using JasperFx;
using Marten;
using Weasel.Core;

namespace CommsLedger.Application.Storage;

/// <summary>The one Marten configuration every edge (CLI, API, tests, benchmarks) uses.</summary>
public static class LedgerStore
{
    public const string Schema = "commsledger";
    public const string ClassificationHeader = "classification";

    /// <param name="manageSchema">False when connected as the least-privilege application role (see the append-only
    /// guard): the schema is then changed only by the owner role (`commsledger guard install`).</param>
    public static void Configure(StoreOptions options, string connectionString, bool manageSchema = true)
    {
        options.Connection(connectionString);
        Configure(options, manageSchema);
    }

    /// <summary>The same, on a pool the caller owns and disposes (<see cref="Topology.LedgerConnections.DataSource"/>).</summary>
    public static void Configure(StoreOptions options, Npgsql.NpgsqlDataSource dataSource, bool manageSchema)
    {
        options.Connection(dataSource);
        Configure(options, manageSchema);
    }

    private static void Configure(StoreOptions options, bool manageSchema)
    {
        options.DatabaseSchemaName = Schema;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.AutoCreateSchemaObjects = manageSchema ? AutoCreate.CreateOrUpdate : AutoCreate.None;

        options.Events.MetadataConfig.EnableAll();
        options.Events.MetadataConfig.UserNameEnabled = true;
        foreach (var (type, name) in EventCatalogue.StoredNames)
        {
            options.Events.MapEventType(type, name);
        }

        options.Listeners.Add(new Observability.AppendedEvents());
        options.AddLedgerProjections();
        options.AddWriteModels();
        options.TuneRebuilds();
        History.Checkpoints.RelationshipCheckpoints.Register(options);
        Access.AccessDocuments.Register(options);
        Reports.Scheduling.ReportRuns.Register(options);
    }

    public static DocumentStore Create(string connectionString) =>
        DocumentStore.For(options => Configure(options, connectionString));
}
