using System.Diagnostics;
using System.Text;
using DataArchiver.Tests.Cli;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A running <c>data-archiver</c> child process without a terminal: stdout and stderr captured as bytes, signals
/// sent with <c>kill</c>, SIGINT and SIGTERM reset to their default handling so an ignored SIGINT inherited from a
/// background shell cannot hide the handling under test.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly MemoryStream _stderr = new();
    private readonly Task _reading;

    private CliProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(
            process.StandardOutput.BaseStream.CopyToAsync(_stdout),
            process.StandardError.BaseStream.CopyToAsync(_stderr));
    }

    /// <summary>The process id (the executable's own: <c>env</c> replaces itself with it).</summary>
    public int Id => _process.Id;

    /// <summary>The exit code, once exited (128 + n when a signal n ended it).</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Everything written to stdout, as bytes (valid after <see cref="WaitForExitAsync"/>).</summary>
    public byte[] StdoutBytes => _stdout.ToArray();

    /// <summary>Everything written to stderr, as bytes (valid after <see cref="WaitForExitAsync"/>).</summary>
    public byte[] StderrBytes => _stderr.ToArray();

    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    public string Stderr => Encoding.UTF8.GetString(StderrBytes);

    public static CliProcess Start(string executable, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("--default-signal=INT,TERM");
        start.ArgumentList.Add(executable);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARCHIVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {executable}");
        process.StandardInput.Close();
        return new CliProcess(process);
    }

    /// <summary>Sends <paramref name="signal"/> (INT, TERM, …) to the process.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })
            ?? throw new InvalidOperationException("cannot start kill");
        kill.WaitForExit();
        if (kill.ExitCode != 0)
            throw new InvalidOperationException($"kill -s {signal} {Id} failed with {kill.ExitCode}");
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Waits until the process has ended and its output is read; false when <paramref name="within"/> passed first.
    /// Fails when the output holds a stack trace.
    /// </summary>
    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _reading.WaitAsync(timeout.Token);
            StackTraceCheck.AssertNone(Stdout + Stderr, Describe);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Exit code and both outputs, for assertion messages.</summary>
    public string Describe() => $"exit {(_process.HasExited ? ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(running)")}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    /// <summary>Kills the process if it still runs.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
