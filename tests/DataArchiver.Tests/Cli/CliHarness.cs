using DataArchiver.Cli;
using DataArchiver.Cli.Commands;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

/// <summary>
/// Runs the command line against an injected environment, a private HOME directory (so the default config file is
/// under the test's control) and a fixed clock (2024-06-15 UTC).
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public static readonly DateOnly Today = new(2024, 6, 15);

    /// <summary>The flags every valid archive run needs, writing to a local directory.</summary>
    private readonly Dictionary<string, string> _required;

    public CliHarness()
    {
        Home = Path.Combine(Path.GetTempPath(), "data-archiver-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
        Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Home };
        _required = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--db-user"] = "archiver",
            ["--db-name"] = "events_db",
            ["--table"] = "events",
            ["--path-template"] = "archive/{table}/{YYYY}/{MM}",
            ["--start-date"] = "2024-01-01",
            ["--local-dir"] = Path.Combine(Home, "out"),
        };
    }

    public string Home { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>The required flags plus <paramref name="extra"/>, leaving out the flags named in <paramref name="omit"/>.</summary>
    public string[] ArgsWithout(IEnumerable<string> omit, params string[] extra)
    {
        var skipped = new HashSet<string>(omit, StringComparer.Ordinal);
        var args = new List<string>();
        foreach (var (flag, value) in _required)
        {
            if (!skipped.Contains(flag))
                args.AddRange([flag, value]);
        }
        args.AddRange(extra);
        return [.. args];
    }

    /// <summary>The required flags plus <paramref name="extra"/>.</summary>
    public string[] Args(params string[] extra) => ArgsWithout([], extra);

    /// <summary>Writes a config file into HOME (the default location unless another name is given) and returns its path.</summary>
    public string WriteConfig(string yaml, string name = ".data-archiver.yaml")
    {
        var path = Path.Combine(Home, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    public CliContext Context(TextWriter output, TextWriter error) => new()
    {
        Out = output,
        Error = error,
        Environment = Environment,
        Time = new FixedTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)),
        // The command-line tests stop at the bound settings: the jobs echo them (no secrets in ToString) and succeed.
        RunArchive = async (settings, context, token) =>
        {
            await context.Out.WriteLineAsync(settings.ToString().AsMemory(), token);
            return ExitCodes.Ok;
        },
        RunList = async (settings, context, token) =>
        {
            await context.Out.WriteLineAsync(settings.ToString().AsMemory(), token);
            return ExitCodes.Ok;
        },
    };

    /// <summary>Binds <c>archive</c> with exactly <paramref name="args"/> (no required flags added).</summary>
    public ArchiveSettings BindArchive(params string[] args)
    {
        var command = new ArchiveCommand(Context(TextWriter.Null, TextWriter.Null), new RunState());
        var parseResult = command.Command.Parse(args);
        Assert.Empty(parseResult.Errors);
        return command.Bind(parseResult);
    }

    /// <summary>Binds <c>archive</c> with exactly <paramref name="args"/> and returns the configuration error.</summary>
    public ConfigurationException ArchiveError(params string[] args) =>
        Assert.Throws<ConfigurationException>(() => BindArchive(args));

    /// <summary>Binds <c>list</c> with exactly <paramref name="args"/>.</summary>
    public ListSettings BindList(params string[] args)
    {
        var command = new ListCommand(Context(TextWriter.Null, TextWriter.Null), new RunState());
        var parseResult = command.Command.Parse(args);
        Assert.Empty(parseResult.Errors);
        return command.Bind(parseResult);
    }

    /// <summary>Runs the whole command line and captures exit code, standard output and standard error; no run may print a stack trace.</summary>
    public async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new CliApplication(Context(output, error)).RunAsync(args, CancellationToken.None);
        StackTraceCheck.AssertNone(output.ToString() + error.ToString(), () => $"exit {code}\n{output}\n{error}");
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
