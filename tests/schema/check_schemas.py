#!/usr/bin/env python3
"""The JSON Schemas `valgrund schema` writes, checked against the validator's own test corpus.

For every case in Tests/Fixtures/bad-data/cases the script builds the case's content (the valid
base with the case's files laid over it) and checks its site.yaml, key-figures.yaml and unit files
with a real JSON Schema validator (jsonschema, draft-07, with the format checker), the way an
editor reads YAML 1.2 (dates stay text). `valgrund check` must report an error for every case
with one in expected.txt, and the schemas must say the same where a schema can, at the same
line and column as every error `check` reports in those files:

- SCHEMA_REJECTS: the fault is in the files alone (unknown key, wrong type, a word not in the
  set, a number out of its fixed range, a date that is no date, a missing key): the schemas
  written without a site reject the case.
- SITE_REJECTS: the fault depends on the rest of the content (step and key-figure ids, the
  rating scale, self_assessment_max, a key figure's groups and measure): the schemas without a
  site accept the case, the schemas written with `--source` (the base site) reject it.
- CONTENT_ONLY: beyond any schema (two things with one id, a reference inside the program
  logic, a key written twice, `2026:` and `02026:` among them, warnings): both schemas accept
  the case.
- NOT_SCHEMA_INPUT: nothing a schema sees (the file name, page front matter) or no YAML at all
  (not UTF-8, a syntax error): the YAML files that load are accepted.

Every case must be in exactly one list, so a new case has to be classified. The base files, the
sample site's and the second municipality's files, and a file `valgrund new unit` writes must pass.

Usage: check_schemas.py --binary .build/debug/valgrund
"""

import argparse
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Tests/Fixtures/bad-data"
AS_OF = "2026-11-25"

SCHEMA_REJECTS = {
    "achieved-misspelt", "activity-plan-status", "activity-plan-without-title", "catalogue-group-listed-twice",
    "catalogue-measure", "catalogue-missing-better", "catalogue-not-a-list", "date-that-is-no-date",
    "date-written-swedish-style", "decimal-comma", "empty-unit-file", "faults-in-two-files",
    "follow-on-key-figure-broken", "follow-on-program-logic-box-without-text", "follow-on-unit-missing-name",
    "group-size-not-whole", "list-where-mapping-expected", "missing-name", "misspelt-key",
    "program-logic-wrong-column-key", "site-yaml-wrong-type", "step-status-missing", "step-status-misspelt",
    "unknown-group", "wrong-type", "year-that-is-no-year", "kolada-kpi-not-an-id", "kolada-site-ids", "kolada-unit-id",
}
SITE_REJECTS = {
    "activity-plan-unknown-key-figure", "agreed-outside-scale", "catalogue-unknown-perspective", "count-not-whole",
    "group-the-key-figure-lacks", "percent-above-100", "rating-outside-scale", "self-assessment-above-max",
    "unknown-key-figure", "unknown-question", "unknown-step",
}
CONTENT_ONLY = {
    "catalogue-duplicate-id", "catalogue-year-twice", "program-logic-duplicate-id", "program-logic-unknown-resource",
    "program-logic-unknown-result", "same-key-twice", "year-twice-after-comment", "year-twice-leading-zero", "year-twice-quoted",
    "warning-perspective-uncovered", "warning-planned-step-in-past-year", "warning-year-without-data",
    "kolada-compare-itself", "kolada-compare-twice", "kolada-kpi-without-kmt-groups", "kolada-without-municipality",
}
NOT_SCHEMA_INPUT = {
    "file-name-not-an-id", "unit-named-like-windows-device", "follow-on-question-without-assessment",
    "follow-on-step-page-broken", "follow-on-step-page-yaml-error", "follow-on-unit-yaml-error", "not-utf8",
    "yaml-syntax-error", "figure-too-few-items", "worksheet-without-columns",
}


class EditorLoader(yaml.SafeLoader):
    """YAML as the editor's YAML 1.2 reads it: dates are text, only true/false are booleans."""


