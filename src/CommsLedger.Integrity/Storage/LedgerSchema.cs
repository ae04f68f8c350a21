using System.Text.RegularExpressions;

namespace CommsLedger.Integrity.Storage;

/// <summary>
/// Where the ledger lives: Marten's <c>mt_events</c>/<c>mt_streams</c> in a schema, and beside them the log's
/// own tables, <c>ledger_leaves</c> (one row per integrated event) and <c>ledger_checkpoints</c> (signed roots).
/// </summary>
public sealed partial record LedgerSchema
{
    public LedgerSchema(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Identifier().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain PostgreSQL identifier (lower-case letters, digits, underscores).", nameof(name));
        }

        Name = name;
    }

    public static LedgerSchema Default { get; } = new("commsledger");

    public string Name { get; }

    public string Events => $"{Name}.mt_events";

    public string Streams => $"{Name}.mt_streams";

    public string Leaves => $"{Name}.ledger_leaves";

    public string Checkpoints => $"{Name}.ledger_checkpoints";

    /// <summary>The holes in <c>seq_id</c> the integrator has met: when each was first seen and which transactions
    /// were running then, so that a one-shot run can tell a permanent hole from an append still in flight.</summary>
    public string SequenceGaps => $"{Name}.ledger_sequence_gaps";

    /// <summary>Idempotent DDL for the log's tables. The leaf row keeps the canonical leaf bytes, so a verifier can
    /// name the field that changed; the bytes themselves are authenticated by the signed roots.</summary>
    public string CreateTablesSql() => $"""
        CREATE TABLE IF NOT EXISTS {Leaves} (
            leaf_index    bigint      PRIMARY KEY CHECK (leaf_index >= 0),
            seq_id        bigint      NOT NULL UNIQUE,
            event_id      uuid        NOT NULL,
            leaf_data     bytea       NOT NULL,
            leaf_hash     bytea       NOT NULL CHECK (length(leaf_hash) = 32),
            integrated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS ix_ledger_leaves_event_id ON {Leaves} (event_id);
        CREATE TABLE IF NOT EXISTS {Checkpoints} (
            tree_size   bigint      PRIMARY KEY CHECK (tree_size > 0),
            root_hash   bytea       NOT NULL CHECK (length(root_hash) = 32),
            signed_at   timestamptz NOT NULL,
            key_id      text        NOT NULL,
            checkpoint  text        NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {SequenceGaps} (
            after_sequence bigint      PRIMARY KEY,
            first_seen     timestamptz NOT NULL,
            snapshot       text        NOT NULL
        );
        """;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
