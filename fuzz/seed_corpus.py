#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/, from what the repository already holds:
the string literals of the unit and API tests (CSV files and JSON documents written inline), the examples
in docs/, the reference frameworks in data/frameworks/, the minimal inputs of earlier findings in
fuzz/regressions/<target>/, and for the router the routes of the server's OpenAPI document.

    seed_corpus.py REPO OUT [OPENAPI_JSON]

With OPENAPI_JSON it also writes OUT/routes.txt, one "METHOD /pattern" per line (router_fuzz reads it).
Nothing is written into the repository."""
import hashlib
import json
import pathlib
import re
import sys

TARGETS = ("csv", "framework_json", "placement_json", "router", "wire")
ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v", "?": "?"}


def cpp_strings(source):
    """The string literals of a C++ source, adjacent ones joined as the compiler joins them."""
    out, i, n = [], 0, len(source)
    current, last_end = None, -1
    while i < n:
        c = source[i]
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
            continue
        if source.startswith("/*", i):
            i = source.find("*/", i + 2)
            i = n if i < 0 else i + 2
            continue
        if c == "'":
            j = i + 1
            while j < n and source[j] != "'":
                j += 2 if source[j] == "\\" else 1
            i = j + 1
            continue
        raw = re.match(r'(?:u8|u|U|L)?R"([^(\s]*)\(', source[i:i + 24])
        if raw and (i == 0 or not (source[i - 1].isalnum() or source[i - 1] == "_")):
            end = source.find(")" + raw.group(1) + '"', i + raw.end())
            if end < 0:
                break
            text, stop = source[i + raw.end():end], end + len(raw.group(1)) + 2
        elif c == '"':
            j, text = i + 1, []
            while j < n and source[j] != '"':
                if source[j] == "\\" and j + 1 < n:
                    e = source[j + 1]
                    if e == "x":
                        m = re.match(r"[0-9a-fA-F]+", source[j + 2:])
                        text.append(chr(int(m.group(0), 16) & 0xFF) if m else "x")
                        j += 2 + (len(m.group(0)) if m else 0)
                        continue
                    if e in "01234567" and e != "0" or source[j + 1:j + 3].isdigit():
                        m = re.match(r"[0-7]{1,3}", source[j + 1:])
                        text.append(chr(int(m.group(0), 8) & 0xFF))
                        j += 1 + len(m.group(0))
                        continue
                    text.append(ESCAPES.get(e, e))
                    j += 2
                    continue
                text.append(source[j])
                j += 1
            text, stop = "".join(text), j + 1
        else:
            if not c.isspace() and current is not None:
                out.append(current)
                current = None
            i += 1
            continue
        current = text if current is None else current + text
        last_end = i = stop
    if current is not None:
        out.append(current)
    return out


def to_bytes(text):
    # \xNN escapes stand for single bytes; everything else is UTF-8 as in the source.
    try:
        return text.encode("latin-1") if any(0x80 <= ord(ch) <= 0xFF for ch in text) and all(ord(ch) <= 0xFF for ch in text) else text.encode()
    except UnicodeEncodeError:
        return text.encode()


def looks_like_csv(text):
    first = text.split("\n", 1)[0]
    return "\n" in text and ("," in first or ";" in first) and not text.lstrip().startswith("{")


def looks_like_json(text):
    stripped = text.strip()
    return len(stripped) > 1 and stripped[0] in "{[" and stripped[-1] in "}]"


def fenced_blocks(markdown):
    return re.findall(r"```(\w*)\n(.*?)```", markdown, re.S)


def main():
    repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    openapi = pathlib.Path(sys.argv[3]) if len(sys.argv) > 3 else None
    seeds = {target: set() for target in TARGETS}

    for source in sorted((repo / "tests").rglob("*.cpp")):
        for text in cpp_strings(source.read_text(errors="replace")):
            if looks_like_csv(text):
                seeds["csv"].add(to_bytes(text))
            elif looks_like_json(text):
                for target in ("framework_json", "placement_json", "wire"):
                    seeds[target].add(to_bytes(text))
    for doc in sorted((repo / "docs").glob("*.md")):
        for language, block in fenced_blocks(doc.read_text()):
            if language == "json" or looks_like_json(block):
                for target in ("framework_json", "placement_json", "wire"):
                    seeds[target].add(block.encode())
            elif looks_like_csv(block):
                seeds["csv"].add(block.encode())
    for framework in sorted((repo / "data" / "frameworks").glob("*.json")):
        seeds["framework_json"].add(framework.read_bytes())

    routes = []
    if openapi:
        for pattern, operations in json.loads(openapi.read_text())["paths"].items():
            for method in operations:
                if method in ("get", "post", "put", "patch", "delete"):
                    routes.append(f"{method.upper()} {pattern}")
                    for value in ("1", "abc", "%2F"):
                        path = re.sub(r"\{[^}]+\}", value, pattern)
                        seeds["router"].add(f"{method.upper()} {path}?q=x&page=2".encode())
        (out / "routes.txt").parent.mkdir(parents=True, exist_ok=True)
        (out / "routes.txt").write_text("\n".join(routes) + "\n")

    for target in TARGETS:
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        regressions = repo / "fuzz" / "regressions" / target
        if regressions.is_dir():
            seeds[target].update(path.read_bytes() for path in regressions.iterdir() if path.is_file())
        for data in seeds[target]:
            (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
        print(f"{target}: {len(seeds[target])} seeds")


if __name__ == "__main__":
    main()
