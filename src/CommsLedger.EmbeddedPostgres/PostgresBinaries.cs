using System.Globalization;

namespace CommsLedger.EmbeddedPostgres;

/// <summary>A directory holding the PostgreSQL server programs.</summary>
internal sealed record PostgresBinaries(string Directory)
{
    private const string DebianInstallRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan PgConfigTimeout = TimeSpan.FromSeconds(10);

    public string InitDb => Path.Combine(Directory, "initdb");

    public string PgCtl => Path.Combine(Directory, "pg_ctl");

    /// <summary>Beside initdb, or beside what initdb links to (a PATH folder may hold links to the server programs only).</summary>
    public string BaseBackup
    {
        get
        {
            var here = Path.Combine(Directory, "pg_basebackup");
            return File.Exists(here) || new FileInfo(InitDb).ResolveLinkTarget(returnFinalTarget: true) is not { } real
                ? here
                : Path.Combine(Path.GetDirectoryName(real.FullName)!, "pg_basebackup");
        }
    }

    public static Task<PostgresBinaries> LocateAsync(CancellationToken cancellationToken) =>
        LocateAsync(PathDirectories(), DebianInstallRoot, cancellationToken);

    /// <summary>Searches PATH, then what <c>pg_config --bindir</c> reports, then
    /// <c>{versionedRoot}/*/bin</c> with the highest version first.</summary>
    internal static async Task<PostgresBinaries> LocateAsync(
        IReadOnlyList<string> pathDirectories, string versionedRoot, CancellationToken cancellationToken)
    {
        List<string> searched = [.. pathDirectories];
        if (pathDirectories.FirstOrDefault(HasServerPrograms) is { } onPath)
        {
            return new PostgresBinaries(onPath);
        }

        // Debian's /usr/bin/pg_config belongs to libpq-dev and may name a bindir without initdb.
        if (await PgConfigBinDirectoryAsync(pathDirectories, cancellationToken) is { } reported)
        {
            searched.Add(reported + " (from pg_config --bindir)");
            if (HasServerPrograms(reported))
            {
                return new PostgresBinaries(reported);
            }
        }

        searched.Add(Path.Combine(versionedRoot, "*", "bin"));
        return VersionedBinDirectories(versionedRoot).FirstOrDefault(HasServerPrograms) is { } versioned
            ? new PostgresBinaries(versioned)
            : throw new PostgresBinariesNotFoundException(searched);
    }

    internal static IReadOnlyList<string> VersionedBinDirectories(string versionedRoot) =>
        System.IO.Directory.Exists(versionedRoot)
            ? System.IO.Directory.GetDirectories(versionedRoot)
                .OrderByDescending(dir => ParseVersion(Path.GetFileName(dir)))
                .Select(dir => Path.Combine(dir, "bin"))
                .ToList()
            : [];

    private static double ParseVersion(string name) =>
        double.TryParse(name, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) ? version : -1;

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));

    private static IReadOnlyList<string> PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(Path.IsPathRooted)
            .ToList();

    private static async Task<string?> PgConfigBinDirectoryAsync(
        IReadOnlyList<string> pathDirectories, CancellationToken cancellationToken)
    {
        var pgConfig = pathDirectories.Select(dir => Path.Combine(dir, "pg_config")).FirstOrDefault(File.Exists);
        if (pgConfig is null)
        {
            return null;
        }

        var result = await ProcessRunner.RunAsync(pgConfig, ["--bindir"], PgConfigTimeout, cancellationToken);
        var bindir = result.StandardOutput.Trim();
        return result.ExitCode == 0 && bindir.Length > 0 ? bindir : null;
    }
}
