using System.ComponentModel;
using CommsLedger.Application.Interactions.Logging;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Rendering;
using CommsLedger.Domain.Shared;
using CommsLedger.Ingest;
using CommsLedger.Ingest.Drafting;
using CommsLedger.Ingest.Evaluation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommsLedger.Cli.Ingesting;

public sealed class IngestSettings : OutputSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("The readout text file, or - to read standard input.")]
    public string File { get; init; } = "";

    [CommandOption("--evaluate <DIR>")]
    [Description("Score the drafter on a folder of readouts (NAME.txt with gold/NAME.json) instead of drafting one file.")]
    public string? Evaluate { get; init; }

    [CommandOption("--details")]
    [Description("With --evaluate: list each readout's missed and extra commitments.")]
    public bool Details { get; init; }

    [CommandOption("--commit")]
    [Description("Record the draft through the normal log command. Without it nothing is written.")]
    public bool Commit { get; init; }

    [CommandOption("--classification <MARKING>")]
    [Description("Marking of the recorded interaction (default UNCLASSIFIED).")]
    public string Classification { get; init; } = "UNCLASSIFIED";

    [CommandOption("--owner <OWNER>")]
    [Description("Who owns the follow-ups drafted from the readout (default: desk officer).")]
    public string Owner { get; init; } = "desk officer";
}

/// <summary>Drafts a ledger entry from a published readout; with --commit, records it.</summary>
public sealed class IngestCommand(IAnsiConsole console) : AsyncCommand<IngestSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Evaluate is { } directory)
        {
            return Evaluate(directory, settings);
        }

        if (settings.File.Length == 0)
        {
            throw new CommandRejected([new FieldError("FILE", "give a readout file, - for standard input, or --evaluate DIR")]);
        }

        var bytes = await Read(settings.File, cancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var draft = ReadoutExtractor.ExtractUtf8(bytes);
        if (!settings.Commit)
        {
            if (settings.Format == OutputFormat.Json)
            {
                Console.Out.WriteLine(DraftJson.Serialize(draft, indented: true));
            }
            else
            {
                ReadoutTable.Write(console, draft);
            }

            return ExitCodes.Ok;
        }

        if (!ClassificationNames.TryParse(settings.Classification, out var marking))
        {
            throw new CommandRejected([new FieldError("--classification", $"'{settings.Classification}' is not UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET")]);
        }

        var plan = InteractionDrafts.From(draft, text, settings.File == "-" ? "stdin" : Path.GetFileName(settings.File), marking, settings.Owner);
        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        var record = await ledger.Mediator.Send(new LogInteraction(plan.Draft), cancellationToken);
        foreach (var note in plan.LeftOut)
        {
            console.MarkupLineInterpolated($"[yellow]left out:[/] {note}");
        }

        if (settings.Format == OutputFormat.Json)
        {
            Output.WriteJson(new { interactionId = record.Id, version = record.Version, statements = record.Statements.Count, pledges = record.Commitments.Select(c => c.PledgeId), leftOut = plan.LeftOut });
        }
        else
        {
            console.MarkupLineInterpolated($"Recorded interaction {record.Id} (version {record.Version}) with {record.Statements.Count} statements and {record.Commitments.Count} commitments.");
        }

        return ExitCodes.Ok;
    }

    private int Evaluate(string directory, IngestSettings settings)
    {
        if (!Directory.Exists(directory))
        {
            throw new CommandRejected([new FieldError("--evaluate", $"'{directory}' is not a folder")]);
        }

        var evaluation = DevelopmentSet.Evaluate(directory);
        Output.Write(console, settings.Format, evaluation, EvaluationTable.Write, EvaluationTable.CsvRows);
        if (settings.Details && settings.Format == OutputFormat.Table)
        {
            EvaluationTable.WriteDetails(console, evaluation);
        }

        return ExitCodes.Ok;
    }

    private static async Task<byte[]> Read(string file, CancellationToken cancellationToken)
    {
        if (file == "-")
        {
            using var buffer = new MemoryStream();
            await Console.OpenStandardInput().CopyToAsync(buffer, cancellationToken);
            return buffer.ToArray();
        }

        return System.IO.File.Exists(file)
            ? await System.IO.File.ReadAllBytesAsync(file, cancellationToken)
            : throw new CommandRejected([new FieldError("FILE", $"'{file}' does not exist")]);
    }
}
