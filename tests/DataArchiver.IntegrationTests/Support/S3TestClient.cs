using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>An S3 client of the tests' own, to check independently what the tool stored (on s3rver unless told otherwise).</summary>
public static class S3TestClient
{
    public static AmazonS3Client Create(S3Server? server = null)
    {
        server ??= S3Server.S3rver;
        return new AmazonS3Client(
            new BasicAWSCredentials(server.AccessKey, server.SecretKey),
            new AmazonS3Config
            {
                ServiceURL = server.Endpoint,
                ForcePathStyle = true,
                AuthenticationRegion = "us-east-1",
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }

    public static async Task<List<S3Object>> ListAsync(AmazonS3Client client, string prefix, string? bucket = null)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = bucket ?? TestServices.S3Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            objects.AddRange(response.S3Objects ?? []);
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return objects;
    }

    /// <summary>The multipart uploads begun and neither completed nor aborted under <paramref name="prefix"/> (what ListMultipartUploads reports).</summary>
    public static async Task<List<MultipartUpload>> PendingUploadsAsync(AmazonS3Client client, string bucket, string prefix)
    {
        var response = await client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = bucket, Prefix = prefix });
        return response.MultipartUploads ?? [];
    }

    public static async Task<byte[]> DownloadAsync(AmazonS3Client client, string key, string? bucket = null)
    {
        using var response = await client.GetObjectAsync(bucket ?? TestServices.S3Bucket, key);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
