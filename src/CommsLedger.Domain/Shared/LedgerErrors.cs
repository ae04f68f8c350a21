namespace CommsLedger.Domain.Shared;

/// <summary>One problem with one field of a command, e.g. ("participants[1].country", "'XX' is not an ISO 3166-1 alpha-2 code").</summary>
public sealed record FieldError(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}

/// <summary>The command is malformed: it names the fields and nothing was appended. <paramref name="deniedBecause"/>
/// marks a refusal on the grounds of clearance, which the audit log records as a denial.</summary>
public sealed class CommandRejected(IReadOnlyList<FieldError> errors, string? deniedBecause = null)
    : Exception("Rejected: " + string.Join("; ", errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
    public string? DeniedBecause { get; } = deniedBecause;
}

/// <summary>The command is well formed but the ledger's current state does not allow it.</summary>
public sealed class LedgerRuleViolated(string field, string problem)
    : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}

/// <summary>The entry named does not exist (or is not visible). The message is the same either way;
/// <paramref name="deniedBecause"/> says, for the audit log only, that it exists above the actor's clearance.</summary>
public sealed class EntryNotFound(string what, Guid id, string? deniedBecause = null) : Exception($"{what} {id} was not found")
{
    public string What { get; } = what;
    public Guid Id { get; } = id;
    public string? DeniedBecause { get; } = deniedBecause;

    public static EntryNotFound AboveClearance(string what, Guid id, Classification marking, Classification clearance) =>
        new(what, id, $"{what} {id} is {marking.Display()}, above the actor's clearance ({clearance.Display()})");
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

    /// <summary>Runs <paramref name="checks"/> and throws every problem they found at once, if any.</summary>
    public static void Check(Action<FieldErrors> checks) => Throw(Of(checks));

    /// <summary>Throws <see cref="CommandRejected"/> with <paramref name="errors"/>, if there are any.</summary>
    public static void Throw(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new CommandRejected(errors);
        }
    }

    /// <summary>Every problem <paramref name="checks"/> find, in the order found.</summary>
    public static IReadOnlyList<FieldError> Of(Action<FieldErrors> checks)
    {
        var errors = new FieldErrors();
        checks(errors);
        return errors.All;
    }

    public void Add(string field, string problem) => _errors.Add(new FieldError(field, problem));

    public void Add(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

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
        else
        {
            RequireStorable(value, field);
        }
    }

    /// <summary>A date a diplomatic record can plausibly carry: 1900 to 2200, as for due dates.</summary>
    public void RequirePlausibleDate(DateOnly date, string field) =>
        Require(DateText.IsPlausible(date), field, $"{date:yyyy-MM-dd} is not a plausible date (1900–2200)");

    /// <summary>Optional free text: storable and at most <paramref name="maxLength"/> characters.</summary>
    public void OptionalText(string? value, string field, int maxLength = 4000)
    {
        if (value is { Length: var length } && length > maxLength)
        {
            Add(field, $"is {length} characters; at most {maxLength} allowed");
        }
        else
        {
            RequireStorable(value, field);
        }
    }

    /// <summary>Text PostgreSQL can store: no NUL character, and no UTF-16 surrogate without its pair.</summary>
    public void RequireStorable(string? value, string field)
    {
        if (value is null)
        {
            return;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            Add(field, "contains the NUL character (\\u0000), which text cannot hold");
        }
        else if (HasLoneSurrogate(value))
        {
            Add(field, "is not valid text: it holds a UTF-16 surrogate without its pair");
        }
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new CommandRejected(_errors.ToArray());
        }
    }
}
