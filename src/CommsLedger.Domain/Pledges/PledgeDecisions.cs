using CommsLedger.Domain.Shared;

namespace CommsLedger.Domain.Pledges;

/// <summary>Pure decisions on pledge streams: (state, command, ids) → <see cref="Decision"/>. The command's shape was
/// checked before; a decision checks what depends on the pledge's state.</summary>
public static class PledgeDecisions
{
    public static Decision NoteProgress(Pledge state, string note, DateOnly asOf)
    {
        RequireNotRetracted(state);
        return Decision.Of(new PledgeProgressNoted(state.Id, note.Trim(), asOf, state.Relationships));
    }

    /// <summary>Whether <paramref name="status"/> can follow the pledge's status is judged against it: the same status
    /// again is a rule broken (422), open or retracted are no outcome at all (a field error).</summary>
    public static Decision ChangeStatus(Pledge state, PledgeStatus status, DateOnly on, string note)
    {
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
        return Decision.Of(status switch
        {
            PledgeStatus.Fulfilled => new PledgeFulfilled(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.PartiallyFulfilled => new PledgePartiallyFulfilled(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Broken => new PledgeBroken(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Withdrawn => new PledgeWithdrawn(state.Id, on, trimmed, state.Relationships),
            PledgeStatus.Lapsed => new PledgeLapsed(state.Id, on, trimmed, state.Relationships),
            _ => throw new CommandRejected([new FieldError("status",
                $"'{Describe(status)}' is not an outcome; use fulfilled, partially fulfilled, broken, withdrawn or lapsed")]),
        });
    }

    public static Decision Assess(Pledge state, Guid assessmentId, int score, string rationale, string? evidence, DateOnly assessedOn)
    {
        RequireNotRetracted(state);
        return Decision.Of(new ComplianceAssessed(state.Id, assessmentId, score, rationale.Trim(), evidence?.Trim(), assessedOn, state.Relationships), assessmentId);
    }

    public static Decision ScheduleFollowUp(Pledge state, FollowUps.FollowUpDraft draft, Guid followUpId)
    {
        RequireNotRetracted(state);
        return Decision.Of(state.FollowUps.Schedule(state.Id, state.Id, draft, followUpId, state.Relationships, state.Classification), followUpId);
    }

    /// <summary>Corrects one field; the field and value passed <see cref="PledgeCorrections.Check"/>.</summary>
    public static Decision Correct(Pledge state, string field, string now, string reason)
    {
        RequireNotRetracted(state);
        var name = PledgeCorrections.FieldName(field);
        var text = now.Trim();
        var patch = PledgeCorrections.Read(name, text);
        var stored = patch.Kind?.ToString() ?? patch.Status?.ToString() ?? text;
        var was = name switch
        {
            PledgeFields.Text => state.Text,
            PledgeFields.Topic => state.Topic,
            PledgeFields.Kind => state.Kind.ToString(),
            PledgeFields.Status => state.Status.ToString(),
            PledgeFields.Due => state.Due is { } due ? DateText.Write(due) : "",
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a field of a pledge"),
        };
        if (string.Equals(was, stored, StringComparison.Ordinal))
        {
            throw new LedgerRuleViolated("now", $"the {name} is already '{stored}'; nothing to correct");
        }

        return Decision.Of(new PledgeCorrected(state.Id, name, was, stored, reason.Trim(), state.Relationships));
    }

    public static Decision Retract(Pledge state, string reason)
    {
        RequireNotRetracted(state);
        return Decision.Of(new PledgeRetracted(state.Id, reason.Trim(), state.Relationships));
    }

    public static string Describe(PledgeStatus status) => status switch
    {
        PledgeStatus.PartiallyFulfilled => "partially fulfilled",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static void RequireNotRetracted(Pledge state)
    {
        if (state.Status == PledgeStatus.Retracted)
        {
            throw new LedgerRuleViolated("pledgeId", $"pledge {state.Id} was retracted; it can no longer be changed");
        }
    }
}
