using System.Globalization;

namespace CommsLedger.Benchmarks;

/// <summary>What to run and how big: <c>--scenarios append,rebuild --commands 100 --reps 5 --warmups 1
/// --per-stream 10 --rebuild-events 20000 --rebuild-reps 3</c>.</summary>
public sealed record BenchSettings
{
    private static readonly string[] _known = ["append", "import", "rebuild", "timetravel", "startup", "ingest", "integrity", "search", "reports", "pages"];

    public IReadOnlySet<string> Scenarios { get; init; } = _known.ToHashSet(StringComparer.OrdinalIgnoreCase);
    public int Commands { get; init; } = 100;
    public int Reps { get; init; } = 5;
    public int WarmUps { get; init; } = 1;
    public int StatementsPerStream { get; init; } = 10;
    public int RebuildEvents { get; init; } = 1_000_000;
    public int RebuildRelationships { get; init; } = 10_000;
    public int RebuildReps { get; init; } = 1;
    public bool RebuildWithDaemon { get; init; }
    public bool RebuildWithDefaults { get; init; }
    public int ImportEvents { get; init; } = 1_000_000;
    public int ImportRelationships { get; init; } = 10_000;
    public bool ImportDefault { get; init; } = true;
    public int TimeTravelEvents { get; init; } = 100_000;
    public int IntegrityEvents { get; init; } = 100_000;
    public int SearchEntries { get; init; } = 100_000;
    public int SearchRelationships { get; init; } = 10_000;
    public int SearchReps { get; init; } = 200;

    /// <summary>A folder the search scenario keeps its own cluster in between runs: the generated index is loaded once
    /// and reused while the entry and relationship counts are the same (to iterate on the query, not the load).</summary>
    public string? SearchKeep { get; init; }
    public IReadOnlyList<int> PageSizes { get; init; } = [1_000, 10_000];
    public int ReportEvents { get; init; } = 1_000_000;
    public int ReportRelationships { get; init; } = 10_000;

    public const string Usage =
        "usage: dotnet run -c Release --project tests/CommsLedger.Benchmarks -- [--scenarios append,rebuild] [--commands 100] "
        + "[--reps 5] [--warmups 1] [--per-stream 10] [--import-events 1000000] [--import-relationships 10000] [--import-default yes|no] "
        + "[--rebuild-events 1000000] [--rebuild-relationships 10000] [--rebuild-reps 1] [--rebuild-daemon yes|no] [--rebuild-defaults yes|no] [--timetravel-events 100000] [--search-entries 100000] [--search-relationships 10000] [--search-reps 200] [--search-keep DIR] [--report-events 1000000] [--report-relationships 10000] [--pages-sizes 1000,10000]";

    public override string ToString() =>
        $"scenarios {string.Join(',', Scenarios)}; {Commands} commands × {Reps} reps (+{WarmUps} warm-up), "
        + $"{StatementsPerStream} statements per stream; import {ImportEvents:N0} events over {ImportRelationships:N0} relationships; "
        + $"rebuild {RebuildEvents:N0} events over {RebuildRelationships:N0} relationships × {RebuildReps} reps";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--scenarios" => settings with { Scenarios = ScenariosIn(value) },
                "--commands" => settings with { Commands = Count(args[i], value) },
                "--reps" => settings with { Reps = Count(args[i], value) },
                "--warmups" => settings with { WarmUps = Count(args[i], value, minimum: 0) },
                "--per-stream" => settings with { StatementsPerStream = Count(args[i], value) },
                "--rebuild-events" => settings with { RebuildEvents = Count(args[i], value) },
                "--rebuild-reps" => settings with { RebuildReps = Count(args[i], value) },
                "--rebuild-relationships" => settings with { RebuildRelationships = Count(args[i], value) },
                "--rebuild-daemon" => settings with { RebuildWithDaemon = YesNo(args[i], value) },
                "--rebuild-defaults" => settings with { RebuildWithDefaults = YesNo(args[i], value) },
                "--import-events" => settings with { ImportEvents = Count(args[i], value) },
                "--import-relationships" => settings with { ImportRelationships = Count(args[i], value) },
                "--import-default" => settings with { ImportDefault = YesNo(args[i], value) },
                "--timetravel-events" => settings with { TimeTravelEvents = Count(args[i], value) },
                "--integrity-events" => settings with { IntegrityEvents = Count(args[i], value) },
                "--search-entries" => settings with { SearchEntries = Count(args[i], value) },
                "--search-relationships" => settings with { SearchRelationships = Count(args[i], value) },
                "--search-reps" => settings with { SearchReps = Count(args[i], value) },
                "--search-keep" => settings with { SearchKeep = value },
                "--report-events" => settings with { ReportEvents = Count(args[i], value) },
                "--report-relationships" => settings with { ReportRelationships = Count(args[i], value) },
                "--pages-sizes" => settings with { PageSizes = [.. value.Split(',').Select(size => Count(args[i], size.Trim()))] },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return settings;
    }

    private static int Count(string name, string value, int minimum = 1) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= minimum
            ? n
            : throw new ArgumentException($"{name} must be a whole number of at least {minimum}, not '{value}'");

    private static bool YesNo(string name, string value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => throw new ArgumentException($"{name} takes yes or no, not '{value}'"),
    };

    private static HashSet<string> ScenariosIn(string value)
    {
        var chosen = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = chosen.Except(_known, StringComparer.OrdinalIgnoreCase).ToArray();
        return unknown.Length == 0 && chosen.Count > 0
            ? chosen
            : throw new ArgumentException($"--scenarios takes {string.Join(" and/or ", _known)}, not '{value}'");
    }
}
