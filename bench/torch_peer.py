"""PyTorch peer of the batchmix benchmark (run by bench/peers/torch.ts; Debian python3-torch 1.13).

One JSON command per stdin line, one JSON answer per stdout line:
  {"cmd": "hello"}                        -> versions
  {"cmd": "load", ...case...}             -> loads the input file, checks that every formulation
                                             agrees, writes formulation 0's output to the output file
  {"cmd": "time", "threads": t, "k": k}   -> k timed calls with t threads, of the fastest formulation
                                             (chosen on the first request for t, by 2 calls each)
  {"cmd": "quit"}

Each op has a few formulations (bench/torch_formulations.py: idiomatic, torch.lerp, preallocated
buffers, resize-then-gather ...); the benchmark reports the fastest one, as research/perf-anchors.md §5
does. Batches are torch tensors in the case's own layout (float32 NCHW; uint8 NHWC as [N, H, W, C]).
"""
import json
import sys
import time

import numpy as np
import torch

from torch_formulations import BUILDERS, agree


class Peer:
    def __init__(self):
        self.case = None

    def load(self, case):
        dtype = torch.float32 if case["dtype"] == "float32" else torch.uint8
        raw = np.fromfile(case["input"], dtype=np.float32 if dtype == torch.float32 else np.uint8)
        self.pristine = torch.from_numpy(raw.reshape(case["shape"]))
        self.perm = torch.tensor(case["perm"], dtype=torch.int64)
        self.case, self.chosen = case, {}
        self.work = self.pristine.clone()
        self.forms = BUILDERS[case["kind"]](case, self.work, self.perm)
        outputs = []
        for name, fn in self.forms.items():
            self.work.copy_(self.pristine)
            outputs.append((name, fn().clone()))
        for name, o in outputs[1:]:
            if not agree(case["kind"], dtype, o, outputs[0][1]):
                raise RuntimeError(f"formulation {name} disagrees with {outputs[0][0]}")
        outputs[0][1].contiguous().numpy().tofile(case["output"])
        self.work.copy_(self.pristine)
        return {"formulations": list(self.forms)}

    def time(self, threads, k):
        torch.set_num_threads(threads)
        if threads not in self.chosen:
            best = None
            for name, fn in self.forms.items():
                t = min(timed(fn) for _ in range(2))
                if best is None or t < best[1]:
                    best = (name, t)
            self.chosen[threads] = best[0]
        fn = self.forms[self.chosen[threads]]
        return {"times": [timed(fn) for _ in range(k)], "formulation": self.chosen[threads]}


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000.0


def main():
    peer = Peer()
    for line in sys.stdin:
        msg = json.loads(line)
        try:
            if msg["cmd"] == "hello":
                answer = {"torch": torch.__version__, "numpy": np.__version__, "defaultThreads": torch.get_num_threads()}
            elif msg["cmd"] == "load":
                answer = peer.load(msg)
            elif msg["cmd"] == "time":
                answer = peer.time(msg["threads"], msg["k"])
            elif msg["cmd"] == "quit":
                break
            else:
                raise ValueError(f"unknown command {msg['cmd']!r}")
        except Exception as e:  # reported to the harness, which prints it
            answer = {"error": f"{type(e).__name__}: {e}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
