using System.Globalization;

namespace CommsLedger.EmbeddedPostgres.Tests;

/// <summary>A cluster folder a test owns, looked at from outside the launcher.</summary>
internal sealed class ClusterFolder : IAsyncDisposable
{
    public EmbeddedClusterOptions Options { get; } = EmbeddedClusterOptions.ThrowAway() with { DeleteOnDispose = false };

    public string PostmasterPidFile => Path.Combine(Options.DataDirectory, "data", "postmaster.pid");

    public int PostmasterPid() =>
        int.Parse(File.ReadLines(PostmasterPidFile).First(), CultureInfo.InvariantCulture);

    /// <summary>Stops whatever a failed or deliberately leaky test left running, then deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Directory.Exists(Options.DataDirectory))
        {
            return;
        }

        var layout = new ClusterLayout(Options.DataDirectory);
        var server = new ServerControl(await PostgresBinaries.LocateAsync(CancellationToken.None), layout, ServerAccount.Current);
        if (await server.RunningPostmasterPidAsync(CancellationToken.None) is not null)
        {
            await server.StopAsync(CancellationToken.None);
        }

        Directory.Delete(Options.DataDirectory, recursive: true);
    }
}
