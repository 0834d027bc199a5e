using DataArchiver.Core.State;
using Microsoft.Extensions.Time.Testing;

namespace DataArchiver.Tests.State;

public sealed class StateStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("da-state-").FullName;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2024, 3, 4, 5, 6, 7, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Open_AfterSet_ReadsTheRecordBack()
    {
        var first = StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, _ => { });
        first.Set("k", new ObjectRecord { Size = 10, Md5 = "abc", Rows = 2 });

        var second = StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, _ => { });

        Assert.Equal(new ObjectRecord { Size = 10, Md5 = "abc", Rows = 2 }, second.Get("k"));
        Assert.Equal([StateStore.FileNameFor("archive", "public.t", "s3://b")], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_OtherScope_SeesNothing()
    {
        StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, _ => { }).Set("k", new ObjectRecord { Size = 1 });

        Assert.Null(StateStore.Open(_dir, "archive", "public.t", "s3://other", _clock, _ => { }).Get("k"));
        Assert.Null(StateStore.Open(_dir, "archive", "public.u", "s3://b", _clock, _ => { }).Get("k"));
    }

    [Fact]
    public void Open_CorruptFile_WarnsSetsAsideAndStartsEmpty()
    {
        var path = Path.Combine(_dir, StateStore.FileNameFor("archive", "public.t", "s3://b"));
        File.WriteAllText(path, "{ not json");
        var warnings = new List<string>();

        var state = StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, warnings.Add);
        state.Set("k", new ObjectRecord { Size = 3 });

        Assert.Single(warnings);
        Assert.Contains("set aside", warnings[0], StringComparison.Ordinal);
        Assert.Equal(path + ".corrupt-20240304T050607Z", Assert.Single(Directory.EnumerateFiles(_dir, "*.corrupt-*")));
        Assert.Equal(3, StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, _ => { }).Get("k")!.Size);
    }

    [Fact]
    public void GetCount_OlderThanMaxAge_Expired()
    {
        var state = StateStore.Open(_dir, "archive", "public.t", "s3://b", _clock, _ => { });
        var then = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        state.SetCount("public.t_20240101", 42, then);

        Assert.Equal(42, state.GetCount("public.t_20240101", TimeSpan.FromDays(1), then.AddHours(23)));
        Assert.Null(state.GetCount("public.t_20240101", TimeSpan.FromDays(1), then.AddHours(25)));
    }
}
