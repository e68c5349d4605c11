from reporting.text import Block, text_blocks


def test_paragraphs_split_on_blank_lines_and_keep_their_typed_numbers():
    assert text_blocks("1.1. First paragraph\nwraps here.\n\n  \n1.2. Second.") == [
        Block(number="1.1.", text="First paragraph wraps here."),
        Block(number="1.2.", text="Second."),
    ]


def test_numbers_without_a_trailing_dot_and_deeper_levels():
    assert [b.number for b in text_blocks("2.1 Text\n\n8.10.1. More")] == ["2.1", "8.10.1."]


def test_bullet_lines_become_a_list_under_their_paragraph():
    text = "6.1. Progress including:\n- a stable platform,\n- cloud migration\n  continued on the next line"
    assert text_blocks(text) == [
        Block(number="6.1.", text="Progress including:", bullets=["a stable platform,", "cloud migration continued on the next line"])
    ]


def test_a_list_on_its_own_and_unnumbered_prose():
    assert text_blocks("- one\r\n- two\r\n\r\nPlain words, 2023 to 2027.") == [
        Block(bullets=["one", "two"]),
        Block(text="Plain words, 2023 to 2027."),
    ]


def test_empty_text_has_no_blocks():
    assert text_blocks("") == [] and text_blocks(" \n\n ") == []
