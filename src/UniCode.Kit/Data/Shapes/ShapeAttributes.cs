using UniCode.Torch.Imaging;

namespace UniCode.Kit.Data.Shapes;

/// <summary>The shapes of generated scenes.</summary>
public enum ShapeKind
{
    /// <summary>A disc.</summary>
    Circle = 0,

    /// <summary>An axis-aligned square.</summary>
    Square = 1,

    /// <summary>An upward-pointing equilateral triangle.</summary>
    Triangle = 2,

    /// <summary>A rhombus taller than wide, corners up, down, left and right.</summary>
    Diamond = 3,
}

/// <summary>The colours of generated scenes.</summary>
public enum ShapeColour
{
    /// <summary>Red.</summary>
    Red = 0,

    /// <summary>Green.</summary>
    Green = 1,

    /// <summary>Blue.</summary>
    Blue = 2,

    /// <summary>Yellow.</summary>
    Yellow = 3,

    /// <summary>Purple.</summary>
    Purple = 4,

    /// <summary>Orange.</summary>
    Orange = 5,
}

/// <summary>The two sizes of generated objects.</summary>
public enum ShapeSize
{
    /// <summary>Small: circumradius 0.28 of a grid cell.</summary>
    Small = 0,

    /// <summary>Large: circumradius 0.42 of a grid cell.</summary>
    Large = 1,
}

/// <summary>Names, colours and the object categories (colour + shape) of generated scenes.</summary>
public static class ShapeAttributes
{
    /// <summary>Every shape.</summary>
    public static IReadOnlyList<ShapeKind> Shapes { get; } = Enum.GetValues<ShapeKind>();

    /// <summary>Every colour.</summary>
    public static IReadOnlyList<ShapeColour> Colours { get; } = Enum.GetValues<ShapeColour>();

    /// <summary>The number of object categories (colour x shape).</summary>
    public static int CategoryCount => Colours.Count * Shapes.Count;

    /// <summary>The word for a shape ("circle").</summary>
    /// <param name="shape">The shape.</param>
    public static string Name(ShapeKind shape) => shape switch
    {
        ShapeKind.Circle => "circle",
        ShapeKind.Square => "square",
        ShapeKind.Triangle => "triangle",
        ShapeKind.Diamond => "diamond",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "unknown shape"),
    };

    /// <summary>The plural of a shape's word ("circles").</summary>
    /// <param name="shape">The shape.</param>
    public static string Plural(ShapeKind shape) => Name(shape) + "s";

    /// <summary>The word for a colour ("red").</summary>
    /// <param name="colour">The colour.</param>
    public static string Name(ShapeColour colour) => colour switch
    {
        ShapeColour.Red => "red",
        ShapeColour.Green => "green",
        ShapeColour.Blue => "blue",
        ShapeColour.Yellow => "yellow",
        ShapeColour.Purple => "purple",
        ShapeColour.Orange => "orange",
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "unknown colour"),
    };

    /// <summary>The word for a size ("small").</summary>
    /// <param name="size">The size.</param>
    public static string Name(ShapeSize size) => size switch
    {
        ShapeSize.Small => "small",
        ShapeSize.Large => "large",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "unknown size"),
    };

    /// <summary>The RGB value a colour is drawn with (saturated and far apart, and far from white).</summary>
    /// <param name="colour">The colour.</param>
    public static Rgb Value(ShapeColour colour) => colour switch
    {
        ShapeColour.Red => new Rgb(220, 30, 30),
        ShapeColour.Green => new Rgb(30, 160, 50),
        ShapeColour.Blue => new Rgb(30, 70, 220),
        ShapeColour.Yellow => new Rgb(235, 200, 20),
        ShapeColour.Purple => new Rgb(140, 50, 180),
        ShapeColour.Orange => new Rgb(245, 130, 20),
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "unknown colour"),
    };

    /// <summary>The circumradius of a size as a fraction of a grid cell's side.</summary>
    /// <param name="size">The size.</param>
    public static double RadiusInCells(ShapeSize size) => size == ShapeSize.Large ? 0.42 : 0.28;

    /// <summary>The category index of a colour and shape: colour * 4 + shape.</summary>
    /// <param name="colour">The colour.</param>
    /// <param name="shape">The shape.</param>
    public static int Category(ShapeColour colour, ShapeKind shape) => ((int)colour * Shapes.Count) + (int)shape;

    /// <summary>The colour and shape of a category index.</summary>
    /// <param name="category">0 .. <see cref="CategoryCount"/>-1.</param>
    public static (ShapeColour Colour, ShapeKind Shape) FromCategory(int category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(category);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(category, CategoryCount);
        return ((ShapeColour)(category / Shapes.Count), (ShapeKind)(category % Shapes.Count));
    }

    /// <summary>The name of a category ("red circle").</summary>
    /// <param name="category">0 .. <see cref="CategoryCount"/>-1.</param>
    public static string CategoryName(int category)
    {
        var (colour, shape) = FromCategory(category);
        return $"{Name(colour)} {Name(shape)}";
    }

    /// <summary>The name of a cell of the 3x3 grid ("top left", "centre", "bottom middle", ...).</summary>
    /// <param name="row">0 (top) to 2 (bottom).</param>
    /// <param name="column">0 (left) to 2 (right).</param>
    public static string CellName(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, 2);
        if (row == 1 && column == 1)
        {
            return "centre";
        }

        string[] rows = ["top", "middle", "bottom"];
        string[] columns = ["left", "middle", "right"];
        return $"{rows[row]} {columns[column]}";
    }
}
