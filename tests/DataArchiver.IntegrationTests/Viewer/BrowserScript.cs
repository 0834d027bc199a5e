using System.Diagnostics;
using System.Text.Json.Nodes;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Viewer;

/// <summary>
/// Runs a node script of <c>tests/browser/</c> that drives Debian's chromium through playwright-core, reads its
/// "ready" line, and parses the JSON line it ends with.
/// </summary>
internal sealed class BrowserScript : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _lines = [];
    private readonly System.Text.StringBuilder _errors = new();

    private BrowserScript(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            lock (_lines)
                _lines.Add(e.Data);
            if (e.Data == "ready")
                _ready.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (_errors)
                _errors.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static BrowserScript Start(string script, params string[] args)
    {
        if (!File.Exists("/usr/bin/chromium"))
            throw new InvalidOperationException("/usr/bin/chromium is missing: run scripts/services.sh start (it installs Debian's chromium)");
        var root = PublishedCli.RepositoryRoot();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        start.ArgumentList.Add(Path.Combine(root, "tests", "browser", script));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return new BrowserScript(Process.Start(start) ?? throw new InvalidOperationException("cannot start node"));
    }

    /// <summary>Waits for the script's "ready" line.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(within));
        Assert.True(_ready.Task.IsCompleted, "the browser script did not get ready: " + Describe());
    }

    /// <summary>Waits for the script to end and returns its JSON result.</summary>
    public async Task<JsonNode> ResultAsync(TimeSpan within)
    {
        await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(within));
        Assert.True(_process.HasExited, "the browser script did not finish: " + Describe());
        string? last;
        lock (_lines)
            last = _lines.LastOrDefault(line => line.StartsWith('{'));
        Assert.True(last is not null, "the browser script printed no result: " + Describe());
        return JsonNode.Parse(last)!;
    }

    private string Describe()
    {
        lock (_lines)
        lock (_errors)
            return $"stdout: {string.Join('\n', _lines)}\nstderr: {_errors}";
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
