"""The print rules taken out of our stylesheets (kartenfaecher/outputs/bundles.py), on the minified CSS."""

from __future__ import annotations

import rcssmin

from kartenfaecher.outputs.bundles import split_print


def test_print_blocks_come_out_unwrapped_and_the_rest_stays_in_order():
    css = rcssmin.cssmin("""
        a { color: red }
        @media print { @page { size: 99mm 210mm } .x { display: none } }
        b { color: blue }
        @media print { .y { content: "}" } }
    """)
    screen, printed = split_print(css)
    assert screen == "a{color:red}b{color:blue}"
    assert printed == '@page{size:99mm 210mm}.x{display:none}.y{content:"}"}'


def test_other_media_rules_and_braces_in_strings_stay_on_screen():
    css = rcssmin.cssmin("""
        .a::before { content: "@media print {" }
        @media print and (min-width: 10cm) { .b { color: red } }
        @media screen { @media print { .c { color: red } } }
    """)
    screen, printed = split_print(css)
    assert printed == ""
    assert screen == css
