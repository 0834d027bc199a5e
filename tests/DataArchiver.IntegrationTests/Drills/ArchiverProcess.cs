using System.Diagnostics;
using System.Text;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>The built <c>data-archiver</c> run as a child process, so a drill can kill it like an operator (or the OOM killer) would.</summary>
internal sealed class ArchiverProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ArchiverProcess(Process process) => _process = process;

    /// <summary>Completes when the process has exited.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Starts <c>dotnet data-archiver.dll</c> (built next to the tests) with <paramref name="args"/> and only the given ARCHIVE_* variables.</summary>
    public static ArchiverProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "data-archiver.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARCHIVE_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var child = new ArchiverProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) => child.Append(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: no handler runs, nothing is cleaned up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Describe()
    {
        lock (_output)
            return $"child {(_process.HasExited ? $"exited {_process.ExitCode}" : "running")}\n{_output}";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }
}
