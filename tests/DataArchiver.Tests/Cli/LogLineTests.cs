using System.Text.Json.Nodes;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class LogLineTests
{
    private static readonly DateTimeOffset Time = new(2024, 6, 15, 12, 30, 45, 123, TimeSpan.Zero);

    [Fact]
    public void Format_Text_TimeLevelMessageOnOneLine()
    {
        var line = LogLine.Format(LogFormat.Text, Time, "warn", "first\nsecond\u001b[31m red");

        Assert.Equal("2024-06-15T12:30:45.123Z WARN  first second[31m red", line);
    }

    [Fact]
    public void Format_Json_ObjectWithTimeLevelMsgAndFields_ControlCharactersEscaped()
    {
        var line = LogLine.Format(LogFormat.Json, Time, "info", "é\u001b", ("rows", 5L), ("gone", null), ("key", "a/b"));

        Assert.DoesNotContain('\u001b', line);
        var record = JsonNode.Parse(line)!.AsObject();
        Assert.Equal("2024-06-15T12:30:45.123Z", (string)record["time"]!);
        Assert.Equal("info", (string)record["level"]!);
        Assert.Equal("é\u001b", (string)record["msg"]!);
        Assert.Equal(5, (long)record["rows"]!);
        Assert.False(record.ContainsKey("gone"));
        Assert.Equal("a/b", (string)record["key"]!);
    }

    [Fact]
    public void Format_Logfmt_QuotesWhatNeedsQuoting()
    {
        var line = LogLine.Format(LogFormat.Logfmt, Time, "error", "a \"b\"\nc", ("plain", "x"), ("spaced", "y z"), ("control", "\u001b"));

        Assert.Equal("time=2024-06-15T12:30:45.123Z level=error msg=\"a \\\"b\\\"\\nc\" plain=x spaced=\"y z\" control=\"\\u001b\"", line);
    }
}
