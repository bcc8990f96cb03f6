using System.Text;

namespace UniCode.Kit.Tests.Text;

/// <summary>Seeded English-like sentences for tokenizer tests: a closed word list, numbers and punctuation.</summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Subjects =
    [
        "the cat", "a dog", "the small bird", "my neighbour", "the old man", "a young woman", "the teacher",
        "every student", "the red fox", "a brown horse", "the baker", "our captain", "the tired doctor",
    ];

    private static readonly string[] Verbs =
    [
        "sees", "likes", "paints", "carries", "follows", "builds", "finds", "describes", "remembers", "watches",
        "draws", "measures", "repairs", "visits", "forgets",
    ];

    private static readonly string[] Objects =
    [
        "a green apple", "the wooden table", "two bright stars", "a large circle", "the blue square",
        "an empty bottle", "the tall tower", "a quiet river", "the yellow triangle", "some warm bread",
        "the broken clock", "a paper boat", "the northern mountains",
    ];

    private static readonly string[] Tails =
    [
        "", " in the morning", " near the station", " with great care", " after dinner", " before it rains",
        " because it's late", " without a word", " at the market",
    ];

    /// <summary><paramref name="count"/> sentences from <paramref name="seed"/>.</summary>
    public static List<string> Sentences(int count, int seed)
    {
        var random = new Random(seed);
        var sentences = new List<string>(count);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Clear();
            var subject = Subjects[random.Next(Subjects.Length)];
            text.Append(char.ToUpperInvariant(subject[0])).Append(subject[1..]);
            text.Append(' ').Append(Verbs[random.Next(Verbs.Length)]);
            text.Append(' ').Append(Objects[random.Next(Objects.Length)]);
            text.Append(Tails[random.Next(Tails.Length)]);
            if (random.Next(4) == 0)
            {
                text.Append(", ").Append(random.Next(1, 2000)).Append(" times");
            }

            text.Append(random.Next(5) == 0 ? "!" : ".");
            sentences.Add(text.ToString());
        }

        return sentences;
    }
}
