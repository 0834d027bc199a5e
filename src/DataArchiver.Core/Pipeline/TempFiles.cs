namespace DataArchiver.Core.Pipeline;

/// <summary>Names and cleans the temp files units are written to before upload.</summary>
public static class TempFiles
{
    /// <summary>The prefix every temp file of this tool carries, so stale ones can be recognised.</summary>
    public const string Prefix = ".data-archiver-";

    /// <summary>A new, unique temp file path inside <paramref name="directory"/> (the file is not created).</summary>
    public static string NewPath(string directory) =>
        Path.Combine(directory, $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes <paramref name="path"/> if it exists; never throws.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Deletes this process's temp files in <paramref name="directory"/> (when it is ended at once); never throws.</summary>
    public static void DeleteOwn(string directory)
    {
        try
        {
            foreach (var path in Directory.EnumerateFiles(directory, $"{Prefix}{Environment.ProcessId}-*.tmp"))
                TryDelete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Removes temp files left by runs that died (their process no longer exists); returns how many were removed.
    /// Files of live processes, including other runs going on now, are left alone.
    /// </summary>
    public static int CleanStale(string directory)
    {
        if (!Directory.Exists(directory))
            return 0;
        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, Prefix + "*.tmp"))
        {
            var name = Path.GetFileName(path)[Prefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], System.Globalization.CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
                continue;
            TryDelete(path);
            removed += File.Exists(path) ? 0 : 1;
        }
        return removed;
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
            return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
