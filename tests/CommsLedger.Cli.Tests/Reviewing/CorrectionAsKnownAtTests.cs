using System.Globalization;
using System.Text.Json;

namespace CommsLedger.Cli.Tests.Reviewing;

[Collection(PostgresCollection.Name)]
public sealed class CorrectionAsKnownAtTests(PostgresCluster postgres)
{
    private const string SeedInteraction = "d0194545-24cf-5816-97ef-51813235b66b";

    [Fact]
    public async Task relationship_as_known_before_a_statement_correction_shows_the_old_text_and_after_it_the_new()
    {
        var database = await postgres.Cluster.CreateDatabaseAsync("asof" + Guid.NewGuid().ToString("N")[..8]);
        Assert.Equal(0, (await CliProcess.Run(database, "demo")).ExitCode);
        var (_, recordJson) = await CliProcess.Run(database, "interaction", SeedInteraction, "--format", "json");
        using var record = JsonDocument.Parse(recordJson);
        var statement = record.RootElement.GetProperty("statements").EnumerateArray().First(s => s.GetProperty("speaker").GetString() == "Mario Lopez");
        var original = statement.GetProperty("text").GetString()!;
        var version = record.RootElement.GetProperty("version").GetInt64();
        await Task.Delay(1100);
        var beforeCorrection = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        await Task.Delay(1100);

        var corrected = await CliProcess.Run(database, "correct", "statement", SeedInteraction,
            "--statement", statement.GetProperty("statementId").GetString()!, "--expected-version", version.ToString(CultureInfo.InvariantCulture),
            "--field", "text", "--now", "Lopez thanked China for its vaccine support.", "--reason", "wrong paragraph quoted");
        var then = await CliProcess.Run(database, "relationship", "CN-PE", "--as-known-at", beforeCorrection, "--format", "json");
        var now = await CliProcess.Run(database, "relationship", "CN-PE", "--as-known-at", DateTimeOffset.UtcNow.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture), "--format", "json");

        Assert.Equal(0, corrected.ExitCode);
        Assert.Contains(original, StatementTexts(then.Output));
        Assert.DoesNotContain("Lopez thanked China for its vaccine support.", StatementTexts(then.Output));
        Assert.Contains("Lopez thanked China for its vaccine support.", StatementTexts(now.Output));
        Assert.DoesNotContain(original, StatementTexts(now.Output));
    }

    private static List<string> StatementTexts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("relationship").GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("text").GetString()!)];
    }
}
