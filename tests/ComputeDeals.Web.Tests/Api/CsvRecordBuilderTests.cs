using ComputeDeals.Web.Api;

namespace ComputeDeals.Web.Tests.Api;

public class CsvRecordBuilderTests
{
    private static string Record(Action<CsvRecordBuilder> write)
    {
        var csv = new CsvRecordBuilder();
        write(csv);
        csv.EndRecord();
        return csv.Record.ToString();
    }

    [Fact]
    public void Plain_fields_are_written_as_they_are_and_the_record_ends_with_crlf() =>
        Assert.Equal("a,b c,,42\r\n", Record(c => c.Text("a").Text("b c").Text(null).Number(42)));

    [Theory]
    [InlineData("x,y", "\"x,y\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("one\ntwo", "\"one\ntwo\"")]
    [InlineData("one\r\ntwo", "\"one\r\ntwo\"")]
    public void Fields_with_a_comma_quote_or_line_break_are_quoted_with_doubled_quotes(string value, string expected) =>
        Assert.Equal(expected + "\r\n", Record(c => c.Text(value)));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_gets_a_leading_quote(string value, string expected) =>
        Assert.Equal(expected + "\r\n", Record(c => c.Text(value)));

    [Fact]
    public void Numbers_are_invariant_and_exact_and_never_guarded()
    {
        Assert.Equal("1500000000,0.25,,-3\r\n", Record(c => c.Number(1.5e9).Number(0.25).Number((double?)null).Number(-3)));
    }

    [Fact]
    public void Clearing_starts_a_new_record_without_a_leading_comma()
    {
        var csv = new CsvRecordBuilder();
        csv.Text("first").Text("row");
        csv.Clear();
        csv.Text("second");
        csv.EndRecord();

        Assert.Equal("second\r\n", csv.Record.ToString());
    }

    [Fact]
    public void What_the_builder_writes_parses_back_to_the_same_values()
    {
        string[] values = ["plain", "comma, here", "quote \" here", "line\r\nbreak", "", "=formula"];
        var csv = new CsvRecordBuilder();
        foreach (var value in values)
        {
            csv.Text(value);
        }

        csv.EndRecord();

        var parsed = Assert.Single(Rfc4180Reader.Parse(csv.Record.ToString()));
        Assert.Equal(["plain", "comma, here", "quote \" here", "line\r\nbreak", "", "'=formula"], parsed);
    }
}
