"""Text analysis for the Whoosh index: the current Snowball stemmers instead of Whoosh's old ones.

Whoosh ships a Snowball port from before 2010 whose Swedish stemmer leaves "biblioteket" and "huset"
alone. PyStemmer wraps the current Snowball algorithms in C, and Whoosh's own `PyStemmerFilter` plugs
it in. One adjustment: Snowball's Swedish stemmer is not idempotent ("kurser" -> "kurs" -> "kur"), so a
search for "kurs" (stem "kur") would miss "kurser" (stem "kurs"). Stemming until the word stops
changing puts every inflection on the same stem.
"""

from __future__ import annotations

from collections.abc import Callable

from whoosh.analysis import Analyzer, LowercaseFilter, PyStemmerFilter, RegexTokenizer

# Interface and translation language codes (ISO 639-1) and their Snowball algorithm.
SNOWBALL = {
    "sv": "swedish", "en": "english", "ar": "arabic", "fa": "persian", "de": "german", "fr": "french",
    "es": "spanish", "ru": "russian", "fi": "finnish", "da": "danish", "no": "norwegian", "nb": "norwegian",
    "tr": "turkish", "el": "greek", "hy": "armenian", "pl": "polish", "sr": "serbian", "it": "italian",
    "pt": "portuguese", "nl": "dutch", "ro": "romanian", "hu": "hungarian", "lt": "lithuanian",
    "et": "estonian", "cs": "czech", "ca": "catalan", "hi": "hindi", "ne": "nepali", "ta": "tamil",
    "id": "indonesian", "ga": "irish", "yi": "yiddish",
}


class StableStemFilter(PyStemmerFilter):
    """PyStemmer's Snowball stemmer, applied until the stem no longer changes (at most three times)."""

    def _get_stemmer_fn(self) -> Callable[[str], str]:
        stem_word = super()._get_stemmer_fn()

        def stem(word: str) -> str:
            for _ in range(3):
                stemmed = stem_word(word)
                if stemmed == word:
                    break
                word = stemmed
            return word

        return stem


def stemming_analyzer(language: str) -> Analyzer:
    """Words, lower case, stemmed with the current Snowball algorithm of `language` (when there is one)."""
    analyzer = RegexTokenizer() | LowercaseFilter()
    algorithm = SNOWBALL.get(language)
    return analyzer | StableStemFilter(algorithm) if algorithm else analyzer


def plain_analyzer() -> Analyzer:
    """Words in lower case, unstemmed: the vocabulary the spelling corrector suggests from."""
    return RegexTokenizer() | LowercaseFilter()


def stable_stemmer(language: str = "sv") -> Callable[[str], str]:
    """One word to its stable Snowball stem (the same stem the Whoosh index uses), for other indexes."""
    return StableStemFilter(SNOWBALL[language])._get_stemmer_fn()


_SWEDISH_STEM = stable_stemmer("sv")


def stem_sv(text: str | None) -> str | None:
    """Every word of `text` in lower case and stemmed with Swedish Snowball, separated by spaces: "Svenska
    kurser" -> "svensk kur". What the database's full-text index holds beside the text, and the SQL function
    `stem_sv()` that Datasette gets from the project's plugin."""
    if text is None:
        return None
    return " ".join(_SWEDISH_STEM(token.text) for token in plain_analyzer()(text))
