using DataArchiver.Cli;
using DataArchiver.Cli.Commands;
using DataArchiver.Core.Storage;
using DataArchiver.Tests.Cli;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>Runs the real command line in-process, with captured output and a given environment; no run may print a stack trace.</summary>
internal static class CliRunner
{
    internal sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Describe() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    /// <summary>Runs <paramref name="args"/>.</summary>
    internal static Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, environment, decorateStore: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="args"/>; <paramref name="decorateStore"/> (for <c>archive</c>) wraps the real store the
    /// command line builds, inside the real pipeline.
    /// </summary>
    internal static async Task<Result> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment,
        Func<IObjectStore, IObjectStore>? decorateStore, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var output = TextWriter.Synchronized(stdout);
        var error = TextWriter.Synchronized(stderr);
        var context = new CliContext { Out = output, Error = error, IsOutputTerminal = false, Environment = environment };
        if (decorateStore is not null)
        {
            context = context with
            {
                RunArchive = (settings, run, token) =>
                    ArchiveComposition.RunAsync(settings, run.Out, run.Error, run.IsOutputTerminal, run.LastResort, run.Time, decorateStore, token),
            };
        }
        var code = await new CliApplication(context).RunAsync(args, cancellationToken);
        var result = new Result(code, stdout.ToString(), stderr.ToString());
        StackTraceCheck.AssertNone(result.Stdout + result.Stderr, result.Describe);
        return result;
    }
}
