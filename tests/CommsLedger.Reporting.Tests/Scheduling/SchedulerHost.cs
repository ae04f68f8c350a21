using CommsLedger.Application;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Tests.Support;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Scheduling;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommsLedger.Reporting.Tests.Scheduling;

/// <summary>A scheduler as a host runs it: its own services on the ledger's database (two of these are two machines
/// sharing one ledger), a real clock, and its log captured.</summary>
internal sealed class SchedulerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchedulerHost(ServiceProvider services) => _services = services;

    public List<string> Log { get; } = [];

    public static SchedulerHost On(TestLedger ledger) => new(new ServiceCollection().AddLedger(ledger.ConnectionString).BuildServiceProvider());

    public IDocumentStore Store => _services.GetRequiredService<IDocumentStore>();

    public ReportScheduler Scheduler(ReportSchedule schedule, Func<string, byte[], CancellationToken, Task>? write = null) =>
        new(schedule, _services.GetRequiredService<IServiceScopeFactory>(), Store, TimeProvider.System, new ListLogger(Log), write ?? AtomicFile.Write);

    public async Task AddUser(string name, Classification clearance, LedgerRole role = LedgerRole.Reporter)
    {
        await using var scope = _services.CreateAsyncScope();
        var administrator = scope.ServiceProvider.GetRequiredService<Actor>();
        administrator.UserName = "administrator";
        administrator.Clearance = Classification.TopSecret;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AddUser(name, [role], clearance, "correct horse battery"));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class ListLogger(List<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (lines)
            {
                lines.Add($"{logLevel}: {formatter(state, exception)}");
            }
        }
    }
}
