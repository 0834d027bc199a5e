using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Progress;
using DataArchiver.Core.State;
using DataArchiver.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace DataArchiver.Tests.Pipeline;

public sealed class UnitProcessorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("da-unit-").FullName;
    private readonly MemoryStore _store = new();
    private readonly RecordingProgress _progress = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// One attempt as the pipeline composes it, with nothing but a temp directory, a state file and the fakes: no
    /// database or store settings. Each call is a new attempt object; what it may learn from an earlier attempt comes
    /// only through the <see cref="AttemptHistory"/> the test hands it.
    /// </summary>
    private (Attempt Processor, StateStore State) CreateSut(FakeReader reader, bool force = false, bool dryRun = false)
    {
        var state = StateStore.Open(_dir, "archive", "public.t", "memory", _clock, _progress.Warning);
        var check = new StoredObjectCheck(_store, state, _progress);
        IUnitOutput output = dryRun ? new DryRunOutput() : new StoreOutput(_store, state, check, _progress, _clock);
        var counter = new RowCounter(reader, state, output, _progress, _clock, estimate: false);
        return (new Attempt(new UnitProcessor(TestSettings.Processor(_dir, force), reader, check, counter, output, _progress, _clock)), state);
    }

    /// <summary>Runs attempts of <see cref="UnitProcessor"/>, each a first attempt unless given a history.</summary>
    private sealed class Attempt(UnitProcessor processor)
    {
        public Task<UnitResult> ProcessAsync(WorkUnit unit, CancellationToken cancellationToken, AttemptHistory? history = null) =>
            processor.RunAsync(unit, history ?? new AttemptHistory(), cancellationToken);
    }

    [Fact]
    public async Task Process_NewUnit_UploadsRecordsAndLeavesNoTempFile()
    {
        var reader = new FakeReader(1, 2, 3);
        var (sut, state) = CreateSut(reader);

        var result = await sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(3, result.Rows);
        var stored = _store.Objects[TestSettings.Unit().Key];
        using var decompressor = new ZstdSharp.Decompressor();
        var text = System.Text.Encoding.UTF8.GetString(decompressor.Unwrap(stored.Bytes).ToArray());
        Assert.Equal("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n", text);
        Assert.Equal("3", stored.Metadata["rows"]);
        Assert.Equal(stored.Bytes.Length, state.Get(TestSettings.Unit().Key)!.Size);
        Assert.Empty(Directory.EnumerateFiles(_dir, TempFiles.Prefix + "*"));
    }

    [Fact]
    public async Task Process_SecondRunWithRecord_SkipsWithoutReadingTheDatabase()
    {
        var reader = new FakeReader(1, 2);
        var (first, _) = CreateSut(reader);
        await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        var (second, _) = CreateSut(reader);

        var result = await second.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Skipped, result.Outcome);
        Assert.Equal(1, reader.Exports);
        Assert.Equal(1, _store.Puts);
    }

    [Fact]
    public async Task Process_ObjectExistsWithoutRecord_ExtractsComparesAndSkipsUpload()
    {
        var reader = new FakeReader(1, 2);
        var (first, _) = CreateSut(reader);
        await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        foreach (var file in Directory.EnumerateFiles(_dir, "*.json"))
            File.Delete(file);
        var (second, state) = CreateSut(reader);

        var result = await second.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Skipped, result.Outcome);
        Assert.Equal(2, reader.Exports);
        Assert.Equal(1, _store.Puts);
        Assert.NotNull(state.Get(TestSettings.Unit().Key)?.Md5);
    }

    [Fact]
    public async Task Process_ObjectReplacedBehindOurBack_DetectedAndUploadedAgain()
    {
        var reader = new FakeReader(1, 2);
        var (first, _) = CreateSut(reader);
        await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        var original = _store.Objects[TestSettings.Unit().Key];
        _store.Objects[TestSettings.Unit().Key] = ("garbage"u8.ToArray(), original.Metadata);
        var (second, _) = CreateSut(reader);

        var result = await second.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(original.Bytes, _store.Objects[TestSettings.Unit().Key].Bytes);
    }

    [Fact]
    public async Task Process_VerificationFailedRightAfterUpload_NextAttemptFindsTheObject_ReportsArchived()
    {
        var reader = new FakeReader(1, 2);
        var (sut, _) = CreateSut(reader);
        _store.StaleHeadsAfterPut = 1;
        var history = new AttemptHistory();

        await Assert.ThrowsAsync<VerificationException>(() => sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None, history));
        var result = await CreateSut(reader).Processor.ProcessAsync(TestSettings.Unit(), CancellationToken.None, history);

        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(2, result.Rows);
        Assert.Equal(1, _store.Puts);
    }

    [Fact]
    public async Task Process_ReplacedObjectUploadedAgain_VerificationFailedOnce_NextAttemptReportsArchived()
    {
        var reader = new FakeReader(1, 2);
        var (first, _) = CreateSut(reader);
        await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        var original = _store.Objects[TestSettings.Unit().Key];
        _store.Objects[TestSettings.Unit().Key] = ("garbage"u8.ToArray(), ObjectInfo.NoMetadata);
        var (second, state) = CreateSut(reader);
        _store.StaleHeadsAfterPut = 1;

        var history = new AttemptHistory();

        await Assert.ThrowsAsync<VerificationException>(() => second.ProcessAsync(TestSettings.Unit(), CancellationToken.None, history));
        Assert.NotNull(state.Get(TestSettings.Unit().Key)!.LastError);
        var result = await second.ProcessAsync(TestSettings.Unit(), CancellationToken.None, history);

        // The record of the first run matches again, so the retry skips the database: still this run's upload.
        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(2, reader.Exports);
        Assert.Null(state.Get(TestSettings.Unit().Key)!.LastError);
        Assert.Equal(original.Bytes, _store.Objects[TestSettings.Unit().Key].Bytes);
    }

    [Fact]
    public async Task Process_Force_UploadsEvenWhenStored()
    {
        var reader = new FakeReader(1);
        var (first, _) = CreateSut(reader);
        await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None);
        var (forced, _) = CreateSut(reader, force: true);

        var result = await forced.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Archived, result.Outcome);
        Assert.Equal(2, _store.Puts);
    }

    [Fact]
    public async Task Process_DryRun_NoUploadNoState()
    {
        var reader = new FakeReader(1);
        var (sut, state) = CreateSut(reader, dryRun: true);

        var result = await sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.WouldArchive, result.Outcome);
        Assert.Equal(0, _store.Puts);
        Assert.Null(state.Get(TestSettings.Unit().Key));
        Assert.False(File.Exists(state.Path));
    }

    [Fact]
    public async Task Process_EmptyClosedPeriod_RecordedAndNotQueriedAgain()
    {
        var reader = new FakeReader();
        var (first, _) = CreateSut(reader);
        Assert.Equal(UnitOutcome.Empty, (await first.ProcessAsync(TestSettings.Unit(), CancellationToken.None)).Outcome);
        var (second, _) = CreateSut(reader);

        var result = await second.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        Assert.Equal(UnitOutcome.Empty, result.Outcome);
        Assert.Equal(1, reader.Exports);
        Assert.Empty(_store.Objects);
    }

    [Theory]
    [InlineData(31, 5, 29, 5, false)] // stored from Wednesday, asked from Monday: read again
    [InlineData(29, 5, 31, 5, true)] // stored from Monday, asked from Wednesday: still holds all of it
    [InlineData(29, 5, 29, 5, true)]
    [InlineData(31, 5, 29, 31, false)] // stored Wednesday on, asked Monday to Tuesday
    public async Task Process_WindowRecord_DatabaseReadAgainUnlessTheRecordCoversTheAskedDates(int storedFrom, int storedTo, int askedFrom, int askedTo, bool coveredByRecord)
    {
        var reader = new FakeReader(1);
        var (first, state) = CreateSut(reader);
        await first.ProcessAsync(Window(storedFrom, storedTo), CancellationToken.None);
        Assert.Equal(Day(storedFrom), state.Get(Window(storedFrom, storedTo).Key)!.RowsFrom);
        var (second, _) = CreateSut(reader);

        var result = await second.ProcessAsync(Window(askedFrom, askedTo), CancellationToken.None);

        // The fake serves the same rows either way, so a re-read ends in "same bytes already stored": what differs is the read.
        Assert.Equal(UnitOutcome.Skipped, result.Outcome);
        Assert.Equal(coveredByRecord ? 1 : 2, reader.Exports);
    }

    [Fact]
    public async Task Process_EmptyWindowRecordNotCoveringTheAskedDates_QueriedAgain()
    {
        var reader = new FakeReader();
        var (first, _) = CreateSut(reader);
        Assert.Equal(UnitOutcome.Empty, (await first.ProcessAsync(Window(31, 5), CancellationToken.None)).Outcome);
        var (second, _) = CreateSut(reader);

        var result = await second.ProcessAsync(Window(29, 5), CancellationToken.None);

        Assert.Equal(UnitOutcome.Empty, result.Outcome);
        Assert.Equal(2, reader.Exports);
    }

    /// <summary>Week 2024-W05 (Monday 29 January to Sunday 4 February) read from day <paramref name="from"/> to <paramref name="to"/> (exclusive; 1-5 are February).</summary>
    private static WorkUnit Window(int from, int to) => new("a/t/t-2024-W05.jsonl.zst",
        new Period(OutputDuration.Weekly, new DateTime(2024, 1, 29, 0, 0, 0, DateTimeKind.Utc)), new RelationName("public", "t"),
        new RowWindow("at", Day(from).UtcDateTime, Day(to).UtcDateTime, DateColumnType.TimestampTz));

    private static DateTimeOffset Day(int day) => day > 20
        ? new DateTimeOffset(2024, 1, day, 0, 0, 0, TimeSpan.Zero)
        : new DateTimeOffset(2024, 2, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Process_VerificationFailedThenObjectFound_WithoutTheHistory_IsNotThisRunsUpload()
    {
        var reader = new FakeReader(1, 2);
        var (sut, _) = CreateSut(reader);
        _store.StaleHeadsAfterPut = 1;

        await Assert.ThrowsAsync<VerificationException>(() => sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None));
        var result = await sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None);

        // A fresh history knows of no upload: nothing is remembered inside the processor between attempts.
        Assert.Equal(UnitOutcome.Skipped, result.Outcome);
    }

    [Fact]
    public async Task Process_Failure_RecordsLastErrorAndRemovesTempFile()
    {
        var reader = new FakeReader(1) { FailOnAttempt = _ => new SourceException("boom", isTransient: true) };
        var (sut, state) = CreateSut(reader);

        await Assert.ThrowsAsync<SourceException>(() => sut.ProcessAsync(TestSettings.Unit(), CancellationToken.None));

        Assert.Equal("database error: boom", state.Get(TestSettings.Unit().Key)!.LastError);
        Assert.Empty(Directory.EnumerateFiles(_dir, TempFiles.Prefix + "*"));
    }
}
