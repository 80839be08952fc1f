"""The static DTS 1.0 API (xslt/dts.xsl): every JSON file against the DTS community's JSON Schemas,
refs exactly the units of the header's refsDecl, every identifier absolute, Navigation's down/ref
rules, the Document endpoint's TEI, retired identifiers."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, FormatChecker, RefResolver
from lxml import etree

from edition.corpus import load_edition
from edition.project import NS, Project, TEI_NS, XML_ID
from edition.xslt import Stylesheets

#: The DTS community's JSON Schemas (distributed-text-services/validator, schemas/). They are not ours to
#: copy into this repository: they are read from $DTS_SCHEMAS or from shared/dts-schemas/ beside the
#: project, and the two tests that need them are skipped, saying so, when neither holds them.
SCHEMAS = Path(os.environ.get("DTS_SCHEMAS") or Path(__file__).resolve().parents[2] / "shared" / "dts-schemas")
needs_schemas = pytest.mark.skipif(not any(SCHEMAS.glob("*.schema.json")),
                                   reason=f"the DTS 1.0 JSON Schemas are not in {SCHEMAS} (set DTS_SCHEMAS)")
DTS_NS = "https://w3id.org/api/dts#"
#: The canonical base URL the tests give the edition when its header does not name one yet.
BASE = "https://weil-edition.example.org/"


def edition_with_url(repo_root: Path, url: str | None = BASE) -> etree._ElementTree:
    """The assembled edition; its header gets ``idno type="URL"`` if it has none (``url=None``: removed)."""
    document = load_edition(Project(repo_root)).document
    publication = document.find(f"{{{TEI_NS}}}teiHeader/{{{TEI_NS}}}fileDesc/{{{TEI_NS}}}publicationStmt")
    for idno in publication.findall(f"{{{TEI_NS}}}idno[@type='URL']"):
        if url is None:
            publication.remove(idno)
    if url and publication.find(f"{{{TEI_NS}}}idno[@type='URL']") is None:
        etree.SubElement(publication, f"{{{TEI_NS}}}idno", type="URL").text = url
    return document


def run_dts(repo_root: Path, document: etree._ElementTree, out: Path, **parameters) -> Path:
    """Run xslt/dts.xsl on ``document`` into ``out``; return the API folder."""
    sheet = repo_root / "xslt" / "dts.xsl"
    with Stylesheets() as sheets:
        sheets.compile(sheet)
        sheets.run(sheet, sheets.document(etree.tostring(document, encoding="UTF-8")), out,
                   {"retired": "", "base-url": "", **parameters})
    return out / "html" / "api" / "dts"


@pytest.fixture(scope="module")
def api(repo_root: Path, tmp_path_factory) -> Path:
    return run_dts(repo_root, edition_with_url(repo_root), tmp_path_factory.mktemp("dts"))


@pytest.fixture(scope="module")
def base(repo_root: Path) -> str:
    """The base URL the API was built with: the header's, or the tests' placeholder."""
    urls = edition_with_url(repo_root).xpath("//t:publicationStmt/t:idno[@type='URL']/text()", namespaces=NS)
    url = urls[0].strip()
    return url if url.endswith("/") else url + "/"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def validator(name: str) -> Draft7Validator:
    store = {}
    for path in SCHEMAS.glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[path.resolve().as_uri()] = schema
    schema = store[(SCHEMAS / f"{name}.schema.json").resolve().as_uri()]
    resolver = RefResolver(base_uri=(SCHEMAS / f"{name}.schema.json").resolve().as_uri(), referrer=schema, store=store)
    return Draft7Validator(schema, resolver=resolver, format_checker=FormatChecker())


def schema_for(relative: str) -> str:
    if relative == "index.jsonld":
        return "entry_response"
    return relative.split("/", 1)[0].split(";", 1)[0].removesuffix(".jsonld") + "_response"


def expected_units(repo_root: Path) -> tuple[list[str], list[str]]:
    """The units refsDecl declares, read with lxml: (divisions and paragraphs in document order, paragraphs)."""
    document = edition_with_url(repo_root)
    divisions = document.xpath("/t:TEI/t:text/t:body/t:div | /t:TEI/t:text/t:back/t:div[@type='comments']/t:div", namespaces=NS)
    tree, paragraphs = [], []
    for division in divisions:
        tree.append(division.get(XML_ID))
        for p in division.xpath("t:p", namespaces=NS):
            tree.append(p.get(XML_ID))
            paragraphs.append(p.get(XML_ID))
    return tree, paragraphs


def members(api: Path, name: str) -> list[str]:
    return [m["identifier"] for m in load(api / "navigation" / name)["member"]]


# ---------------------------------------------------------------- schemas, identifiers


@needs_schemas
def test_every_json_file_is_valid_against_the_dts_schemas(api: Path):
    files = sorted(api.rglob("*.jsonld"))
    counts: dict[str, int] = {}
    for path in files:
        relative = str(path.relative_to(api))
        name = schema_for(relative)
        errors = [f"{relative}: {e.message}" for e in validator(name).iter_errors(load(path))]
        assert not errors, errors[:5]
        counts[name] = counts.get(name, 0) + 1
    assert counts["entry_response"] == 1
    assert counts["collection_response"] == 9  # the root (without and with its identifier) and the text, 3 each
    assert counts["navigation_response"] > 100


@needs_schemas
def test_the_schemas_catch_a_broken_response(api: Path):
    """The validation is real: a Navigation without its resource fails."""
    response = load(api / "navigation" / "weil-conditions;down=1.jsonld")
    del response["resource"]
    assert list(validator("navigation_response").iter_errors(response))


def _identifiers(value, key="", kind=None):
    """(key, value, @type of the object holding it) of every identifier, URL and template."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _identifiers(v, k, value.get("@type"))
    elif isinstance(value, list):
        for v in value:
            yield from _identifiers(v, key, kind)
    elif key in {"@id", "collection", "navigation", "document", "download"}:
        yield key, value, kind


