namespace ComputeDeals.Web.Features.Editing.Shared;

/// <summary>Null-safe error lookups for form markup.</summary>
public static class FieldErrorsExtensions
{
    public static bool HasField(this FieldErrors? errors, string field) => errors?.Has(field) == true;
}
