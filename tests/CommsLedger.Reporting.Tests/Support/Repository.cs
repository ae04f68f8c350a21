namespace CommsLedger.Reporting.Tests.Support;

internal static class Repository
{
    /// <summary>The folder holding CommsLedger.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommsLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CommsLedger.sln not found above " + AppContext.BaseDirectory);
    }
}
