using System.Text.RegularExpressions;

namespace DataArchiver.Tests.Cli;

/// <summary>
/// What every run of the command line in the tests is checked for: no output line looks like a .NET stack frame
/// (<c>   at X.Y(…)</c>) or a stack trace's seam (<c>--- End of stack trace …</c>). Shared by the unit and the
/// integration test harnesses.
/// </summary>
internal static partial class StackTraceCheck
{
    [GeneratedRegex(@"^\s+at [^\s(]+\(.*\)|^\s*--- End of (inner exception )?stack trace", RegexOptions.Multiline)]
    private static partial Regex Frame();

    /// <summary>Fails when <paramref name="output"/> holds a stack frame; <paramref name="describe"/> tells the whole run.</summary>
    public static void AssertNone(string output, Func<string> describe)
    {
        var frame = Frame().Match(output);
        Assert.False(frame.Success, $"a stack trace line in the output: \"{frame.Value.Trim()}\"\n{(frame.Success ? describe() : "")}");
    }
}
