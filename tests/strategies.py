"""Hypothesis strategies for text: small alphabets so that distances are
interesting, with ASCII, Latin-1, other BMP and astral characters, lone
surrogates, and a few long strings."""

from hypothesis import strategies as st

# Mixed-width alphabet: ASCII, Latin-1, Greek, CJK, astral (emoji, math).
ALPHABET = "ab c\u00e9\u00ff\u03b1\u4e2d\U0001F600\U0001D400"
SURROGATES = "\ud800\udfff"

small_text = st.text(alphabet=ALPHABET, max_size=12)
text_with_surrogates = st.text(alphabet=ALPHABET + SURROGATES, max_size=12)
any_text = st.text(max_size=20)  # every code point hypothesis likes, incl. surrogates
long_text = st.text(alphabet="abcd\u00e9\U0001F600", min_size=60, max_size=400)
weights = st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4))
