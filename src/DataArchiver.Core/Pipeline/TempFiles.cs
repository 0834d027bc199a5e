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
}
