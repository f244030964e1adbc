using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Validation;

namespace ComputeDeals.Core.Tests.Validation;

public class TextHygieneTests
{
    private static Company CompanyNamed(string name) => new() { Name = name, Slug = "anthropic" };

    [Theory]
    [InlineData("Anthr\u200Bopic", "U+200B (zero-width space)")]
    [InlineData("Anthr\u200Dopic", "U+200D (zero-width joiner)")]
    [InlineData("\uFEFFAnthropic", "U+FEFF")]
    [InlineData("Anthr\u00ADopic", "U+00AD (soft hyphen)")]
    [InlineData("cipo\u202Ehtna", "U+202E")]
    [InlineData("\u2067Anthropic\u2069", "U+2067")]
    public void A_name_with_an_invisible_or_direction_character_is_refused_and_the_message_names_it(string name, string named)
    {
        var errors = CompanyRules.Validate(CompanyNamed(name), new DateOnly(2026, 6, 1));

        var message = errors.For("Name");
        Assert.NotNull(message);
        Assert.Contains(named, message, StringComparison.Ordinal);
        Assert.StartsWith("Remove the invisible character", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deal_title_and_alias_refuse_invisible_characters_too_and_a_summary_refuses_direction_overrides()
    {
        var deal = new Deal { Title = "xAI\u200B sells", Slug = "xai-sells", AnnouncedOn = new DateOnly(2026, 1, 1), Summary = "Good \u202Eevil" };
        var errors = DealRules.Validate(deal, new DateOnly(2026, 6, 1));
        Assert.True(errors.Has("Title"));
        Assert.Contains("U+202E", errors.For("Summary"), StringComparison.Ordinal);

        var company = CompanyNamed("Anthropic");
        company.Aliases.Add(new CompanyAlias { Name = "Anthr\u200Copic" });
        Assert.True(CompanyRules.Validate(company, new DateOnly(2026, 6, 1)).Has("Aliases[0].Name"));
    }

    [Fact]
    public void Ordinary_names_in_other_scripts_and_with_accents_pass()
    {
        foreach (var name in new[] { "Société Générale", "Яндекс", "さくらインターネット", "Hürriyet & Co." })
        {
            Assert.False(CompanyRules.Validate(CompanyNamed(name), new DateOnly(2026, 6, 1)).Has("Name"), name);
        }
    }

    [Fact]
    public void Clean_trims_and_composes_accents_into_one_code_point()
    {
        var decomposed = "Socie\u0301te\u0301 ";
        var cleaned = TextRules.Clean(decomposed);
        Assert.Equal("Soci\u00E9t\u00E9", cleaned);
        Assert.Equal(7, cleaned!.Length);
        Assert.Null(TextRules.Clean("   "));
    }

    [Theory]
    [InlineData("Anthropic", "ANTHROPIC")]
    [InlineData("Anthropic", "Anthrópic")]
    [InlineData("Anthropic", "\u0410nthr\u043Epic")] // Cyrillic А and о
    [InlineData("Anthropic", "Anthr\u200Bopic")]
    [InlineData("Anthropic", "Anthropic, ")]
    [InlineData("OpenAI", "0penAl")]
    [InlineData("Microsoft", "Mlcrosoft")]
    [InlineData("CoreWeave", "Core Weave")]
    [InlineData("Nvidia", "ＮＶＩＤＩＡ")] // full-width letters
    public void Lookalike_names_share_a_skeleton(string name, string lookalike) =>
        Assert.Equal(NameSkeleton.Of(name), NameSkeleton.Of(lookalike));

    [Theory]
    [InlineData("Anthropic", "Anthropics")]
    [InlineData("xAI", "X")]
    [InlineData("Oracle", "Orange")]
    public void Different_names_have_different_skeletons(string name, string other) =>
        Assert.NotEqual(NameSkeleton.Of(name), NameSkeleton.Of(other));

    [Theory]
    [InlineData("announcement date", "an")]
    [InlineData("term start", "a")]
    [InlineData("end date", "an")]
    public void Date_messages_use_the_right_article(string label, string article)
    {
        var errors = new FieldErrors();
        TextRules.Date(errors, "D", label, new DateOnly(1980, 1, 1), required: true);
        Assert.StartsWith($"Enter {article} {label} between", errors.For("D"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_company_cannot_be_on_both_sides_of_a_deal()
    {
        var deal = new Deal
        {
            Title = "Self deal", Slug = "self-deal", AnnouncedOn = new DateOnly(2026, 1, 1),
            Parties = [new DealParty { CompanyId = 7, Role = PartyRole.Seller }, new DealParty { CompanyId = 7, Role = PartyRole.Buyer }],
        };

        var errors = DealRules.Validate(deal, new DateOnly(2026, 6, 1));

        Assert.Contains("already a party to the deal", errors.For("Parties[1].CompanyId"), StringComparison.Ordinal);
        Assert.False(errors.Has("Parties[0].CompanyId"));
    }
}
