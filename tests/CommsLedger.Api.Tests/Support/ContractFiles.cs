using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommsLedger.Api.Tests.Support;

/// <summary>Files of the API contract in the source tree, found from the test binaries.</summary>
public static class ContractFiles
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Root { get; } = FindRoot();

    public static string CommittedDocument => Path.Combine(Root, "src", "CommsLedger.Client", "openapi.json");

    private static string FindRoot()
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
