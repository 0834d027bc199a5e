using System.Runtime.InteropServices;
using DataArchiver.Cli.Commands;

namespace DataArchiver.Cli;

/// <summary>The entry point: wires Ctrl+C and SIGTERM to cancellation and returns the exit code.</summary>
public static class Program
{
    /// <summary>Runs <c>data-archiver</c> with <paramref name="args"/>.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Cancel(signal, cancellation));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Cancel(signal, cancellation));
        return await new CliApplication(CliContext.FromProcess()).RunAsync(args, cancellation.Token);
    }

    private static void Cancel(PosixSignalContext signal, CancellationTokenSource cancellation)
    {
        // The first signal asks for an orderly stop (finish or abort in-flight uploads, write the state file);
        // a second one is left to the runtime's default handling and ends the process at once.
        if (cancellation.IsCancellationRequested)
            return;
        signal.Cancel = true;
        cancellation.Cancel();
    }
}
