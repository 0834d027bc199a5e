using System.Diagnostics;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>
/// The real <c>data-archiver</c> executable, published once per test run as the README builds it (<c>dotnet publish
/// src/DataArchiver.Cli -c Release --use-current-runtime</c>, i.e. the native NativeAOT executable with the Parquet
/// native library beside it) into <c>published-cli/</c> beside the test assembly, replaced by the next run. Tests that
/// need a real process (signals, a terminal) start it through <see cref="StartAsync"/>.
/// </summary>
internal static class PublishedCli
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The path of the published executable (publishing it on first use).</summary>
    public static Task<string> PathAsync() => Published.Value;

    /// <summary>Starts the published executable with <paramref name="args"/> and <paramref name="environment"/>, outputs captured.</summary>
    public static async Task<CliProcess> StartAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment) =>
        CliProcess.Start(await PathAsync(), args, environment);

    /// <summary>The repository root (the directory holding DataArchiver.slnx).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DataArchiver.slnx")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"DataArchiver.slnx not found above {AppContext.BaseDirectory}");
    }

    private static async Task<string> PublishAsync()
    {
        // Beside the test assembly rather than in the temp directory: a test host that is ended without running its
        // exit handlers would leave a copy behind in /tmp on every run.
        var output = Path.Combine(AppContext.BaseDirectory, "published-cli");
        TryDelete(output);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = RepositoryRoot(),
        };
        foreach (var argument in new[]
                 {
                     "publish", Path.Combine("src", "DataArchiver.Cli"), "-c", "Release", "--use-current-runtime",
                     "-o", output, "--nologo",
                     // No build servers left running after the tests.
                     "-nodeReuse:false", "-p:UseSharedCompilation=false",
                 })
            start.ArgumentList.Add(argument);
        // The test host may carry MSBuild settings of the build that started it; the publish makes its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(name);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet publish");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var executable = Path.Combine(output, "data-archiver");
        if (process.ExitCode != 0 || !File.Exists(executable))
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return executable;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
