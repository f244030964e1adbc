namespace ComputeDeals.Web.Api;

/// <summary>The API's RFC 9457 problem responses.</summary>
public static class ApiProblems
{
    /// <summary>400 with an error per bad query parameter, each saying what the parameter accepts.</summary>
    public static ValidationProblem InvalidQuery(IReadOnlyDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal),
            detail: "Invalid query parameter: " + string.Join(", ", errors.Keys.Order(StringComparer.Ordinal)) + ".",
            title: "One or more query parameters are invalid.");

    /// <summary>404 for a slug that names nothing published.</summary>
    public static ProblemHttpResult NotFound(string what, string slug) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: $"No such {what}",
            detail: $"No published {what} has the slug '{slug}'.");
}
