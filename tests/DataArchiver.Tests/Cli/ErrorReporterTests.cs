using DataArchiver.Cli;
using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Planning;
using DataArchiver.Core.Storage;

namespace DataArchiver.Tests.Cli;

public sealed class ErrorReporterTests
{
    public static TheoryData<Exception, int> Mappings => new()
    {
        { new ConfigurationException("bad option"), ExitCodes.Usage },
        { new PlanningException("two units, one key"), ExitCodes.Usage },
        { new SourceException("password authentication failed", isTransient: false, isAccessProblem: true), ExitCodes.AccessDenied },
        { new ObjectStoreException("403 Forbidden", isTransient: false, isAccessProblem: true), ExitCodes.AccessDenied },
        { new SourceException("relation missing", isTransient: false), ExitCodes.Failed },
        { new ObjectStoreException("500", isTransient: true), ExitCodes.Failed },
        { new InvalidOperationException("boom"), ExitCodes.Failed },
        { new OperationCanceledException(), ExitCodes.Failed },
        { new AggregateException(new ConfigurationException("inner")), ExitCodes.Usage },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public void ExitCodeOf_Exception_MapsToDocumentedCode(Exception error, int expected) =>
        Assert.Equal(expected, ErrorReporter.ExitCodeOf(error, CancellationToken.None));

    [Fact]
    public void ExitCodeOf_CancellationWhileInterrupted_Is130()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Equal(ExitCodes.Interrupted, ErrorReporter.ExitCodeOf(new OperationCanceledException(cancelled.Token), cancelled.Token));
        Assert.Equal(ExitCodes.Interrupted, ErrorReporter.ExitCodeOf(new TaskCanceledException(), cancelled.Token));
    }

    [Fact]
    public void Report_Interrupted_WritesInterrupted()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var stderr = new StringWriter();
        Assert.Equal(130, ErrorReporter.Report(new OperationCanceledException(), stderr, debug: false, s => s, TimeProvider.System, cancelled.Token));
        Assert.Equal("data-archiver: error: interrupted" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Report_UnexpectedWithoutDebug_WritesOneLineWithoutStackTrace()
    {
        using var stderr = new StringWriter();
        var code = ErrorReporter.Report(Thrown(new InvalidOperationException("first line\nsecond line")), stderr, debug: false, s => s, TimeProvider.System, CancellationToken.None);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal("data-archiver: error: unexpected error: first line second line" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Report_UnexpectedWithDebug_AddsStackTrace()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(Thrown(new InvalidOperationException("boom")), stderr, debug: true, s => s, TimeProvider.System, CancellationToken.None);
        var lines = stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data-archiver: error: unexpected error: boom", lines[0]);
        Assert.Contains(lines, line => line.Contains(nameof(Thrown), StringComparison.Ordinal));
    }

    [Fact]
    public void Report_ConfigurationErrorWithDebug_StaysOneLine()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(Thrown(new ConfigurationException("--workers must be between 1 and 1000, got \"0\"")), stderr, debug: true, s => s, TimeProvider.System, CancellationToken.None);
        Assert.Equal("data-archiver: error: --workers must be between 1 and 1000, got \"0\"" + Environment.NewLine, stderr.ToString());
    }

    [Fact]
    public void Report_Redactor_IsAppliedToMessageAndTrace()
    {
        using var stderr = new StringWriter();
        ErrorReporter.Report(Thrown(new InvalidOperationException("login as x with pw-123 failed")), stderr, debug: true,
            s => s.Replace("pw-123", "***", StringComparison.Ordinal), TimeProvider.System, CancellationToken.None);
        Assert.DoesNotContain("pw-123", stderr.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("data-archiver: error: unexpected error: login as x with *** failed", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_StoreRefusedAccess_CategoryInWordsThenTheCause()
    {
        using var stderr = new StringWriter();
        var code = ErrorReporter.Report(new ObjectStoreException("HEAD bucket: 403 Forbidden", isTransient: false, isAccessProblem: true), stderr,
            debug: true, s => s, TimeProvider.System, CancellationToken.None);
        Assert.Equal(ExitCodes.AccessDenied, code);
        Assert.Equal("data-archiver: error: store unreachable or refused access: HEAD bucket: 403 Forbidden" + Environment.NewLine, stderr.ToString());
    }

    private static Exception Thrown(Exception error)
    {
        try
        {
            throw error;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
