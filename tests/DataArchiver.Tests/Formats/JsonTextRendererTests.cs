using System.Text;
using DataArchiver.Core.Formats.Json;
using DataArchiver.Core.PostgresTypes;

namespace DataArchiver.Tests.Formats;

public sealed class JsonTextRendererTests
{
    private static readonly TypeShape Int = TypeShape.Scalar(23);
    private static readonly TypeShape Text = TypeShape.Scalar(25);
    private static readonly TypeShape Other = TypeShape.Scalar(16_400);

    [Theory]
    [InlineData(16u, "t", "true")]
    [InlineData(701u, "0.1", "0.1")]
    [InlineData(701u, "NaN", "\"NaN\"")]
    [InlineData(1700u, "-Infinity", "\"-Infinity\"")]
    [InlineData(1114u, "2024-01-02 03:04:05.5", "\"2024-01-02T03:04:05.5\"")]
    [InlineData(1184u, "2024-01-02 03:04:05+00", "\"2024-01-02T03:04:05+00:00\"")]
    [InlineData(1184u, "0044-03-15 10:00:00+00 BC", "\"0044-03-15T10:00:00+00:00 BC\"")]
    [InlineData(1184u, "infinity", "\"infinity\"")]
    [InlineData(3802u, "{\"a\": 1}", "{\"a\": 1}")]
    [InlineData(16400u, "not \"ok\"", "\"not \\\"ok\\\"\"")]
    public void Write_Scalar_AsToJsonRendersItsType(uint oid, string text, string json) =>
        Assert.Equal(json, Render(TypeShape.Scalar(oid), text));

    [Fact]
    public void Write_ArrayText_NestedQuotedNullAndBounds()
    {
        var shape = TypeShape.Array(1009, Text);

        Assert.Equal("[\"a\",null,\"NULL\",\"b \\\"c\\\"\",\"\"]", Render(shape, "{a,NULL,\"NULL\",\"b \\\"c\\\"\",\"\"}"));
        Assert.Equal("[[1,2],[3,4]]", Render(TypeShape.Array(1007, Int), "[0:1][1:2]={{1,2},{3,4}}"));
        Assert.Equal("[]", Render(shape, "{}"));
    }

    [Fact]
    public void Write_CompositeText_ObjectWithNullsQuotesAndNesting()
    {
        var inner = TypeShape.Composite(16_500, [new TypeShapeAttribute("x", Int)]);
        var shape = TypeShape.Composite(16_501,
        [
            new TypeShapeAttribute("a", Int), new TypeShapeAttribute("b", Text), new TypeShapeAttribute("c", Other),
            new TypeShapeAttribute("in", inner), new TypeShapeAttribute("arr", TypeShape.Array(1007, Int)),
        ]);

        Assert.Equal("{\"a\":1,\"b\":\"x\\\"y\\\\\",\"c\":null,\"in\":{\"x\":5},\"arr\":[1,2]}",
            Render(shape, "(1,\"x\"\"y\\\\\",,\"(5)\",\"{1,2}\")"));
        Assert.Equal("{\"x\":null}", Render(inner, "()"));
    }

    [Fact]
    public void Write_MalformedText_IsInvalidData() =>
        Assert.Throws<InvalidDataException>(() => Render(TypeShape.Composite(1, [new TypeShapeAttribute("a", Int)]), "(1,2)"));

    private static string Render(TypeShape shape, string text) =>
        JsonCapture.Of(output => new JsonTextRenderer().Write(output, shape, Encoding.UTF8.GetBytes(text)));
}
