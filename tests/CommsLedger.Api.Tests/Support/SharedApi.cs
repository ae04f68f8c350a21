namespace CommsLedger.Api.Tests.Support;

/// <summary>One API host for all the tests of a class, for classes whose tests only read or check that nothing was
/// appended. Started on first use, since only the test class receives the collection's PostgreSQL cluster.</summary>
public sealed class SharedApi : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ApiHost? _host;

    public async Task<ApiHost> Start(PostgresCluster postgres, Func<ApiHost, Task>? seed = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (_host is null)
            {
                var host = await ApiHost.StartAsync(postgres);
                if (seed is not null)
                {
                    await seed(host);
                }

                _host = host;
            }

            return _host;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _gate.Dispose();
    }
}
