using System.Globalization;
using CommsLedger.Application.Reports;
using CommsLedger.Application.Reports.Position;
using CommsLedger.Cli.Hosting;
using CommsLedger.Domain.Shared;
using CommsLedger.Reporting;
using CommsLedger.Reporting.Documents;
using Mediator;
using Spectre.Console;

namespace CommsLedger.Cli.Reporting;

/// <summary>Builds a report as the chosen user, renders it and writes it to standard output or, atomically, to a file.</summary>
internal static class ReportOutput
{
    public static async Task<int> Run(IAnsiConsole console, ReportSettings settings, Func<ReportParameters, IQuery<IReport>> query, string name, CancellationToken cancellationToken)
    {
        var (at, on, generatedAt) = settings.Parse(Ledger.Today);
        if (settings.Format == ReportFormat.Pdf && settings.Out is null)
        {
            throw new CommandRejected([new("out", "pdf is binary: give --out FILE or --out DIR")]);
        }

        await using var ledger = await Ledger.OpenAsync(cancellationToken);
        if (settings.AsUser is { } user)
        {
            await ledger.ActAs(user, cancellationToken);
        }

        var report = await ReportProgressBar.Show(ExitCodes.ErrorConsole, progress =>
            ledger.Mediator.Send(query(new ReportParameters(at, on, progress)), cancellationToken).AsTask());
        var generation = new Generation(generatedAt ?? TimeProvider.System.GetUtcNow(), $"{ledger.Actor.UserName} (clearance {ledger.Actor.Clearance.Display()})", at.ToString());
        var bytes = await Reports.Render(report, settings.Format, generation, cancellationToken);
        if (settings.Out is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes, cancellationToken);
            return ExitCodes.Ok;
        }

        var path = Target(settings.Out, $"{name}-seq{report.Header.Position.LastSequence.ToString(CultureInfo.InvariantCulture)}.{Reports.Extension(settings.Format)}");
        await AtomicFile.Write(path, bytes, cancellationToken);
        ExitCodes.ErrorConsole.MarkupLineInterpolated($"wrote [bold]{path}[/] ({bytes.Length} bytes; {report.Banner.Display()}; ledger sequence {report.Header.Position.LastSequence})");
        return ExitCodes.Ok;
    }

    private static string Target(string @out, string fileName) =>
        Directory.Exists(@out) || @out.EndsWith('/') || @out.EndsWith(Path.DirectorySeparatorChar) ? Path.Combine(@out, fileName) : @out;
}

internal sealed record ReportParameters(ReportAt At, DateOnly On, IProgress<ReportProgress> Progress);
