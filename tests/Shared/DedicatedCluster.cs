using System.Diagnostics;
using System.Globalization;
using CommsLedger.EmbeddedPostgres;

namespace CommsLedger.Tests.Shared;

/// <summary>A PostgreSQL cluster of one test's own, which the test may stop (fast shutdown), kill -9 and restart
/// under a running API, from the same launcher users get. Its folder is deleted on dispose.</summary>
public sealed class DedicatedCluster : IAsyncDisposable
{
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(30);
    private readonly EmbeddedClusterOptions _options = EmbeddedClusterOptions.ThrowAway();
    private EmbeddedCluster? _cluster;

    private DedicatedCluster()
    {
    }

    public EmbeddedCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public static async Task<DedicatedCluster> StartAsync()
    {
        var dedicated = new DedicatedCluster();
        dedicated._cluster = await EmbeddedCluster.StartAsync(dedicated._options);
        return dedicated;
    }

    /// <summary>Stops the server as an operator would (SIGINT: fast shutdown, sessions are ended) and waits for it to go.</summary>
    public Task StopAsync() => SignalAsync("INT");

    /// <summary>kill -9 of the postmaster: its backends die with it, nothing is flushed beyond what was committed.</summary>
    public Task KillAsync() => SignalAsync("KILL");

    /// <summary>Starts the server again on the same folder (and port) after a stop or a kill; crash recovery runs.</summary>
    public async Task RestartAsync()
    {
        var stale = _cluster;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _cluster = await EmbeddedCluster.StartAsync(_options);
                break;
            }
            // Backends of a killed postmaster may hold its shared memory for a moment.
            catch (InvalidOperationException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }

        // Only now: disposing the first instance while no server runs would delete the folder.
        if (stale is not null)
        {
            await stale.DisposeAsync();
        }
    }

    private async Task SignalAsync(string signal)
    {
        var pidFile = Path.Combine(Cluster.DataDirectory, "data", "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync();
        }

        var giveUpAt = DateTime.UtcNow + ExitWait;
        while (IsAlive(pid))
        {
            if (DateTime.UtcNow > giveUpAt)
            {
                throw new TimeoutException($"the postmaster {pid} did not exit after SIG{signal}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    // Not our child, so it is watched through /proc; a zombie nobody has reaped yet counts as gone.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault() != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
