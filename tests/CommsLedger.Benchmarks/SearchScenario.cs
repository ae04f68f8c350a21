using System.Diagnostics;
using CommsLedger.Application.Search.Searching;
using CommsLedger.Application.Storage;
using CommsLedger.Domain.Shared;
using CommsLedger.EmbeddedPostgres;
using CommsLedger.Projections.Search;
using Npgsql;
using NpgsqlTypes;

namespace CommsLedger.Benchmarks;

/// <summary>
/// Search at scale. The index rows are generated (<see cref="SearchCorpus"/>) and written straight into
/// <c>search_entries</c> with COPY — the projection's table, with its generated tsvector column computed by
/// PostgreSQL as on every append — not through events: appending and projecting a million entries would take hours
/// on this machine and measure the append path, not search. The partial GIN indexes are dropped for the load and
/// built afterwards (timed: the index rebuild). Then each query runs through the real handler (mediator, clearance,
/// the same SQL as the CLI and API) many times, interleaved, and its p50/p99 is reported with its hit count and one
/// EXPLAIN (ANALYZE, BUFFERS). 5% of entries also have an older version (a correction) and 1% are retracted.
/// </summary>
public static class SearchScenario
{
    private const string Table = $"{LedgerStore.Schema}.{SearchEntriesTable.Name}";

    private sealed record Query(string Name, SearchLedger Request);

    private static readonly Query[] _queries =
    [
        new("one word", new SearchLedger("vaccine")),
        new("one word, rarer", new SearchLedger("sinopharm")),
        new("phrase", new SearchLedger("\"clinical trials\"")),
        new("filtered: by, kind, date range", new SearchLedger("vaccine", Party: "AD", Kind: SearchKind.Commitment, From: new DateOnly(2010, 1, 1), To: new DateOnly(2019, 12, 31))),
        new("filtered: relationship", new SearchLedger("vaccine", Relationship: "AE-AF")),
        new("web syntax: or, -exclusion", new SearchLedger("sinopharm or \"clinical trials\" -loan")),
        new("one frequent word (7% of entries)", new SearchLedger("cooperation")),
    ];

