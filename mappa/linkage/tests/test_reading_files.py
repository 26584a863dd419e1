"""Reading the MASH check's files: bad files are refused naming file, row and column."""

import pytest

from mappa.linkage import files

HEADER = "case_id,forenames,surname,date_of_birth,address_line_1,postcode"


def read(text: str, reader=files.read_case_list):
    return reader(text.encode(), "caselist.csv")


def problems(text: str, reader=files.read_case_list) -> list[str]:
    with pytest.raises(files.BadFile) as error:
        read(text, reader)
    return [str(problem) for problem in error.value.problems]


def test_it_reads_the_columns_and_ignores_extra_ones():
    table = read(f"{HEADER},notes\nC1,John,Smith,1980-01-02,1 High St,MK1 1AA,hello\n")
    assert table.columns["case_id"] == ["C1"] and "notes" not in table.columns


def test_empty_cells_are_missing_values():
    table = read(f"{HEADER}\nC1,,Smith,,1 High St,\n")
    assert table.columns["forenames"] == [None] and table.columns["date_of_birth"] == [None]


def test_a_missing_required_column_names_file_row_and_column():
    assert problems("case_id,forenames,surname,date_of_birth,postcode\nC1,a,b,,x\n") == [
        "caselist.csv, row 1, column address_line_1: required column missing"
    ]


def test_an_empty_id_is_refused():
    assert problems(f"{HEADER}\n,John,Smith,1980-01-02,1 High St,MK1 1AA\n") == [
        "caselist.csv, row 2, column case_id: empty id"
    ]


def test_a_duplicate_id_is_refused_at_its_second_row():
    text = f"{HEADER}\nC1,John,Smith,,a,b\nC2,Ann,Lee,,a,b\nC1,Joe,Bloggs,,a,b\n"
    assert problems(text) == ["caselist.csv, row 4, column case_id: duplicate id 'C1'"]


@pytest.mark.parametrize("value", ["02/01/1980", "1980-13-01", "1980-02-30", "19800102"])
def test_an_unreadable_date_is_refused(value):
    text = f"{HEADER}\nC1,John,Smith,{value},1 High St,MK1 1AA\n"
    assert problems(text) == [
        f"caselist.csv, row 2, column date_of_birth: '{value}' is not a date (YYYY-MM-DD)"
    ]


def test_the_meeting_date_of_a_case_list_must_be_a_date_too():
    text = f"{HEADER},meeting_date\nC1,John,Smith,,1 High St,MK1 1AA,next tuesday\n"
    assert "column meeting_date" in problems(text)[0]


def test_the_extract_needs_its_record_id():
    text = "forenames,surname,date_of_birth,address_line_1,postcode\n"
    assert problems(text, files.read_extract)[0].endswith(
        "column record_id: required column missing"
    )


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(files.BadFile) as error:
        files.read_case_list(HEADER.encode() + b"\nC1,J\xe9r\xf4me,x,,a,b\n", "caselist.csv")
    assert "not UTF-8" in str(error.value)
