using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.S3;

/// <summary>
/// Classifies S3 failures by HTTP status and S3 error code — never by message text — into
/// <see cref="ObjectStoreException"/>s the pipeline can retry or give up on.
/// </summary>
internal static class S3Errors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "SlowDown", "RequestTimeout", "InternalError", "ServiceUnavailable", "Throttling", "ThrottlingException",
        "RequestLimitExceeded", "RequestThrottled", "TooManyRequestsException", "OperationAborted",
        // The bytes sent are not the bytes we hashed: they changed on the way from the temp file (disk or memory
        // fault, bit rot). The store kept nothing; the unit's retry rebuilds the file from the database.
        "BadDigest",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken", "AllAccessDisabled",
    };

    /// <summary>Whether the store answered "no such object" (any 404 on an object request).</summary>
    public static bool IsNotFound(Exception error) =>
        error is AmazonServiceException { StatusCode: HttpStatusCode.NotFound } service && service.ErrorCode != "NoSuchBucket";

    /// <summary>Whether the store answered that the bucket itself does not exist.</summary>
    public static bool IsMissingBucket(Exception error) => error is AmazonServiceException { ErrorCode: "NoSuchBucket" };

    /// <summary>Whether a status or error code says a later attempt may succeed.</summary>
    public static bool IsTransient(HttpStatusCode status, string? errorCode) =>
        (int)status >= 500 || status == HttpStatusCode.TooManyRequests || status == HttpStatusCode.RequestTimeout
        || (errorCode is not null && TransientCodes.Contains(errorCode));

    /// <summary>Whether a status or error code says our credentials were refused.</summary>
    public static bool IsCredentialProblem(HttpStatusCode status, string? errorCode) =>
        status == HttpStatusCode.Forbidden || (errorCode is not null && CredentialCodes.Contains(errorCode));

    /// <summary>
    /// Wraps <paramref name="error"/>, a failure of <paramref name="operation"/> (e.g. <c>PUT s3://bucket/key</c>).
    /// Returns it unchanged when it already is an <see cref="ObjectStoreException"/>.
    /// </summary>
    public static ObjectStoreException Translate(Exception error, string operation)
    {
        if (error is ObjectStoreException store)
            return store;
        if (error is AmazonServiceException { StatusCode: not 0 } service)
        {
            var code = string.IsNullOrEmpty(service.ErrorCode) ? "" : " " + service.ErrorCode;
            var detail = string.IsNullOrEmpty(service.Message) ? "" : ": " + service.Message;
            return new ObjectStoreException(
                $"{operation} failed: {(int)service.StatusCode}{code}{detail}",
                IsTransient(service.StatusCode, service.ErrorCode),
                IsCredentialProblem(service.StatusCode, service.ErrorCode) || IsMissingBucket(service),
                error,
                isNotFound: IsNotFound(service));
        }
        if (TransportCause(error) is { } cause)
        {
            return new ObjectStoreException($"{operation} failed: {DescribeTransport(cause)}", isTransient: true,
                isAccessProblem: IsUnreachable(cause), innerException: error);
        }
        if (error is OperationCanceledException)
            return new ObjectStoreException($"{operation} failed: the request timed out", isTransient: true, innerException: error);
        return new ObjectStoreException($"{operation} failed: {error.Message}", isTransient: false, innerException: error);
    }

    /// <summary>The innermost network or I/O failure behind <paramref name="error"/>, if any.</summary>
    public static Exception? TransportCause(Exception error)
    {
        Exception? found = null;
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SocketException or HttpRequestException or IOException or TimeoutException)
                found = current;
        }
        return found;
    }

    /// <summary>A short reason for a network failure, e.g. "connection refused".</summary>
    public static string DescribeTransport(Exception cause) => cause switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } => "host not found",
        SocketException { SocketErrorCode: SocketError.TimedOut } => "connection timed out",
        SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.HostUnreachable } => "network unreachable",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host not found",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "cannot connect",
        TimeoutException => "timed out",
        _ => cause.Message,
    };

    /// <summary>A short reason for any failure, for warnings: status and code, or the network reason.</summary>
    public static string Reason(Exception error) => error switch
    {
        AmazonServiceException { StatusCode: not 0 } service => $"{(int)service.StatusCode} {service.ErrorCode}".TrimEnd(),
        _ when TransportCause(error) is { } cause => DescribeTransport(cause),
        _ => error.Message,
    };

    private static bool IsUnreachable(Exception cause) => cause switch
    {
        SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData
            or SocketError.TryAgain or SocketError.NetworkUnreachable or SocketError.HostUnreachable,
        HttpRequestException http => http.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError,
        _ => false,
    };
}
