using System.Text.Json;
using System.Text.Json.Serialization;
using CommsLedger.Application.Reports.Activity;
using CommsLedger.Domain.Shared;
using Cronos;

namespace CommsLedger.Reporting.Scheduling;

/// <summary>A schedule file (<c>reports.json</c>) as written: a default folder, retry policy and the jobs. See the
/// README "Scheduled reports" for an example. Unknown fields are refused, so a misspelt one is not silently ignored.</summary>
public sealed record ScheduleFile(string? Folder = null, int? Retries = null, double? BackoffSeconds = null, IReadOnlyList<JobFile>? Jobs = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads and checks the file; relative folders are taken from the file's own folder.</summary>
    public static ReportSchedule Load(string path)
    {
        ScheduleFile file;
        try
        {
            file = JsonSerializer.Deserialize<ScheduleFile>(File.ReadAllText(path), Json)
                ?? throw new CommandRejected([new("config", $"{path} is empty")]);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CommandRejected([new("config", $"{path} cannot be read as a schedule: {e.Message}")]);
        }

        return file.Check(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public ReportSchedule Check(string baseFolder)
    {
        var errors = new FieldErrors();
        errors.Require(Retries is null or (>= 0 and <= 10), "retries", $"{Retries} is not between 0 and 10");
        errors.Require(BackoffSeconds is null or (> 0 and <= 3600), "backoffSeconds", $"{BackoffSeconds} is not between 0 and 3600 seconds");
        errors.Require(Jobs is { Count: > 0 }, "jobs", "is required: at least one job");
        var jobs = (Jobs ?? []).Select((job, i) => job.Check($"jobs[{i}]", Folder, baseFolder, errors)).ToArray();
        foreach (var duplicate in jobs.OfType<ReportJob>().GroupBy(j => j.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add("jobs", $"two jobs are named '{duplicate.Key}'; each name must be unique");
        }

        errors.ThrowIfAny();
        return new ReportSchedule([.. jobs.OfType<ReportJob>()], Retries ?? 3, TimeSpan.FromSeconds(BackoffSeconds ?? 30));
    }
}

/// <summary>One job as written. <see cref="AsUser"/>, <see cref="ApiKeyFile"/> or <see cref="ApiKeyEnv"/> names the
/// ledger user it runs as (exactly one); the report parameters are those of <c>commsledger report &lt;kind&gt;</c>.</summary>
public sealed record JobFile(
    string? Name = null,
    string? Kind = null,
    string? Format = null,
    string? Cron = null,
    string? TimeZone = null,
    string? Folder = null,
    string? AsUser = null,
    string? ApiKeyFile = null,
    string? ApiKeyEnv = null,
    string? Relationship = null,
    int? SinceDays = null,
    int? Contacts = null,
    string? Owner = null,
    string? Party = null,
    string? Per = null,
    string? From = null,
    string? To = null)
{
    public ReportJob? Check(string at, string? defaultFolder, string baseFolder, FieldErrors errors)
    {
        var before = errors.All.Count;
        errors.Require(Name is { Length: > 0 and <= 64 } && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && Name[0] != '.',
            $"{at}.name", $"'{Name}' must be 1–64 letters, digits, '-', '_' or '.' (it names the output file)");
        var kind = (Kind ?? "").Trim().ToLowerInvariant();
        errors.Require(Application.Reports.ReportRequest.Kinds.Contains(kind), $"{at}.kind", $"'{Kind}' is not one of {string.Join(", ", Application.Reports.ReportRequest.Kinds)}");
        var format = Enum.TryParse<ReportFormat>(Format ?? "html", ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : Fail<ReportFormat>(errors, $"{at}.format", $"'{Format}' is not one of md, html, csv, json, pdf");
        var cron = ParseCron(Cron, $"{at}.cron", errors);
        var zone = Zone($"{at}.timeZone", errors);
        var folder = Folder ?? defaultFolder;
        errors.Require(Folder is not null || defaultFolder is not null, $"{at}.folder", "is required (here or as the file's folder)");
        var identities = new[] { AsUser, ApiKeyFile, ApiKeyEnv }.Count(x => !string.IsNullOrWhiteSpace(x));
        errors.Require(identities == 1, $"{at}.asUser", "give exactly one of asUser, apiKeyFile or apiKeyEnv: the ledger user the job runs as");
        errors.Require(kind != "brief" || Relationship is not null, $"{at}.relationship", "is required for a brief");
        errors.Require(SinceDays is null or (>= 0 and <= 36500), $"{at}.sinceDays", $"{SinceDays} is not between 0 and 36500");
        var per = Per is null ? ActivityGrouping.Relationship
            : Enum.TryParse<ActivityGrouping>(Per, ignoreCase: true, out var g) && Enum.IsDefined(g) ? g : Fail<ActivityGrouping>(errors, $"{at}.per", $"'{Per}' is not relationship or party");
        var from = Months.Parse(From, $"{at}.from", errors);
        var to = Months.Parse(To, $"{at}.to", errors);
        if (errors.All.Count > before)
        {
            return null;
        }

        var request = new Application.Reports.ReportRequest(kind, Relationship, Contacts: Contacts, Owner: Owner, Party: Party, By: per, From: from, To: to);
        return new ReportJob(Name!, cron!, zone!, format, Path.GetFullPath(Path.Combine(baseFolder, folder!)),
            new JobIdentity(AsUser?.Trim(), ApiKeyFile, ApiKeyEnv), request, SinceDays);
    }

    private static CronExpression? ParseCron(string? text, string field, FieldErrors errors)
    {
        var fields = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return CronExpression.Parse(text ?? "", fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            errors.Add(field, $"'{text}' is not a cron expression (minute hour day-of-month month day-of-week, e.g. \"0 6 * * MON-FRI\"; a sixth leading field is seconds): {e.Message}");
            return null;
        }
    }

    private TimeZoneInfo? Zone(string field, FieldErrors errors)
    {
        if (TimeZone is null)
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone))
        {
            return zone;
        }

        errors.Add(field, $"'{TimeZone}' is not a time zone such as Europe/London or UTC");
        return null;
    }

    private static T Fail<T>(FieldErrors errors, string field, string problem)
    {
        errors.Add(field, problem);
        return default!;
    }
}