    public static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings)
    {
        if (settings.SearchKeep is not { } folder)
        {
            return await RunAsync(cluster, settings, keep: false);
        }

        await using var kept = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { DataDirectory = folder });
        return await RunAsync(kept, settings, keep: true);
    }

    private static async Task<string> RunAsync(EmbeddedCluster cluster, BenchSettings settings, bool keep)
    {
        var connection = await cluster.CreateDatabaseAsync("bench_search");
        // A kept cluster may have the index of another version of the code: rebuilding it takes longer than a command may.
        await using (var store = LedgerStore.Create(new NpgsqlConnectionStringBuilder(connection) { CommandTimeout = 0 }.ConnectionString))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        await using var data = NpgsqlDataSource.Create(connection);
        var corpus = $"{settings.SearchEntries} entries over {settings.SearchRelationships} relationships";
        var loaded = keep && await Scalar(data, $"select coalesce(obj_description('{Table}'::regclass), '')") == corpus;
        var built = loaded ? "loaded by an earlier run (--search-keep)" : await Build(data, settings);
        if (keep && !loaded)
        {
            await Execute(data, $"comment on table {Table} is '{corpus}'");
        }

        var rows = await Scalar(data, $"select to_char(count(*), 'FM9,999,999') from {Table}");
        var size = await Scalar(data, $"select pg_size_pretty(pg_total_relation_size('{Table}')) || ' (GIN ' || pg_size_pretty(sum(pg_relation_size(indexrelid))) || ')' from pg_index where indrelid = '{Table}'::regclass and indexrelid::regclass::text like '%document%'");

        await using var host = LedgerHost.Create(connection);
        foreach (var query in _queries)
        {
            Console.WriteLine($"--- EXPLAIN (ANALYZE, BUFFERS) {query.Name}: {query.Request.Text}");
            Console.WriteLine(await Explain(data, query.Request));
        }

        var timings = _queries.Select(_ => new List<double>()).ToArray();
        var totals = new long[_queries.Length];
        var more = new bool[_queries.Length];
        for (var round = 0; round < settings.WarmUps + settings.SearchReps; round++)
        {
            for (var q = 0; q < _queries.Length; q++)
            {
                var stopwatch = Stopwatch.StartNew();
                var results = await host.Ask(_queries[q].Request);
                stopwatch.Stop();
                totals[q] = results.Total;
                more[q] = results.MoreMatch;
                if (round >= settings.WarmUps)
                {
                    timings[q].Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var table = new MarkdownTable("query", "text", "hits (total)", "p50 ms", "p99 ms", "max ms");
        for (var q = 0; q < _queries.Length; q++)
        {
            table.Row(_queries[q].Name, $"`{_queries[q].Request.Text}`", MarkdownTable.Number(totals[q]) + (more[q] ? "+" : ""),
                MarkdownTable.Number(Percentile(timings[q], 0.50), "0.0"), MarkdownTable.Number(Percentile(timings[q], 0.99), "0.0"), MarkdownTable.Number(timings[q].Max(), "0.0"));
        }

        return $"""
            {rows} index rows ({settings.SearchEntries:N0} entries + older versions) over {settings.SearchRelationships:N0} relationships, {size}; {built}.
            {settings.SearchReps} timed runs per query (+{settings.WarmUps} warm-up), interleaved, through the mediator as a TOP SECRET reader, page size 20, with facets and highlights.

            {table}
            """;
    }

    /// <summary>Writes the generated rows with the text indexes dropped, then builds them (timed: the index rebuild).</summary>
    private static async Task<string> Build(NpgsqlDataSource data, BenchSettings settings)
    {
        await Execute(data, $"truncate {Table}");
        foreach (var language in SearchLanguage.All)
        {
            await Execute(data, $"drop index {LedgerStore.Schema}.{SearchEntriesTable.DocumentIndex(language)}");
        }

        Console.WriteLine($"search: writing {settings.SearchEntries:N0} entries over {settings.SearchRelationships:N0} relationships with COPY…");
        var load = Stopwatch.StartNew();
        var configs = new Dictionary<string, uint>();
        foreach (var language in SearchLanguage.All)
        {
            await using var command = data.CreateCommand($"select '{language}'::regconfig::oid");
            configs[language] = (uint)(await command.ExecuteScalarAsync())!;
        }

        await Load(data, settings.SearchEntries, settings.SearchRelationships, configs);
        load.Stop();

        var index = Stopwatch.StartNew();
        foreach (var language in SearchLanguage.All)
        {
            await Execute(data, $"create index {SearchEntriesTable.DocumentIndex(language)} on {Table} using gin ({string.Join(", ", SearchEntriesTable.DocumentIndexColumns)}) where {SearchEntriesTable.InLanguage(language)}");
        }

        index.Stop();
        await Execute(data, $"vacuum analyze {Table}");
        return $"COPY {load.Elapsed.TotalSeconds:N1} s, GIN index build (4 partial indexes) {index.Elapsed.TotalSeconds:N1} s";
    }

    /// <summary>Writes the entries, 5% of them with an older version closed at a later correction and 1% retracted;
    /// returns the number of rows.</summary>
    private static async Task<long> Load(NpgsqlDataSource data, int entries, int relationships, Dictionary<string, uint> configs)
    {
        var pairs = SearchCorpus.Relationships(relationships);
        var corpus = new SearchCorpus(seed: 20261202);
        var columns = string.Join(", ", SearchEntriesTable.Columns.Select(c => c.Name));
        await using var connection = await data.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync($"copy {Table} ({columns}) from stdin (format binary)");
        var start = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        long rows = 0;
        for (var i = 0; i < entries; i++)
        {
            var pair = pairs[corpus.Next(pairs.Length)];
            var recorded = start.AddSeconds(i * 60);
            var corrected = corpus.Next(100) < 5;
            if (corrected)
            {
                await Row(writer, corpus, configs, i, 1, pair, recorded, recorded.AddDays(30), retracted: false);
                rows++;
            }

            await Row(writer, corpus, configs, i, corrected ? 2 : 1, pair, corrected ? recorded.AddDays(30) : recorded, DateTime.MaxValue, retracted: corpus.Next(100) == 0);
            rows++;
        }

        await writer.CompleteAsync();
        return rows;
    }

    private static async Task Row(NpgsqlBinaryImporter writer, SearchCorpus corpus, Dictionary<string, uint> configs, int entry, int version, (string Key, string A, string B) pair,
        DateTime knownFrom, DateTime knownUntil, bool retracted)
    {
        var commitment = entry % 10 >= 6;
        var by = corpus.Next(2) == 0 ? pair.A : pair.B;
        var (body, config) = corpus.Text();
        var topic = corpus.Topic();
        var status = commitment ? (retracted ? "Retracted" : corpus.Status()) : null;
        var classification = corpus.Next(10) switch { < 4 => Classification.Unclassified, < 7 => Classification.Confidential, < 9 => Classification.Secret, _ => Classification.TopSecret };
        await writer.StartRowAsync();
        await writer.WriteAsync(Id(entry), NpgsqlDbType.Uuid);
        await writer.WriteAsync(version, NpgsqlDbType.Integer);
        await writer.WriteAsync(commitment ? SearchIndexSql.Commitment : SearchIndexSql.Statement, NpgsqlDbType.Text);
        await writer.WriteAsync(Id(-1 - entry / 8), NpgsqlDbType.Uuid);
        await writer.WriteAsync(new[] { pair.Key }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await writer.WriteAsync(new[] { by }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await Nullable(writer, commitment ? null : $"Speaker {entry % 5000}");
        await Nullable(writer, commitment ? (by == pair.A ? pair.B : pair.A) : null);
        await Nullable(writer, commitment ? corpus.Kind() : null);
        await Nullable(writer, status);
        await Nullable(writer, status?.ToLowerInvariant());
        await writer.WriteAsync(new[] { topic }, NpgsqlDbType.Array | NpgsqlDbType.Text);
        await writer.WriteAsync(topic, NpgsqlDbType.Text);
        await writer.WriteAsync("", NpgsqlDbType.Text);
        await writer.WriteAsync(new DateOnly(2000, 1, 1).AddDays(corpus.Next(9500)), NpgsqlDbType.Date);
        await writer.WriteAsync((int)classification, NpgsqlDbType.Integer);
        await writer.WriteAsync(retracted, NpgsqlDbType.Boolean);
        await writer.WriteAsync(configs[config], NpgsqlDbType.Regconfig);
        await writer.WriteAsync(body, NpgsqlDbType.Text);
        await writer.WriteAsync(knownFrom, NpgsqlDbType.TimestampTz);
        await writer.WriteAsync(knownUntil, NpgsqlDbType.TimestampTz);
    }

    private static Task Nullable(NpgsqlBinaryImporter writer, string? value) =>
        value is null ? writer.WriteNullAsync() : writer.WriteAsync(value, NpgsqlDbType.Text);

    private static Guid Id(int n) => new($"{(uint)n:x8}-0000-4000-8000-000000000000");

    private static async Task<string> Explain(NpgsqlDataSource data, SearchLedger request)
    {
        var (sql, parameters) = SearchQuerySql.Build(request, Classification.TopSecret, DateTimeOffset.UtcNow);
        await using var command = data.CreateCommand("explain (analyze, buffers) " + sql);
        command.Parameters.AddRange(parameters);

        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static async Task Execute(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> Scalar(NpgsqlDataSource data, string sql)
    {
        await using var command = data.CreateCommand(sql);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
