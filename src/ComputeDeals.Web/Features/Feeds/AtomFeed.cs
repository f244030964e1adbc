using System.Security.Cryptography;
using System.Xml;
using ComputeDeals.Web.Features.Embeds;

namespace ComputeDeals.Web.Features.Feeds;

/// <summary>One Atom 1.0 feed: its identity, links and entries, newest first.</summary>
public sealed record AtomFeed(
    string Id,
    string Title,
    string Subtitle,
    string SelfUrl,
    string AlternateUrl,
    DateTimeOffset Updated,
    IReadOnlyList<AtomEntry> Entries);

/// <summary>One entry: a stable tag id, the permalink, and a text summary whose figures carry their qualifiers.</summary>
public sealed record AtomEntry(
    string Id,
    string Title,
    DateTimeOffset Updated,
    string AlternateUrl,
    string? RelatedUrl,
    string? CategoryTerm,
    string? CategoryLabel,
    string Summary)
{
    /// <summary>Optional XHTML-free HTML body (escaped as type="html"); the summary is always present.</summary>
    public string? HtmlContent { get; init; }
}

/// <summary>Writes an <see cref="AtomFeed"/> as UTF-8 XML.</summary>
public static class AtomFeedWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <summary>Entry and feed ids are tag URIs (RFC 4151) on database ids, so they survive slug renames and host changes.</summary>
    public const string TagPrefix = "tag:computedeals,2026:";

    public const string MediaType = "application/atom+xml";

    public static byte[] Write(AtomFeed feed, string siteUrl)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, feed.Id);
            xml.WriteElementString("title", Namespace, feed.Title);
            xml.WriteElementString("subtitle", Namespace, feed.Subtitle);
            xml.WriteElementString("updated", Namespace, Timestamp(feed.Updated));
            Link(xml, "self", feed.SelfUrl, MediaType);
            Link(xml, "alternate", feed.AlternateUrl, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "ComputeDeals");
            xml.WriteElementString("uri", Namespace, siteUrl);
            xml.WriteEndElement();
            xml.WriteElementString("rights", Namespace, EmbedLicence.Text);
            xml.WriteElementString("generator", Namespace, "ComputeDeals");

            foreach (var entry in feed.Entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                xml.WriteElementString("title", Namespace, entry.Title);
                xml.WriteElementString("updated", Namespace, Timestamp(entry.Updated));
                Link(xml, "alternate", entry.AlternateUrl, "text/html");
                if (entry.RelatedUrl is not null)
                {
                    Link(xml, "related", entry.RelatedUrl, "application/json");
                }

                if (entry.CategoryTerm is not null)
                {
                    xml.WriteStartElement("category", Namespace);
                    xml.WriteAttributeString("term", entry.CategoryTerm);
                    if (entry.CategoryLabel is not null)
                    {
                        xml.WriteAttributeString("label", entry.CategoryLabel);
                    }

                    xml.WriteEndElement();
                }

                xml.WriteStartElement("summary", Namespace);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                if (entry.HtmlContent is not null)
                {
                    xml.WriteStartElement("content", Namespace);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(entry.HtmlContent);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>A strong ETag over the feed's bytes, for the content coding the response goes out in.</summary>
    public static string ETag(byte[] body, HttpContext context) => Hosting.PublicCompression.StrongETag(SHA256.HashData(body).AsSpan(0, 16), context);

    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
