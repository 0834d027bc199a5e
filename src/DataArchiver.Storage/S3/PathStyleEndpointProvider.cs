using System.Buffers;
using System.Globalization;
using Amazon.Runtime.Endpoints;
using Amazon.S3.Internal;

namespace DataArchiver.Storage.S3;

/// <summary>
/// Resolves the endpoint of a request to an S3-compatible server given by URL with path-style addressing, the same way
/// the SDK's rules do (<c>{scheme}://{authority}{path}/{bucket}</c>, SigV4 for <c>s3</c> in the request's region,
/// no double encoding), and hands every other case to the SDK's own <see cref="AmazonS3EndpointProvider"/>. The SDK's
/// rules are one generated method of some 28,000 IL bytes: compiling it takes the JIT about 11 MiB of native scratch
/// memory, which the runtime keeps for later compilations — some 7 MiB of the process's resident memory, for a URL
/// that is the endpoint plus the bucket.
/// </summary>
internal sealed class PathStyleEndpointProvider : IEndpointProvider
{
    private static readonly SearchValues<char> BucketCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    private readonly Lazy<AmazonS3EndpointProvider> _rules = new(() => new AmazonS3EndpointProvider());

    /// <inheritdoc />
    public Endpoint ResolveEndpoint(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return TryResolve(parameters) ?? _rules.Value.ResolveEndpoint(parameters);
    }

    /// <summary>The endpoint of a plain path-style request to a custom URL, or <c>null</c> when the SDK's rules must decide.</summary>
    internal static Endpoint? TryResolve(EndpointParameters parameters)
    {
        if (parameters["Endpoint"] is not string endpoint
            || parameters["Region"] is not string { Length: > 0 } region
            || parameters["ForcePathStyle"] is not true
            || IsSet(parameters, "UseFIPS") || IsSet(parameters, "UseDualStack") || IsSet(parameters, "Accelerate")
            || IsSet(parameters, "UseGlobalEndpoint") || IsSet(parameters, "UseObjectLambdaEndpoint")
            || IsSet(parameters, "UseS3ExpressControlEndpoint")
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            return null;
        var bucket = parameters["Bucket"] as string;
        if (bucket is not null && !IsPlainBucketName(bucket))
            return null;
        // The rules' "path" is empty for a bare "/", and their "normalized path" is that path with a slash appended.
        var path = url.AbsolutePath == "/" ? "" : url.AbsolutePath;
        var origin = url.GetLeftPart(UriPartial.Authority);
        var address = bucket is null ? origin + path : origin + path + "/" + Uri.EscapeDataString(bucket);
        return new Endpoint(address, AuthSchemes(region), null);
    }

    /// <summary>A name the rules take as a plain bucket: no ARN, no S3 Express or access point suffix, only URL-safe characters.</summary>
    internal static bool IsPlainBucketName(string bucket) =>
        bucket.Length is > 0 and <= 255
        && bucket.AsSpan().IndexOfAnyExcept(BucketCharacters) < 0
        && !bucket.EndsWith("--x-s3", StringComparison.Ordinal)
        && !bucket.EndsWith("--op-s3", StringComparison.Ordinal)
        && !bucket.EndsWith("--xa-s3", StringComparison.Ordinal);

    private static bool IsSet(EndpointParameters parameters, string name) => parameters[name] is true;

    private static string AuthSchemes(string region) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"authSchemes":[{"disableDoubleEncoding":true,"name":"sigv4","signingName":"s3","signingRegion":"{{JsonText(region)}}"}]}""");

    private static string JsonText(string value) => System.Text.Json.JsonEncodedText.Encode(value).ToString();
}
