using CommsLedger.Application.Access;
using CommsLedger.Application.Access.Credentials;
using CommsLedger.Application.Access.Users;
using CommsLedger.Application.Pipeline;
using CommsLedger.Application.Reports;
using CommsLedger.Domain.Shared;
using Cronos;
using Mediator;

namespace CommsLedger.Reporting.Scheduling;

/// <summary>A checked schedule: its jobs, and how often and how patiently a failed run is retried (the wait doubles
/// from <paramref name="Backoff"/> after each failure).</summary>
public sealed record ReportSchedule(IReadOnlyList<ReportJob> Jobs, int Retries, TimeSpan Backoff);

/// <summary>A checked job: when it runs, as whom, what it builds and where the file goes (<see cref="Target"/>: one
/// file per job, replaced atomically by each run that has something new).</summary>
public sealed record ReportJob(string Name, CronExpression Cron, TimeZoneInfo Zone, ReportFormat Format, string Folder, JobIdentity Identity, ReportRequest Request, int? SinceDays)
{
    public string Target => Path.Combine(Folder, $"{Name}.{Reports.Extension(Format)}");

    /// <summary>The request of a run on <paramref name="today"/>: the day overdue is judged on is the run's day.</summary>
    public ReportRequest RequestOn(DateOnly today) => Request with { On = today, Since = SinceDays is { } days ? today.AddDays(-days) : null };

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Cron.GetNextOccurrence(instant, Zone);
}

/// <summary>The ledger user a job runs as: a named user, or whoever holds the API key in a file or an environment
/// variable (the key itself is never logged). Looked up at every run, so a revoked key or a lowered clearance
/// takes effect at once. The user must be a reporter or a reviewer.</summary>
public sealed record JobIdentity(string? User, string? ApiKeyFile, string? ApiKeyEnv)
{
    public async Task<UserView> Resolve(IMediator mediator, CancellationToken cancellationToken)
    {
        var user = User is { } name
            ? (await mediator.Send(new ListUsers(), cancellationToken)).FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new CommandRejected([new("asUser", $"no ledger user is named '{name}'")])
            : (await mediator.Send(new AuthenticateApiKey(await Key(cancellationToken)), cancellationToken))?.User
                ?? throw new CommandRejected([new(Source, "the API key is not a live key of any ledger user (revoked, or mistyped)")]);
        if (!user.Roles.Any(r => r is LedgerRole.Reporter or LedgerRole.Reviewer))
        {
            throw new CommandRejected([new(Source, $"{user.Name} is not a reporter or a reviewer, so may not build reports")]);
        }

        return user;
    }

    private string Source => User is not null ? "asUser" : ApiKeyFile is not null ? "apiKeyFile" : "apiKeyEnv";

    private async Task<string> Key(CancellationToken cancellationToken)
    {
        if (ApiKeyFile is { } file)
        {
            return File.Exists(file)
                ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim()
                : throw new CommandRejected([new("apiKeyFile", $"{file} does not exist")]);
        }

        return Environment.GetEnvironmentVariable(ApiKeyEnv!) is { Length: > 0 } key
            ? key.Trim()
            : throw new CommandRejected([new("apiKeyEnv", $"the environment variable {ApiKeyEnv} is not set")]);
    }
}
