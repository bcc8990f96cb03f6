using UniCode.Kit.Data;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Tests.Data;

/// <summary>Small image files for reader tests.</summary>
internal static class TestImages
{
    /// <summary>Writes a w x h image of one colour and returns it.</summary>
    public static RawImage Write(string path, int height, int width, byte r, byte g, byte b)
    {
        var image = RawImage.Filled(height, width, r, g, b);
        using var tensor = image.ToTensor();
        ImageIO.Write(path, tensor);
        return image;
    }
}
