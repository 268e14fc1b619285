"""Search folding: diacritics and case dropped, length kept, in step with the gazetteer's fold."""
from hypothesis import given
from hypothesis import strategies as st

from comity.storage.textfold import fold_key, fold_text, like_pattern, words


@given(st.text())
def test_textfold_keeps_length(text):
    assert len(fold_text(text)) == len(text)


def test_textfold_vietnamese():
    assert fold_text("Phan Văn Giang, HÀ NỘI, Đà Nẵng") == "phan van giang, ha noi, da nang"
    assert fold_key("Phạm Minh Chính") == "phamminhchinh"


def test_textfold_agrees_with_gazetteer_fold():
    from comity.nlp.gazetteer import fold

    for name in ("Phan Văn Giang", "Khamliang Outhakaysone", "Việt Nam", "Đà Nẵng", "Tea Seiha", "Bà Rịa–Vũng Tàu"):
        assert fold_text(name) == fold(name)


def test_textfold_words_and_like():
    assert words('Hà Nội "OR" -x* )') == ["ha", "noi", "or", "x"]
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
