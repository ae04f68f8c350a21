using System.Diagnostics;
using CommsLedger.Application.Interactions.Importing;
using CommsLedger.Application.Storage;
using CommsLedger.EmbeddedPostgres;
using Npgsql;

namespace CommsLedger.Benchmarks;

/// <summary>
/// <c>import</c> of a generated archive (<see cref="Archive"/>: <c>--import-events</c> events over
/// <c>--import-relationships</c> relationships, one JSON line per interaction) against a raw binary COPY of the very
/// rows it wrote: <c>import --bulk</c> end to end (every line checked, appended, every read model written) and phase by
/// phase, then the default import (<c>--import-default no</c> leaves it out). Each runs once, on a database of its own,
/// through the mediator as the CLI sends it; the raw COPY moves the bulk import's own <c>mt_streams</c> and
/// <c>mt_events</c> rows, exported in PostgreSQL's binary format, into an empty ledger. A ratio is the raw COPY's time
/// over the variant's (1× = as fast as COPY). The load average is taken as each variant ends: the machine is shared.
/// </summary>
public static class ImportScenario
{
    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        var archive = new Archive(settings.ImportEvents, settings.ImportRelationships);
        var file = await archive.WriteFile();
        try
        {
            Console.WriteLine($"import: {archive}, file of {new FileInfo(file).Length / 1024 / 1024:N0} MiB");
            var bulkDatabase = await cluster.CreateDatabaseAsync("bench_import_bulk");
            var bulk = await Import(bulkDatabase, file, bulk: true);
            var raw = await RawCopy(bulkDatabase, await cluster.CreateDatabaseAsync("bench_import_raw"));
            Console.WriteLine($"import: raw COPY {raw.Elapsed.TotalSeconds:N1} s; bulk import {bulk.Result.Checking.TotalSeconds:N1} + {bulk.Result.Appending.TotalSeconds:N1} + {bulk.Result.Rebuilding.TotalSeconds:N1} s");
            var table = new MarkdownTable("variant", "events", "s", "events/s", "× raw COPY", "load average");
            Row(table, "raw binary COPY of the same mt_streams + mt_events rows", bulk.Result.Events, raw.Elapsed, raw.Elapsed, raw.Load);
            Row(table, "**import --bulk, end to end** (check, append, read models)", bulk.Result.Events, bulk.Elapsed, raw.Elapsed, bulk.Load);
            Row(table, "import --bulk: checking every line", bulk.Result.Events, bulk.Result.Checking, raw.Elapsed, bulk.Load);
            Row(table, "**import --bulk: append phase**", bulk.Result.Events, bulk.Result.Appending, raw.Elapsed, bulk.Load);
            Row(table, "import --bulk: every read model (statistics, rebuild)", bulk.Result.Events, bulk.Result.Rebuilding, raw.Elapsed, bulk.Load);
            if (settings.ImportDefault)
            {
                var normal = await Import(await cluster.CreateDatabaseAsync("bench_import_default"), file, bulk: false);
                Row(table, "**import (default: sessions, inline read models), end to end**", normal.Result.Events, normal.Elapsed, raw.Elapsed, normal.Load);
                Row(table, "import (default): append phase", normal.Result.Events, normal.Result.Appending, raw.Elapsed, normal.Load);
            }

            return table.ToString();
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(ImportResult Result, TimeSpan Elapsed, string Load)> Import(string connection, string file, bool bulk)
    {
        await using var ledger = LedgerHost.Create(connection);
        var clock = Stopwatch.StartNew();
        var result = await ledger.Send(new ImportInteractions(() => new StreamReader(file), new Printed(bulk ? "import --bulk" : "import"), bulk));
        var elapsed = clock.Elapsed;
        Console.WriteLine($"import{(bulk ? " --bulk" : "")}: {result.Appended:N0} interactions, {result.Events:N0} events in {elapsed.TotalSeconds:N1} s");
        return (result, elapsed, LoadAverage());
    }

    /// <summary>The bulk import's event rows exported to a file in PostgreSQL's binary format (untimed), then COPYed into
    /// an empty ledger's tables in one transaction (timed).</summary>
    private static async Task<(TimeSpan Elapsed, string Load)> RawCopy(string from, string to)
    {
        await using (var empty = LedgerStore.Create(to))
        {
            await empty.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        string[] tables = ["mt_streams", "mt_events"];
        var files = tables.ToDictionary(t => t, _ => Path.GetTempFileName());
        try
        {
            await using (var source = new NpgsqlConnection(from))
            {
                await source.OpenAsync();
                foreach (var (table, path) in files)
                {
                    await using var export = await source.BeginRawBinaryCopyAsync($"copy {LedgerStore.Schema}.{table} to stdout (format binary)");
                    await using var output = File.Create(path);
                    await export.CopyToAsync(output);
                }
            }

            await using var target = new NpgsqlConnection(to);
            await target.OpenAsync();
            var clock = Stopwatch.StartNew();
            await using var transaction = await target.BeginTransactionAsync();
            foreach (var (table, path) in files)
            {
                await using var import = await target.BeginRawBinaryCopyAsync($"copy {LedgerStore.Schema}.{table} from stdin (format binary)");
                await using var input = File.OpenRead(path);
                await input.CopyToAsync(import);
            }

            await transaction.CommitAsync();
            return (clock.Elapsed, LoadAverage());
        }
        finally
        {
            foreach (var path in files.Values)
            {
                File.Delete(path);
            }
        }
    }

    private static void Row(MarkdownTable table, string name, long events, TimeSpan elapsed, TimeSpan raw, string load) =>
        table.Row(name, MarkdownTable.Number(events), MarkdownTable.Number(elapsed.TotalSeconds, "0.0"), MarkdownTable.Number(events / elapsed.TotalSeconds),
            MarkdownTable.Number(raw / elapsed, "0.00") + "×", load);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "–";

    /// <summary>The import's progress on the console, a line per phase every ten seconds.</summary>
    private sealed class Printed(string name) : IProgress<ImportProgress>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();

        public void Report(ImportProgress value)
        {
            if (_since.Elapsed > TimeSpan.FromSeconds(10))
            {
                Console.WriteLine($"{name}: {value.Phase} {value.Done:N0} of {value.Total:N0}");
                _since.Restart();
            }
        }
    }
}
