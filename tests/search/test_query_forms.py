"""Every query form against a small index: matching, filters, sorting, facets, ranking."""

from datetime import date

import pytest

from gongkai.agencies.models import Agency
from gongkai.search.corpus import to_document

from .conftest import doc, search, titles

CITY = {"agency_id": 2, "agency_path": "/0000000001/0000000002/", "agency_name": "甲县民政局"}
OTHER = {"agency_id": 3, "agency_path": "/0000000003/", "agency_name": "乙县人民政府"}


@pytest.fixture
def county(indexed):
    return indexed(
        doc(
            "关于做好城乡居民最低生活保障工作的通知",
            doc_number="甲政办发〔2024〕26号",
            index_number="11530000MB0000001X/2024-00026",
            body="各乡镇人民政府：为做好最低生活保障工作，现将有关事项通知如下。",
            topic="社会保障",
            **CITY,
        ),
        doc(
            "甲县优化营商环境若干措施",
            doc_number="甲政发〔2023〕5号",
            body="持续优化营商环境，推进政务服务一网通办。",
            topic="营商环境",
            issued_on=date(2023, 6, 1),
        ),
        doc(
            "甲县政府信息公开指南",
            body="本指南说明依申请公开的办理程序。申请人可以通过信函、网络提出申请。",
            genre="指南",
        ),
        doc(
            "乙县行政复议工作规定",
            body="行政复议机关应当依法审理，不涉及诉讼事项。",
            issued_on=date(2022, 1, 5),
            **OTHER,
        ),
        doc(
            "乙县行政复议与诉讼衔接办法",
            body="规定行政复议与行政诉讼的衔接。",
            issued_on=date(2021, 1, 5),
            validity="repealed",
            **OTHER,
        ),
    )


def test_words_must_all_match(county):
    assert titles("营商环境 一网通办") == ["甲县优化营商环境若干措施"]
    # Nothing holds both: what holds either is listed as partial matches, and said so (see
    # test_relaxed_partial_matches.py).
    page = search("营商环境 依申请公开")
    assert page.relaxed and page.total == 2


def test_a_word_is_searched_as_typed_before_it_is_split(indexed):
    indexed(
        doc("管理部门职责规定", body="各管理部门应当履行职责。"),
        doc("部门预算管理办法", body="预算由部门编制，财政管理。"),
    )
    page = search("管理部门")
    assert [r.hit.title for r in page.results] == ["管理部门职责规定"]
    assert page.query.clauses[0].alternatives[0].parts == ("管理部门",)
    assert page.notices == []


def test_a_word_found_nowhere_as_typed_is_split_into_its_words(indexed):
    indexed(
        doc("政府信息公开条例", body="本条例所称政府信息。"),
        doc("某县工作规定", body="依照政府信息公开条例的规定办理。"),
    )
    page = search("政府信息公开条例规定")
    assert [r.hit.title for r in page.results] == ["某县工作规定"]
    assert len(page.query.clauses[0].alternatives[0].parts) > 1
    assert "以下结果分别包含检索词中的各个词" in page.notices[0]


def test_fragment_inside_a_word_matches(county):
    assert titles("商环") == ["甲县优化营商环境若干措施"]
    assert titles("网通") == ["甲县优化营商环境若干措施"]


def test_single_character(county):
    assert "甲县政府信息公开指南" in titles("函")


def test_exact_phrase(county):
    assert titles('"一网通办"') == ["甲县优化营商环境若干措施"]
    assert titles('"通办一网"') == []


def test_exclusion(county):
    assert titles("行政复议 -诉讼") == []
    assert titles("行政复议 -衔接") == ["乙县行政复议工作规定"]


def test_or(county):
    assert set(titles("营商环境 OR 指南")) == {"甲县优化营商环境若干措施", "甲县政府信息公开指南"}


def test_synonym_abbreviation(county):
    assert titles("低保") == ["关于做好城乡居民最低生活保障工作的通知"]


def test_traditional_and_full_width_queries(county):
    assert titles("政府資訊公開") == ["甲县政府信息公开指南"]
    assert titles("營商環境") == ["甲县优化营商环境若干措施"]
    assert titles("依申請公開") == ["甲县政府信息公开指南"]


@pytest.mark.parametrize(
    "typed",
    ["甲政办发〔2024〕26号", "甲政办发[2024]26号", "甲政办发2024年26号", "甲政办发（2024）26号"],
)
def test_doc_number_forms_hit_exactly(county, typed):
    assert titles(typed)[0] == "关于做好城乡居民最低生活保障工作的通知"


def test_bare_sequence_within_an_agency(county, db):
    from tests.conftest import make_agency

    county_gov = make_agency("甲县人民政府")
    department = make_agency("甲县民政局", parent=county_gov)
    # The documents were indexed with synthetic paths; re-index under the real agencies.
    from gongkai.search import services
    from gongkai.search.documents import SearchDocument

    engine = services.backend()
    first = county[0]
    moved = SearchDocument(
        **(
            first.to_dict()
            | {"agency_id": department.pk, "agency_path": department.path, "issued_on": None}
        )
    )
    engine.upsert([moved])
    engine.commit()
    assert titles("26号文", agency=department.pk) == ["关于做好城乡居民最低生活保障工作的通知"]
    assert titles("26号文", agency=county_gov.pk) == ["关于做好城乡居民最低生活保障工作的通知"]


