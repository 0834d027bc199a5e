using DataArchiver.Cli.Output;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using Spectre.Console;

namespace DataArchiver.Tests.Cli;

public sealed class LiveProgressTests
{
    private static (LiveProgress Sut, StringWriter Output) CreateSut()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 100;
        console.Profile.Height = 30;
        return (new LiveProgress(console, "public.t", debug: true, TimeProvider.System), output);
    }

    private static WorkUnit Unit(int i) => new($"a/t/t-{i}.jsonl.zst",
        new Period(OutputDuration.Daily, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i)), new RelationName("public", $"t_{i}"));

    [Fact]
    public async Task RunAsync_WorkersPrintingWhileTheDisplayRefreshes_NeverDeadlocks_AndEveryMessageIsPrinted()
    {
        var (sut, output) = CreateSut();
        var units = Enumerable.Range(0, 8).Select(Unit).ToList();

        var result = await sut.RunAsync(async () =>
        {
            sut.PlanReady(new ArchivePlan(units, [], 0));
            await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (unit, token) =>
            {
                sut.UnitStarted(unit);
                sut.StageChanged(unit, UnitStage.Extracting);
                sut.RowsExpected(unit, 1000, estimated: false);
                for (var n = 1; n <= 300; n++)
                {
                    sut.Debug($"{unit.Source}: message {n}");
                    sut.RowsDone(unit, n, n * 10);
                    if (n % 10 == 0)
                        await Task.Delay(2, token);
                }
                sut.Warning($"{unit.Source}: done");
                sut.UnitFinished(new UnitResult(unit, UnitOutcome.Archived, 300, 3000, 3000, TimeSpan.Zero));
            });
            return 42;
        }).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(42, result);
        var text = output.ToString();
        foreach (var unit in units)
        {
            Assert.Contains($"{unit.Source}: message 300", text, StringComparison.Ordinal);
            Assert.Contains($"{unit.Source}: done", text, StringComparison.Ordinal);
        }
        Assert.Contains("8/8 units", text, StringComparison.Ordinal);
    }
}
