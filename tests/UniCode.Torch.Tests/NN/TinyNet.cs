using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

/// <summary>A residual block: x + relu(proj(norm(x))). The underscore of <c>_proj</c> is dropped from its name.</summary>
internal sealed class TinyBlock : Module<Tensor, Tensor>
{
    private readonly Linear _proj;
    private readonly LayerNorm norm;

    public TinyBlock(long dim, Generator generator)
    {
        _proj = new Linear(dim, dim, generator: generator);
        norm = new LayerNorm(dim);
        RegisterComponents();
    }

    public override Tensor Forward(Tensor input)
    {
        using var scope = new DisposeScope();
        return (input + _proj.Forward(norm.Forward(input)).Relu()).MoveToOuterScope();
    }
}

/// <summary>A small model with every kind of component: a parameter, submodules, a list, a sequence and buffers.</summary>
internal sealed class TinyNet : Module<Tensor, Tensor>
{
    private readonly Embedding embed;
    private readonly Parameter scale;
    private readonly ModuleList<TinyBlock> blocks;
    private readonly Sequential head;

    public TinyNet(Generator generator)
    {
        embed = new Embedding(10, 4, generator: generator);
        using (new DisposeScope())
        {
            scale = new Parameter(Tensor.Ones(4));
        }

        blocks = new ModuleList<TinyBlock>([new TinyBlock(4, generator), new TinyBlock(4, generator)]);
        head = new Sequential(new Linear(4, 3, generator: generator), new Tanh());
        RegisterBuffer("steps", Tensor.Zeros([1], DType.Int64));
        RegisterBuffer("cache", Tensor.Zeros(2), persistent: false);
        RegisterComponents();
    }

    public Parameter Scale => scale;

    public Embedding Embed => embed;

    /// <summary>Registers another parameter under a given name (to test name checks).</summary>
    public void Register(string name, Parameter parameter) => RegisterParameter(name, parameter);

    public override Tensor Forward(Tensor input)
    {
        using var scope = new DisposeScope();
        var x = embed.Forward(input) * scale;
        foreach (var block in blocks)
        {
            x = block.Forward(x);
        }

        return head.Forward(x).MoveToOuterScope();
    }
}