def test_index_number_hits_exactly(county):
    assert titles("11530000MB0000001X/2024-00026") == ["关于做好城乡居民最低生活保障工作的通知"]


def test_agency_filter_includes_sub_agencies(county, db):
    from tests.conftest import make_agency

    root = make_agency("根机关")
    # Agency ids in the test database differ; filter by path through a stand-in agency row
    # (written directly: saving an agency recomputes its path from its own id).
    Agency.objects.filter(pk=root.pk).update(path="/0000000001/")
    found = set(titles("", agency=root.pk))
    assert "关于做好城乡居民最低生活保障工作的通知" in found
    assert "甲县优化营商环境若干措施" in found
    assert "乙县行政复议工作规定" not in found


def test_unknown_agency_matches_nothing(county, db):
    assert titles("营商环境", agency=999_999) == []


def test_topic_genre_year_validity_disclosure_and_date_filters(county):
    assert titles("", topic="营商环境") == ["甲县优化营商环境若干措施"]
    assert titles("", genre="指南") == ["甲县政府信息公开指南"]
    assert titles("行政复议", year=2022) == ["乙县行政复议工作规定"]
    assert titles("行政复议", validity="repealed") == ["乙县行政复议与诉讼衔接办法"]
    assert titles("", disclosure="on_application") == []
    between = titles("", date_from=date(2021, 1, 1), date_to=date(2022, 12, 31))
    assert set(between) == {"乙县行政复议工作规定", "乙县行政复议与诉讼衔接办法"}


def test_sort_by_date(county):
    dated = titles("县", sort="date")
    assert dated[-2:] == ["乙县行政复议工作规定", "乙县行政复议与诉讼衔接办法"]


def test_facets(county):
    page = search("县 OR 最低生活保障")
    genres = dict((label, n) for _, label, n in page.facets["genre"])
    assert genres == {"通知": 4, "指南": 1}
    agencies = {label: n for _, label, n in page.facets["agency"]}
    assert agencies == {"甲县人民政府": 2, "甲县民政局": 1, "乙县人民政府": 2}
    years = {value: n for value, _, n in page.facets["year"]}
    assert years["2024"] == 2


def test_repealed_ranks_below_current(indexed):
    indexed(
        doc("行政复议办法", validity="repealed", issued_on=date(2024, 1, 1)),
        doc("行政复议办法", validity="valid", issued_on=date(2020, 1, 1)),
    )
    results = search("行政复议办法").results
    assert [r.hit.validity for r in results] == ["valid", "repealed"]


def test_freshness_breaks_ties(indexed):
    indexed(
        doc("农村公路养护办法", issued_on=date(2015, 1, 1)),
        doc("农村公路养护办法", issued_on=date(2024, 1, 1)),
    )
    assert [r.hit.date.year for r in search("农村公路养护办法").results] == [2024, 2015]


def test_title_outranks_body_and_known_item_comes_first(indexed):
    indexed(
        doc("关于印发政府信息公开工作要点的通知", body="政府信息公开工作要点" * 20),
        doc("某县档案管理办法", body="政府信息公开工作要点" * 30),
        doc("政府信息公开工作要点", body="全年工作安排。"),
    )
    assert titles("政府信息公开工作要点")[0] == "政府信息公开工作要点"
    assert titles("信息公开")[-1] == "某县档案管理办法"


def test_highlighted_snippet_is_escaped(indexed):
    indexed(doc("<script>alert(1)</script>信息公开", body="前文<b>粗体</b>，依申请公开的程序。"))
    result = search("依申请公开").results[0]
    assert "<mark>依申请公开</mark>" in result.snippet_html
    assert "<b>" not in result.snippet_html
    assert "&lt;script&gt;" in result.title_html
    assert result.snippet_text.startswith("前文<b>粗体</b>")


def test_highlight_finds_traditional_text_for_a_simplified_query(indexed):
    indexed(doc("條例", body="本條例依政府資訊公開法制定。"))
    assert "<mark>條例</mark>" in search("条例").results[0].snippet_html


def test_did_you_mean(indexed):
    indexed(doc("关于优化营商环境的意见"))
    page = search("营商坏境")
    assert page.total == 0
    assert page.suggestion == "营商环境"
    assert search("完全无关的词语").suggestion == ""


def test_corpus_record_mapping():
    row = {
        "src": "mojlaw",
        "title": "某某辦法",
        "doc_no": "",
        "agency": "內政部",
        "date": "2001-02-03",
        "body": "第一條",
        "cat": "廢止法規＞內政部",
    }
    document = to_document(7, row, {"內政部": 4})
    assert document.key == "corpus:7"
    assert document.validity == "repealed"
    assert document.agency_path == "/0000000000/0000000004/"
    assert document.genre == "台湾地区法规"
