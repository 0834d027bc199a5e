using DataArchiver.Cli.Output;
using Spectre.Console;

namespace DataArchiver.Tests.Cli;

public sealed class ClearedLinesTests
{
    [Fact]
    public void Render_EveryLineEndsByErasingTheRestOfTheTerminalLine()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 20;

        console.Write(new ClearedLines(new Markup("short\na line longer than twenty cells")));

        Assert.Equal("short\u001b[K\na line longer than \u001b[K\ntwenty cells\u001b[K\n", output.ToString().ReplaceLineEndings("\n"));
    }
}
