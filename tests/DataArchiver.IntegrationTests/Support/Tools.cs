using System.Diagnostics;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>Runs the system's own command-line tools (zstd, gzip, lz4) as independent readers.</summary>
public static class Tools
{
    /// <summary>Pipes <paramref name="input"/> through <paramref name="tool"/> and returns its stdout; fails on a non-zero exit.</summary>
    public static async Task<byte[]> PipeAsync(string tool, byte[] input, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        await reading;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} exited {process.ExitCode}: {await errors}");
        return output.ToArray();
    }

    /// <summary>Runs <c>psql -c</c> against the test database in a UTC session and returns its raw stdout.</summary>
    public static async Task<byte[]> PsqlAsync(string sql)
    {
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", TestServices.PgHost, "-p", TestServices.PgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-U", TestServices.PgUser, "-d", TestServices.PgDatabase, "-c", sql })
            start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = TestServices.PgPassword;
        start.Environment["PGOPTIONS"] = "-c TimeZone=UTC";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start psql");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await reading;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"psql exited {process.ExitCode}: {await errors}");
        return output.ToArray();
    }
}
