using System.Globalization;

namespace CommsLedger.Benchmarks;

/// <summary>What to run and how big: <c>--scenarios append,rebuild --commands 200 --reps 5 --warmups 1
/// --per-stream 10 --rebuild-events 20000 --rebuild-reps 3</c>.</summary>
public sealed record BenchSettings
{
    public IReadOnlySet<string> Scenarios { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "append", "rebuild" };
    public int Commands { get; init; } = 200;
    public int Reps { get; init; } = 5;
    public int WarmUps { get; init; } = 1;
    public int StatementsPerStream { get; init; } = 10;
    public int RebuildEvents { get; init; } = 20_000;
    public int RebuildReps { get; init; } = 3;

    public const string Usage =
        "usage: dotnet run -c Release --project tests/CommsLedger.Benchmarks -- [--scenarios append,rebuild] [--commands 200] "
        + "[--reps 5] [--warmups 1] [--per-stream 10] [--rebuild-events 20000] [--rebuild-reps 3]";

    public override string ToString() =>
        $"scenarios {string.Join(',', Scenarios)}; {Commands} commands × {Reps} reps (+{WarmUps} warm-up), "
        + $"{StatementsPerStream} statements per stream; rebuild {RebuildEvents:N0} events × {RebuildReps} reps";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            settings = args[i] switch
            {
                "--scenarios" => settings with { Scenarios = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase) },
                "--commands" => settings with { Commands = Positive(args[i], value) },
                "--reps" => settings with { Reps = Positive(args[i], value) },
                "--warmups" => settings with { WarmUps = int.Parse(value, CultureInfo.InvariantCulture) },
                "--per-stream" => settings with { StatementsPerStream = Positive(args[i], value) },
                "--rebuild-events" => settings with { RebuildEvents = Positive(args[i], value) },
                "--rebuild-reps" => settings with { RebuildReps = Positive(args[i], value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return settings;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'");
}
