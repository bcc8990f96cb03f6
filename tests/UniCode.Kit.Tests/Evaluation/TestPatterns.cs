using UniCode.Torch;

namespace UniCode.Kit.Tests.Evaluation;

/// <summary>Deterministic image pairs whose metrics were computed with skimage 0.19 (Debian python3-skimage).</summary>
internal static class TestPatterns
{
    /// <summary>x[c, i, j] = (sin(0.3i + 0.2j + c) + 1) / 2 and y = clip(x + 0.1 cos(0.5i − 0.7j + 2c), 0, 1), 16x16.</summary>
    public static (Tensor X, Tensor Y) Pair(int channels)
    {
        const int size = 16;
        var x = new double[1, channels, size, size];
        var y = new double[1, channels, size, size];
        for (var c = 0; c < channels; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    var v = (Math.Sin((0.3 * i) + (0.2 * j) + c) + 1) / 2;
                    x[0, c, i, j] = v;
                    y[0, c, i, j] = Math.Clamp(v + (0.1 * Math.Cos((0.5 * i) - (0.7 * j) + (2 * c))), 0, 1);
                }
            }
        }

        return (Tensor.FromArray(x), Tensor.FromArray(y));
    }
}
