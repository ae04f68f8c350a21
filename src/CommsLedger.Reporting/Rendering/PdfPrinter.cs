using System.Diagnostics;
using CommsLedger.Domain.Shared;

namespace CommsLedger.Reporting.Rendering;

/// <summary>Prints the report's HTML to PDF with headless Chromium (Debian's <c>chromium</c> package, or
/// <c>$COMMSLEDGER_CHROMIUM</c>). The HTML fetches nothing, so the browser runs with networking off.</summary>
public static class PdfPrinter
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("COMMSLEDGER_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .Concat(path.SelectMany(dir => new[] { Path.Combine(dir, "chromium"), Path.Combine(dir, "chromium-browser") }))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<byte[]> Print(string html, CancellationToken cancellationToken)
    {
        var chromium = FindChromium() ?? throw new LedgerRuleViolated("format",
            "pdf needs headless Chromium, which was not found (looked for $COMMSLEDGER_CHROMIUM, /usr/bin/chromium and chromium on PATH): install it (Debian: apt-get install chromium) or choose html, md, csv or json");
        var folder = Directory.CreateTempSubdirectory("commsledger-pdf-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancellationToken);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--no-pdf-header-footer",
                "--user-data-dir=" + Path.Combine(folder.FullName, "profile"), "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start");
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(Limit);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return process.ExitCode == 0 && File.Exists(pdf)
                ? await File.ReadAllBytesAsync(pdf, cancellationToken)
                : throw new InvalidOperationException($"{chromium} could not print the report (exit {process.ExitCode}): {(await errors).Trim()}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
