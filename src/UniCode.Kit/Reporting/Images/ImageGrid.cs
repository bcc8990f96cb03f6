using UniCode.Torch;
using UniCode.Torch.Imaging;

namespace UniCode.Kit.Reporting.Images;

/// <summary>
/// A batch of images laid out as one picture: rows x columns of tiles with padding, optionally upscaled
/// by an integer factor (tiny 32x32 images become readable), each with an optional caption drawn under it
/// (OpenCV's Hershey font, ASCII; wrapped or truncated to the tile width). The grid is RGB; grey images
/// are repeated over the channels and transparent pixels show the background. Notebooks display it
/// through <see cref="ToPng"/>; <see cref="ToTensor"/> and <see cref="WritePng"/> give the pixels and the file.
/// </summary>
[UniCode.Torch.Display.TypeFormatterSource(typeof(UniCode.Kit.Reporting.Formatting.KitFormatterSource))]
public sealed class ImageGrid
{
    private const int CaptionGap = 2;
    private const int LineSpacing = 2;

    // 3 bytes each must fit one array; 200 megapixels is far beyond any useful grid anyway.
    private const long MaxPixels = 200_000_000;

    private readonly byte[] pixels;
    private readonly (int X, int Y, int Width, int Height)[] tiles;
    private readonly int padding;

    private ImageGrid(byte[] pixels, int width, int height, int rows, int columns, int padding, int cellWidth, int cellHeight, int captionHeight,
        (int X, int Y, int Width, int Height)[] tiles)
    {
        this.pixels = pixels;
        this.tiles = tiles;
        this.padding = padding;
        Width = width;
        Height = height;
        Rows = rows;
        Columns = columns;
        CellWidth = cellWidth;
        CellHeight = cellHeight;
        CaptionHeight = captionHeight;
    }

    /// <summary>The number of tiles.</summary>
    public int Count => tiles.Length;

    /// <summary>Rows of tiles.</summary>
    public int Rows { get; }

    /// <summary>Tiles per row.</summary>
    public int Columns { get; }

    /// <summary>The grid's width in pixels.</summary>
    public int Width { get; }

    /// <summary>The grid's height in pixels.</summary>
    public int Height { get; }

    /// <summary>The width of a cell: the widest image, upscaled.</summary>
    public int CellWidth { get; }

    /// <summary>The height of a cell's image area: the tallest image, upscaled.</summary>
    public int CellHeight { get; }

    /// <summary>The height of the caption band under each cell (0 without captions).</summary>
    public int CaptionHeight { get; }

    /// <summary>A grid of a batch: uint8 [N, H, W, C] or float [N, C, H, W] in [0, 1], C = 1, 3 or 4.</summary>
    /// <param name="images">The batch.</param>
    /// <param name="captions">One caption per image (empty for none), or null for no captions.</param>
    /// <param name="options">Layout (defaults when null).</param>
    public static ImageGrid Create(Tensor images, IReadOnlyList<string>? captions = null, ImageGridOptions? options = null)
    {
        options ??= new ImageGridOptions();
        options.Validate();
        return Compose(ImageTile.FromBatch(images, options.Background), captions, options);
    }

    /// <summary>A grid of separate images, each uint8 [H, W, C] or [H, W] (or float in [0, 1]); sizes may differ (tiles are centred in their cells).</summary>
    /// <param name="images">The images.</param>
    /// <param name="captions">One caption per image (empty for none), or null for no captions.</param>
    /// <param name="options">Layout (defaults when null).</param>
    public static ImageGrid Create(IReadOnlyList<Tensor> images, IReadOnlyList<string>? captions = null, ImageGridOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            throw new ArgumentException("the image list is empty: a grid needs at least one image", nameof(images));
        }

