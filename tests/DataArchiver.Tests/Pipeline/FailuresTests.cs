using DataArchiver.Core.Configuration;
using DataArchiver.Core.Extraction;
using DataArchiver.Core.Pipeline;
using DataArchiver.Core.PostgresTypes;
using DataArchiver.Core.Storage;

namespace DataArchiver.Tests.Pipeline;

public sealed class FailuresTests
{
    /// <summary>What .NET on Linux throws for ENOSPC: the errno is the HResult.</summary>
    private static IOException NoSpace() => new("No space left on device : '/tmp/x.tmp'", 28);

    public static TheoryData<Exception, string> Categories => new()
    {
        { NoSpace(), "disk full" },
        { new TempFileException("No space left on device : '/tmp/x.tmp'", NoSpace()), "disk full" },
        { new SourceException("reading public.t: No space left on device", isTransient: true, innerException: NoSpace()), "disk full" },
        { new TempFileException("Permission denied", new UnauthorizedAccessException("Permission denied")), "temp file error" },
        { new ObjectStoreException("PUT k: 403 AccessDenied", isTransient: false), "store refused" },
        { new ObjectStoreException("PUT k: 503 SlowDown", isTransient: true), "store unavailable" },
        { new ObjectStoreException("HEAD bucket: 403", isTransient: false, isAccessProblem: true), "store unreachable or refused access" },
        { new SourceException("reading public.t: relation does not exist", isTransient: false), "database error" },
        { new SourceException("connecting: password authentication failed", isTransient: false, isAccessProblem: true), "database unreachable or refused access" },
        { new VerificationException("k: ETag x does not match"), "verification failed" },
        { new ValueNotRepresentableException("row 3: NaN in a DECIMAL column"), "value not representable" },
        { new ConfigurationException("--workers must be between 1 and 1000"), "configuration error" },
        { new IOException("Input/output error"), "file error" },
        { new UnauthorizedAccessException("Access to the path is denied"), "permission denied" },
        { new AggregateException(new VerificationException("inner")), "verification failed" },
        { new InvalidOperationException("boom"), "unexpected error" },
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public void Category_ByTypeAndCode_InWords(Exception error, string expected) =>
        Assert.Equal(expected, Failures.Category(error));

    [Fact]
    public void Describe_MessageWithAStackTraceInIt_KeepsTheTextBeforeTheFirstFrameOnOneLine()
    {
        var native = new InvalidOperationException(
            "IOError: System.IO.IOException: No space left on device\nwhile writing\n   at System.IO.RandomAccess.WriteAtOffset(SafeFileHandle handle)\n" +
            "--- End of stack trace from previous location ---\n   at ParquetSharp.IO.ManagedOutputStream.Write(IntPtr src)')");

        Assert.Equal("unexpected error: IOError: System.IO.IOException: No space left on device while writing", Failures.Describe(native));
    }

    [Theory]
    [InlineData("   at System.IO.RandomAccess.WriteAtOffset(SafeFileHandle handle, Int64 fileOffset)", true)]
    [InlineData("   at DataArchiver.Core.Hashing.HashingStream.Write(Byte[] buffer) in /src/HashingStream.cs:line 41", true)]
    [InlineData("--- End of stack trace from previous location ---", true)]
    [InlineData("at least 5 rows (expected)", false)]
    [InlineData("  rows 10; bytes 1 KiB", false)]
    public void IsStackFrame_DotNetFramesOnly(string line, bool expected) =>
        Assert.Equal(expected, Failures.IsStackFrame(line));
}