EditorLoader.yaml_implicit_resolvers = {
    first: [
        (tag, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$") if tag == "tag:yaml.org,2002:bool" else pattern)
        for tag, pattern in resolvers
        if tag != "tag:yaml.org,2002:timestamp"
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(text):
    """The document as JSON data, as the editor's YAML 1.2 reads it, keys as written (`2026:` is the
    key "2026"), with the position of every value and every key: {path: (line, column)} and
    {(path, key): (line, column)}, counted from 1 like the validator's."""
    loader = EditorLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    values, keys = {(): (1, 1)}, {}

    def at(node):
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(node, path):
        values[path] = at(node)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                keys[(path, key)] = at(key_node)
                result[key] = convert(value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [convert(item, path + (index,)) for index, item in enumerate(node.value)]
        return EditorLoader("").construct_object(node, deep=True)

    return (convert(root, ()) if root is not None else None), values, keys


class Schemas:
    def __init__(self, folder):
        self.validators = {}
        for name in ("site", "key-figures", "unit"):
            schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
            jsonschema.Draft7Validator.check_schema(schema)
            self.validators[name] = jsonschema.Draft7Validator(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)

    def problems(self, content):
        """(file, line, column, message) for every error the schemas find in `content`, at the
        place the validator reports such an error: an unknown key or a key of the wrong form at
        the key, a missing key at the mapping, an item listed twice at its second time, anything
        else at the value. Files that are no YAML are skipped."""
        found = []
        files = [("site", content / "site.yaml"), ("key-figures", content / "key-figures.yaml")]
        files += [("unit", path) for path in sorted((content / "units").glob("*.yaml"))]
        for name, path in files:
            if not path.exists():
                continue
            try:
                data, values, keys = read_yaml(path.read_bytes().decode("utf-8"))
            except (UnicodeDecodeError, yaml.YAMLError):
                continue
            file = path.relative_to(content.parent).as_posix()
            for error in self.validators[name].iter_errors(data):
                where = tuple(error.absolute_path)
                if error.validator == "additionalProperties":
                    extra = set(error.instance) - set(error.schema.get("properties", {}))
                    places = [keys[(where, key)] for key in sorted(extra)]
                elif error.validator == "uniqueItems":
                    repeated = [index for index, item in enumerate(error.instance) if item in error.instance[:index]]
                    places = [values[where + (index,)] for index in repeated]
                elif "propertyNames" in error.relative_schema_path:
                    places = [keys[(where, error.instance)]]
                else:
                    places = [values[where]]
                found += [(file, line, column, error.message) for line, column in places]
        return found


def loads(content):
    """Whether every YAML file of the content is UTF-8 YAML."""
    for path in [content / "site.yaml", content / "key-figures.yaml", *(content / "units").glob("*.yaml")]:
        if path.exists():
            try:
                read_yaml(path.read_bytes().decode("utf-8"))
            except (UnicodeDecodeError, yaml.YAMLError):
                return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    binary = str(pathlib.Path(parser.parse_args().binary).resolve())
    passed, failures = 0, []

    def check(condition, what):
        nonlocal passed
        if condition:
            passed += 1
        else:
            failures.append(what)
            print(f"FAIL {what}", file=sys.stderr)

    cases = sorted(path.name for path in (CORPUS / "cases").iterdir() if path.is_dir())
    lists = [SCHEMA_REJECTS, SITE_REJECTS, CONTENT_ONLY, NOT_SCHEMA_INPUT]
    for case in cases:
        check(sum(case in names for names in lists) == 1, f"{case}: classified in exactly one list")
    for name in set().union(*lists) - set(cases):
        check(False, f"{name}: listed but no such case")

    with tempfile.TemporaryDirectory() as temp:
        work = pathlib.Path(temp)
        base = work / "base"
        shutil.copytree(CORPUS / "base", base)
        for folder, source in (("static", None), ("site", base)):
            command = [binary, "schema", "--output", str(work / folder)]
            if source:
                command += ["--source", str(source), "--as-of", AS_OF]
            run = subprocess.run(command, capture_output=True, text=True)
            check(run.returncode == 0, f"`{' '.join(command[1:])}` exits 0 ({run.stderr.strip()})")
        static, site = Schemas(work / "static"), Schemas(work / "site")

        for name, schemas in (("without a site", static), ("with the base site", site)):
            check(schemas.problems(base / "content") == [], f"the base files pass the schemas {name}: {schemas.problems(base / 'content')}")
        for index, source in enumerate((ROOT, ROOT / "Tests/Fixtures/other-municipality")):
            own = work / f"own-{index}"
            run = subprocess.run([binary, "schema", "--output", str(own), "--source", str(source), "--as-of", AS_OF], capture_output=True, text=True)
            check(run.returncode == 0, f"schema --source {source.relative_to(ROOT)} exits 0 ({run.stderr.strip()})")
            for name, schemas in (("without a site", static), ("made from it", Schemas(own))):
                problems = schemas.problems(source / "content")
                check(problems == [], f"{source.relative_to(ROOT) or '.'}/content passes the schemas {name}: {problems}")

        # `new unit` points its file to SOURCE/schemas, and the file it writes passes.
        run = subprocess.run([binary, "schema", "--output", str(base / "schemas")], capture_output=True, text=True)
        check(run.returncode == 0, "schema --output SOURCE/schemas")
        run = subprocess.run([binary, "new", "unit", "ny-enhet", "--source", str(base), "--as-of", AS_OF], capture_output=True, text=True)
        check(run.returncode == 0, f"new unit exits 0 ({run.stderr.strip()})")
        written = base / "content/units/ny-enhet.yaml"
        first = written.read_text(encoding="utf-8").splitlines()[0]
        reference = first.removeprefix("# yaml-language-server: $schema=")
        check(first != reference and (written.parent / reference).resolve() == (base / "schemas/unit.schema.json").resolve(),
              f"new unit's first line points to SOURCE/schemas/unit.schema.json: {first}")
        for name, schemas in (("without a site", static), ("with the base site", site)):
            problems = schemas.problems(base / "content")
            check(problems == [], f"the file `new unit` writes passes the schemas {name}: {problems}")
        written.unlink()

        for case in cases:
            content_root = work / "cases" / case
            shutil.copytree(base, content_root)
            shutil.copytree(CORPUS / "cases" / case / "content", content_root / "content", dirs_exist_ok=True)
            content = content_root / "content"
            expected = (CORPUS / "cases" / case / "expected.txt").read_text(encoding="utf-8")
            run = subprocess.run([binary, "check", "--source", str(content_root), "--as-of", AS_OF], capture_output=True, text=True)
            has_error = ": error: " in expected
            check(run.returncode == (1 if has_error else 0), f"{case}: `valgrund check` exits {1 if has_error else 0}, not {run.returncode}")
            without, with_site = static.problems(content), site.problems(content)
            # The validator's errors in the files the schemas cover, as (file, line, column).
            errors = set()
            for line in expected.splitlines():
                match = re.match(r"^(content/(?:site|key-figures|units/[^/:]+)\.yaml):(\d+):(\d+): error: ", line)
                if match:
                    errors.add((match[1], int(match[2]), int(match[3])))

            def places(problems):
                return {(file, line, column) for file, line, column, _ in problems}

            if case in SCHEMA_REJECTS:
                check(errors and errors <= places(without), f"{case}: the schemas without a site reject it where `check` does: {errors} {without}")
                check(errors and errors <= places(with_site), f"{case}: the schemas with the site reject it where `check` does: {errors} {with_site}")
            elif case in SITE_REJECTS:
                check(without == [], f"{case}: the schemas without a site accept it (the fault depends on the content): {without}")
                check(errors and errors <= places(with_site), f"{case}: the schemas with the site reject it where `check` does: {errors} {with_site}")
            elif case in CONTENT_ONLY:
                check(without == [] and with_site == [], f"{case}: no schema can see it, and both accept it: {without} {with_site}")
            elif case in NOT_SCHEMA_INPUT:
                check(without == [] and with_site == [], f"{case}: the YAML files that load pass: {without} {with_site}")
                if case in {"not-utf8", "yaml-syntax-error", "follow-on-unit-yaml-error"}:
                    check(not loads(content), f"{case}: a file is no YAML")
            print(f"{case}: {'rejected' if without else 'accepted'} without a site, {'rejected' if with_site else 'accepted'} with it")

    print(f"{passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