def test_collections_and_resources_have_plain_identifiers_and_every_url_is_absolute(api: Path, base: str):
    """A Collection's or Resource's @id is a plain string a path-style template carries (DTS 1.0, "URI Templates
    examples for static website"); every other @id (a response's, a unit's permalink) and template is a URL."""
    plain = set()
    for path in api.rglob("*.jsonld"):
        for key, value, kind in _identifiers(load(path)):
            if key == "@id" and kind in {"Collection", "Resource"}:
                assert re.fullmatch(r"[A-Za-z0-9._~-]+", value), (path.name, value)
                plain.add((kind, value))
            else:
                assert value.startswith(base), (path.name, key, value)
    assert plain == {("Collection", "edition"), ("Resource", "weil-conditions")}


def test_a_navigation_id_is_the_url_it_is_served_at(api: Path, base: str):
    for path in list((api / "navigation").rglob("*.jsonld"))[:50]:
        assert load(path)["@id"] == base + "api/dts/" + str(path.relative_to(api))


def test_the_entry_point_templates_lead_to_the_files(api: Path, base: str):
    entry = load(api / "index.jsonld")
    assert entry["@id"] == base + "api/dts"
    assert expand(entry["collection"], {}) == base + "api/dts/collection.jsonld"
    assert expand(entry["collection"], {"id": "weil-conditions", "nav": "parents"}) == \
        base + "api/dts/collection/weil-conditions;nav=parents.jsonld"
    root = load(api / "collection.jsonld")
    assert load(api / "collection" / f"{root['@id']}.jsonld") == root
    url = expand(entry["navigation"], {"resource": "weil-conditions", "down": "0", "ref": "p-every-class-stratum"})
    assert (api / url.removeprefix(base + "api/dts/")).is_file()
    url = expand(entry["document"], {"resource": "weil-conditions", "ref": "urban-proletariat"})
    assert (api / url.removeprefix(base + "api/dts/")).is_file()


def expand(template: str, values: dict[str, str]) -> str:
    """RFC 6570 path-segment ({/x}) and path-parameter ({;x}) expansion, all this API uses."""
    def one(match: re.Match) -> str:
        operator, names = match.group(1), match.group(2).split(",")
        parts = [(n, values[n]) for n in names if n in values]
        if operator == "/":
            return "".join("/" + v for _, v in parts)
        return "".join(f";{n}={v}" for n, v in parts)
    return re.sub(r"\{([/;])([^}]*)\}", one, template)


# ---------------------------------------------------------------- collection


