namespace CommsLedger.EmbeddedPostgres.Tests;

public sealed class LocatingBinariesTests : IDisposable
{
    private readonly string sandbox = Directory.CreateTempSubdirectory("commsledger-binaries-").FullName;

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    [Fact]
    public async Task a_directory_on_path_holding_initdb_and_pg_ctl_wins()
    {
        var incomplete = Folder("incomplete", "initdb");
        var complete = Folder("complete", "initdb", "pg_ctl");
        Folder("versions/16/bin", "initdb", "pg_ctl");

        var found = await PostgresBinaries.LocateAsync([incomplete, complete], Path.Combine(sandbox, "versions"), default);

        Assert.Equal(complete, found.Directory);
    }

    [Fact]
    public async Task a_pg_config_bindir_without_initdb_is_passed_over_for_the_highest_installed_version()
    {
        var clientOnly = Folder("client-only", "psql");
        var onPath = Folder("path", "psql");
        WritePgConfig(onPath, reportedBindir: clientOnly);
        Folder("versions/9.6/bin", "initdb", "pg_ctl");
        var newest = Folder("versions/16/bin", "initdb", "pg_ctl");
        Folder("versions/15/bin", "initdb", "pg_ctl");

        var found = await PostgresBinaries.LocateAsync([onPath], Path.Combine(sandbox, "versions"), default);

        Assert.Equal(newest, found.Directory);
    }

    [Fact]
    public async Task a_pg_config_bindir_with_the_server_programs_comes_before_the_versioned_folders()
    {
        var onPath = Folder("path", "psql");
        var reported = Folder("reported", "initdb", "pg_ctl");
        WritePgConfig(onPath, reportedBindir: reported);
        Folder("versions/16/bin", "initdb", "pg_ctl");

        var found = await PostgresBinaries.LocateAsync([onPath], Path.Combine(sandbox, "versions"), default);

        Assert.Equal(reported, found.Directory);
    }

    [Fact]
    public async Task when_nothing_is_found_the_error_says_what_to_install_and_where_it_looked()
    {
        var first = Folder("first");
        var second = Folder("second", "initdb");
        var versionedRoot = Path.Combine(sandbox, "versions");

        var error = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(
            () => PostgresBinaries.LocateAsync([first, second], versionedRoot, default));

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("COMMSLEDGER_CONNECTION", error.Message, StringComparison.Ordinal);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(versionedRoot, "*", "bin"), error.Message, StringComparison.Ordinal);
        Assert.Equal([first, second, Path.Combine(versionedRoot, "*", "bin")], error.SearchedPlaces);
    }

    private string Folder(string relativePath, params string[] programs)
    {
        var folder = Path.Combine(sandbox, relativePath);
        Directory.CreateDirectory(folder);
        foreach (var program in programs)
        {
            File.WriteAllText(Path.Combine(folder, program), "");
        }

        return folder;
    }

    private static void WritePgConfig(string folder, string reportedBindir)
    {
        var script = Path.Combine(folder, "pg_config");
        File.WriteAllText(script, $"#!/bin/sh\necho '{reportedBindir}'\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
