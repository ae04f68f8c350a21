using System.Net.Sockets;
using Npgsql;

namespace CommsLedger.Api.Problems;

/// <summary>Recognises "the database is not there" among the exceptions a request or a health check can meet (a
/// refused or dropped connection, a server shutting down or starting up, a full pool, a timeout), and words its
/// cause for a 503 and for <c>/health/ready</c>. Anything else is not an outage and is mapped elsewhere or stays a 500.</summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client should wait before retrying while the database is down.</summary>
    public const int RetryAfterSeconds = 5;

    public static string? CauseOf(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (Describe(e) is { } cause)
            {
                return cause;
            }
        }

        return null;
    }

    private static string? Describe(Exception e) => e switch
    {
        PostgresException { SqlState: "57P01" or "57P02" } => "the database server is shutting down",
        PostgresException { SqlState: "57P03" } => "the database server is starting up or recovering and does not accept connections yet",
        PostgresException { SqlState: "53300" } => "the database server has no connection slots left",
        PostgresException { SqlState: var state } when state.StartsWith("08", StringComparison.Ordinal) => "the connection to the database failed",
        PostgresException => null,
        NpgsqlException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "the database server refuses connections (is it running?)",
        NpgsqlException { InnerException: TimeoutException } => "the database did not answer in time",
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } => "the connection to the database was lost",
        NpgsqlException { IsTransient: true } => "the database is unavailable",
        _ => null,
    };
}
