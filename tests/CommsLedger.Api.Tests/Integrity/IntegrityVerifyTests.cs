using System.Net;
using CommsLedger.Api.Tests.Support;
using CommsLedger.Integrity.Checkpoints;
using CommsLedger.Integrity.Integrating;
using CommsLedger.Integrity.Storage;
using Npgsql;

namespace CommsLedger.Api.Tests.Integrity;

/// <summary>GET /integrity/verify checks the stored events against the Merkle log and its signed checkpoints with the
/// public key named by Integrity:PublicKeyPath.</summary>
[Collection(PostgresCollection.Name)]
public sealed class IntegrityVerifyTests(PostgresCluster postgres) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "commsledger-api-" + Guid.NewGuid().ToString("N"));
    private LedgerKey _key = null!;
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _key = LedgerKey.Generate();
        _key.Save(Path.Combine(_directory, "ledger-key.pem"));
        var publicKey = Path.Combine(_directory, "ledger-public.pem");
        await File.WriteAllTextAsync(publicKey, _key.ExportPublicKeyPem());
        _api = await ApiHost.StartAsync(postgres, new Dictionary<string, string?> { ["Integrity:PublicKeyPath"] = publicKey });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _key.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task an_integrated_and_checkpointed_ledger_is_intact()
    {
        await RecordAndIntegrate();

        using var response = await _api.Client(ApiHost.Reviewer).GetAsync("/integrity/verify");

        var report = await response.Body();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(await _api.EventCount(), report.GetProperty("eventsRead").GetInt64());
        Assert.True(report.GetProperty("treeSize").GetInt64() > 0);
        Assert.Equal(64, report.GetProperty("rootHash").GetString()!.Length);
        Assert.True(report.GetProperty("checkpointsVerified").GetInt32() >= 1);
        Assert.Equal(0, report.GetProperty("divergences").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("firstDivergence").ValueKind);
        Assert.Equal(_key.KeyId, report.GetProperty("keyId").GetString());
    }

    [Fact]
    public async Task an_edited_event_is_named_as_the_first_divergence()
    {
        await RecordAndIntegrate();
        await using (var dataSource = NpgsqlDataSource.Create(_api.ConnectionString))
        {
            await using var edit = dataSource.CreateCommand(
                "UPDATE commsledger.mt_events SET data = data || '{\"tampered\": true}'::jsonb WHERE seq_id = (SELECT min(seq_id) FROM commsledger.mt_events WHERE type <> 'tombstone')");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var report = await (await _api.Client(ApiHost.Reviewer).GetAsync("/integrity/verify")).Body();

        Assert.False(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("divergences").GetInt32() >= 1);
        var first = report.GetProperty("firstDivergence");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, first.GetProperty("sequence").ValueKind);
        Assert.Contains("payload", first.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task only_reviewers_may_verify()
    {
        using var response = await _api.Client(ApiHost.Recorder).GetAsync("/integrity/verify");

        await response.Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task without_a_configured_public_key_it_is_503()
    {
        await using var unconfigured = await ApiHost.StartAsync(postgres);

        using var response = await unconfigured.Client(ApiHost.Reviewer).GetAsync("/integrity/verify");

        await response.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("no trusted ledger public key configured (Integrity:PublicKeyPath)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task RecordAndIntegrate()
    {
        using var logged = await _api.Client(ApiHost.Recorder).PostAsync("/interactions", Requests.Json(Requests.Interaction()));
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        await using var dataSource = NpgsqlDataSource.Create(_api.ConnectionString);
        await using (var create = dataSource.CreateCommand(LedgerSchema.Default.CreateTablesSql()))
        {
            await create.ExecuteNonQueryAsync();
        }

        var integrator = new MerkleIntegrator(dataSource, _key, new IntegratorOptions(), null);
        await integrator.CatchUpAsync(CancellationToken.None);
        Assert.NotNull(await integrator.CheckpointNowAsync(CancellationToken.None));
    }
}
