"""ferrofuzz in a minute: distances, rapidfuzz-style calls, and an Index."""

import ferrofuzz
from ferrofuzz.distance import Hamming, Indel, Levenshtein

print(f"ferrofuzz {ferrofuzz.__version__} ({ferrofuzz.BACKEND} backend)")

# Distances work per Unicode code point, like Python's own str.
print("Levenshtein('kitten', 'sitting') =", Levenshtein.distance("kitten", "sitting"))
print("weighted (ins=1, del=1, sub=2)   =", Levenshtein.distance("kitten", "sitting", weights=(1, 1, 2)))
print("normalized similarity           =", round(Levenshtein.normalized_similarity("kitten", "sitting"), 4))
print("Indel('Straße', 'Strasse')      =", Indel.distance("Straße", "Strasse"))
print("Hamming('karolin', 'kathrin')   =", Hamming.distance("karolin", "kathrin"))

# score_cutoff stops the computation early, exactly as in rapidfuzz.
print("distance with score_cutoff=1    =", Levenshtein.distance("kitten", "sitting", score_cutoff=1))

# An Index encodes its choices once and searches them in parallel.
names = ["Jonathan Smith", "Jon Smyth", "Joanna Smithers", "John Smith", "Jane Doe", "Johan Schmidt"]
with ferrofuzz.Index(names) as index:
    for choice, score, position in index.search("Jon Smith", limit=3):
        print(f"  {score:.3f}  #{position}  {choice}")
