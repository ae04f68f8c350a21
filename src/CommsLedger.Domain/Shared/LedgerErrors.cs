namespace CommsLedger.Domain.Shared;

/// <summary>One problem with one field of a command, e.g. ("participants[1].country", "'XX' is not an ISO 3166-1 alpha-2 code").</summary>
public sealed record FieldError(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}

/// <summary>The command is malformed: it names the fields and nothing was appended.</summary>
public sealed class CommandRejected(IReadOnlyList<FieldError> errors)
    : Exception("Rejected: " + string.Join("; ", errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>The command is well formed but the ledger's current state does not allow it.</summary>
public sealed class LedgerRuleViolated(string field, string problem)
    : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

/// <summary>The entry named does not exist (or is not visible).</summary>
public sealed class EntryNotFound(string what, Guid id) : Exception($"{what} {id} was not found")
{
    public string What { get; } = what;
    public Guid Id { get; } = id;
}

/// <summary>The action needs a higher clearance than the actor holds (replaying or verifying the whole ledger reads
/// every event, so it is for TOP SECRET only). Says nothing about any entry, only about the action.</summary>
public sealed class ClearanceTooLow(string action, Classification needed, Classification held)
    : Exception($"{action} needs {needed.Display()} clearance; yours is {held.Display()}")
{
    public Classification Needed { get; } = needed;
    public Classification Held { get; } = held;

    public static void Require(Classification held, Classification needed, string action)
    {
        if (held < needed)
        {
            throw new ClearanceTooLow(action, needed, held);
        }
    }
}

/// <summary>Someone changed the stream since the caller read it; nothing was appended.</summary>
public sealed class VersionConflict(string what, Guid id, long expected, long? actual)
    : Exception($"{what} {id} changed since you read it at version {expected}"
        + (actual is { } now ? $"; now {now}" : "") + " — re-read and retry")
{
    public string What { get; } = what;
    public Guid Id { get; } = id;
    public long Expected { get; } = expected;
    public long? Actual { get; } = actual;
}

/// <summary>The same source was already recorded; nothing was appended.</summary>
public sealed class AlreadyRecorded(Guid existingId, string sourceId)
    : Exception($"source '{sourceId}' is already recorded as interaction {existingId}")
{
    public Guid ExistingId { get; } = existingId;
    public string SourceId { get; } = sourceId;
}

/// <summary>Collects field errors while a command is checked, then throws them all at once.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public void Add(string field, string problem) => _errors.Add(new FieldError(field, problem));

    public void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            Add(field, problem);
        }
    }

    public void RequireText(string? value, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"is {value.Length} characters; at most {maxLength} allowed");
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new CommandRejected(_errors.ToArray());
        }
    }
}