def test_the_edition_is_a_collection_holding_the_essay_as_a_resource(api: Path):
    root = load(api / "collection.jsonld")
    assert (root["@type"], root["totalParents"], root["totalChildren"]) == ("Collection", 0, 1)
    (resource,) = root["member"]
    assert resource["@type"] == "Resource"
    assert resource == {k: v for k, v in load(api / "collection" / "weil-conditions.jsonld").items()
                        if k not in {"@context", "dtsVersion", "member"}}
    parents = load(api / "collection" / "weil-conditions;nav=parents.jsonld")["member"]
    assert [p["@id"] for p in parents] == [root["@id"]]


def test_the_resource_carries_dublin_core_from_the_header(api: Path, repo_root: Path):
    resource = load(api / "collection" / "weil-conditions.jsonld")
    header = edition_with_url(repo_root)
    title = header.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=NS)
    author = header.xpath("normalize-space(//t:titleStmt/t:author)", namespaces=NS)
    assert resource["dublinCore"]["title"] == [{"lang": "en", "value": title}]
    assert resource["dublinCore"]["creator"] == [{"lang": "en", "value": author}]
    assert resource["extensions"]["schema:version"] == header.xpath("string(//t:editionStmt/t:edition/@n)", namespaces=NS)
    assert [t.get("identifier") for t in resource["citationTrees"]] == [None]


# ---------------------------------------------------------------- navigation


def test_the_refs_are_exactly_the_units_of_refsdecl(api: Path, repo_root: Path):
    tree, paragraphs = expected_units(repo_root)
    assert members(api, "weil-conditions;down=-1.jsonld") == tree
    assert {p.stem for p in (api / "navigation" / "weil-conditions").glob("*.jsonld")} == set(tree)
    assert [m["identifier"] for m in load(api / "navigation" / "weil-conditions;down=-1.jsonld")["member"]
            if m["citeType"] == "paragraph"] == paragraphs


def test_levels_and_parents_follow_the_tree(api: Path, repo_root: Path):
    units = {m["identifier"]: m for m in load(api / "navigation" / "weil-conditions;down=-1.jsonld")["member"]}
    assert units["urban-proletariat"]["level"] == 1 and units["urban-proletariat"]["parent"] is None
    assert units["p-scale-disaster-difficult"] == {
        "identifier": "p-scale-disaster-difficult", "@id": load(api / "index.jsonld")["@id"].removesuffix("api/dts") + "index.html#p-scale-disaster-difficult",
        "@type": "CitableUnit", "level": 2, "parent": "urban-proletariat", "citeType": "paragraph"}
    assert units["urban-proletariat"]["dublinCore"]["title"] == [{"lang": "en", "value": "The Urban Proletariat"}]


def test_down_one_from_the_root_lists_the_divisions(api: Path, repo_root: Path):
    tree, paragraphs = expected_units(repo_root)
    assert members(api, "weil-conditions;down=1.jsonld") == [u for u in tree if u not in paragraphs]
    assert members(api, "weil-conditions;down=2.jsonld") == tree


def test_a_ref_without_down_has_no_members(api: Path):
    response = load(api / "navigation" / "weil-conditions" / "urban-proletariat.jsonld")
    assert response["ref"]["identifier"] == "urban-proletariat"
    assert "member" not in response


def test_down_zero_gives_the_siblings_and_down_one_the_children(api: Path, repo_root: Path):
    document = edition_with_url(repo_root)
    section = [p.get(XML_ID) for p in document.xpath("//t:div[@xml:id='urban-proletariat']/t:p", namespaces=NS)]
    assert members(api, "weil-conditions;down=0/p-scale-disaster-difficult.jsonld") == section
    assert members(api, "weil-conditions;down=1/urban-proletariat.jsonld") == section
    assert members(api, "weil-conditions;down=-1/urban-proletariat.jsonld") == section


def test_a_leaf_with_down_answers_with_itself(api: Path):
    assert members(api, "weil-conditions;down=1/p-scale-disaster-difficult.jsonld") == ["p-scale-disaster-difficult"]


# ---------------------------------------------------------------- document


def test_every_unit_is_a_tei_document_with_the_unit_in_dts_wrapper(api: Path, repo_root: Path):
    tree, _ = expected_units(repo_root)
    for ref in tree:
        root = etree.parse(str(api / "document" / "weil-conditions" / f"{ref}.xml")).getroot()
        assert root.tag == f"{{{TEI_NS}}}TEI"
        (wrapped,) = root.iter(f"{{{DTS_NS}}}wrapper")
        assert [c.get(XML_ID) for c in wrapped] == [ref]


