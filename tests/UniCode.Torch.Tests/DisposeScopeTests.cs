namespace UniCode.Torch.Tests;

public sealed class DisposeScopeTests
{
    [Fact]
    public void Tensors_created_in_a_scope_are_freed_when_it_ends()
    {
        Tensor a, b, sum;
        using (var scope = new DisposeScope())
        {
            a = Tensor.Ones(3);
            b = Tensor.Ones(3);
            sum = a + b;
            Assert.Same(scope, DisposeScope.Current);
            Assert.Equal(3, scope.Count);
            Assert.False(sum.IsDisposed);
        }

        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.True(sum.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => sum.ToArray<float>());
    }

    [Fact]
    public void MoveToOuterScope_keeps_a_tensor_until_the_enclosing_scope_ends()
    {
        using var outer = new DisposeScope();
        Tensor kept, dropped;
        using (var inner = new DisposeScope())
        {
            Assert.Same(outer, inner.Parent);
            dropped = Tensor.Ones(2);
            kept = (dropped * 3).MoveToOuterScope();
            Assert.Equal(1, inner.Count);
        }

        Assert.True(dropped.IsDisposed);
        Assert.False(kept.IsDisposed);
        TensorAssert.Equal([3, 3], kept);
        Assert.Equal(1, outer.Count);
        outer.Dispose();
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void A_tensor_moved_out_of_the_outermost_scope_is_owned_by_nobody()
    {
        Tensor survivor;
        using (new DisposeScope())
        {
            survivor = Tensor.Ones(2).MoveToOuterScope();
        }

        Assert.False(survivor.IsDisposed);
        survivor.Dispose();
        Assert.True(survivor.IsDisposed);
        survivor.Dispose(); // twice is harmless
    }

    [Fact]
    public void Nested_scopes_free_their_own_tensors_innermost_first()
    {
        Tensor outerTensor, innerTensor;
        using (var outer = new DisposeScope())
        {
            outerTensor = Tensor.Zeros(1);
            using (new DisposeScope())
            {
                innerTensor = Tensor.Zeros(1);
            }

            Assert.True(innerTensor.IsDisposed);
            Assert.False(outerTensor.IsDisposed);
            Assert.Same(outer, DisposeScope.Current);
        }

        Assert.True(outerTensor.IsDisposed);
        Assert.Null(DisposeScope.Current);
    }

    [Fact]
    public void DetachFromScope_keeps_a_tensor_beyond_every_scope()
    {
        Tensor detached;
        using (new DisposeScope())
        {
            using (new DisposeScope())
            {
                detached = Tensor.Ones(4).DetachFromScope();
            }
        }

        Assert.False(detached.IsDisposed);
        Assert.Equal(4, detached.NumElements);
        detached.Dispose();

        // The same through the scope's own methods.
        Tensor kept, moved;
        using (var outer = new DisposeScope())
        {
            using (var inner = new DisposeScope())
            {
                kept = inner.Detach(Tensor.Ones(1));
                moved = inner.MoveToOuter(Tensor.Ones(1));
            }

            Assert.False(moved.IsDisposed);
            Assert.Equal(1, outer.Count);
        }

        Assert.True(moved.IsDisposed);
        Assert.False(kept.IsDisposed);
        kept.Dispose();
    }

    [Fact]
    public void Disposing_a_tensor_early_is_compatible_with_its_scope()
    {
        using var scope = new DisposeScope();
        var t = Tensor.Ones(2);
        t.Dispose();
        Assert.Equal(0, scope.Count);
        scope.Dispose();
        scope.Dispose(); // twice is harmless
        Assert.True(t.IsDisposed);
    }

    [Fact]
    public void A_thread_started_inside_a_scope_inherits_it_and_one_started_without_its_context_does_not()
    {
        using var scope = new DisposeScope();
        Tensor? inherited = null, unrelated = null;
        var child = new Thread(() => inherited = Tensor.Ones(1));
        child.Start();
        child.Join();
        using (ExecutionContext.SuppressFlow())
        {
            var other = new Thread(() => unrelated = Tensor.Ones(1));
            other.Start();
            other.Join();
        }

        Assert.Same(scope, inherited!.Scope);
        Assert.Null(unrelated!.Scope);
        scope.Dispose();
        Assert.True(inherited.IsDisposed);
        Assert.False(unrelated.IsDisposed);
        unrelated.Dispose();
    }

    [Fact]
    public void Disposing_a_scope_from_a_thread_that_did_not_open_it_throws_and_leaves_the_scope_working()
    {
        var scope = new DisposeScope();
        var made = Tensor.Ones(1);
        Exception? error = null;
        using (ExecutionContext.SuppressFlow())
        {
            var other = new Thread(() => error = Record.Exception(scope.Dispose));
            other.Start();
            other.Join();
        }

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("disposed by the code that opened it", error.Message, StringComparison.Ordinal);
        Assert.False(scope.IsDisposed);
        Assert.Same(scope, DisposeScope.Current);
        var later = Tensor.Ones(1);
        Assert.Same(scope, later.Scope);
        scope.Dispose();
        Assert.True(made.IsDisposed);
        Assert.True(later.IsDisposed);
    }

    [Fact]
    public async Task A_scope_disposed_by_a_task_that_inherited_it_is_skipped_by_its_opener()
    {
        var before = DisposeScope.Current;
        var scope = new DisposeScope();
        await Task.Run(scope.Dispose);
        Assert.True(scope.IsDisposed);
        Assert.Same(before, DisposeScope.Current); // not the dead scope

        var temporaries = new List<Tensor>();
        using (var next = new DisposeScope())
        {
            Assert.Same(before, next.Parent);
            for (var i = 0; i < 1000; i++)
            {
                temporaries.Add(Tensor.Ones(1) + 1);
            }
        }

        Assert.All(temporaries, t => Assert.True(t.IsDisposed));
        scope.Dispose(); // the opener's own dispose is then harmless
    }

    [Fact]
    public async Task A_scope_stays_current_across_awaits_and_frees_every_tensor_made_after_them()
    {
        var made = new List<Tensor>();
        using (var scope = new DisposeScope())
        {
            for (var i = 0; i < 40; i++)
            {
                await Task.Delay(1);
                Assert.Same(scope, DisposeScope.Current);
                for (var j = 0; j < 20; j++)
                {
                    made.Add(Tensor.Ones(1));
                }
            }

            Assert.Equal(800, scope.Count);
        }

        Assert.All(made, t => Assert.True(t.IsDisposed));
    }

    [Fact]
    public async Task Tasks_running_in_parallel_inside_a_scope_add_their_tensors_safely()
    {
        var made = new System.Collections.Concurrent.ConcurrentBag<Tensor>();
        using (var scope = new DisposeScope())
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 200; i++)
                {
                    made.Add(Tensor.Zeros(1));
                }
            })));
            Assert.Equal(1600, scope.Count);
        }

        Assert.Equal(1600, made.Count(t => t.IsDisposed));
    }

    [Fact]
    public void Disposing_an_outer_scope_first_closes_the_scopes_nested_in_it()
    {
        var before = DisposeScope.Current;
        var outer = new DisposeScope();
        var inner = new DisposeScope();
        var made = Tensor.Ones(2);

        outer.Dispose();

        Assert.Same(before, DisposeScope.Current);
        Assert.True(made.IsDisposed);
        using var later = Tensor.Ones(1);
        Assert.Same(before, later.Scope);
        inner.Dispose();
        Assert.Same(before, DisposeScope.Current);
    }
}
