namespace CommsLedger.Application.Topology;

/// <summary>The database holds another schema than this version expects, and this connection (the application role)
/// may not migrate it.</summary>
public sealed class SchemaOutOfDate(string user)
    : Exception($"the ledger's database schema is not the one this version of CommsLedger expects, and {user} (the application role) may not change it. "
        + "Migrate once as the schema owner: set COMMSLEDGER_OWNER_CONNECTION (the owner's connection string), or run "
        + "'commsledger guard install' with COMMSLEDGER_CONNECTION pointing at a superuser.");
