"""Writes the generated layer Data/world.tsv (see generate-world.sh) to standard output.

Arguments: the entity list, the CLDR names dumped by cldr-territories, the ICU version
and the iso-codes version (for the file's header).

The rules, for each entity and each language (id, en, ru, zh):
- the candidates, in this order: CLDR's name, CLDR's short form, CLDR's variant form,
  then ISO 3166-1's common name, name and official name (iso-codes, translated by its
  catalogue for id, ru and zh; an untranslated ISO name is used in en only);
- a candidate that is a user-interface form rather than a name is dropped: one with
  parentheses, a comma ("Korea, Republic of"), " - " ("Congo - Kinshasa"), or the
  markers SAR / DAK ("Hong Kong SAR China"); in English, CLDR's " & " is written " and "
  ("Bosnia and Herzegovina"); a leading "the " of an official name is dropped, and so
  is the stress mark of Russian dictionaries ("Осо́бый");
- the first candidate left is the preferred term, the others admitted variants, one
  row per spelling that folds differently (case, diacritics, spaces and hyphens do not
  count, as in the match key);
- a candidate made only of capitals (US, UK, AS, США, КНДР) is an abbreviation; the
  rest are full names;
- every row's note names its source.
"""
import gettext
import json
import re
import sys
import unicodedata

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
LANGUAGES = ["id", "en", "ru", "zh"]
CATALOGUE = {"id": "id", "ru": "ru", "zh": "zh_CN"}


def fold(term):
    """Close to the match key: no case, no diacritics, no spaces or hyphens."""
    decomposed = unicodedata.normalize("NFKD", term.casefold())
    decomposed = decomposed.replace("\u2019", "'")  # the key reads a curly apostrophe as a straight one
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in " -\u2010")


def is_name(term):
    return bool(term) and not re.search(r"[(),（）]| - |\bSAR\b|\bDAK\b", term)


def is_abbreviation(term):
    letters = [c for c in term if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in term


def main():
    entities_path, cldr_path, icu_version, iso_version = sys.argv[1:5]
    entities = []
    for line in open(entities_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        code, concept, kind = line.rstrip("\n").split("\t")
        entities.append((code, concept, kind))

    cldr = {}
    for line in open(cldr_path, encoding="utf-8"):
        language, code, kind, name = line.rstrip("\n").split("\t")
        cldr.setdefault((code, language), []).append((kind, name))

    iso = {entry["alpha_2"]: entry for entry in json.load(open(ISO, encoding="utf-8"))["3166-1"]}
    catalogues = {language: gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=[locale])
                  for language, locale in CATALOGUE.items()}

    cldr_source = f"CLDR (ICU {icu_version})"
    iso_source = f"ISO 3166-1 (iso-codes {iso_version})"
    out = sys.stdout
    out.write("# The generated layer of Glossary's shipped data: countries and territories in id, en,\n")
    out.write(f"# ru and zh, from the CLDR data of ICU {icu_version} and ISO 3166-1 of Debian's iso-codes\n")
    out.write(f"# {iso_version}. Written by Data/tools/generate-world.sh; do not edit by hand: the curated\n")
    out.write("# layer Data/terms.tsv refines it (Data/README.md, \"Layers\" and \"World\").\n\n")
    out.write("id\tlang\tterm\tform\tstatus\tnote\n")
    for code, concept, kind in entities:
        entry = iso.get(code, {})
        english_name = entry.get("common_name") or entry.get("name", "")
        out.write(f"\n# {english_name or code} ({code})\n")
        out.write(f"{concept}\tund\t{kind}\tkind\t\n")
        for language in LANGUAGES:
            candidates = []
            for cldr_kind, name in cldr.get((code, language), []):
                label = "name" if cldr_kind == "standard" else f"{cldr_kind} form"
                candidates.append((name, f"{cldr_source} {label}", cldr_kind == "standard"))
            for field in ["common_name", "name", "official_name"]:
                if field not in entry:
                    continue
                original = entry[field]
                if language == "en":
                    name = original
                else:
                    name = catalogues[language].gettext(original)
                    if name == original:
                        continue
                label = {"common_name": "common name", "name": "name", "official_name": "official name"}[field]
                if language != "en":
                    label += f", {language} translation"
                candidates.append((name, f"{iso_source} {label}", False))
            seen = set()
            preferred = {"full": False, "abbr": False}
            for name, source, _ in candidates:
                if language == "en":
                    name = name.replace(" & ", " and ")
                name = re.sub(r"^the ", "", name)
                if language == "ru":
                    name = name.replace("\u0301", "")  # the stress mark of dictionaries, not of text
                name = unicodedata.normalize("NFC", name)
                if not is_name(name) or fold(name) in seen:
                    continue
                seen.add(fold(name))
                form = "abbr" if is_abbreviation(name) else "full"
                status = "alt" if preferred[form] else "pref"
                preferred[form] = True
                out.write(f"{concept}\t{language}\t{name}\t{form}\t{status}\t{source}\n")


main()
