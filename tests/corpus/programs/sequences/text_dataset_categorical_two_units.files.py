from pathlib import Path

WORDS = ["good", "bad", "plot", "actor", "boring", "great", "film", "story", "slow", "fun"]
for index, label in enumerate(["neg", "neutral", "pos"]):
    folder = Path("reviews/train") / label
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(8):
        text = " ".join(WORDS[(n * 3 + index + k) % len(WORDS)] for k in range(12))
        (folder / f"{n}.txt").write_text(text)
