"""The model of `unicode bench gpt` and `unicode bench generate`, in PyTorch, timed on the C# side's commands.

Started as `gpt.py train` (one training step: forward, cross-entropy, backward, AdamW) or `gpt.py generate NEW`
(greedy decoding of NEW tokens after a 16-token prompt, with a KV cache, in eval mode without gradients).
Reads commands on stdin, one per line: "run N" times N training steps, "run N B" N generations of B rows; each
prints one JSON line {"times_ms": [...]}; "quit" exits. The first line printed is
{"ready": true, "torch": version, "threads": n, "blas_threads": m}.
The model is the kit's Transformer with TransformerOptions.Gpt2(1024, dim: 256, layers: 6, heads: 8, context: 320):
pre-LayerNorm blocks, learned positions, separate query/key/value/output projections with biases, a 4x GELU MLP
and the output head tied to the token embedding; the loss and the decoding loop are Transformer.Loss and Sampler's.
"""
import ctypes
import json
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

VOCAB, DIM, LAYERS, HEADS, CONTEXT = 1024, 256, 6, 8, 320
BATCH, PROMPT = 16, 16
INIT_STD = 0.02
RESIDUAL_STD = INIT_STD / math.sqrt(2 * LAYERS)


def projection(inputs, outputs, std):
    layer = nn.Linear(inputs, outputs)
    nn.init.normal_(layer.weight, 0, std)
    nn.init.zeros_(layer.bias)
    return layer


class KvCache:
    """Each layer's keys and values in one preallocated (B, heads, capacity, head_dim) tensor, as KvCache.cs."""

    def __init__(self, batch, capacity):
        shape = (batch, HEADS, capacity, DIM // HEADS)
        self.keys = [torch.zeros(shape) for _ in range(LAYERS)]
        self.values = [torch.zeros(shape) for _ in range(LAYERS)]
        self.length = 0

    def append(self, layer, key, value):
        t = key.size(2)
        self.keys[layer][:, :, self.length:self.length + t].copy_(key)
        self.values[layer][:, :, self.length:self.length + t].copy_(value)
        return self.keys[layer][:, :, :self.length + t], self.values[layer][:, :, :self.length + t]


class CausalSelfAttention(nn.Module):
    def __init__(self, layer):
        super().__init__()
        self.layer = layer
        self.query = projection(DIM, DIM, INIT_STD)
        self.key = projection(DIM, DIM, INIT_STD)
        self.value = projection(DIM, DIM, INIT_STD)
        self.output = projection(DIM, DIM, RESIDUAL_STD)
        self.register_buffer("future", torch.ones(CONTEXT, CONTEXT, dtype=torch.bool).triu(1), persistent=False)

    def forward(self, x, cache):
        b, t, _ = x.shape
        head_dim = DIM // HEADS
        start = cache.length if cache is not None else 0
        q = self.query(x).view(b, t, HEADS, head_dim).transpose(1, 2)  # (B, heads, T, head_dim)
        k = self.key(x).view(b, t, HEADS, head_dim).transpose(1, 2)
        v = self.value(x).view(b, t, HEADS, head_dim).transpose(1, 2)
        if cache is not None:
            k, v = cache.append(self.layer, k, v)  # (B, heads, S, head_dim)
        scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(head_dim))  # (B, heads, T, S)
        hidden = self.future[start:start + t, :start + t]
        weights = scores.masked_fill(hidden, float("-inf")).softmax(-1)
        y = (weights @ v).transpose(1, 2).reshape(b, t, DIM)  # (B, T, d)
        return self.output(y)


class Block(nn.Module):
    def __init__(self, layer):
        super().__init__()
        self.attention_norm = nn.LayerNorm(DIM)
        self.attention = CausalSelfAttention(layer)
        self.mlp_norm = nn.LayerNorm(DIM)
        self.up = projection(DIM, 4 * DIM, INIT_STD)
        self.down = projection(4 * DIM, DIM, RESIDUAL_STD)

    def forward(self, x, cache):
        x = x + self.attention(self.attention_norm(x), cache)
        return x + self.down(F.gelu(self.up(self.mlp_norm(x))))


class Gpt(nn.Module):
    def __init__(self):
        super().__init__()
        self.token_embedding = nn.Parameter(torch.randn(VOCAB, DIM) * INIT_STD)
        self.position_embedding = nn.Parameter(torch.randn(CONTEXT, DIM) * INIT_STD)
        self.blocks = nn.ModuleList(Block(i) for i in range(LAYERS))
        self.final_norm = nn.LayerNorm(DIM)

    def forward(self, ids, cache=None):
        start = cache.length if cache is not None else 0
        t = ids.size(1)
        x = F.embedding(ids, self.token_embedding) + self.position_embedding[start:start + t]  # (B, T, d)
        for block in self.blocks:
            x = block(x, cache)
        if cache is not None:
            cache.length += t
        return F.linear(self.final_norm(x), self.token_embedding)  # (B, T, V): the tied head


def loss_of(logits, labels):
    b, t, v = logits.shape
    return F.cross_entropy(logits[:, :-1].reshape(b * (t - 1), v), labels[:, 1:].reshape(b * (t - 1)))


def blas_threads():
    try:
        return ctypes.CDLL("libopenblas.so.0").openblas_get_num_threads()
    except (OSError, AttributeError):
        return -1


def main():
    mode = sys.argv[1]
    torch.manual_seed(0)
    model = Gpt()
    if mode == "train":
        optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.01)
        ids = torch.randint(0, VOCAB, (BATCH, CONTEXT))

        def step(_):
            loss = loss_of(model(ids), ids)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    else:
        new_tokens = int(sys.argv[2])
        model.eval()
        prompts = {}

        def step(batch):
            prompt = prompts.setdefault(batch, torch.randint(0, VOCAB, (batch, PROMPT)))
            with torch.no_grad():
                cache = KvCache(batch, PROMPT + new_tokens - 1)
                feed, generated = prompt, []
                for _ in range(new_tokens):
                    feed = model(feed, cache)[:, -1].argmax(-1, keepdim=True)  # (B, 1), greedy
                    generated.append(feed)
                return torch.cat(generated, 1)

    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads(), "blas_threads": blas_threads()}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] == "run":
            batch = int(words[2]) if len(words) > 2 else BATCH
            times = []
            for _ in range(int(words[1])):
                start = time.perf_counter()
                step(batch)
                times.append((time.perf_counter() - start) * 1000)
            print(json.dumps({"times_ms": times}), flush=True)


if __name__ == "__main__":
    main()
