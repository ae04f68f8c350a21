using System.Text.Json;

namespace CommsLedger.Projections.Relationships;

/// <summary>A relationship's ledger as it stood after its event at <see cref="Position"/>: a starting point for "as
/// known at" so that a replay reads at most <see cref="RelationshipFold.CheckpointEvery"/> events, not the whole history.
/// Written by the projection itself every that many events, so the first query after a restart finds it ready. It holds
/// the bounded ledger only: the rows of that moment are the row versions current at that position.</summary>
public sealed class RelationshipCheckpoint
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public long Position { get; set; }
    public RelationshipLedger Ledger { get; set; } = new();

    public static string IdOf(string key, long position) => $"{key}:{position:D12}";

    /// <summary>A copy: the ledger goes on changing after the checkpoint is taken.</summary>
    public static RelationshipCheckpoint Of(RelationshipLedger ledger) => new()
    {
        Id = IdOf(ledger.Id, ledger.Position),
        Key = ledger.Id,
        Position = ledger.Position,
        Ledger = JsonSerializer.Deserialize<RelationshipLedger>(JsonSerializer.SerializeToUtf8Bytes(ledger))!,
    };
}
