using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>One JSON shape for form models: drafts in the browser and the copy of a record as it was loaded.</summary>
public static class EditorJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>A deep copy, detached from the original.</summary>
    public static T Clone<T>(T value)
        where T : class => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!;
}
