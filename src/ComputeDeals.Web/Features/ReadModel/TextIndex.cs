namespace ComputeDeals.Web.Features.ReadModel;

/// <summary>
/// Narrows a substring search over many lower-cased texts to the texts that can contain it, so a
/// free-text query costs O(candidates) instead of a scan of every text. Each text is split into
/// tokens (maximal runs of letters and digits); the index keeps every distinct token once and, per
/// token, the ascending positions of the texts that hold it.
/// <para>
/// A query is split the same way into fragments. Whatever a fragment's neighbours inside the query,
/// any text containing the query contains each fragment within one of its tokens: a fragment with a
/// separator on both sides inside the query is a whole token, one with a separator only before it is
/// a token's prefix, one with a separator only after it a token's suffix, one alone anywhere in a
/// token. The candidates are the texts holding a token that fits the rarest fragment: a superset of
/// the matches, which the caller then checks with the same ordinal <c>Contains</c> as before, so the
/// results are exactly those of a full scan.
/// </para>
/// </summary>
public sealed class TextIndex
{
    private const char Boundary = '\0';

    /// <summary>"\0token0\0token1\0…\0": every distinct token once, so one vectorized search finds all tokens fitting a fragment.</summary>
    private readonly string _vocabulary;

    /// <summary>Offset in <see cref="_vocabulary"/> of each token's first character, ascending.</summary>
    private readonly int[] _starts;

    /// <summary>Per token, the ascending positions of the texts that contain it.</summary>
    private readonly int[][] _postings;

    private readonly int _count;

    /// <summary>
    /// Indexes <paramref name="texts"/> (already lower-cased); positions are their indexes. Each text
    /// is read once, in order, and not kept, so they can be produced one at a time.
    /// </summary>
    public TextIndex(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var lists = new List<List<int>>();
        var position = -1;
        foreach (var each in texts)
        {
            position++;
            var text = each.AsSpan();
            var at = 0;
            while (NextFragment(text, ref at, out var start, out var length))
            {
                var token = text.Slice(start, length);
                if (!lookup.TryGetValue(token, out var id))
                {
                    id = lists.Count;
                    lookup[token] = id;
                    lists.Add([]);
                }

                var list = lists[id];
                if (list.Count == 0 || list[^1] != position)
                {
                    list.Add(position);
                }
            }
        }

        _count = position + 1;
        var builder = new System.Text.StringBuilder(ids.Keys.Sum(k => k.Length + 1) + 1);
        _starts = new int[ids.Count];
        _postings = new int[ids.Count][];
        builder.Append(Boundary);
        var index = 0;
        foreach (var (token, id) in ids)
        {
            _starts[index] = builder.Length;
            _postings[index] = [.. lists[id]];
            builder.Append(token).Append(Boundary);
            index++;
        }

        _vocabulary = builder.ToString();
    }

    /// <summary>How many distinct tokens the texts hold.</summary>
    public int TokenCount => _starts.Length;

    /// <summary>
    /// Ascending positions of every text that may contain <paramref name="lowerQuery"/> (lower-cased
    /// like the texts), a superset of those that do; null when the query has no letter or digit, so
    /// the index cannot narrow it and the caller scans every text.
    /// </summary>
    public int[]? Candidates(string lowerQuery)
    {
        ArgumentNullException.ThrowIfNull(lowerQuery);
        var query = lowerQuery.AsSpan();
        List<int>? best = null;
        var bestSize = long.MaxValue;
        var at = 0;
        while (NextFragment(query, ref at, out var start, out var length))
        {
            var tokens = TokensFitting(query.Slice(start, length), wholeStart: start > 0, wholeEnd: start + length < query.Length);
            long size = 0;
            foreach (var token in tokens)
            {
                size += _postings[token].Length;
            }

            if (size < bestSize)
            {
                (best, bestSize) = (tokens, size);
            }
        }

        if (best is null)
        {
            return null;
        }

        if (best.Count == 1)
        {
            return _postings[best[0]];
        }

        // Union of several ascending posting lists, ascending and without duplicates: mark, then read in order.
        var marks = new ulong[(_count + 63) >> 6];
        foreach (var token in best)
        {
            foreach (var position in _postings[token])
            {
                marks[position >> 6] |= 1UL << (position & 63);
            }
        }

        var result = new int[(int)Math.Min(bestSize, _count)];
        var n = 0;
        for (var word = 0; word < marks.Length; word++)
        {
            var bits = marks[word];
            while (bits != 0)
            {
                result[n++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }

        return n == result.Length ? result : result[..n];
    }

    /// <summary>Ids of the tokens that contain <paramref name="fragment"/>, start with it (<paramref name="wholeStart"/>), end with it (<paramref name="wholeEnd"/>) or equal it (both).</summary>
    private List<int> TokensFitting(ReadOnlySpan<char> fragment, bool wholeStart, bool wholeEnd)
    {
        Span<char> buffer = stackalloc char[fragment.Length + 2];
        var length = 0;
        if (wholeStart)
        {
            buffer[length++] = Boundary;
        }

        fragment.CopyTo(buffer[length..]);
        length += fragment.Length;
        if (wholeEnd)
        {
            buffer[length++] = Boundary;
        }

        var pattern = buffer[..length];
        var offset = wholeStart ? 1 : 0;
        var tokens = new List<int>();
        var vocabulary = _vocabulary.AsSpan();
        var from = 0;
        while (from < vocabulary.Length)
        {
            var hit = vocabulary[from..].IndexOf(pattern, StringComparison.Ordinal);
            if (hit < 0)
            {
                break;
            }

            var found = from + hit + offset;
            var token = Array.BinarySearch(_starts, found);
            token = token >= 0 ? token : ~token - 1;
            if (tokens.Count == 0 || tokens[^1] != token)
            {
                tokens.Add(token);
            }

            // The next fitting token starts after this one's boundary.
            from = token + 1 < _starts.Length ? _starts[token + 1] - (wholeStart ? 1 : 0) : vocabulary.Length;
        }

        return tokens;
    }

    /// <summary>The next maximal run of letters and digits at or after <paramref name="at"/>.</summary>
    private static bool NextFragment(ReadOnlySpan<char> text, ref int at, out int start, out int length)
    {
        while (at < text.Length && !char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        start = at;
        while (at < text.Length && char.IsLetterOrDigit(text[at]))
        {
            at++;
        }

        length = at - start;
        return length > 0;
    }
}
