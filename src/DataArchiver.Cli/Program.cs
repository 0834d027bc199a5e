using System.Runtime.InteropServices;
using DataArchiver.Cli.Commands;

namespace DataArchiver.Cli;

/// <summary>
/// The entry point: wires SIGINT (Ctrl+C), SIGTERM and SIGHUP (the terminal or SSH session went away) to cancellation and returns the exit code. The first signal
/// asks for an orderly stop (in-flight statements cancelled, multipart uploads aborted, temp files removed, the
/// summary printed, exit 130). A second one ends the process at once: the last-resort cleanups run, and the runtime's
/// default handling of the signal terminates the process.
/// </summary>
public static class Program
{
    /// <summary>Runs <c>data-archiver</c> with <paramref name="args"/>.</summary>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        var lastResort = new LastResortCleanup();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => Handle(signal, cancellation, lastResort));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => Handle(signal, cancellation, lastResort));
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, signal => Handle(signal, cancellation, lastResort));
        var context = CliContext.FromProcess() with { LastResort = lastResort };
        return await new CliApplication(context).RunAsync(args, cancellation.Token);
    }

    private static void Handle(PosixSignalContext signal, CancellationTokenSource cancellation, LastResortCleanup lastResort)
    {
        if (cancellation.IsCancellationRequested)
        {
            // Second signal: no orderly stop any more. Leaving signal.Cancel false lets the runtime end the process.
            lastResort.Run();
            return;
        }
        signal.Cancel = true;
        // The cancellation callbacks run elsewhere: one that blocks must not keep this handler from seeing a second signal.
        _ = cancellation.CancelAsync();
    }
}
