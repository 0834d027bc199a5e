using DataArchiver.Core.Configuration;
using DataArchiver.Core.Planning;

namespace DataArchiver.Tests.Planning;

public sealed class PathTemplateTests
{
    private static readonly DateTime Start = new(2024, 3, 7, 5, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("{table}", "events")]
    [InlineData("archive/{table}/{YYYY}", "archive/events/2024")]
    [InlineData("archive/{table}/{YYYY}/{MM}", "archive/events/2024/03")]
    [InlineData("{table}/{YYYY}/{MM}/{DD}", "events/2024/03/07")]
    [InlineData("{table}/{YYYY}-{MM}-{DD}/{HH}", "events/2024-03-07/05")]
    [InlineData("x/{table}/{table}", "x/events/events")]
    [InlineData("archive/{table}/", "archive/events")]
    public void Render_EveryPlaceholder_IsFilledFromTableAndStart(string template, string expected) =>
        Assert.Equal(expected, PathTemplate.Parse(template).Render("events", Start));

    [Fact]
    public void Render_EarlyYear_IsPaddedToFourDigits() =>
        Assert.Equal("t/0099/01/02/03", PathTemplate.Parse("{table}/{YYYY}/{MM}/{DD}/{HH}").Render("t", new DateTime(99, 1, 2, 3, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void ToString_ReturnsTemplateAsGiven() =>
        Assert.Equal("a/{table}/{YYYY}", PathTemplate.Parse("a/{table}/{YYYY}").ToString());

    [Theory]
    [InlineData(null, "--path-template is required")]
    [InlineData("", "--path-template is required")]
    [InlineData("   ", "--path-template is required")]
    [InlineData("archive/{YYYY}/{MM}", "--path-template must contain {table}: \"archive/{YYYY}/{MM}\"")]
    [InlineData("archive/table", "--path-template must contain {table}")]
    [InlineData("{table}/{yyyy}", "--path-template has unknown placeholder {yyyy}; allowed: {table} {YYYY} {MM} {DD} {HH}")]
    [InlineData("{table}/{}", "--path-template has unknown placeholder {}")]
    [InlineData("{table}/{YYYY", "--path-template has an unclosed '{' at position 9: \"{table}/{YYYY\"")]
    [InlineData("{table}/YYYY}", "--path-template has a '}' without a matching '{' at position 13: \"{table}/YYYY}\"")]
    [InlineData("}{table}", "--path-template has a '}' without a matching '{' at position 1")]
    [InlineData("/archive/{table}", "--path-template must not start with '/': \"/archive/{table}\"")]
    [InlineData("archive/../{table}", "--path-template must not contain '.' or '..' segments: \"archive/../{table}\"")]
    [InlineData("../{table}", "--path-template must not contain '.' or '..' segments")]
    [InlineData("{table}/..", "--path-template must not contain '.' or '..' segments")]
    [InlineData("./{table}", "--path-template must not contain '.' or '..' segments")]
    public void Parse_InvalidTemplate_ThrowsNamingTheProblem(string? template, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => PathTemplate.Parse(template));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("archive/..x/{table}")]
    [InlineData("archive/v1.2/{table}")]
    public void Parse_DotsInsideSegment_AreAllowed(string template) => PathTemplate.Parse(template);
}
