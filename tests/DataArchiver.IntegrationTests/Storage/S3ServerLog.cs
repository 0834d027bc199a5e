using System.Diagnostics;
using System.Text.RegularExpressions;
using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Storage;

/// <summary>Reads the S3 test server's request log (DA_TEST_S3_LOG), one request per line, colour codes removed.</summary>
public static partial class S3ServerLog
{
    /// <summary>
    /// Waits until a logged request line satisfies <paramref name="match"/>. The server writes a line once it has
    /// finished its response, which can be a moment after the client has read that response, hence the wait.
    /// </summary>
    public static async Task<string?> FindRequestAsync(Func<string, bool> match, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Lines().FirstOrDefault(match);
            if (found is not null || clock.Elapsed > within)
                return found;
            await Task.Delay(50);
        }
    }

    /// <summary>Whether <paramref name="line"/> logs an AbortMultipartUpload request for <paramref name="key"/> in <paramref name="bucket"/>.</summary>
    public static bool IsAbortOf(string line, string bucket, string key) =>
        line.Contains($"DELETE /{bucket}/{key}?uploadId=", StringComparison.Ordinal);

    internal static string[] Lines()
    {
        using var stream = new FileStream(TestServices.S3Log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return AnsiEscape().Replace(text, "").Split('\n');
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();
}
