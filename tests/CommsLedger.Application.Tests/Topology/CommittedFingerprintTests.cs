using CommsLedger.Application.Topology;

namespace CommsLedger.Application.Tests.Topology;

/// <summary>
/// The schema fingerprint every process compares with the database is committed, not worked out at start-up; this
/// keeps it the code's. After a change to the schema (a document type, an index, a projection table, the guard)
/// refresh it with <c>COMMSLEDGER_UPDATE_FINGERPRINT=1 dotnet test tests/CommsLedger.Application.Tests --filter
/// CommittedFingerprint</c> and commit it with the change: a stale one would make every start skip the migration.
/// </summary>
public sealed class CommittedFingerprintTests
{
    [Fact]
    public void the_committed_fingerprint_is_the_one_the_code_works_out()
    {
        var computed = SchemaFingerprint.Compute();
        var path = Path.Combine(RepositoryRoot(), "src", "CommsLedger.Application", "Topology", "schema-fingerprint.txt");
        if (Environment.GetEnvironmentVariable("COMMSLEDGER_UPDATE_FINGERPRINT") == "1")
        {
            File.WriteAllText(path, computed + "\n");
        }

        Assert.StartsWith("commsledger-schema sha256:", computed, StringComparison.Ordinal);
        Assert.True(computed == File.ReadAllText(path).Trim(),
            $"{path} is not the code's schema fingerprint ({computed}): refresh it with COMMSLEDGER_UPDATE_FINGERPRINT=1 (see this test's summary) and commit it with the change");
        Assert.Equal(computed, SchemaFingerprint.Expected);
    }

    [Fact]
    public void the_fingerprint_is_the_same_however_often_it_is_worked_out() =>
        Assert.Equal(SchemaFingerprint.Compute(), SchemaFingerprint.Compute());

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommsLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CommsLedger.sln not found above " + AppContext.BaseDirectory);
    }
}
