using System.Globalization;
using CommsLedger.Domain.FollowUps;
using CommsLedger.Domain.Interactions;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Pledges;

/// <summary>Pure decisions on pledge streams: (state, command, ids, today) → events.</summary>
public static class PledgeDecisions
{
    public static PledgeProgressNoted NoteProgress(Pledge state, string note, DateOnly asOf)
    {
        FieldErrors.Check(errors => { errors.RequireText(note, "note"); errors.RequirePlausibleDate(asOf, "asOf"); });
        RequireNotRetracted(state);
        return new PledgeProgressNoted(state.Id, note.Trim(), asOf, state.Relationships);
    }

    public static IPledgeOutcome ChangeStatus(Pledge state, PledgeStatus status, DateOnly on, string note)
    {
        FieldErrors.Check(errors => { errors.RequirePlausibleDate(on, "on"); errors.OptionalText(note, "note"); });
        RequireNotRetracted(state);
        if (state.IsSettled)
        {
            throw new LedgerRuleViolated("status",
                $"pledge {state.Id} is already {Describe(state.Status)}; record a correction of its status if that was wrong");
        }

        if (status == state.Status)
        {
            throw new LedgerRuleViolated("status", $"pledge {state.Id} is already {Describe(status)}");
        }

        var trimmed = (note ?? "").Trim();
        return status switch
        {
            PledgeStatus.Fulfilled => new PledgeFulfilled(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.PartiallyFulfilled => new PledgePartiallyFulfilled(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Broken => new PledgeBroken(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Withdrawn => new PledgeWithdrawn(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Lapsed => new PledgeLapsed(state.Id, on, trimmed, state.Relationships),
            _ => throw new CommandRejected([new FieldError("status",
                $"'{Describe(status)}' is not an outcome; use fulfilled, partially fulfilled, broken, withdrawn or lapsed")]),
        };
    }

    public static ComplianceAssessed Assess(Pledge state, Guid assessmentId, int score, string rationale, string? evidence, DateOnly assessedOn)
    {
        if (score is < -1 or > 1)
        {
            throw new CommandRejected([new FieldError("score", $"{score} is not on the G7 scale: use +1 (full), 0 (partial) or -1 (none)")]);
        }

        FieldErrors.Check(errors =>
        {
            errors.RequireText(rationale, "rationale");
            errors.OptionalText(evidence, "evidence");
            errors.RequirePlausibleDate(assessedOn, "on");
        });
        RequireNotRetracted(state);
        return new ComplianceAssessed(state.Id, assessmentId, score, rationale.Trim(), evidence?.Trim(), assessedOn, state.Relationships);
    }

    public static FollowUpScheduled ScheduleFollowUp(Pledge state, FollowUpDraft draft, Guid followUpId)
    {
        var errors = new FieldErrors();
        draft.Check(errors, "");
        errors.ThrowIfAny();
        RequireNotRetracted(state);
        return state.FollowUps.Schedule(state.Id, state.Id, draft, followUpId, state.Relationships, state.Classification);
    }

    public static PledgeCorrected Correct(Pledge state, string field, string now, string reason)
    {
        InteractionDecisions.RequireReason(reason);
        RequireNotRetracted(state);
        var normalisedField = (field ?? "").Trim().ToLowerInvariant();
        var cleanNow = (now ?? "").Trim();
        var was = normalisedField switch
        {
            PledgeFields.Text => RequireNonEmpty(state.Text, cleanNow),
            PledgeFields.Topic => state.Topic,
            PledgeFields.Kind => ParsedOrRejected<CommitmentKind>(cleanNow, state.Kind.ToString()),
            PledgeFields.Status when EnumText.IsName<PledgeStatus>(cleanNow) && Enum.Parse<PledgeStatus>(cleanNow, ignoreCase: true) == PledgeStatus.Retracted =>
                throw new CommandRejected([new FieldError("now", "a pledge is retracted with a retraction (and a reason), not by correcting its status")]),
            PledgeFields.Status => ParsedOrRejected<PledgeStatus>(cleanNow, state.Status.ToString()),
            PledgeFields.Due => cleanNow.Length == 0
                || (DateOnly.TryParseExact(cleanNow, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) && due.Year is >= 1900 and <= 2200)
                ? state.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""
                : throw new CommandRejected([new FieldError("now", $"'{cleanNow}' is not a plausible date (yyyy-MM-dd, 1900-2200), nor empty to clear it")]),
            _ => throw new CommandRejected([new FieldError("field", $"'{field}' cannot be corrected on a pledge; use one of {string.Join(", ", PledgeFields.All)}")]),
        };
        if (normalisedField is PledgeFields.Kind or PledgeFields.Status)
        {
            cleanNow = Enum.Parse(normalisedField == PledgeFields.Kind ? typeof(CommitmentKind) : typeof(PledgeStatus), cleanNow, ignoreCase: true).ToString()!;
        }

        if (string.Equals(was, cleanNow, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolated("now", $"the {normalisedField} is already '{cleanNow}'; nothing to correct");
        }

        return new PledgeCorrected(state.Id, normalisedField, was, cleanNow, reason.Trim(), state.Relationships);
    }

    public static PledgeRetracted Retract(Pledge state, string reason)
    {
        InteractionDecisions.RequireReason(reason);
        RequireNotRetracted(state);
        return new PledgeRetracted(state.Id, reason.Trim(), state.Relationships);
    }

    public static string Describe(PledgeStatus status) => status switch
    {
        PledgeStatus.PartiallyFulfilled => "partially fulfilled",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string RequireNonEmpty(string was, string now) =>
        now.Length > 0 ? was : throw new CommandRejected([new FieldError("now", "the text of a commitment cannot be empty; retract it instead")]);

    private static string ParsedOrRejected<TEnum>(string now, string was)
        where TEnum : struct, Enum =>
        EnumText.IsName<TEnum>(now)
            ? was
            : throw new CommandRejected([new FieldError("now", $"'{now}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}")]);

    private static void RequireNotRetracted(Pledge state)
    {
        if (state.Status == PledgeStatus.Retracted)
        {
            throw new LedgerRuleViolated("pledgeId", $"pledge {state.Id} was retracted; it can no longer be changed");
        }
    }
}
