using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Checks on the closing summary a run prints.</summary>
internal static class Summary
{
    /// <summary>The summary's count line starts with <paramref name="counts"/> (e.g. <c>archived 1, skipped 2, empty 0, failed 0</c>).</summary>
    public static void AssertSays(CliRunner.Result result, string counts) =>
        Assert.True(result.Stdout.Contains("  " + counts, StringComparison.Ordinal), $"the summary does not say \"{counts}\"\n{result.Describe()}");
}
