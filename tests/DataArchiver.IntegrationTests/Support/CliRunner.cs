using DataArchiver.Cli;
using DataArchiver.Cli.Commands;
using DataArchiver.Tests.Cli;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>Runs the real command line in-process, with captured output and a given environment; no run may print a stack trace.</summary>
internal static class CliRunner
{
    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Describe() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    internal static async Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        var error = TextWriter.Synchronized(stderr);
        var context = new CliContext { Out = output, Error = error, IsOutputTerminal = false, Environment = environment };
        var code = await new CliApplication(context).RunAsync(args, cancellationToken);
        var result = new Result(code, stdout.ToString(), stderr.ToString());
        StackTraceCheck.AssertNone(result.Stdout + result.Stderr, result.Describe);
        return result;
    }
}
