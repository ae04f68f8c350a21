using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Pledges;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Cli.Tests.Recording;

/// <summary>Generated import files: valid interactions spread over 190 relationships, each with a stable source id.</summary>
internal static class HistoricInteractions
{
    /// <summary>Per line: the interaction (logged, 2 statements, 1 commitment) and its pledge (made, 1 follow-up).</summary>
    public const int EventsPerLine = 6;

    private static readonly string[] _codes =
        ["CN", "PE", "US", "FR", "DE", "JP", "BR", "IN", "ZA", "KE", "MX", "AU", "CA", "EG", "ID", "NG", "TR", "KR", "AR", "SE"];

    private static readonly (string A, string B)[] _pairs = [.. _codes.SelectMany((a, i) => _codes.Skip(i + 1).Select(b => (a, b)))];

    public static async Task<string> WriteFile(int lines, Func<int, string?>? replaceLine = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.jsonl");
        await using var writer = new StreamWriter(path);
        for (var n = 0; n < lines; n++)
        {
            await writer.WriteLineAsync(replaceLine?.Invoke(n + 1) ?? InteractionJson.Write(Draft(n)));
        }

        return path;
    }

    public static InteractionDraft Draft(int n)
    {
        var (a, b) = _pairs[n % _pairs.Length];
        var on = new DateOnly(2015, 1, 1).AddDays(n % 3000);
        return new InteractionDraft(
            InteractionKind.PhoneCall,
            new OccurredAt(on),
            [new Participant($"Minister of {a}", "Foreign Minister", a), new Participant($"Minister of {b}", "Foreign Minister", b)],
            $"Historic call {n} between {a} and {b} on trade and health cooperation.",
            new SourceReference($"archive:call-{n:D6}", $"https://archive.example/calls/{n}", null),
            Classification.Unclassified,
            ["041"],
            [new StatementDraft($"Minister of {a}", a, $"{a} is ready to deepen trade with {b}.", ["trade"]),
             new StatementDraft($"Minister of {b}", b, $"{b} welcomes investment from {a}.", ["investment"])],
            [new CommitmentDraft(a, b, CommitmentKind.Pledge, $"{a} will support a joint working group on vaccines with {b}", "health cooperation", on.AddMonths(6),
                [new FollowUpDraft($"Check the working group of call {n}", "Desk officer", on.AddMonths(3))], ["033"])],
            []);
    }
}
