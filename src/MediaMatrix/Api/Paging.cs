using MediaMatrix.Access;

namespace MediaMatrix.Api;

/// <summary><c>?page=1&amp;pageSize=50</c> (at most 500); anything else is a 400 naming the field.</summary>
internal readonly record struct Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 500;

    public static (Paging Paging, IResult? Error) Read(HttpRequest request)
    {
        var page = 1;
        var size = 50;
        if (request.Query.TryGetValue("page", out var p) && (!int.TryParse(p, out page) || page < 1))
        {
            return (default, Problems.BadField("page", "a whole number from 1"));
        }

        if (request.Query.TryGetValue("pageSize", out var s) && (!int.TryParse(s, out size) || size is < 1 or > MaxPageSize))
        {
            return (default, Problems.BadField("pageSize", $"a whole number from 1 to {MaxPageSize}"));
        }

        return (new Paging(page, size), null);
    }

    public object Of<T>(IReadOnlyCollection<T> all) =>
        new { page = Page, pageSize = PageSize, total = all.Count, items = all.Skip((Page - 1) * PageSize).Take(PageSize).ToList() };
}
