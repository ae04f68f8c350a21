using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Integrity.AppendOnly;

/// <summary>
/// Makes PostgreSQL itself refuse to rewrite history. Two layers:
/// <list type="number">
/// <item>Triggers on <c>mt_events</c>, <c>ledger_leaves</c> and <c>ledger_checkpoints</c> reject every UPDATE,
/// DELETE and TRUNCATE (SQLSTATE <c>CL001</c>), whoever runs it short of a superuser or the table owner
/// disabling the trigger. On <c>mt_streams</c> they reject DELETE, TRUNCATE and any UPDATE other than moving a
/// stream's version forward, so Marten's appends work and stream archiving does not (the ledger never archives).</item>
/// <item>The application role holds no UPDATE, DELETE or TRUNCATE right on those tables at all, so PostgreSQL
/// refuses before any trigger runs (SQLSTATE 42501, "permission denied"). On the read models it may truncate too:
/// rebuilding a projection starts from an empty table.</item>
/// </list>
/// What a superuser can still do anyway is what the Merkle log and the signed checkpoints detect.
/// Both methods are idempotent; run <see cref="InstallAsync"/> again after every schema migration.
/// </summary>
public static class AppendOnlyGuard
{
    /// <summary>SQLSTATE raised by the append-only triggers.</summary>
    public const string RewriteRefusedSqlState = "CL001";

    /// <summary>Run once per database by a superuser (or a role with CREATEROLE that may grant the database):
    /// creates both roles, gives the schema and everything already in it to the owner.</summary>
    public static async Task CreateRolesAsync(
        NpgsqlDataSource admin, LedgerSchema schema, LedgerRoles roles, string? ownerPassword, string? appPassword, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        await ExecuteAsync(admin, CreateRolesSql(schema, roles, ownerPassword, appPassword), ct);
    }

    /// <summary>Run by the schema owner after Marten has created its tables: adds the log's tables, the
    /// triggers, and the application role's grants.</summary>
    public static async Task InstallAsync(NpgsqlDataSource owner, LedgerSchema schema, LedgerRoles roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await ExecuteAsync(owner, InstallSql(schema, roles), ct);
    }

    public static string CreateRolesSql(LedgerSchema schema, LedgerRoles roles, string? ownerPassword, string? appPassword)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(roles);
        return $"""
            DO $roles$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{roles.Owner}') THEN
                    CREATE ROLE {roles.Owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{roles.App}') THEN
                    CREATE ROLE {roles.App} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
                END IF;
                EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO {roles.Owner}', current_database());
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO {roles.App}', current_database());
            END
            $roles$;
            {PasswordSql(roles.Owner, ownerPassword)}
            {PasswordSql(roles.App, appPassword)}
            CREATE SCHEMA IF NOT EXISTS {schema.Name} AUTHORIZATION {roles.Owner};
            ALTER SCHEMA {schema.Name} OWNER TO {roles.Owner};
            DO $owner$
            DECLARE
                item record;
            BEGIN
                FOR item IN
                    SELECT c.relname, c.relkind FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '{schema.Name}' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER %s %I.%I OWNER TO {roles.Owner}',
                        CASE item.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                        '{schema.Name}', item.relname);
                END LOOP;
                FOR item IN
                    SELECT p.oid::regprocedure AS routine FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = '{schema.Name}'
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO {roles.Owner}', item.routine);
                END LOOP;
            END
            $owner$;
            """;
    }

    public static string InstallSql(LedgerSchema schema, LedgerRoles roles)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(roles);
        var reject = $"{schema.Name}.ledger_reject_rewrite";
        return $"""
            DO $check$
            BEGIN
                IF to_regclass('{schema.Events}') IS NULL OR to_regclass('{schema.Streams}') IS NULL THEN
                    RAISE EXCEPTION '{schema.Events} does not exist yet: apply Marten''s schema first, then install the guard';
                END IF;
            END
            $check$;
            {schema.CreateTablesSql()}
            CREATE OR REPLACE FUNCTION {reject}() RETURNS trigger LANGUAGE plpgsql AS $reject$
            BEGIN
                RAISE EXCEPTION 'commsledger: % on %.% is refused: the ledger is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                    USING ERRCODE = '{RewriteRefusedSqlState}',
                          HINT = 'History is never edited: record a correcting or retracting event instead.';
            END
            $reject$;
            {AppendOnlyTriggers(schema.Events, reject)}
            {AppendOnlyTriggers(schema.Leaves, reject)}
            {AppendOnlyTriggers(schema.Checkpoints, reject)}
            {AppendOnlyTriggers(schema.SequenceGaps, reject)}
            DROP TRIGGER IF EXISTS ledger_append_only ON {schema.Streams};
            CREATE TRIGGER ledger_append_only BEFORE DELETE ON {schema.Streams}
                FOR EACH ROW EXECUTE FUNCTION {reject}();
            DROP TRIGGER IF EXISTS ledger_forward_only ON {schema.Streams};
            CREATE TRIGGER ledger_forward_only BEFORE UPDATE ON {schema.Streams}
                FOR EACH ROW
                WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.is_archived IS DISTINCT FROM OLD.is_archived
                      OR NEW.version < OLD.version OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id)
                EXECUTE FUNCTION {reject}();
            DROP TRIGGER IF EXISTS ledger_append_only_truncate ON {schema.Streams};
            CREATE TRIGGER ledger_append_only_truncate BEFORE TRUNCATE ON {schema.Streams}
                FOR EACH STATEMENT EXECUTE FUNCTION {reject}();

            GRANT USAGE ON SCHEMA {schema.Name} TO {roles.App};
            REVOKE ALL ON ALL TABLES IN SCHEMA {schema.Name} FROM {roles.App};
            GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA {schema.Name} TO {roles.App};
            REVOKE UPDATE, DELETE, TRUNCATE ON {schema.Events}, {schema.Streams}, {schema.Leaves}, {schema.Checkpoints}, {schema.SequenceGaps} FROM {roles.App};
            GRANT UPDATE (version, timestamp) ON {schema.Streams} TO {roles.App};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema.Name} FROM {roles.App};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema.Name} TO {roles.App};
            """;
    }

    private static string AppendOnlyTriggers(string table, string reject) => $"""
        DROP TRIGGER IF EXISTS ledger_append_only ON {table};
        CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION {reject}();
        DROP TRIGGER IF EXISTS ledger_append_only_truncate ON {table};
        CREATE TRIGGER ledger_append_only_truncate BEFORE TRUNCATE ON {table}
            FOR EACH STATEMENT EXECUTE FUNCTION {reject}();
        """;

    private static string PasswordSql(string role, string? password) =>
        password is null ? "" : $"ALTER ROLE {role} PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}';";

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
