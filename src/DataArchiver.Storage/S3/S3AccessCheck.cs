using Amazon.Runtime;
using DataArchiver.Core.Storage;

namespace DataArchiver.Storage.S3;

/// <summary>Turns a failed access check into one clear line saying what is wrong with the destination.</summary>
internal static class S3AccessCheck
{
    /// <summary>An access-problem exception explaining <paramref name="error"/>; never mentions the secret key.</summary>
    public static ObjectStoreException Explain(Exception error, string bucket, string endpoint, string? accessKey)
    {
        var translated = S3Errors.Translate(error, $"LIST s3://{bucket}");
        string message;
        if (S3Errors.IsMissingBucket(error))
        {
            message = $"bucket {bucket} does not exist at {endpoint}";
        }
        else if (error is AmazonServiceException { StatusCode: not 0 } service && S3Errors.IsCredentialProblem(service.StatusCode, service.ErrorCode))
        {
            var who = string.IsNullOrEmpty(accessKey) ? "the default AWS credentials" : $"access key {accessKey}";
            message = service.ErrorCode is "AccessDenied" || string.IsNullOrEmpty(service.ErrorCode)
                ? $"S3 at {endpoint} denied {who} access to bucket {bucket} ({S3Errors.Reason(error)})"
                : $"S3 refused the credentials for {who} at {endpoint} ({service.ErrorCode})";
        }
        else if (error is AmazonServiceException { StatusCode: not 0 })
        {
            message = $"S3 endpoint {endpoint} could not list bucket {bucket}: {S3Errors.Reason(error)}";
        }
        else if (S3Errors.TransportCause(error) is { } cause)
        {
            message = $"cannot reach S3 endpoint {endpoint}: {S3Errors.DescribeTransport(cause)}";
        }
        else
        {
            message = $"cannot use S3 bucket {bucket} at {endpoint}: {error.Message}";
        }
        return new ObjectStoreException(message, translated.IsTransient, isAccessProblem: true, error);
    }
}
