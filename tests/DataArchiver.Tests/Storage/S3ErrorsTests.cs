using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using DataArchiver.Storage.S3;

namespace DataArchiver.Tests.Storage;

public sealed class S3ErrorsTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    [InlineData(HttpStatusCode.TooManyRequests, "")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout")]
    [InlineData(HttpStatusCode.BadRequest, "SlowDown")]
    public void Translate_ServerBusyOrBroken_IsTransient(HttpStatusCode status, string code)
    {
        var translated = S3Errors.Translate(ServiceError(status, code), "PUT s3://b/k");

        Assert.True(translated.IsTransient);
        Assert.False(translated.IsAccessProblem);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", true)]
    [InlineData(HttpStatusCode.Forbidden, "InvalidAccessKeyId", true)]
    [InlineData(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", true)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", true)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey", false)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidDigest", false)]
    [InlineData(HttpStatusCode.BadRequest, "InvalidArgument", false)]
    public void Translate_RefusedRequest_IsPermanent(HttpStatusCode status, string code, bool accessProblem)
    {
        var translated = S3Errors.Translate(ServiceError(status, code), "PUT s3://b/k");

        Assert.False(translated.IsTransient);
        Assert.Equal(accessProblem, translated.IsAccessProblem);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), translated.Message, StringComparison.Ordinal);
        Assert.Contains(code, translated.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_BadDigest_IsTransientSoTheUnitIsRebuilt()
    {
        // The bytes sent were not the bytes hashed (they changed in the temp file): a fresh extraction can fix that.
        var translated = S3Errors.Translate(ServiceError(HttpStatusCode.BadRequest, "BadDigest"), "PUT s3://b/k");

        Assert.True(translated.IsTransient);
        Assert.False(translated.IsAccessProblem);
        Assert.False(translated.IsNotFound);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey", true)]
    [InlineData(HttpStatusCode.NotFound, "NoSuchBucket", false)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", false)]
    public void Translate_MissingObject_IsNotFound(HttpStatusCode status, string code, bool notFound) =>
        Assert.Equal(notFound, S3Errors.Translate(ServiceError(status, code), "GET s3://b/k").IsNotFound);

    [Fact]
    public void Translate_ConnectionRefused_IsTransientAccessProblem()
    {
        var error = new HttpRequestException("boom", new SocketException((int)SocketError.ConnectionRefused));

        var translated = S3Errors.Translate(error, "HEAD s3://b/k");

        Assert.True(translated.IsTransient);
        Assert.True(translated.IsAccessProblem);
        Assert.Equal("HEAD s3://b/k failed: connection refused", translated.Message);
    }

    [Fact]
    public void Translate_ConnectionResetInsideSdkException_IsTransient()
    {
        var error = new AmazonClientException("request failed", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        var translated = S3Errors.Translate(error, "PUT s3://b/k");

        Assert.True(translated.IsTransient);
        Assert.False(translated.IsAccessProblem);
    }

    [Fact]
    public void Translate_TimeoutNotAskedForByCaller_IsTransient()
    {
        var translated = S3Errors.Translate(new TaskCanceledException("timeout"), "PUT s3://b/k");

        Assert.True(translated.IsTransient);
    }

    [Fact]
    public void IsNotFound_MissingKeyButNotMissingBucket()
    {
        Assert.True(S3Errors.IsNotFound(ServiceError(HttpStatusCode.NotFound, "NotFound")));
        Assert.True(S3Errors.IsNotFound(ServiceError(HttpStatusCode.NotFound, "NoSuchKey")));
        Assert.False(S3Errors.IsNotFound(ServiceError(HttpStatusCode.NotFound, "NoSuchBucket")));
        Assert.False(S3Errors.IsNotFound(ServiceError(HttpStatusCode.Forbidden, "AccessDenied")));
    }

    private static AmazonS3Exception ServiceError(HttpStatusCode status, string code) =>
        new("server said no", ErrorType.Sender, code, "request-1", status);
}