def test_the_whole_document_is_the_assembled_edition(api: Path):
    root = etree.parse(str(api / "document" / "weil-conditions.xml")).getroot()
    assert root.find(f"{{{TEI_NS}}}standOff") is not None and root.find(f"{{{TEI_NS}}}text") is not None


# ---------------------------------------------------------------- base URL, retired identifiers


def test_the_base_url_parameter_overrides_the_header(repo_root: Path, tmp_path: Path):
    api = run_dts(repo_root, edition_with_url(repo_root), tmp_path, **{"base-url": "http://127.0.0.1:8000/preview/"})
    assert load(api / "index.jsonld")["@id"] == "http://127.0.0.1:8000/preview/api/dts"


def test_without_a_base_url_no_api_is_written(repo_root: Path, tmp_path: Path):
    api = run_dts(repo_root, edition_with_url(repo_root, url=None), tmp_path)
    assert not api.exists()


def test_a_retired_identifier_answers_with_its_successor(repo_root: Path, tmp_path: Path):
    api = run_dts(repo_root, edition_with_url(repo_root), tmp_path,
                  retired="p-old-scale-paragraph p-older-name\np-older-name p-scale-disaster-difficult")
    response = load(api / "navigation" / "weil-conditions" / "p-old-scale-paragraph.jsonld")
    assert response["@id"].endswith("navigation/weil-conditions/p-old-scale-paragraph.jsonld")
    assert response["ref"]["identifier"] == "p-scale-disaster-difficult"
    chunk = etree.parse(str(api / "document" / "weil-conditions" / "p-older-name.xml")).getroot()
    assert [c.get(XML_ID) for c in chunk.iter(f"{{{DTS_NS}}}wrapper").__next__()] == ["p-scale-disaster-difficult"]
    # retired identifiers are answered, never listed as units
    assert "p-old-scale-paragraph" not in members(api, "weil-conditions;down=-1.jsonld")


def test_the_api_grows_with_the_text_not_with_its_square(repo_root: Path, api: Path, tmp_path: Path):
    """Every response of a Level 0 API is a file, so what a response lists is written once per unit asking:
    twice the text (the body twice, identifiers suffixed) must write about twice the bytes, not four times
    (a flat tree of every paragraph would: down=0 lists each paragraph's n siblings, n times)."""
    from edition.benchmark import scaled_project

    doubled = scaled_project(Project(repo_root), 2, tmp_path / "doubled")
    document = edition_with_url(doubled.root)
    twice = run_dts(repo_root, document, tmp_path / "out")

    def size(folder: Path) -> int:
        return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())

    assert size(twice / "navigation") <= 2.1 * size(api / "navigation")
    assert size(twice / "document") <= 2.1 * size(api / "document")


def test_two_runs_write_the_same_bytes(repo_root: Path, api: Path, tmp_path: Path):
    again = run_dts(repo_root, edition_with_url(repo_root), tmp_path)
    first = {str(p.relative_to(api)): p.read_bytes() for p in sorted(api.rglob("*")) if p.is_file()}
    second = {str(p.relative_to(again)): p.read_bytes() for p in sorted(again.rglob("*")) if p.is_file()}
    assert first == second


@pytest.mark.slow
def test_the_build_publishes_the_api_at_the_given_base_url(project_copy: Project, tmp_path: Path):
    """The whole build: dts.xsl runs with the other entry points, --base-url decides the identifiers."""
    from edition.build import build

    report = build(project_copy, tmp_path / "build", parameters={"base-url": "http://127.0.0.1:8000/", "ids": False}, search=False)
    entry = load(report.out_dir / "html" / "api" / "dts" / "index.jsonld")
    assert entry["@id"] == "http://127.0.0.1:8000/api/dts"
    assert "html/api/dts/document/weil-conditions.xml" in report.files


def test_a_text_identifier_a_path_cannot_carry_fails_the_build_with_a_message(repo_root: Path, tmp_path: Path):
    from edition.errors import EditionError

    document = edition_with_url(repo_root)
    document.find(f".//{{{TEI_NS}}}publicationStmt/{{{TEI_NS}}}idno[@type='edition']").text = "weil conditions"
    with pytest.raises(EditionError, match="must be letters, digits"):
        run_dts(repo_root, document, tmp_path)
