from actions.templatetags.action_plan import govuk_text, rag_tag


def test_rag_tag_always_has_the_word():
    assert rag_tag("amber") == '<strong class="app-rag app-rag--amber">Amber</strong>'
    assert "Not rated" in rag_tag("")


def test_plain_text_becomes_escaped_govuk_paragraphs_and_bullets():
    text = "First <b>line</b>\nsame paragraph\n\n- one & two\n- three"
    assert govuk_text(text) == (
        '<p class="govuk-body">First &lt;b&gt;line&lt;/b&gt;<br>same paragraph</p>'
        '<ul class="govuk-list govuk-list--bullet"><li>one &amp; two</li><li>three</li></ul>'
    )
    assert govuk_text("") == ""
