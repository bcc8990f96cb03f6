"""The model of `unicode bench vqvae`, in PyTorch, timed step by step on the C# side's commands.

Reads commands on stdin, one per line: "run N" times N training steps and prints one JSON line
{"times_ms": [...]}; "quit" exits. The first line printed is {"ready": true, "torch": version, "threads": n}.
The model, the EMA quantizer and the step are the same as BenchVqVae.cs.
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv3 = nn.Conv2d(128, 128, 3, padding=1)
        self.conv1 = nn.Conv2d(128, 128, 1)

    def forward(self, x):
        return x + self.conv1(F.relu(self.conv3(F.relu(x))))


class EmaQuantizer(nn.Module):
    def __init__(self, k=1024, n=64, decay=0.99, beta=0.25, eps=1e-5):
        super().__init__()
        self.k, self.n, self.decay, self.beta, self.eps = k, n, decay, beta, eps
        initial = torch.randn(k, n) * 0.1
        self.register_buffer("codebook", initial.clone())
        self.register_buffer("cluster_size", torch.ones(k))
        self.register_buffer("embed_sum", initial.clone())
        self.register_buffer("unused_steps", torch.zeros(k))

    def forward(self, z):
        b, n, h, w = z.shape
        flat = z.permute(0, 2, 3, 1).reshape(-1, n)
        with torch.no_grad():
            distances = flat.pow(2).sum(1, keepdim=True) - 2 * flat @ self.codebook.t() + self.codebook.pow(2).sum(1).unsqueeze(0)
            codes = distances.argmin(1)
        embedded = F.embedding(codes.view(b, h, w), self.codebook).permute(0, 3, 1, 2).contiguous()
        commitment = F.mse_loss(z, embedded.detach()) * self.beta
        quantized = z + (embedded - z).detach()
        if self.training:
            with torch.no_grad():
                counts = torch.bincount(codes, minlength=self.k).float()
                sums = torch.zeros(self.k, self.n).index_add_(0, codes, flat.detach())
                self.cluster_size.mul_(self.decay).add_(counts, alpha=1 - self.decay)
                self.embed_sum.mul_(self.decay).add_(sums, alpha=1 - self.decay)
                total = self.cluster_size.sum()
                smoothed = (self.cluster_size + self.eps) / (total + self.k * self.eps) * total
                self.codebook.copy_(self.embed_sum / smoothed.unsqueeze(1))
                self.unused_steps.copy_(torch.where(counts > 0, torch.zeros_like(self.unused_steps), self.unused_steps + 1))
        return quantized, commitment


class VqVae(nn.Module):
    def __init__(self):
        super().__init__()
        self.encode1 = nn.Conv2d(3, 64, 4, stride=2, padding=1)
        self.encode2 = nn.Conv2d(64, 128, 4, stride=2, padding=1)
        self.encode_residual1, self.encode_residual2 = Residual(), Residual()
        self.encode_projection = nn.Conv2d(128, 64, 1)
        self.quantizer = EmaQuantizer()
        self.decode_input = nn.Conv2d(64, 128, 1)
        self.decode_residual1, self.decode_residual2 = Residual(), Residual()
        self.decode1 = nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1)
        self.decode2 = nn.ConvTranspose2d(64, 3, 4, stride=2, padding=1)

    def forward(self, x):
        h = F.relu(self.encode1(x))
        h = F.relu(self.encode2(h))
        h = F.relu(self.encode_residual2(self.encode_residual1(h)))
        quantized, commitment = self.quantizer(self.encode_projection(h))
        d = F.relu(self.decode_residual2(self.decode_residual1(self.decode_input(quantized))))
        d = F.relu(self.decode1(d))
        return F.mse_loss(self.decode2(d), x) + commitment


def main():
    torch.manual_seed(0)
    model = VqVae()
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-4)
    images = torch.rand(64, 3, 32, 32)

    def step():
        loss = model(images)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    print(json.dumps({"ready": True, "torch": torch.__version__, "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words or words[0] == "quit":
            break
        if words[0] == "run":
            times = []
            for _ in range(int(words[1])):
                start = time.perf_counter()
                step()
                times.append((time.perf_counter() - start) * 1000)
            print(json.dumps({"times_ms": times}), flush=True)


if __name__ == "__main__":
    main()
