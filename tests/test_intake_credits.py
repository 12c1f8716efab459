"""The agency an article credits, read from its dateline, byline or sign-off (the publisher the
intake proposes)."""

import pytest

from meetings.intake.credits import credited


@pytest.mark.parametrize(
    ("text", "city", "publisher", "where"),
    [
        ("KUALA LUMPUR, Oct 28 (Wire) - The ministers met.", "Kuala Lumpur", "Wire", "dateline"),
        ("New Delhi [India], October 5 (ANI): The ministers met.", None, "ANI", "dateline"),
        ("BEIJING, Oct. 5 (Xinhua) -- The ministers met.", None, "Xinhua", "dateline"),
        ("PARIS, May 2 (Agence France-Presse) - The ministers met.", None, "AFP", "dateline"),
        ("Talks in Paris\nBy Jane Doe | Reuters\n\nThe ministers met.", None, "Reuters", "byline"),
        ("Talks in Paris\nBy Jane Doe, AFP\n\nThe ministers met.", None, "AFP", "byline"),
        (
            "The ministers met.\n\n(Reporting by John Smith; Editing by Ann Lee)",
            None,
            "Reuters",
            "sign-off",
        ),
        ("The ministers met on Saturday. -- WAM", None, "WAM", "sign-off"),
    ],
)
def test_the_agency_is_read_where_wire_copy_names_it(text, city, publisher, where):
    credit = credited(text, city)

    assert (credit.publisher, credit.where) == (publisher, where)
    assert credit.words in text


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Monday.",
        "By Staff Reporter\nNAIROBI - The two presidents met on Monday.",
        "The minister met his counterpart - official sources said.",
        # a name in brackets in the opening line that is no agency, without a dateline read
        "Talks (Round 2), Geneva, the ministers met again - nothing agreed.",
        "",
    ],
)
def test_no_agency_is_invented(text):
    assert credited(text, None) is None
