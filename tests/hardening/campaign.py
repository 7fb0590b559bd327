"""The longer fuzz campaign (run by hand; its counts are recorded in docs/hardening.md).

    python -m tests.hardening.campaign --programs 3000 --sequences 150

Core: generated programs, each analysed whole, at every statement boundary cut, and with random
token edits. Server: random sequences of valid and invalid LSP messages, a liveness check after each.
"""

from __future__ import annotations

import argparse
import random
import time

from shapesense import analyze
from shapesense.analysis import INTERNAL_ERROR

from ..oracle.generator import generate
from .rawclient import RawClient
from .test_hostile_input import HALF_TYPED_TOKENS
from .test_protocol_abuse import METHOD_NAMES, SEED, URI, serving

JUNK = [*HALF_TYPED_TOKENS, "]", '"', "**", ",", "\\", "#", "\ufeff"]


def core(programs: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    counts = {"programs": 0, "analyses": 0, "crashes": 0}
    for i in range(programs):
        source = generate(seed, i).source
        variants = [source]
        lines = source.split("\n")
        variants += ["\n".join(lines[:k]) for k in range(1, len(lines))]
        tokens = source.replace("(", " ( ").replace(")", " ) ").split(" ")
        for _ in range(5):
            t = list(tokens)
            for _ in range(rng.randint(1, 8)):
                j = rng.randrange(len(t))
                op = rng.random()
                if op < 0.4:
                    del t[j]
                elif op < 0.8:
                    t.insert(j, rng.choice(JUNK))
                else:
                    t.insert(j, t[j])
            variants.append(" ".join(t))
        for text in variants:
            internal = [f.message for f in analyze(text).findings if f.code == INTERNAL_ERROR]
            if internal:  # the core caught its own bug: for the campaign, a crash
                counts["crashes"] += 1
                print(f"CRASH {internal[0]}\n{text}\n---")
            counts["analyses"] += 1
        counts["programs"] += 1
    return counts


METHODS = [*METHOD_NAMES, "textDocument/didClose", "$/cancelRequest"]


def random_json(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(7 if depth < 3 else 4)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([0, -1, 10**9, 2**31, 3.5])
    if kind == 2:
        return rng.choice(["", URI, "file:///x.py", "x" * 50, "😀"])
    if kind == 3:
        return rng.choice([True, False])
    if kind == 4:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = [
        "textDocument",
        "position",
        "range",
        "uri",
        "line",
        "character",
        "context",
        "contentChanges",
        "text",
        "version",
        "command",
        "arguments",
        "settings",
        "id",
    ]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


def server(sequences: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    counts = {
        "sequences": 0,
        "messages": 0,
        "requests_answered": 0,
        "garbage_frames": 0,
        "server_deaths": 0,
    }
    for _ in range(sequences):
        client = RawClient()
        try:
            client.initialize()
            client.open(URI, SEED)
            for _ in range(40):
                if rng.random() < 0.05:
                    client.send_bytes(
                        bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
                    )
                    counts["garbage_frames"] += 1
                elif rng.random() < 0.5:
                    answer = client.request(rng.choice(METHODS), random_json(rng))
                    assert "result" in answer or "error" in answer
                    counts["requests_answered"] += 1
                else:
                    client.notify(rng.choice(METHODS), random_json(rng))
                counts["messages"] += 1
            client.open(URI, SEED, version=10**6)
            if not serving(client):
                counts["server_deaths"] += 1
        except Exception as exc:
            counts["server_deaths"] += 1
            print(f"SERVER FAILURE {type(exc).__name__}: {exc}")
        finally:
            client.close()
        counts["sequences"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programs", type=int, default=3000)
    parser.add_argument("--sequences", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    start = time.time()
    print("core:", core(args.programs, args.seed), flush=True)
    print("server:", server(args.sequences, args.seed), flush=True)
    print(f"time: {time.time() - start:.0f} s")


if __name__ == "__main__":
    main()
