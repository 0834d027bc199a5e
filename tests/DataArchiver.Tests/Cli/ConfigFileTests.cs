using DataArchiver.Cli.Configuration;
using DataArchiver.Core.Configuration;

namespace DataArchiver.Tests.Cli;

public sealed class ConfigFileTests
{
    private const string Path = "/etc/archiver.yaml";

    [Fact]
    public void Parse_SectionsAndTopLevelKeys_FlattensToDottedNames()
    {
        var values = ConfigFile.Parse("""
            db:
              host: pg.internal
              port: 5433
              sslmode: require
            s3:
              bucket: archive
              path_template: "archive/{table}/{YYYY}"
              multipart_threshold: 64MiB
            table: events
            start_date: 2024-01-01
            dry_run: true
            """, Path);

        Assert.Equal("pg.internal", values["db.host"].Text);
        Assert.Equal("5433", values["db.port"].Text);
        Assert.Equal("require", values["db.sslmode"].Text);
        Assert.Equal("archive", values["s3.bucket"].Text);
        Assert.Equal("archive/{table}/{YYYY}", values["s3.path_template"].Text);
        Assert.Equal("64MiB", values["s3.multipart_threshold"].Text);
        Assert.Equal("2024-01-01", values["start_date"].Text);
        Assert.Equal("true", values["dry_run"].Text);
        Assert.Equal(SettingSource.ConfigFile, values["table"].Source);
        Assert.Equal($"table in {Path} line 9", values["table"].Origin);
    }

    [Fact]
    public void Parse_UnknownTopLevelKey_ThrowsNamingKeyAndLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("table: t\nworkerz: 3\n", Path));
        Assert.Equal($"config file {Path} line 2: unknown key \"workerz\"", error.Message);
    }

    [Fact]
    public void Parse_UnknownKeyInSection_ThrowsNamingDottedKey()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("db:\n  host: h\n  hots: x\n", Path));
        Assert.Equal($"config file {Path} line 3: unknown key \"db.hots\"", error.Message);
    }

    [Fact]
    public void Parse_UnknownSection_ThrowsNamingIt()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("gcs:\n  bucket: b\n", Path));
        Assert.Equal($"config file {Path} line 1: unknown key \"gcs\"", error.Message);
    }

    [Theory]
    [InlineData("config: other.yaml\n", "config")]
    [InlineData("prefix: a/\n", "prefix")]
    public void Parse_CommandLineOnlyKey_IsUnknown(string yaml, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse(yaml, Path));
        Assert.Contains($"unknown key \"{key}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedYaml_ThrowsWithLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("table: t\nworkers: [1, 2\nschema: s\n", Path));
        Assert.StartsWith($"config file {Path} line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("malformed YAML", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Parse_BadIndentation_ThrowsWithLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("db:\n  host: h\n port: 1\n", Path));
        Assert.Matches(@"^config file /etc/archiver\.yaml line \d+: malformed YAML: ", error.Message);
    }

    [Fact]
    public void Parse_ListWhereValueExpected_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("table:\n  - a\n  - b\n", Path));
        Assert.Equal($"config file {Path} line 1: \"table\" must be a single value, not a list", error.Message);
    }

    [Fact]
    public void Parse_MappingWhereValueExpected_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("table:\n  name: a\n", Path));
        Assert.Equal($"config file {Path} line 1: \"table\" must be a single value", error.Message);
    }

    [Fact]
    public void Parse_ValueWhereSectionExpected_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("db: postgres\n", Path));
        Assert.Equal($"config file {Path} line 1: \"db\" must be a section of keys", error.Message);
    }

    [Fact]
    public void Parse_RepeatedKey_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("table: a\ntable: b\n", Path));
        Assert.StartsWith($"config file {Path} line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameKeyNestedAndDotted_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("db:\n  host: a\ndb.host: b\n", Path));
        Assert.Equal($"config file {Path} line 3: key \"db.host\" is given twice", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Parse_EmptyDocument_HasNoValues(string yaml) => Assert.Empty(ConfigFile.Parse(yaml, Path));

    [Fact]
    public void Parse_NullOrEmptyValue_CountsAsUnset()
    {
        var values = ConfigFile.Parse("table:\nschema: ~\ndate_column: null\ns3:\noutput_format: \"null\"\n", Path);
        Assert.Equal(["output_format"], values.Keys);
    }

    [Fact]
    public void Parse_ScalarDocument_Throws()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse("just text\n", Path));
        Assert.Equal($"config file {Path} line 1: expected keys and values at the top level", error.Message);
    }

    [Fact]
    public void Load_MissingFile_DependsOnWhetherItWasNamed()
    {
        var missing = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "data-archiver-missing-" + Guid.NewGuid().ToString("N") + ".yaml");
        Assert.Empty(ConfigFile.Load(missing, mustExist: false));
        var error = Assert.Throws<ConfigurationException>(() => ConfigFile.Load(missing, mustExist: true));
        Assert.Equal($"config file {missing} does not exist", error.Message);
    }
}
