using System.Security.Cryptography;
using System.Text;
using DataArchiver.Core.Pipeline;

namespace DataArchiver.Tests.Pipeline;

public sealed class ETagCheckTests
{
    private static readonly byte[] PartOne = Encoding.ASCII.GetBytes("part-one");
    private static readonly byte[] PartTwo = Encoding.ASCII.GetBytes("part-two");
    private static readonly byte[] WholeMd5 = MD5.HashData(Encoding.ASCII.GetBytes("part-onepart-two"));
    private static readonly byte[][] PartMd5s = [MD5.HashData(PartOne), MD5.HashData(PartTwo)];

    // Worked out independently: md5(md5("part-one") || md5("part-two")) in hex, then "-2".
    private const string AwsMultipartETag = "4e0f3bff4d24863cbef6c3d3dc5c2b7e-2";

    [Fact]
    public void MultipartETag_TwoParts_IsMd5OfPartMd5sWithCount() =>
        Assert.Equal(AwsMultipartETag, ETagCheck.MultipartETag(PartMd5s));

    [Theory]
    [InlineData(AwsMultipartETag)]
    [InlineData("\"" + AwsMultipartETag + "\"")]
    [InlineData("4E0F3BFF4D24863CBEF6C3D3DC5C2B7E-2")]
    public void Matches_AwsMultipartForm_IsAccepted(string etag) =>
        Assert.True(ETagCheck.Matches(etag, WholeMd5, PartMd5s));

    [Fact]
    public void Matches_WholeObjectMd5OfMultipartUpload_IsAccepted() =>
        Assert.True(ETagCheck.Matches("\"586e99ab6245252bf547336706d29e67\"", WholeMd5, PartMd5s));

    [Fact]
    public void Matches_MultipartFormWithWrongPartCount_IsRejected() =>
        Assert.False(ETagCheck.Matches("4e0f3bff4d24863cbef6c3d3dc5c2b7e-3", WholeMd5, PartMd5s));

    [Fact]
    public void Matches_MultipartFormWithoutPartMd5s_IsRejected() =>
        Assert.False(ETagCheck.Matches(AwsMultipartETag, WholeMd5));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("00000000000000000000000000000000")]
    public void Matches_MissingOrForeignETag_IsRejected(string? etag) =>
        Assert.False(ETagCheck.Matches(etag, WholeMd5, PartMd5s));
}
