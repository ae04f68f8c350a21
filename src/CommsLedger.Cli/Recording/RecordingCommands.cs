using CommsLedger.Application.Corrections;
using CommsLedger.Domain.Pledges;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Recording;

/// <summary>The recorders' commands: log, statement, commitment, followup, pledge, assess, correct, retract, import.</summary>
public static class RecordingCommands
{
    // The seed call's ids (derived from its source id), so the examples can be pasted in order after `log --file seed-call.json`.
    private const string _interaction = "d0194545-24cf-5816-97ef-51813235b66b";
    private const string _pledge = "8c4d6de1-8eb6-58d1-b88e-0afc78551a02";
    private const string _statement = "b71eeeb8-8ea9-5a81-8f95-31dfd415752e";
    private const string _followUp = "f85ac916-e52f-5a37-be95-a32b5161f161";

    public static IConfigurator AddRecordingCommands(this IConfigurator config)
    {
        config.AddCommand<LogCommand>("log")
            .WithDescription("Log an interaction with its participants, statements, commitments and follow-ups in one transaction; prints every new id. "
                + "Statements, commitments and follow-ups come from --file (or are added later with statement add, commitment add, followup schedule).")
            .WithExample("log", "--file", "Recording/examples/seed-call.json")
            .WithExample("log", "--file=-", "--format", "json")
            .WithExample("log", "--kind", "phone-call", "--on", "2020-11-05", "--participant", "Wang Yi|State Councilor and Foreign Minister|CN",
                "--participant", "Mario Lopez|Foreign Minister|PE", "--summary", "COVID-19 cooperation and the 50th anniversary of ties");
        config.AddBranch("statement", statement =>
        {
            statement.SetDescription("Statements on an interaction already logged.");
            statement.AddCommand<AddStatementCommand>("add")
                .WithDescription("Add what one participant said.")
                .WithExample("statement", "add", _interaction, "--expected-version", "20", "--speaker", "Mario Lopez", "--country", "PE",
                    "--text", "Peru hopes to open a trade office in Shanghai.", "--topic", "trade");
        });
        config.AddBranch("commitment", commitment =>
        {
            commitment.SetDescription("Commitments on an interaction already logged.");
            commitment.AddCommand<AddCommitmentCommand>("add")
                .WithDescription("Add a commitment; its pledge stream starts with it. Prints the new pledge id.")
                .WithExample("commitment", "add", _interaction, "--expected-version", "20", "--by", "CN", "--to", "PE", "--kind", "pledge",
                    "--text", "China will donate 100,000 test kits", "--topic", "COVID-19", "--due", "2021-01-31");
        });
        config.AddBranch("followup", followUp =>
        {
            followUp.SetDescription("Actions on our side: schedule, complete, cancel.");
            followUp.AddCommand<ScheduleFollowUpCommand>("schedule")
                .WithDescription("Schedule a follow-up on a pledge (or an interaction). Prints the new follow-up id.")
                .WithExample("followup", "schedule", "--pledge", _pledge, "--expected-version", "2", "--action", "Ask for the trial timetable",
                    "--owner", "Health cooperation desk", "--due", "2021-01-15");
            followUp.AddCommand<CompleteFollowUpCommand>("complete")
                .WithDescription("Complete a follow-up with its outcome. --expected-version is that of its pledge or interaction.")
                .WithExample("followup", "complete", _followUp, "--expected-version", "2", "--outcome", "Trials started in September", "--on", "2021-03-30");
            followUp.AddCommand<CancelFollowUpCommand>("cancel")
                .WithDescription("Cancel a follow-up no longer needed.")
                .WithExample("followup", "cancel", _followUp, "--expected-version", "2", "--reason", "Covered by the embassy's report");
        });
        config.AddBranch("pledge", pledge =>
        {
            pledge.SetDescription("Record what became of a pledge: progress notes and outcomes (dates default to today, UTC); or show it.");

            // The reviewers' one-pledge view lives under this branch: a branch cannot also be a command taking <PLEDGE_ID>.
            pledge.AddCommand<Reviewing.PledgeCommand>("show")
                .WithDescription("Print one pledge with its history, follow-ups and assessments.")
                .WithExample("pledge", "show", _pledge, "--as-known-at", "2021-01-01");
            AddOutcome(pledge, "progress", PledgeStatus.Open, "Note progress on a pledge (--note required); the status stays as it is.");
            AddOutcome(pledge, "fulfil", PledgeStatus.Fulfilled, "The pledge was fulfilled.");
            AddOutcome(pledge, "partial", PledgeStatus.PartiallyFulfilled, "The pledge was partially fulfilled.");
            AddOutcome(pledge, "break", PledgeStatus.Broken, "The pledge was broken.");
            AddOutcome(pledge, "withdraw", PledgeStatus.Withdrawn, "The party withdrew the pledge.");
            AddOutcome(pledge, "lapse", PledgeStatus.Lapsed, "The pledge lapsed (its time passed with no outcome).");
        });
        config.AddCommand<AssessCommand>("assess")
            .WithDescription("Score a pledge's compliance on the G7 scale: +1 full, 0 partial, -1 none.")
            .WithExample("assess", _pledge, "--expected-version", "3", "--score", "+1", "--rationale", "Phase-3 trials ran in Lima from September",
                "--evidence", "https://example.org/minsa-report");
        config.AddBranch("correct", correct =>
        {
            correct.SetDescription("Correct one field of an entry; the original stays in the log beside the correction.");
            AddEntry<CorrectCommand>(correct, "interaction", EntryKind.Interaction, "Correct an interaction's summary, kind or occurred_on.",
                ["correct", "interaction", _interaction, "--expected-version", "20", "--field", "occurred_on", "--now", "2020-11-04", "--reason", "Readout date misread"]);
            AddEntry<CorrectCommand>(correct, "statement", EntryKind.Statement, "Correct a statement's text, speaker or topics (give its interaction and --statement).",
                ["correct", "statement", _interaction, "--statement", _statement, "--expected-version", "20", "--field", "text", "--now", "China is ready to work with Peru.", "--reason", "Typo"]);
            AddEntry<CorrectCommand>(correct, "pledge", EntryKind.Pledge, "Correct a pledge's text, topic, kind, due or status.",
                ["correct", "pledge", _pledge, "--expected-version", "2", "--field", "due", "--now", "2021-06-30", "--reason", "Due date given in the follow-up note"]);
        });
        config.AddBranch("retract", retract =>
        {
            retract.SetDescription("Retract an entry recorded in error; it stays in the log, marked retracted.");
            AddEntry<RetractCommand>(retract, "interaction", EntryKind.Interaction, "Retract a whole interaction.",
                ["retract", "interaction", _interaction, "--expected-version", "20", "--reason", "Logged twice"]);
            AddEntry<RetractCommand>(retract, "statement", EntryKind.Statement, "Retract one statement (give its interaction and --statement).",
                ["retract", "statement", _interaction, "--statement", _statement, "--expected-version", "20", "--reason", "Not in the readout"]);
            AddEntry<RetractCommand>(retract, "pledge", EntryKind.Pledge, "Retract a pledge recorded in error (not withdrawn by the party: use pledge withdraw).",
                ["retract", "pledge", _pledge, "--expected-version", "2", "--reason", "A statement, not a commitment"]);
        });
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Import historic interactions from JSON lines (the log --file format, one per line, each with a source.sourceId). "
                + "Every line is checked before anything is appended; interactions already in the ledger are skipped.")
            .WithExample("import", "history.jsonl")
            .WithExample("import", "history.jsonl", "--format", "json")
            .WithExample("import", "first-load.jsonl", "--bulk", "--batch-size", "1000");
        return config;
    }

    private static void AddOutcome(IConfigurator<CommandSettings> pledge, string verb, PledgeStatus status, string description) =>
        pledge.AddCommand<PledgeOutcomeCommand>(verb)
            .WithData(status)
            .WithDescription(description)
            .WithExample(status == PledgeStatus.Open
                ? ["pledge", verb, _pledge, "--expected-version", "2", "--note", "Sinopharm shipped trial doses to Lima", "--on", "2020-11-20"]
                : ["pledge", verb, _pledge, "--expected-version", "2", "--on", "2021-02-09", "--note", "First 300,000 doses arrived in Lima"]);

    private static void AddEntry<TCommand>(IConfigurator<CommandSettings> branch, string name, EntryKind target, string description, string[] example)
        where TCommand : class, ICommandLimiter<CommandSettings> =>
        branch.AddCommand<TCommand>(name).WithData(target).WithDescription(description).WithExample(example);
}
