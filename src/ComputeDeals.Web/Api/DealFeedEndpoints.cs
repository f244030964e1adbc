using System.Globalization;
using System.Text;
using System.Xml;
using ComputeDeals.Core.Domain;
using ComputeDeals.Core.Figures;
using ComputeDeals.Web.Data;
using ComputeDeals.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ComputeDeals.Web.Api;

/// <summary>/feeds/deals.atom: the newest published or updated deals as an Atom 1.0 feed.</summary>
public static class DealFeedEndpoints
{
    public const int EntryCount = 50;
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string FeedTitle = "ComputeDeals: new deals";

    /// <summary>Entry ids are tag URIs on the database id, so they survive slug renames and host changes.</summary>
    public const string TagPrefix = "tag:computedeals,2026:";

    public static WebApplication MapDealFeed(this WebApplication app)
    {
        app.MapGet("/feeds/deals.atom", WriteAsync)
            .WithTags("Feeds")
            .WithName("DealsAtomFeed")
            .WithSummary("Atom feed of new and updated deals")
            .WithDescription($"The {EntryCount} most recently updated published deals, newest first, as Atom 1.0.")
            .Produces<string>(StatusCodes.Status200OK, "application/atom+xml")
            .CacheOutput(ContentCache.Policy);
        return app;
    }

    private static async Task WriteAsync(HttpContext context, IDbContextFactory<AppDbContext> factory, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var deals = await db.Deals.AsNoTracking()
            .Where(d => d.IsPublished)
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .Take(EntryCount)
            .Include(d => d.Parties.OrderBy(p => p.Id)).ThenInclude(p => p.Company)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var links = new ApiLinks(context.Request);
        var response = context.Response;
        response.ContentType = "application/atom+xml; charset=utf-8";
        // Public data: any origin may read it, cached copies included (the output cache replays this header).
        response.Headers.AccessControlAllowOrigin = "*";

        // Fifty entries are small: build the document in memory, then send it in one write.
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            WriteFeed(xml, deals, links, time);
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
    }

    private static void WriteFeed(XmlWriter xml, List<Deal> deals, ApiLinks links, TimeProvider time)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("feed", AtomNamespace);
        xml.WriteElementString("id", AtomNamespace, TagPrefix + "feeds/deals");
        xml.WriteElementString("title", AtomNamespace, FeedTitle);
        xml.WriteElementString("subtitle", AtomNamespace, "Compute capacity deals between AI labs, clouds and chip makers, with a source behind every figure.");
        xml.WriteElementString("updated", AtomNamespace, Timestamp(deals.Count > 0 ? deals[0].UpdatedAt : time.GetUtcNow()));
        Link(xml, "self", links.Absolute("/feeds/deals.atom"), "application/atom+xml");
        Link(xml, "alternate", links.Absolute("/deals"), "text/html");
        xml.WriteStartElement("author", AtomNamespace);
        xml.WriteElementString("name", AtomNamespace, "ComputeDeals");
        xml.WriteElementString("uri", AtomNamespace, links.Absolute("/"));
        xml.WriteEndElement();
        xml.WriteElementString("generator", AtomNamespace, "ComputeDeals");

        foreach (var deal in deals)
        {
            var permalink = links.DealPermalink(deal.Slug);
            xml.WriteStartElement("entry", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, TagPrefix + "deals/" + deal.Id.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("title", AtomNamespace, deal.Title);
            xml.WriteElementString("updated", AtomNamespace, Timestamp(deal.UpdatedAt));
            xml.WriteElementString("published", AtomNamespace, Timestamp(deal.PublishedAt ?? deal.CreatedAt));
            Link(xml, "alternate", permalink, "text/html");
            Link(xml, "related", links.DealApi(deal.Slug), "application/json");
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "ComputeDeals editors");
            xml.WriteEndElement();
            xml.WriteStartElement("category", AtomNamespace);
            xml.WriteAttributeString("term", QueryValues.CamelCase(deal.Type.ToString()));
            xml.WriteAttributeString("label", Labels.Of(deal.Type));
            xml.WriteEndElement();
            xml.WriteStartElement("summary", AtomNamespace);
            xml.WriteAttributeString("type", "text");
            xml.WriteString(Summary(deal));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    /// <summary>"xAI (seller), Anthropic (buyer) · compute capacity sale or lease · ~$3–15B/year · at least 300 MW · 6 May 2026. Summary…"</summary>
    public static string Summary(Deal deal)
    {
        var parts = new List<string>
        {
            string.Join(", ", deal.Parties.Where(p => p.Company is not null).Select(p => $"{p.Company!.Name} ({Labels.Of(p.Role)})")),
            Labels.Of(deal.Type),
            "value " + FigureFormatter.FormatDealValue(deal.Value, deal.ValuePeriod),
        };
        if (deal.Capacity is not null)
        {
            parts.Add(FigureFormatter.Format(deal.Capacity, FigureUnit.Megawatts));
        }

        parts.Add(Labels.Date(deal.AnnouncedOn, deal.AnnouncedPrecision));
        var text = string.Join(" · ", parts.Where(p => p.Length > 0)) + ".";
        return string.IsNullOrWhiteSpace(deal.Summary) ? text : text + " " + deal.Summary.Trim();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
