using CommsLedger.Domain.Shared;
using JasperFx.Events;
using Marten;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>What both import paths share: which lines of a batch are new, and their streams as
/// <c>StreamWriter.Start</c> would start them (aggregate types, classification headers).</summary>
internal static class ImportStreams
{
    /// <summary>The lines whose source has no record yet that the importer could see (see <c>SourceRecords</c>):
    /// one query per batch.</summary>
    public static async Task<ImportLine[]> Fresh(IDocumentSession session, IReadOnlyList<ImportLine> lines, Classification clearance, CancellationToken cancellationToken)
    {
        var candidates = lines.ToDictionary(l => l, l => Logging.SourceRecords.VisibleIds(SourceIdOf(l), clearance));
        var ids = candidates.Values.SelectMany(c => c).ToArray();
        var existing = (await Storage.StreamWriter.ExistingStreams(session, ids, cancellationToken)).ToHashSet();
        return [.. lines.Where(l => !candidates[l].Any(existing.Contains))];
    }

    public static string SourceIdOf(ImportLine line) => line.Logged.Source!.SourceId;

    /// <summary>Starts the interaction's stream and its pledges' streams on the session, stamped as
    /// <c>StreamWriter</c> stamps them.</summary>
    public static IReadOnlyList<StreamAction> Start(IDocumentSession session, ImportLine line) => Storage.StreamWriter.StartStreams(session, line.Decision);
}
