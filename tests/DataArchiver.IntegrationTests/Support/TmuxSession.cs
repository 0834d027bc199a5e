using System.Diagnostics;
using System.Text;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// A command running in a real terminal: a private tmux server (its own socket, so tests never meet) with one pane
/// of a given size. A small shell around the command prints <c>[exit N]</c> when it ends and keeps the pane open, so
/// the final screen and the exit status can be read (tmux's own remain-on-exit scrolls its notice into the screen).
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private readonly string _socket = "da-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _config;

    private TmuxSession(string config) => _config = config;

    /// <summary>Starts <paramref name="command"/> (argv) in a <paramref name="width"/> × <paramref name="height"/> terminal.</summary>
    public static async Task<TmuxSession> StartAsync(IReadOnlyList<string> command, int width, int height, IReadOnlyDictionary<string, string> environment,
        string privateDirectory)
    {
        var config = Path.Combine(privateDirectory, "tmux.conf");
        await File.WriteAllTextAsync(config, "set -g default-terminal xterm-256color\nset -g history-limit 5000\n");
        var session = new TmuxSession(config);
        var line = "\"$@\"; echo \"[exit $?]\"; exec sleep 3600";
        string[] args = ["new-session", "-d", "-s", "main", "-x", Text(width), "-y", Text(height), "sh", "-c", line, "sh", .. command];
        await session.RunAsync(environment, args);
        return session;
    }

    /// <summary>The visible screen, one line per terminal row.</summary>
    public async Task<string> ScreenAsync() => await RunAsync(null, "capture-pane", "-p", "-t", "main");

    /// <summary>Polls the screen until <paramref name="condition"/> holds; returns that screen, or throws with the last one.</summary>
    public async Task<string> WaitForScreenAsync(Func<string, bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ScreenAsync();
            if (condition(screen))
                return screen;
            if (clock.Elapsed > within)
                throw new TimeoutException($"the terminal did not show what was expected within {within.TotalSeconds} s; last screen:\n{screen}");
            await Task.Delay(50);
        }
    }

    /// <summary>The command's exit status once it has ended (from the <c>[exit N]</c> line), else <c>null</c>.</summary>
    public async Task<int?> ExitStatusAsync()
    {
        var match = System.Text.RegularExpressions.Regex.Match(await ScreenAsync(), @"^\[exit (\d+)\]$", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The processes running in the pane (pid, state, what they wait in, command), for failure messages.</summary>
    public async Task<string> ProcessesAsync()
    {
        var shell = (await RunAsync(null, "display-message", "-p", "-t", "main", "#{pane_pid}")).Trim();
        var start = new ProcessStartInfo("ps") { RedirectStandardOutput = true, ArgumentList = { "-o", "pid,stat,wchan:24,args", "--ppid", shell, "-p", shell } };
        using var ps = Process.Start(start) ?? throw new InvalidOperationException("cannot start ps");
        var text = await ps.StandardOutput.ReadToEndAsync();
        await ps.WaitForExitAsync();
        return text;
    }

    /// <summary>Ends the private tmux server and whatever still runs in it.</summary>
    public void Dispose()
    {
        try
        {
            RunAsync(null, "kill-server").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private Task<string> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunAsync(environment, (IReadOnlyList<string>)args);

    private async Task<string> RunAsync(IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in (string[])["-L", _socket, "-f", _config, .. args])
            start.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ARCHIVE_", StringComparison.Ordinal) || k == "TMUX").ToList())
                start.Environment.Remove(name);
            foreach (var (name, value) in environment)
                start.Environment[name] = value;
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("cannot start tmux");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException("tmux is needed for the terminal tests (apt-get install tmux; scripts/services.sh start installs it)", error);
        }
        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed ({process.ExitCode}): {await errors}");
            return await output;
        }
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

}
