using System.Security.Cryptography;
using System.Text;
using CommsLedger.Application.Storage;
using CommsLedger.Integrity.AppendOnly;
using CommsLedger.Integrity.Storage;
using Marten;
using Npgsql;

namespace CommsLedger.Application.Topology;

/// <summary>What the code expects the database to hold, as one hash: the SHA-256 of Marten's whole creation script
/// for the ledger's configuration plus the append-only guard's SQL. The owner stores it as the comment of the ledger's
/// schema after migrating; a start-up whose hash matches the stored one skips Marten's schema check altogether.
/// The hash is worked out when the code is built, not in every process: <c>schema-fingerprint.txt</c> is committed
/// beside this file and embedded, and a test fails when it is not the code's (working it out writes Marten's whole
/// creation script, CPU every command would pay before its first query).</summary>
public static class SchemaFingerprint
{
    private const string Prefix = "commsledger-schema sha256:";
    private const string CommittedResource = "CommsLedger.Application.Topology.schema-fingerprint.txt";

    private static readonly Lazy<string> Committed = new(ReadCommitted);
    private static readonly string[] StatementStarts = ["CREATE ", "ALTER ", "DROP ", "GRANT ", "REVOKE ", "COMMENT ", "DO "];

    public static LedgerSchema Schema { get; } = new(LedgerStore.Schema);

    /// <summary>The fingerprint committed with this build's code.</summary>
    public static string Expected => Committed.Value;

    /// <summary>Who the connection is, and the fingerprint stored in the database (null before the first migration): one
    /// query that never fails, whether or not the schema exists.</summary>
    public static async Task<Probe> ProbeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT current_setting('is_superuser') = 'on', current_user::text,
                   (SELECT d.description FROM pg_namespace n
                    JOIN pg_description d ON d.objoid = n.oid AND d.classoid = 'pg_namespace'::regclass
                    WHERE n.nspname = $1)
            """, connection)
        {
            Parameters = { new() { Value = Schema.Name } },
        };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Probe(reader.GetBoolean(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public static string CommentSql() => $"COMMENT ON SCHEMA {Schema.Name} IS '{Expected}'";

    /// <summary>The code's fingerprint worked out now, for the test that keeps the committed one true.</summary>
    internal static string Compute()
    {
        using var store = DocumentStore.For(options => LedgerStore.Configure(options, "Host=fingerprint.invalid"));
        var script = store.Storage.ToDatabaseScript() + AppendOnlyGuard.InstallSql(Schema, LedgerRoles.Default);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(script))));
    }

    private static string ReadCommitted()
    {
        using var stream = typeof(SchemaFingerprint).Assembly.GetManifestResourceStream(CommittedResource)
            ?? throw new InvalidOperationException($"{CommittedResource} is not embedded in {typeof(SchemaFingerprint).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Trim();
    }

    /// <summary>Marten writes the same objects in an order that varies between processes (its document types sit in
    /// hashed collections), so the script is cut where each statement starts and the pieces are sorted.</summary>
    internal static string Canonical(string script)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        foreach (var line in script.ReplaceLineEndings("\n").Split('\n'))
        {
            if (StartsStatement(line) && piece.Length > 0)
            {
                pieces.Add(piece.ToString());
                piece.Clear();
            }

            piece.Append(line).Append('\n');
        }

        pieces.Add(piece.ToString());
        pieces.Sort(StringComparer.Ordinal);
        return string.Concat(pieces);
    }

    private static bool StartsStatement(string line) =>
        StatementStarts.Any(keyword => line.StartsWith(keyword, StringComparison.Ordinal));

    /// <param name="Stored">The fingerprint the owner stored at the last migration, if any.</param>
    public sealed record Probe(bool IsSuperuser, string User, string? Stored)
    {
        public bool IsCurrent => Stored == Expected;
    }
}
