using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Core.Storage;

namespace DataArchiver.Core.Pipeline;

/// <summary>
/// Says in one line what went wrong: a category in words (<c>disk full</c>, <c>store refused</c>, <c>database
/// error</c>, …) decided by the exception's type and codes, never by its text, then the cause: the message as one
/// line, without any stack trace a native library wrote into it. The object a failure belongs to is named by whoever
/// prints the line.
/// </summary>
public static class Failures
{
    /// <summary>ENOSPC on Linux and macOS; .NET gives an unmapped errno as the <see cref="IOException"/>'s HResult.</summary>
    private const int NoSpaceErrno = 28;

    /// <summary>ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL as HRESULTs, for Windows.</summary>
    private const int HandleDiskFull = unchecked((int)0x80070027), DiskFull = unchecked((int)0x80070070);

    /// <summary><c>category: cause</c>, one line.</summary>
    public static string Describe(Exception error) => $"{Category(error)}: {Cause(error)}";

    /// <summary>The failure's category in words.</summary>
    public static string Category(Exception error) => Unwrap(error) switch
    {
        var e when IsDiskFull(e) => "disk full",
        OperationCanceledException => "interrupted",
        ConfigurationException => "configuration error",
        PlanningException => "planning error",
        VerificationException => "verification failed",
        ValueNotRepresentableException => "value not representable",
        SourceException { IsAccessProblem: true } => "database unreachable or refused access",
        SourceException => "database error",
        ObjectStoreException { IsAccessProblem: true } => "store unreachable or refused access",
        ObjectStoreException { IsTransient: true } => "store unavailable",
        ObjectStoreException => "store refused",
        TempFileException => "temp file error",
        UnauthorizedAccessException => "permission denied",
        IOException => "file error",
        ParquetSharp.ParquetException => "Parquet error",
        _ => "unexpected error",
    };

    /// <summary>
    /// The message of <paramref name="error"/> as one line: its lines joined by spaces, up to the first that looks like a
    /// stack frame (native libraries write the managed stack into their messages).
    /// </summary>
    public static string Cause(Exception error)
    {
        var lines = Unwrap(error).Message.ReplaceLineEndings("\n").Split('\n')
            .TakeWhile(line => !IsStackFrame(line))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0);
        return string.Join(' ', lines);
    }

    /// <summary>Whether <paramref name="line"/> looks like a line of a .NET stack trace.</summary>
    public static bool IsStackFrame(string line)
    {
        var text = line.TrimStart();
        return text.StartsWith("--- End of ", StringComparison.Ordinal)
               || (text.StartsWith("at ", StringComparison.Ordinal) && line.Length > text.Length && text.Contains('(', StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="error"/> or an exception inside it says the disk is full.</summary>
    public static bool IsDiskFull(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is IOException { HResult: NoSpaceErrno or HandleDiskFull or DiskFull })
                return true;
        }
        return false;
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
