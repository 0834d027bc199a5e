using System.Text;
using DataArchiver.Core.Formats.Json;

namespace DataArchiver.Tests.Formats;

public sealed class JsonStringTests
{
    [Theory]
    [InlineData("", "\"\"")]
    [InlineData("plain", "\"plain\"")]
    [InlineData("quote \" backslash \\ slash /", "\"quote \\\" backslash \\\\ slash /\"")]
    [InlineData("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"")]
    [InlineData("\u0001\u001f\u000b", "\"\\u0001\\u001f\\u000b\"")]
    [InlineData("\u007f é 🎉 \u2028", "\"\u007f é 🎉 \u2028\"")]
    public void Write_Text_EscapedAsEscapeJson(string text, string expected) =>
        Assert.Equal(expected, JsonCapture.Of(output => JsonString.Write(output, Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void Write_EveryControlCharacter_ShortEscapeOrLowerCaseHex()
    {
        var text = string.Concat(Enumerable.Range(1, 31).Select(i => (char)i));

        var json = JsonCapture.Of(output => JsonString.Write(output, Encoding.UTF8.GetBytes(text)));

        var expected = string.Concat(Enumerable.Range(1, 31).Select(i => i switch
        {
            8 => "\\b",
            9 => "\\t",
            10 => "\\n",
            12 => "\\f",
            13 => "\\r",
            _ => $"\\u{i:x4}",
        }));
        Assert.Equal($"\"{expected}\"", json);
    }

    [Fact]
    public void Write_LongTextWithEscapes_CrossesBufferBoundariesIntact()
    {
        var text = string.Concat(Enumerable.Repeat("ab\"c\\\u0002dé", 5000));

        var json = JsonCapture.Of(output => JsonString.Write(output, Encoding.UTF8.GetBytes(text)), capacity: 7);

        Assert.Equal("\"" + string.Concat(Enumerable.Repeat("ab\\\"c\\\\\\u0002dé", 5000)) + "\"", json);
    }

    [Fact]
    public void Encode_Key_QuotedBytes() => Assert.Equal("\"a\\\"b\"", Encoding.UTF8.GetString(JsonString.Encode("a\"b"u8)));
}
