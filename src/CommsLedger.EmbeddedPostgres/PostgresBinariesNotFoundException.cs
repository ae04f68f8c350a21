namespace CommsLedger.EmbeddedPostgres;

/// <summary>No directory holding both <c>initdb</c> and <c>pg_ctl</c> was found.</summary>
public sealed class PostgresBinariesNotFoundException(IReadOnlyList<string> searchedPlaces)
    : Exception(
        "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them "
        + "(e.g. `apt-get install postgresql`), or set COMMSLEDGER_CONNECTION to the connection string "
        + "of an existing PostgreSQL server. Looked in:"
        + string.Concat(searchedPlaces.Select(place => Environment.NewLine + "  " + place)))
{
    public IReadOnlyList<string> SearchedPlaces { get; } = searchedPlaces;
}
