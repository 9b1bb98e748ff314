#!/usr/bin/python3
"""Writes the word-processor inputs of tests/extractors/legacy_test.cc into
tests/data/legacy/, standard library only:

  checklist.rtf   RTF 1.x: a heading, a paragraph, and a checklist answer line
                  "☒ Yes ☐ No" written as \\u9746? / \\u9744? escapes.
  checklist.odt   OpenDocument text (ODF 1.2 §3): the same content, with the
                  "mimetype" entry stored first as the format requires.
  encrypted.doc   a Word 97-2003 compound file ([MS-CFB]: header, one FAT
                  sector, one directory sector, a 4096-byte WordDocument
                  stream) whose FIB has fEncrypted set ([MS-DOC] §2.5.2), as
                  Word writes a password-protected .doc.
  unencrypted_fib.doc  the same container with fEncrypted clear.
  encrypted.odt   an OpenDocument package whose manifest lists
                  <manifest:encryption-data> for content.xml (ODF 1.2 Part 3
                  §4.8), as LibreOffice writes a password-protected .odt.

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


def cfb_doc(encrypted):
    import struct
    free, end, fatsect, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108  # DIFAT: the FAT is sector 0
    assert len(header) == 512
    fat = [fatsect, end] + [3, 4, 5, 6, 7, 8, 9, end]
    fat += [free] * (128 - len(fat))
    fat_sector = struct.pack("<128I", *fat)

    def entry(name, kind, child, start, size):
        raw = name.encode("utf-16-le") + b"\0\0" if name else b""
        e = raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
        e += struct.pack("<III", nostream, nostream, child) + bytes(16) + bytes(4) + bytes(16)
        e += struct.pack("<II", start, size) + bytes(4)
        assert len(e) == 128, len(e)
        return e
    directory = entry("Root Entry", 5, 1, end, 0) + entry("WordDocument", 2, nostream, 2, 4096)
    directory += entry("", 0, nostream, 0, 0) * 2
    fib = struct.pack("<HHHHH", 0xA5EC, 0xC1, 0x6000, 0x0409, 0)  # wIdent, nFib, unused, lid, pnNext
    fib += struct.pack("<H", 0x0100 if encrypted else 0)           # flags: fEncrypted
    word = fib.ljust(4096, b"\0")
    return header + fat_sector + directory + word


def encrypted_odt():
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="812">
  <manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA">
   <manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>
   <manifest:start-key-generation manifest:start-key-generation-name="http://www.w3.org/2000/09/xmldsig#sha256" manifest:key-size="32"/>
   <manifest:key-derivation manifest:key-derivation-name="PBKDF2" manifest:key-size="32" manifest:iteration-count="100000" manifest:salt="AAAA"/>
  </manifest:encryption-data>
 </manifest:file-entry>
</manifest:manifest>
"""
    path = os.path.join(OUT, "encrypted.odt")
    with zipfile.ZipFile(path, "w") as z:
        def put(name, data, method):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
        put("mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED)
        put("content.xml", bytes((i * 37 + 11) % 256 for i in range(816)), zipfile.ZIP_STORED)
        put("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def main():
    os.makedirs(OUT, exist_ok=True)
    rtf()
    odt()
    with open(os.path.join(OUT, "encrypted.doc"), "wb") as f:
        f.write(cfb_doc(True))
    with open(os.path.join(OUT, "unencrypted_fib.doc"), "wb") as f:
        f.write(cfb_doc(False))
    encrypted_odt()


if __name__ == "__main__":
    main()
