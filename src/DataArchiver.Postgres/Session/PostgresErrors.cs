using System.Net.Sockets;
using DataArchiver.Core.Extraction;
using Npgsql;

namespace DataArchiver.Postgres.Session;

/// <summary>
/// Classifies database failures by SqlState and Npgsql's own transience flag — never by message text — into
/// <see cref="SourceException"/>s the pipeline can retry or give up on.
/// </summary>
internal static class PostgresErrors
{
    /// <summary>Whether the SqlState names a failure that another attempt may not meet.</summary>
    public static bool IsTransientSqlState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)          // connection exceptions
        || sqlState is "57P01" or "57P02" or "57P03"                  // admin/crash shutdown, cannot connect now
        || sqlState is "57014"                                        // query cancelled, incl. statement timeout
        || sqlState is "40001" or "40P01"                             // serialization failure, deadlock
        || sqlState is "53300" or "53200" or "53100";                 // too many connections, out of memory, disk full

    /// <summary>Whether the SqlState means we may not log in at all.</summary>
    public static bool IsAccessSqlState(string sqlState) =>
        sqlState.StartsWith("28", StringComparison.Ordinal)           // invalid authorization / password
        || sqlState is "3D000";                                       // database does not exist

    /// <summary>Wraps a database failure; <paramref name="context"/> says what we were doing.</summary>
    public static Exception Wrap(Exception error, string context, bool connecting)
    {
        switch (error)
        {
            case PostgresException pg:
                var transient = IsTransientSqlState(pg.SqlState);
                var access = IsAccessSqlState(pg.SqlState);
                var text = pg.SqlState == "57014" && pg.MessageText.Contains("statement timeout", StringComparison.Ordinal)
                    ? "statement timeout exceeded"
                    : pg.MessageText;
                return new SourceException($"{context}: {text} (SQLSTATE {pg.SqlState})", transient, access, error);
            case NpgsqlException npgsql:
                var cause = Innermost(npgsql);
                var reason = cause is SocketException socket ? SocketReason(socket) : cause.Message;
                return new SourceException($"{context}: {reason}", npgsql.IsTransient || connecting, connecting, error);
            case TimeoutException or IOException or SocketException:
                return new SourceException($"{context}: {error.Message}", isTransient: true, connecting, error);
            default:
                return error;
        }
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is not null)
            error = error.InnerException;
        return error;
    }

    private static string SocketReason(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset => "connection reset by the server",
        _ => socket.Message,
    };
}