        options ??= new ImageGridOptions();
        options.Validate();
        var background = options.Background;
        return Compose([.. images.Select((image, i) => ImageTile.FromImage(image, $"images[{i}]", background))], captions, options);
    }

    /// <summary>Where tile <paramref name="index"/>'s upscaled image lies in the grid.</summary>
    /// <param name="index">The image's index in the input.</param>
    public (int X, int Y, int Width, int Height) TileBounds(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, tiles.Length);
        return tiles[index];
    }

    /// <summary>Where tile <paramref name="index"/>'s caption band lies (under its cell; height 0 without captions).</summary>
    /// <param name="index">The image's index in the input.</param>
    public (int X, int Y, int Width, int Height) CaptionBounds(int index)
    {
        var (x, y) = CellOrigin(index);
        return (x, y + CellHeight, CellWidth, CaptionHeight);
    }

    /// <summary>The grid as a new uint8 [Height, Width, 3] RGB tensor (the caller owns it).</summary>
    public Tensor ToTensor() => Tensor.From(pixels, Height, Width, 3);

    /// <summary>The grid as PNG bytes.</summary>
    public byte[] ToPng()
    {
        using var scope = new DisposeScope();
        return ImageIO.Encode(ToTensor(), ".png");
    }

    /// <summary>Writes the grid as a PNG file, atomically.</summary>
    /// <param name="path">The file (any extension ImageIO encodes; .png keeps it lossless).</param>
    public void WritePng(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = new DisposeScope();
        ImageIO.Write(path, ToTensor());
    }

    /// <summary>A one-line description.</summary>
    public override string ToString() => $"ImageGrid: {Count} images in {Rows}x{Columns} cells of {CellWidth}x{CellHeight}, {Width}x{Height} pixels";

    private (int X, int Y) CellOrigin(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, tiles.Length);
        return (padding + (index % Columns * (CellWidth + padding)), padding + (index / Columns * (CellHeight + CaptionHeight + padding)));
    }

    private static ImageGrid Compose(List<ImageTile> images, IReadOnlyList<string>? captions, ImageGridOptions options)
    {
        if (captions is not null && captions.Count != images.Count)
        {
            throw new ArgumentException($"{captions.Count} captions for {images.Count} images: give one per image (empty for none)", nameof(captions));
        }

        var count = images.Count;
        var scale = options.Scale;
        var padding = options.Padding;
        var columns = options.Columns ?? (int)Math.Ceiling(Math.Sqrt(count));
        var rows = (count + columns - 1) / columns;
        var cellWidth = images.Max(t => t.Width) * scale;
        var cellHeight = images.Max(t => t.Height) * scale;

        var font = ImageDraw.MeasureText("Ay", options.CaptionScale);
        var lineHeight = font.Height + font.Baseline + LineSpacing;
        var lines = captions?.Select(c => CaptionLayout.Fit(
            c ?? string.Empty, cellWidth, options.MaxCaptionLines, options.CaptionOverflow, s => ImageDraw.MeasureText(s, options.CaptionScale).Width)).ToList();
        var maxLines = lines is null ? 0 : lines.Max(l => l.Count);
        var captionHeight = maxLines == 0 ? 0 : CaptionGap + (maxLines * lineHeight);

        var wide = padding + ((long)columns * (cellWidth + padding));
        var high = padding + ((long)rows * (cellHeight + captionHeight + padding));
        if (wide * high > MaxPixels)
        {
            throw new ArgumentException(
                $"the grid would be {wide}x{high} pixels (limit {MaxPixels}): lower {nameof(ImageGridOptions.Scale)} or split the batch", nameof(options));
        }

        var (width, height) = ((int)wide, (int)high);
        var canvas = new byte[width * height * 3];
        Fill(canvas, options.Background);

        var bounds = new (int X, int Y, int Width, int Height)[count];
        for (var i = 0; i < count; i++)
        {
            var cellX = padding + (i % columns * (cellWidth + padding));
            var cellY = padding + (i / columns * (cellHeight + captionHeight + padding));
            var tile = images[i];
            var x = cellX + ((cellWidth - (tile.Width * scale)) / 2);
            var y = cellY + ((cellHeight - (tile.Height * scale)) / 2);
            Blit(canvas, width, tile, x, y, scale);
            bounds[i] = (x, y, tile.Width * scale, tile.Height * scale);
        }

        if (maxLines > 0)
        {
            DrawCaptions(canvas, width, height, lines!, columns, padding, cellWidth, cellHeight, captionHeight, lineHeight, font.Height, options);
        }

        return new ImageGrid(canvas, width, height, rows, columns, padding, cellWidth, cellHeight, captionHeight, bounds);
    }

    private static void Fill(byte[] canvas, Rgb colour)
    {
        for (var p = 0; p < canvas.Length; p += 3)
        {
            canvas[p] = colour.R;
            canvas[p + 1] = colour.G;
            canvas[p + 2] = colour.B;
        }
    }

    // Copies a tile, each pixel repeated into a scale x scale block (nearest-neighbour upscaling).
    private static void Blit(byte[] canvas, int canvasWidth, ImageTile tile, int left, int top, int scale)
    {
        var rowBytes = tile.Width * scale * 3;
        var row = new byte[rowBytes];
        for (var sy = 0; sy < tile.Height; sy++)
        {
            for (var sx = 0; sx < tile.Width; sx++)
            {
                var s = ((sy * tile.Width) + sx) * 3;
                for (var k = 0; k < scale; k++)
                {
                    var d = ((sx * scale) + k) * 3;
                    row[d] = tile.Rgb[s];
                    row[d + 1] = tile.Rgb[s + 1];
                    row[d + 2] = tile.Rgb[s + 2];
                }
            }

            for (var k = 0; k < scale; k++)
            {
                var destination = ((((top + (sy * scale) + k) * canvasWidth) + left) * 3);
                row.CopyTo(canvas, destination);
            }
        }
    }

    private static void DrawCaptions(
        byte[] canvas, int width, int height, List<IReadOnlyList<string>> lines, int columns, int padding,
        int cellWidth, int cellHeight, int captionHeight, int lineHeight, int ascent, ImageGridOptions options)
    {
        using var scope = new DisposeScope();
        var image = Tensor.From(canvas, height, width, 3);
        for (var i = 0; i < lines.Count; i++)
        {
            var cellX = padding + (i % columns * (cellWidth + padding));
            var top = padding + (i / columns * (cellHeight + captionHeight + padding)) + cellHeight + CaptionGap;
            for (var l = 0; l < lines[i].Count; l++)
            {
                var text = lines[i][l];
                var textWidth = ImageDraw.MeasureText(text, options.CaptionScale).Width;
                var x = cellX + Math.Max(0, (cellWidth - textWidth) / 2);
                ImageDraw.DrawText(image, text, x, top + (l * lineHeight) + ascent, options.CaptionScale, options.CaptionColor);
            }
        }

        image.CopyTo<byte>(canvas);
    }
}
