using DataArchiver.IntegrationTests.Support;

namespace DataArchiver.IntegrationTests.Drills;

/// <summary>Waits for a drill's moment to strike while a run goes on, and fails at once if the run ends first.</summary>
internal static class RunGuard
{
    /// <summary>Awaits <paramref name="waiting"/>, failing with the run's output if <paramref name="run"/> ends first.</summary>
    public static async Task<T> WaitWhileRunningAsync<T>(Task<CliRunner.Result> run, Task<T> waiting)
    {
        await WaitWhileRunningAsync(run, (Task)waiting);
        return await waiting;
    }

    /// <summary>Awaits <paramref name="waiting"/>, failing with the run's output if <paramref name="run"/> ends first.</summary>
    public static async Task WaitWhileRunningAsync(Task<CliRunner.Result> run, Task waiting)
    {
        if (await Task.WhenAny(run, waiting) == run)
            Assert.Fail("the run ended before the drill could strike: " + (await run).Describe());
        await waiting;
    }
}
