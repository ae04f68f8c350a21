using System.Text.Json;

namespace CommsLedger.Cli.Tests.Ingesting;

[Collection(PostgresCollection.Name)]
public sealed class IngestCommandTests(PostgresCluster postgres) : IDisposable
{
    private const string Readout = """
        date 2024-03-08
        Kenyan Foreign Minister Amina Otieno held a phone conversation with German Foreign Minister Klaus Weber on Thursday.
        Germany will provide 20 million euros for drought relief in Kenya this year, Weber said.
        Otieno said Kenya is ready to host a joint trade forum in Nairobi.
        """;

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"readout-{Guid.NewGuid():N}.txt");

    [Fact]
    public async Task ingest_prints_the_draft_as_json_and_writes_nothing()
    {
        await File.WriteAllTextAsync(_file, Readout);
        var database = await postgres.Cluster.CreateDatabaseAsync("ingest" + Guid.NewGuid().ToString("N")[..8]);

        var (exitCode, output) = await CliProcess.Run(database, "ingest", _file, "--format", "json");

        Assert.Equal(0, exitCode);
        using var draft = JsonDocument.Parse(output);
        Assert.Equal("2024-03-07", draft.RootElement.GetProperty("date_of_interaction").GetString());
        Assert.Equal("phone", draft.RootElement.GetProperty("channel").GetString());
        Assert.Equal(["DE", "KE"], draft.RootElement.GetProperty("relationship").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(draft.RootElement.GetProperty("commitments").EnumerateArray(), c => c.GetProperty("by").GetString() == "DE");
        Assert.Single((await CliProcess.Run(database, "relationships", "--format", "csv")).Output.Split((char)10, StringSplitOptions.RemoveEmptyEntries)); // the header only: nothing was written
    }

    [Fact]
    public async Task committing_a_readout_records_it_and_committing_the_same_text_again_is_a_duplicate()
    {
        await File.WriteAllTextAsync(_file, Readout);
        var database = await postgres.Cluster.CreateDatabaseAsync("ingest" + Guid.NewGuid().ToString("N")[..8]);

        var first = await CliProcess.Run(database, "ingest", _file, "--commit", "--format", "json");
        var second = await CliProcess.Run(database, "ingest", _file, "--commit");
        var relationship = await CliProcess.Run(database, "relationship", "DE-KE", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("duplicate", second.Output, StringComparison.Ordinal);
        using var view = JsonDocument.Parse(relationship.Output);
        Assert.Equal(1, view.RootElement.GetProperty("relationship").GetProperty("interactionCount").GetInt32());
    }

    [Fact]
    public async Task binary_input_is_rejected_with_a_clear_error()
    {
        await File.WriteAllBytesAsync(_file, [0x00, 0x01, 0x02, 0xFF, 0x00]);

        var (exitCode, output) = await CliProcess.Run("Host=127.0.0.1;Port=1", "ingest", _file);

        Assert.Equal(2, exitCode);
        Assert.Contains("binary", output, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_file);
}
