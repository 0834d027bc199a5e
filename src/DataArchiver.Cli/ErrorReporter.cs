using DataArchiver.Cli.Output;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Storage;

namespace DataArchiver.Cli;

/// <summary>
/// The one place that turns an exception into an exit code and one line on standard error
/// (<c>data-archiver: error: …</c>, or a logfmt/JSON record when that log format was chosen). Usage errors say what
/// to fix as they are; every other failure starts with its category in words (<see cref="Failures"/>). A stack trace
/// follows only with <c>--debug</c> and only for unexpected errors. Once the user has interrupted the run, whatever
/// ended it is the interruption.
/// </summary>
public static class ErrorReporter
{
    /// <summary>The prefix of every error line.</summary>
    public const string Prefix = "data-archiver: error: ";

    /// <summary>The exit code that <paramref name="error"/> maps to.</summary>
    public static int ExitCodeOf(Exception error, CancellationToken cancellationToken) => Unwrap(error) switch
    {
        // Cancelled I/O ends in all sorts of exceptions (a server's "query cancelled", a dropped connection).
        _ when cancellationToken.IsCancellationRequested => ExitCodes.Interrupted,
        ConfigurationException or PlanningException => ExitCodes.Usage,
        SourceException { IsAccessProblem: true } or ObjectStoreException { IsAccessProblem: true } => ExitCodes.AccessDenied,
        _ => ExitCodes.Failed,
    };

    /// <summary>
    /// Writes the error line (and with <paramref name="debug"/> the stack trace of an unexpected error), with
    /// <paramref name="redact"/> applied, and returns the exit code.
    /// </summary>
    public static int Report(Exception error, TextWriter stderr, bool debug, Func<string, string> redact, TimeProvider clock,
        CancellationToken cancellationToken, LogFormat format = LogFormat.Text)
    {
        var inner = Unwrap(error);
        var code = ExitCodeOf(inner, cancellationToken);
        var message = redact(code switch
        {
            ExitCodes.Interrupted => "interrupted",
            ExitCodes.Usage => inner.Message,
            _ => Failures.Describe(inner),
        });
        var stack = debug && code == ExitCodes.Failed ? redact(inner.ToString()) : null;
        if (format == LogFormat.Text)
        {
            WriteLine(stderr, message);
            if (stack is not null)
                stderr.WriteLine(stack);
        }
        else
        {
            stderr.WriteLine(LogLine.Format(format, clock.GetUtcNow(), "error", message.ReplaceLineEndings(" ").Trim(),
                ("exit_code", code), ("stack", stack)));
        }
        return code;
    }

    /// <summary>Writes one error line: line breaks in <paramref name="message"/> become spaces.</summary>
    public static void WriteLine(TextWriter stderr, string message) =>
        stderr.WriteLine(Prefix + message.ReplaceLineEndings(" ").Trim());

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
