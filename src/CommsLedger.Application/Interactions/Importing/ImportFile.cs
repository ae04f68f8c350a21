using CommsLedger.Application.Interactions.InteractionFiles;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Application.Interactions.Importing;

/// <summary>One line of an import file, decided: the events <c>LogInteraction</c> would append for it.</summary>
internal sealed record ImportLine(int Number, Decision Decision)
{
    public InteractionLogged Logged => (InteractionLogged)Decision.Events[0];
}

/// <summary>Reading an import file: every line checked first (all problems at once, by line and field),
/// then the same lines decided again, lazily, for appending.</summary>
internal static class ImportFile
{
    private const int _maxListedProblems = 100;

    /// <summary>Checks every line; returns the number of interactions, or throws <see cref="CommandRejected"/>.</summary>
    public static int CheckAll(Func<TextReader> open, DateOnly today, Classification clearance, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        var unlisted = 0;
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (number, text) in Lines(open))
        {
            cancellationToken.ThrowIfCancellationRequested();
            count++;
            var (line, errors) = Decide(number, text, today, clearance);
            if (line is not null && ImportStreams.SourceIdOf(line) is var sourceId && !firstLineOf.TryAdd(sourceId, number))
            {
                errors = [new FieldError($"line {number}: source.sourceId", $"'{sourceId}' is also on line {firstLineOf[sourceId]}")];
            }

            var listed = Math.Min(errors.Count, _maxListedProblems - problems.Count);
            problems.AddRange(errors.Take(listed));
            unlisted += errors.Count - listed;
            if (count % 1000 == 0)
            {
                progress?.Report(new ImportProgress(ImportPhase.Checking, count, 0));
            }
        }

        if (count == 0)
        {
            problems.Add(new FieldError("file", "holds no interactions (one JSON object per line)"));
        }

        if (unlisted > 0)
        {
            problems.Add(new FieldError("file", $"{unlisted} more problems not listed"));
        }

        progress?.Report(new ImportProgress(ImportPhase.Checking, count, count));
        return problems.Count == 0 ? count : throw new CommandRejected(problems);
    }

    /// <summary>The lines again, decided; only called after <see cref="CheckAll"/> passed.</summary>
    public static IEnumerable<ImportLine> Decided(Func<TextReader> open, DateOnly today, Classification clearance) =>
        Lines(open).Select(l => Decide(l.Number, l.Text, today, clearance) is { Line: { } line, Errors.Count: 0 }
            ? line
            : throw new InvalidOperationException($"line {l.Number} changed since the file was checked"));

    private static (ImportLine? Line, IReadOnlyList<FieldError> Errors) Decide(int number, string text, DateOnly today, Classification clearance)
    {
        var (draft, errors) = InteractionJson.ReadChecked(text);
        if (draft is null)
        {
            return (null, [.. errors.Select(e => e with { Field = $"line {number}: {e.Field}" })]);
        }

        if (draft.Source is not { } source)
        {
            return (null, [new FieldError($"line {number}: source.sourceId", "is required to import: a stable id per interaction makes re-importing append nothing")]);
        }

        var above = Pipeline.Markings.AboveClearance(draft.Markings(), clearance, $"line {number}: ");
        if (above.Length > 0)
        {
            return (null, above);
        }

        var interactionId = Logging.SourceRecords.IdFor(source.SourceId, draft.Classification);
        try
        {
            return (new ImportLine(number, InteractionDecisions.Log(draft, interactionId, DeterministicIds.SequencesByMarking(interactionId), today)), []);
        }
        catch (LedgerRuleViolated rule)
        {
            return (null, [new FieldError($"line {number}: {rule.Field}", rule.Problem)]);
        }
    }

    private static IEnumerable<(int Number, string Text)> Lines(Func<TextReader> open)
    {
        using var reader = open();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return (number, text);
            }
        }
    }
}
