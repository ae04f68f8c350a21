using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CommsLedger.Reliability.Support;

/// <summary>The API as operators run it: its own process (<c>CommsLedger.Api.dll</c>), which a test can kill -9 and start again on the same port.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    private ApiProcess(string connectionString, int port)
    {
        _connectionString = connectionString;
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    public Uri Address { get; }

    public string LastLines => string.Join("\n", _log.TakeLast(60));

    public static async Task<ApiProcess> StartAsync(string connectionString)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var api = new ApiProcess(connectionString, port);
        await api.RestartAsync();
        return api;
    }

    /// <summary>Starts the process (again) and waits until it answers <c>/health/ready</c>.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CommsLedger.Api.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        start.Environment["COMMSLEDGER_CONNECTION"] = _connectionString;
        start.Environment["COMMSLEDGER_SECRETS"] = CommandLine.Secrets;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (_process.HasExited || DateTime.UtcNow > giveUpAt)
            {
                throw new InvalidOperationException($"the API did not start:\n{LastLines}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>kill -9: no shutdown, no response for the requests in flight.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
            while (_log.Count > 200)
            {
                _log.TryDequeue(out _);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await KillAsync();
        }
    }
}
