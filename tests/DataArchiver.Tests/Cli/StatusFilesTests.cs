using System.Text.Json.Nodes;
using DataArchiver.Cli.Output;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;

namespace DataArchiver.Tests.Cli;

public sealed class StatusFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("da-status-").FullName;
    private readonly List<string> _warnings = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StatusFiles CreateSut() => new(_dir, new RelationName("public", "t"), new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 31), TimeProvider.System, _warnings.Add);

    private static WorkUnit Unit(int day) => new($"a/t/t-2024-01-{day:00}.jsonl.zst",
        new Period(OutputDuration.Daily, new DateTime(2024, 1, day, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", $"t_202401{day:00}"));

    [Fact]
    public void Events_FromManyWorkersAtOnce_NeverFailAndLeaveAConsistentFile()
    {
        using var sut = CreateSut();
        var units = Enumerable.Range(1, 28).Select(Unit).ToList();
        sut.PlanReady(new ArchivePlan(units, [], 0));

        Parallel.ForEach(units, new ParallelOptions { MaxDegreeOfParallelism = 8 }, unit =>
        {
            sut.UnitStarted(unit);
            foreach (var stage in Enum.GetValues<UnitStage>())
                sut.StageChanged(unit, stage);
            sut.RowsExpected(unit, 100, estimated: false);
            sut.RowsDone(unit, 50, 10);
            sut.UnitFinished(new UnitResult(unit, UnitOutcome.Archived, 100, 1000, 10, TimeSpan.Zero));
        });

        var status = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, StatusFiles.TaskFileName)))!.AsObject();
        Assert.Equal(28, (int)status["units_done"]!);
        Assert.Equal(28, (int)status["units_total"]!);
        Assert.Empty(status["current"]!.AsArray());
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Status_DuringAUnit_TellsPidTableRangeStageAndRows()
    {
        using var sut = CreateSut();
        sut.PlanReady(new ArchivePlan([Unit(1), Unit(2)], [], 0));
        sut.UnitStarted(Unit(1));
        sut.StageChanged(Unit(1), UnitStage.Extracting);
        sut.RowsExpected(Unit(1), 500, estimated: true);

        var pid = File.ReadAllText(Path.Combine(_dir, StatusFiles.PidFileName)).Trim();
        var status = JsonNode.Parse(File.ReadAllText(Path.Combine(_dir, StatusFiles.TaskFileName)))!.AsObject();

        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), pid);
        Assert.Equal(Environment.ProcessId, (int)status["pid"]!);
        Assert.Equal("public.t", (string)status["table"]!);
        Assert.Equal("2024-01-01", (string)status["start_date"]!);
        Assert.Equal("2024-01-31", (string)status["end_date"]!);
        Assert.Equal(0, (int)status["units_done"]!);
        Assert.Equal(2, (int)status["units_total"]!);
        var current = Assert.Single(status["current"]!.AsArray())!;
        Assert.Equal("public.t_20240101", (string)current["partition"]!);
        Assert.Equal("a/t/t-2024-01-01.jsonl.zst", (string)current["key"]!);
        Assert.Equal("extracting", (string)current["stage"]!);
        Assert.Equal(500, (long)current["expected_rows"]!);
    }

    [Fact]
    public void Dispose_RemovesBothFiles_UnlessAnotherRunTookThemOver()
    {
        using (CreateSut())
        {
        }
        Assert.Empty(Directory.EnumerateFiles(_dir));

        var other = CreateSut();
        File.WriteAllText(Path.Combine(_dir, StatusFiles.PidFileName), "999999\n");
        other.Dispose();
        Assert.True(File.Exists(Path.Combine(_dir, StatusFiles.PidFileName)));
    }
}
