using CommsLedger.Cli.Access;
using CommsLedger.Cli.Demo;
using CommsLedger.Cli.Hosting;
using CommsLedger.Cli.Ingesting;
using CommsLedger.Cli.Integrity;
using CommsLedger.Cli.Recording;
using CommsLedger.Cli.Reporting;
using CommsLedger.Cli.Reviewing;
using CommsLedger.Cli.Searching;
using Spectre.Console;
using Spectre.Console.Cli;

if (Console.IsOutputRedirected)
{
    // Piped or captured output (reports, logs, tests) gets wide tables rather than an 80-column wrap.
    AnsiConsole.Console.Profile.Width = 200;
}

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("commsledger");
    config.PropagateExceptions();
    config.AddCommand<DemoCommand>("demo")
        .WithDescription("Record the seed China–Peru call of 5 Nov 2020 (once) and print the CN-PE ledger.")
        .WithExample("demo");
    config.AddCommand<IngestCommand>("ingest")
        .WithDescription("Draft an entry from a published readout (nothing written); --commit records it.")
        .WithExample("ingest", "../shared/samples/china-peru-call-2020-11-05.txt", "--format", "json")
        .WithExample("ingest", "readout.txt", "--commit");
    config.AddRecordingCommands();
    config.AddReviewingCommands();
    config.AddIntegrityCommands();
    config.AddAccessCommands();
    config.AddReportCommands();
    config.AddCommand<SearchCommand>("search")
        .WithDescription("Search everything said and promised: ranked, highlighted, with facets per relationship, party and year.")
        .WithExample("search", "\"vaccine procurement\"", "--by", "CN", "--from", "2020-01-01")
        .WithExample("search", "Sinopharm", "--as-known-at", "2020-12-31", "--format", "json");
});

try
{
    return await app.RunAsync(args);
}
catch (Exception exception) when (ExitCodes.Report(exception, ExitCodes.ErrorConsole) is var code and >= 0)
{
    return code;
}
