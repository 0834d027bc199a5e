using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace DataArchiver.IntegrationTests.Support;

/// <summary>An S3 client of the tests' own, to check independently what the tool stored.</summary>
public static class S3TestClient
{
    public static AmazonS3Client Create() => new(
        new BasicAWSCredentials(TestServices.S3AccessKey, TestServices.S3SecretKey),
        new AmazonS3Config
        {
            ServiceURL = TestServices.S3Endpoint,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });

    public static async Task<List<S3Object>> ListAsync(AmazonS3Client client, string prefix)
    {
        var objects = new List<S3Object>();
        var request = new ListObjectsV2Request { BucketName = TestServices.S3Bucket, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await client.ListObjectsV2Async(request);
            objects.AddRange(response.S3Objects ?? []);
            request.ContinuationToken = response.NextContinuationToken;
        } while (response.IsTruncated == true);
        return objects;
    }

    public static async Task<byte[]> DownloadAsync(AmazonS3Client client, string key)
    {
        using var response = await client.GetObjectAsync(TestServices.S3Bucket, key);
        using var memory = new MemoryStream();
        await response.ResponseStream.CopyToAsync(memory);
        return memory.ToArray();
    }
}
