using CommsLedger.Domain.Shared;
using CommsLedger.Reporting.Scheduling;

namespace CommsLedger.Reporting.Tests.Scheduling;

public sealed class ScheduleFileTests
{
    [Fact]
    public void a_schedule_file_is_read_with_its_folders_taken_from_the_files_own_folder()
    {
        var folder = Directory.CreateTempSubdirectory("commsledger-schedule-");
        var path = Path.Combine(folder.FullName, "reports.json");
        File.WriteAllText(path, """
            {
              // comments are allowed
              "folder": "out",
              "jobs": [
                { "name": "cn-pe-brief", "kind": "Brief", "relationship": "CN-PE", "sinceDays": 30, "format": "pdf",
                  "cron": "0 6 * * MON-FRI", "timeZone": "Europe/London", "asUser": "reporter.c" },
                { "name": "activity", "kind": "activity", "per": "party", "from": "2020-01", "cron": "*/10 * * * * *", "apiKeyEnv": "KEY" }
              ]
            }
            """);

        var schedule = ScheduleFile.Load(path);

        Assert.Equal((3, TimeSpan.FromSeconds(30)), (schedule.Retries, schedule.Backoff));
        Assert.Equal(Path.Combine(folder.FullName, "out", "cn-pe-brief.pdf"), schedule.Jobs[0].Target);
        Assert.Equal(new DateOnly(2026, 11, 7), schedule.Jobs[0].RequestOn(new DateOnly(2026, 12, 7)).Since);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero), schedule.Jobs[0].NextAfter(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 6, 0, 10, TimeSpan.Zero), schedule.Jobs[1].NextAfter(new DateTimeOffset(2026, 12, 7, 6, 0, 1, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2020, 1, 1), schedule.Jobs[1].Request.From);
        folder.Delete(recursive: true);
    }

    [Fact]
    public void every_problem_of_a_schedule_is_named_by_its_field()
    {
        var file = new ScheduleFile(Retries: 11, Jobs:
        [
            new JobFile("../escape", "gossip", "docx", "0 6 * *", "Mars/Olympus", AsUser: "a", ApiKeyEnv: "B"),
            new JobFile("dup", "overdue", Cron: "0 6 * * *", Folder: "x", AsUser: "a"),
            new JobFile("brief", "brief", Cron: "0 6 * * *", Folder: "x", AsUser: "a"),
            new JobFile("DUP", "overdue", Cron: "0 6 * * *", Folder: "x", AsUser: "a"),
        ]);

        var error = Assert.Throws<CommandRejected>(() => file.Check("/tmp"));

        Assert.Equal(
            ["retries", "jobs[0].name", "jobs[0].kind", "jobs[0].format", "jobs[0].cron", "jobs[0].timeZone", "jobs[0].folder", "jobs[0].asUser", "jobs[2].relationship", "jobs"],
            error.Errors.Select(e => e.Field));
    }
}
