#!/usr/bin/python3
"""Writes the word-processor inputs of tests/extractors/legacy_test.cc into
tests/data/legacy/, standard library only:

  checklist.rtf   RTF 1.x: a heading, a paragraph, and a checklist answer line
                  "☒ Yes ☐ No" written as \\u9746? / \\u9744? escapes.
  checklist.odt   OpenDocument text (ODF 1.2 §3): the same content, with the
                  "mimetype" entry stored first as the format requires.

Run from anywhere:  /usr/bin/python3 tests/data/make_legacy.py
The outputs are committed; rerunning rewrites identical files.
"""
import os
import zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "legacy")

HEADING = "Victim Assistance Checklist 2024"
PARA = "The national focal point is the Ministry of Health."
QUESTION = "1.1 Is there a national focal point?"


def rtf():
    body = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}{\f1\fnil Segoe UI Symbol;}}" "\n"
            r"{\pard\b\fs32 " + HEADING + r"\par}" "\n"
            r"{\pard\fs22 " + PARA + r"\par}" "\n"
            r"{\pard\fs22 " + QUESTION + r"\par}" "\n"
            r"{\pard\fs22 {\f1\u9746?} Yes {\f1\u9744?} No\par}" "\n"
            "}\n")
    with open(os.path.join(OUT, "checklist.rtf"), "w", encoding="ascii", newline="\n") as f:
        f.write(body)


def odt():
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
<office:body><office:text>
<text:h text:outline-level="1">{HEADING}</text:h>
<text:p>{PARA}</text:p>
<text:p>{QUESTION}</text:p>
<text:p>\u2612 Yes \u2610 No</text:p>
</office:text></office:body></office:document-content>
"""
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
    path = os.path.join(OUT, "checklist.odt")
    with zipfile.ZipFile(path, "w") as z:
        def put(name, data, method):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
        put("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        put("content.xml", content, zipfile.ZIP_DEFLATED)
        put("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def main():
    os.makedirs(OUT, exist_ok=True)
    rtf()
    odt()


if __name__ == "__main__":
    main()
