using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Storage.S3;

/// <summary>Builds the SDK client with the defaults that work against S3-compatible servers as well as AWS.</summary>
internal static class S3ClientFactory
{
    /// <summary>The region requests are signed for when the settings say <c>auto</c> or nothing.</summary>
    public const string DefaultSigningRegion = "us-east-1";

    /// <summary>The size of the reads an upload streams its file with.</summary>
    public const int UploadBufferSize = 64 * 1024;

    /// <summary>Creates a client for <paramref name="settings"/>; the caller owns and disposes it.</summary>
    public static AmazonS3Client Create(S3Settings settings)
    {
        var config = CreateConfig(settings);
        var hasAccessKey = !string.IsNullOrEmpty(settings.AccessKey);
        var hasSecretKey = !string.IsNullOrEmpty(settings.SecretKey);
        if (hasAccessKey != hasSecretKey)
            throw new ArgumentException("S3 access key and secret key must be given together", nameof(settings));
        return hasAccessKey
            ? new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.SecretKey), config)
            : new AmazonS3Client(config); // the SDK's default credential chain (environment, profile, instance role)
    }

    /// <summary>The client configuration: checksums only when an operation requires them, path-style for custom endpoints.</summary>
    public static AmazonS3Config CreateConfig(S3Settings settings)
    {
        var config = new AmazonS3Config
        {
            // Newer SDKs add CRC trailers to every upload by default; many S3-compatible servers reject or store them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            // The SDK streams an upload from its file in reads of this size, each read allocating a little: 64 KiB
            // instead of the default 8 KiB makes an eighth of that garbage, and the buffer stays off the large object heap.
            BufferSize = UploadBufferSize,
        };
        var region = SigningRegion(settings.Region);
        if (!string.IsNullOrEmpty(settings.Endpoint))
        {
            config.ServiceURL = settings.Endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
            config.EndpointProvider = new PathStyleEndpointProvider();
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    /// <summary>The region to sign with: <c>auto</c> and empty mean <see cref="DefaultSigningRegion"/>.</summary>
    public static string SigningRegion(string? region) =>
        string.IsNullOrWhiteSpace(region) || region.Equals("auto", StringComparison.OrdinalIgnoreCase) ? DefaultSigningRegion : region.Trim();
}
