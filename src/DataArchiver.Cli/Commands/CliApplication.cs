using System.CommandLine;
using System.CommandLine.Invocation;
using DataArchiver.Cli.Configuration;

namespace DataArchiver.Cli.Commands;

/// <summary>
/// The command tree of <c>data-archiver</c> and the single run loop: parse, report usage errors, invoke the
/// command, and map whatever escapes to an exit code and one line on standard error.
/// </summary>
internal sealed class CliApplication
{
    private readonly CliContext _context;
    private readonly RunState _state = new();

    /// <summary>Builds the commands for <paramref name="context"/>.</summary>
    public CliApplication(CliContext context)
    {
        _context = context;
        Root = new RootCommand("data-archiver: archive PostgreSQL partitions to S3-compatible storage or a local directory")
        {
            new ArchiveCommand(context, _state).Command,
            new ListCommand(context, _state).Command,
        };
    }

    /// <summary>The root command.</summary>
    public RootCommand Root { get; }

    /// <summary>Runs the command line <paramref name="args"/> and returns the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        _state.Secrets.AddFromArguments(args, [SettingKeys.DbPassword.Flag, SettingKeys.S3SecretKey.Flag]);
        var parseResult = Root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
            return ReportUsageError(parseResult);

        var invocation = new InvocationConfiguration
        {
            Output = _context.Out,
            Error = _context.Error,
            EnableDefaultExceptionHandler = false,
            // Program owns the signal handling and passes its token in.
            ProcessTerminationTimeout = null,
        };
        try
        {
            var code = await parseResult.InvokeAsync(invocation, cancellationToken);
            return code == ExitCodes.Ok && cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : code;
        }
        catch (Exception error)
        {
            return ErrorReporter.Report(error, _context.Error, _state.Debug, _state.Secrets.Redact, _context.Time, cancellationToken, _state.LogFormat);
        }
    }

    private int ReportUsageError(ParseResult parseResult)
    {
        _state.Secrets.AddFromUnrecognised(parseResult.UnmatchedTokens);
        var first = parseResult.Errors[0].Message.TrimEnd('.');
        var more = parseResult.Errors.Count > 1 ? $" (and {parseResult.Errors.Count - 1} more)" : "";
        var command = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name + " ";
        ErrorReporter.WriteLine(_context.Error, _state.Secrets.Redact($"{first}{more}; see 'data-archiver {command}--help'"));
        return ExitCodes.Usage;
    }
}
