"""Public name lists from PyPI packages, fetched with pip into a cache folder (never committed).

- `names` 0.3.0: the US Census 1990 lists (dist.male.first, dist.female.first, dist.all.last) with
  frequencies.
- `faker`: per-locale given and family name lists (no frequencies), many scripts.
- `mimesis` 22.2.0 (MIT): a second, independent set of per-locale given and family name lists (no
  frequencies; mimesis/datasets/<locale>/person.json), with locales faker lacks (Greek, Icelandic,
  Kazakh, Azerbaijani, Arabic by country) and other names for the ones both have.
Used by scripts/build-name-lexicon (the committed resource) and scripts/generate-mapping-eval.
"""
import glob, importlib, os, subprocess, sys, tarfile, zipfile

CACHE = os.environ.get("SAMLLINT_NAME_CACHE", os.path.expanduser("~/.cache/samllint-names"))

def _download(spec):
    os.makedirs(CACHE, exist_ok=True)
    name = spec.split("==")[0]
    found = glob.glob(os.path.join(CACHE, name + "-*"))
    if not [f for f in found if f.endswith((".whl", ".tar.gz"))]:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", CACHE, spec], check=True)
    archives = [f for f in glob.glob(os.path.join(CACHE, name + "-*")) if f.endswith((".whl", ".tar.gz"))]
    return sorted(archives)[-1]

def census():
    """{'male': [(NAME, pct)], 'female': [...], 'last': [...]} from the `names` package."""
    archive = _download("names==0.3.0")
    result = {}
    with tarfile.open(archive) as tar:
        for kind, member in (("male", "dist.male.first"), ("female", "dist.female.first"), ("last", "dist.all.last")):
            f = tar.extractfile("names-0.3.0/names/" + member)
            rows = []
            for line in f.read().decode("ascii").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    rows.append((parts[0], float(parts[1])))
            result[kind] = rows
    return result

def faker_locales(locales):
    """{locale: (given names, family names)} from the `faker` package's person providers."""
    archive = _download("faker")
    root = os.path.join(CACHE, "faker-unpacked")
    if not os.path.isdir(os.path.join(root, "faker")):
        with zipfile.ZipFile(archive) as z:
            z.extractall(root)
    if root not in sys.path:
        sys.path.insert(0, root)
    out = {}
    for loc in locales:
        try:
            provider = importlib.import_module("faker.providers.person." + loc).Provider
        except Exception:
            continue
        def collect(*attrs):
            seen = []
            for a in attrs:
                v = getattr(provider, a, None)
                if not v or not isinstance(v, (dict, list, tuple)):
                    continue  # es_CL defines its lists as properties
                for item in (v.keys() if hasattr(v, "keys") else v):
                    if isinstance(item, str) and item.strip() and item not in seen:
                        seen.append(item.strip())
            return seen
        given = collect("first_names", "first_names_female", "first_names_male")
        family = collect("last_names", "last_names_female", "last_names_male")
        if given and family:
            out[loc] = (given, family)
    return out

def mimesis_locales(exclude_languages=()):
    """{locale: (given names, family names)} from the `mimesis` package's person.json files, each list in
    the file's (alphabetical) order, duplicates dropped. A locale whose language (`uk` of `uk`, `ar` of
    `ar-eg`) is in exclude_languages is left out."""
    import json
    archive = _download("mimesis==22.2.0")
    out = {}
    with zipfile.ZipFile(archive) as z:
        for member in sorted(z.namelist()):
            parts = member.split("/")
            if len(parts) != 4 or parts[:2] != ["mimesis", "datasets"] or parts[3] != "person.json":
                continue
            loc = parts[2]
            if loc.split("-")[0] in exclude_languages:
                continue
            data = json.loads(z.read(member).decode("utf-8"))
            def flat(x):
                if isinstance(x, dict):
                    for v in x.values():
                        yield from flat(v)
                elif isinstance(x, list):
                    for v in x:
                        yield from flat(v)
                elif isinstance(x, str) and x.strip():
                    yield x.strip()
            given = list(dict.fromkeys(flat(data.get("names"))))
            family = list(dict.fromkeys(flat(data.get("surnames"))))
            if given or family:
                out[loc] = (given, family)
    return out

def transliterator():
    """unidecode.unidecode from PyPI `Unidecode` (a different transliterator from the ICU one samllint uses)."""
    archive = _download("Unidecode")
    root = os.path.join(CACHE, "unidecode-unpacked")
    if not os.path.isdir(os.path.join(root, "unidecode")):
        with zipfile.ZipFile(archive) as z:
            z.extractall(root)
    if root not in sys.path:
        sys.path.insert(0, root)
    import unidecode
    return unidecode.unidecode

# Every person locale of faker 40.x (es_CL's lists are properties, not lists: skipped by faker_locales).
ALL_LOCALES = """ar_AA ar_DZ ar_PS ar_SA az_AZ bg_BG bn_BD cs_CZ da_DK de_AT de_CH de_DE de_LI de_LU el_GR en en_GB
en_IE en_IN en_KE en_NG en_NZ en_PK en_TH en_US es_AR es_CA es_CO es_ES es_MX et_EE fa_IR fi_FI fr_BE fr_CA fr_CH
fr_DZ fr_FR fr_QC ga_IE gu_IN ha_NG he_IL hi_IN hr_HR hu_HU hy_AM id_ID ig_NG is_IS it_IT ja_JP ka_GE ko_KR lt_LT
lv_LV mk_MK mr_IN ne_NP nl_BE nl_NL no_NO or_IN pl_PL pt_BR pt_PT ro_RO ru_RU si_LK sk_SK sl_SI sv_SE sw ta_IN
th_TH tr_TR tw_GH uk_UA uz_UZ vi_VN yo_NG zh_CN zh_TW zu_ZA""".split()
# Locales kept out of the lexicon, so the evaluation report seed measures names the lexicon never saw.
HELD_OUT = set("fi_FI hu_HU id_ID ka_GE ko_KR lt_LT sw th_TH tr_TR uk_UA vi_VN yo_NG".split())
# ...and every locale of a held-out country (en_NG and ha_NG hold Nigerian names as yo_NG does, en_TH
# romanized Thai ones, en_KE Swahili ones).
HELD_OUT_COUNTRIES = set(l.split("_")[1] for l in HELD_OUT if "_" in l) | {"KE", "TZ"}
LEXICON_LOCALES = [l for l in ALL_LOCALES if l not in HELD_OUT and l.split("_")[-1] not in HELD_OUT_COUNTRIES]
# The held-out locales' languages, to leave out of every other source too (mimesis `uk`, `tr`, `fi`...).
HELD_OUT_LANGUAGES = set(l.split("_")[0] for l in HELD_OUT)
