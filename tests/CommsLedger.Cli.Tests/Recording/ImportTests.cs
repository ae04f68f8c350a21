using System.Text.Json;

namespace CommsLedger.Cli.Tests.Recording;

[Collection(PostgresCollection.Name)]
public sealed class ImportTests(PostgresCluster postgres)
{
    private const int _lines = 2000;

    [Theory]
    [InlineData("--batch-size", "500")]
    [InlineData("--bulk", "--batch-size=1000")]
    public async Task importing_a_generated_file_shows_progress_appends_every_interaction_and_reimporting_it_appends_nothing(string path, string batch)
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var file = await HistoricInteractions.WriteFile(_lines);

        var first = await ledger.Run("import", file, path, batch);
        var afterFirst = await ledger.EventCount();
        var second = await ledger.Run("import", file, path, batch, "--format", "json");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Appending interactions", first.Output, StringComparison.Ordinal);
        Assert.Contains($"Imported {_lines} new interactions ({_lines * HistoricInteractions.EventsPerLine} events)", first.Output, StringComparison.Ordinal);
        Assert.Equal(_lines * HistoricInteractions.EventsPerLine, afterFirst);
        Assert.True(second.ExitCode == 0, second.Output);
        using var result = JsonDocument.Parse(second.Output);
        Assert.Equal(0, result.RootElement.GetProperty("appended").GetInt32());
        Assert.Equal(_lines, result.RootElement.GetProperty("alreadyInLedger").GetInt32());
        Assert.Equal(afterFirst, await ledger.EventCount());
        Assert.Equal(_lines, await ledger.Scalar("select count(*) from commsledger.mt_doc_interactionrecord"));
    }

    [Theory]
    [InlineData("--batch-size=20")]
    [InlineData("--bulk")]
    public async Task imported_events_carry_the_user_correlation_id_and_classification_and_every_read_model_is_written(string path)
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var file = await HistoricInteractions.WriteFile(50);

        var (exitCode, output) = await ledger.Run("import", file, path);

        Assert.True(exitCode == 0, output);
        Assert.Equal(50 * HistoricInteractions.EventsPerLine, await ledger.Scalar(
            "select count(*) from commsledger.mt_events where user_name = 'cli.tester' and correlation_id is not null "
            + "and causation_id = 'ImportInteractions' and headers ->> 'classification' = 'UNCLASSIFIED'"));
        Assert.Equal(1, await ledger.Scalar("select count(distinct correlation_id) from commsledger.mt_events"));
        Assert.Equal(50, await ledger.Scalar("select count(*) from commsledger.mt_doc_interactionrecord"));
        Assert.Equal(50, await ledger.Scalar("select count(*) from commsledger.mt_doc_pledgeregister"));
        Assert.Equal(50, await ledger.Scalar("select count(*) from commsledger.mt_doc_followupitem"));
        Assert.Equal(50, await ledger.Scalar("select count(*) from commsledger.mt_doc_relationshipledger"));
    }

    [Fact]
    public async Task an_imported_interaction_has_the_ids_logging_it_would_give_so_logging_it_again_is_a_duplicate()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var seedLine = JsonSerializer.Serialize(JsonDocument.Parse(await File.ReadAllTextAsync(RecordingLedger.SeedCallFile)).RootElement);
        var file = await HistoricInteractions.WriteFile(3, n => n == 2 ? seedLine : null);

        var imported = await ledger.Run("import", file);
        var logged = await ledger.Run("log", "--file", RecordingLedger.SeedCallFile);

        Assert.True(imported.ExitCode == 0, imported.Output);
        Assert.Equal(3, logged.ExitCode);
        Assert.Contains("already recorded as interaction " + RecordingLedger.SeedInteraction, logged.Output, StringComparison.Ordinal);
        Assert.Equal(1, await ledger.Scalar($"select count(*) from commsledger.mt_doc_pledgeregister where id = '{RecordingLedger.SinopharmPledge}'"));
    }

    [Fact]
    public async Task a_file_with_bad_lines_is_rejected_whole_naming_each_line_and_field_and_appends_nothing()
    {
        var ledger = await RecordingLedger.CreateAsync(postgres);
        var good = HistoricInteractions.Draft(7);
        var file = await HistoricInteractions.WriteFile(200, n => n switch
        {
            3 => Application.Interactions.InteractionFiles.InteractionJson.Write(HistoricInteractions.Draft(3)).Replace("\"pledge\"", "\"promise\"", StringComparison.Ordinal),
            150 => "{ not json",
            160 => Application.Interactions.InteractionFiles.InteractionJson.Write(good),
            _ => null,
        });

        var (exitCode, output) = await ledger.Run("import", file);

        Assert.Equal(2, exitCode);
        Assert.Contains("line 3: commitments[0].kind: 'promise' is not one of pledge, intent, offer, request, agreement", output, StringComparison.Ordinal);
        Assert.Contains("line 150: json: is not valid JSON", output, StringComparison.Ordinal);
        Assert.Contains("line 160: source.sourceId: 'archive:call-000007' is also on line 8", output, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.EventCount());
    }
}
