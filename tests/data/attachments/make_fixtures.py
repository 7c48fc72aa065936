#!/usr/bin/env python3
"""Writes the attachment fixtures of tests/crawler/attachment_text_test.cpp and
tests/integration/attachments_test.cpp into this folder.

Every file is made here from nothing (no fetched material): Office files with Python's
zipfile, PDFs written object by object with a correct xref table, the encrypted PDFs with
the standard security handler (RC4, revision 2) done by hand, the encrypted DOCX with the
`zip` tool's traditional PKWARE encryption. The resident ID 11010519491231002X is made up
and carries a valid GB 11643 check character. Run again to rebuild: python3 make_fixtures.py
"""
import hashlib
import io
import os
import struct
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
RESIDENT_ID = "11010519491231002X"

# ---- Office files ----------------------------------------------------------------------

CONTENT_TYPES_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

RELS_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(*runs):
    return "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>" + "".join(
        '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % r for r in runs) + "</w:p>"


def document_xml(paragraphs):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (W, "".join(paragraphs)))


def add(z, name, text, level=6):
    # A fixed date: the same script makes the same bytes.
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, text, compresslevel=level)


def docx_bytes(document, level=6):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        add(z, "[Content_Types].xml", CONTENT_TYPES_DOCX)
        add(z, "_rels/.rels", RELS_DOCX)
        add(z, "word/document.xml", document, level)
    return out.getvalue()


RESIDENT_DOCX = document_xml([
    paragraph("关于2026年度公益性岗位拟录用人员的公示"),
    # One name split over two runs, as Word does after an edit: read as one word.
    paragraph("姓名：张", "三", "，身份证号：", RESIDENT_ID),
    '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>制表后</w:t></w:r></w:p>',
    # Deleted text (tracked changes) is not what the document says.
    '<w:p><w:del><w:r><w:delText>删除的文字</w:delText></w:r></w:del><w:r><w:t>公示期五个工作日。</w:t></w:r></w:p>',
])

CONTENT_TYPES_XLSX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""

S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook %s '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/>'
            '</sheets></workbook>' % S)
SHARED = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst %s count="5" uniqueCount="5">'
          '<si><t>序号</t></si><si><t>姓名</t></si><si><t>身份证号</t></si>'
          '<si><r><t>李</t></r><r><rPr><b/></rPr><t>四</t></r></si>'  # rich text: one string
          '<si><t>%s</t></si></sst>' % (S, RESIDENT_ID))
SHEET1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>'
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
          '<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>3</v></c><c r="C2" t="s"><v>4</v></c></row>'
          '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>王五</t></is></c>'
          '<c r="C3" t="inlineStr"><is><t>身份证已脱敏</t></is></c><c r="D3"><f>A3+1</f><v>3</v></c></row>'
          '</sheetData></worksheet>' % S)
SHEET2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet %s><sheetData>'
          '<row r="1"><c r="A1" t="str"><v>公式文本</v></c><c r="B1" t="b"><v>1</v></c></row>'
          '</sheetData></worksheet>' % S)


def xlsx_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        add(z, "[Content_Types].xml", CONTENT_TYPES_XLSX)
        add(z, "xl/workbook.xml", WORKBOOK)
        add(z, "xl/sharedStrings.xml", SHARED)
        # Stored out of order: sheets are read in the order of their numbers.
        add(z, "xl/worksheets/sheet2.xml", SHEET2)
        add(z, "xl/worksheets/sheet1.xml", SHEET1)
    return out.getvalue()


def patch_declared_size(data, name, size):
    """Rewrites the uncompressed size of `name` in its local header and the central
    directory: a zip that lies about how much it inflates to."""
    data = bytearray(data)
    encoded = name.encode()
    # (signature, offset of the name length, of the name, of the uncompressed size)
    for signature, length_at, name_at, size_at in ((b"PK\x03\x04", 26, 30, 22),
                                                   (b"PK\x01\x02", 28, 46, 24)):
        at = data.find(signature)
        while at >= 0:
            n = struct.unpack_from("<H", data, at + length_at)[0]
            if bytes(data[at + name_at:at + name_at + n]) == encoded:
                struct.pack_into("<I", data, at + size_at, size)
            at = data.find(signature, at + 4)
    return bytes(data)


def bomb_document(megabytes):
    # Well-formed as far as it goes: whitespace between elements is no text, so only the
    # inflate bound can stop it.
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<w:document %s><w:body><w:p><w:r><w:t>前言</w:t></w:r></w:p>'
            % W) + " " * (megabytes << 20) + "</w:body></w:document>"


def bomb_docx(megabytes, declared):
    data = docx_bytes(bomb_document(megabytes), level=9)
    return data if declared is None else patch_declared_size(data, "word/document.xml", declared)


def encrypted_docx(document):
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in (("[Content_Types].xml", CONTENT_TYPES_DOCX), ("_rels/.rels", RELS_DOCX),
                           ("word/document.xml", document)):
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        target = os.path.join(tmp, "out.docx")
        subprocess.run(["zip", "-q", "-X", "-P", "secret", target, "[Content_Types].xml",
                        "_rels/.rels", "word/document.xml"], cwd=tmp, check=True)
        with open(target, "rb") as f:
            return f.read()

# ---- PDF -------------------------------------------------------------------------------

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


class Security:
    """Standard security handler, revision 2 (40-bit RC4), PDF 1.7 section 7.6.3."""

    def __init__(self, user, owner, file_id, permissions=-44):
        padded_user = (user.encode() + PAD)[:32]
        padded_owner = (owner.encode() + PAD)[:32]
        self.o = rc4(hashlib.md5(padded_owner).digest()[:5], padded_user)
        self.p = permissions
        self.key = hashlib.md5(padded_user + self.o + struct.pack("<i", permissions) + file_id).digest()[:5]
        self.u = rc4(self.key, PAD)

    def encrypt(self, number, data):
        key = hashlib.md5(self.key + struct.pack("<I", number)[:3] + b"\x00\x00").digest()[:10]
        return rc4(key, data)


def pdf_bytes(lines, security=None):
    """A one-page PDF: `lines` of (font, text); font "F1" is Helvetica (ASCII), "F2" an
    Identity-H CID font whose ToUnicode map makes its two-byte codes the characters'
    UTF-16 values (nothing embedded: text extraction needs only the map)."""
    file_id = hashlib.md5("".join(t for _, t in lines).encode()).digest()
    content = b"BT\n"
    y = 720
    chars = set()
    for font, text in lines:
        if font == "F1":
            shown = b"(" + text.encode("latin-1") + b")"
        else:
            chars.update(text)
            shown = b"<" + text.encode("utf-16-be").hex().upper().encode() + b">"
        content += b"/%s 14 Tf 1 0 0 1 72 %d Tm %s Tj\n" % (font.encode(), y, shown)
        y -= 24
    content += b"ET\n"
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
    ordered = sorted(chars)
    cmap += "%d beginbfchar\n" % len(ordered)
    for c in ordered:
        code = c.encode("utf-16-be").hex().upper()
        cmap += "<%s> <%s>\n" % (code, code)
    cmap += "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ("stream", content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 9 0 R /DW 1000 /CIDToGIDMap /Identity >>",
        ("stream", cmap.encode()),
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] "
        b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>",
    ]
    if security:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (
            security.o.hex().encode(), security.u.hex().encode(), security.p))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number
        if isinstance(body, tuple):
            data = body[1]
            if security:
                data = security.encrypt(number, data)
            out += b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        else:
            out += body
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]" % (
        len(objects) + 1, file_id.hex().encode(), file_id.hex().encode())
    if security:
        out += b" /Encrypt %d 0 R" % len(objects)
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


PDF_LINES = [("F2", "公示名单 张三"), ("F1", "Resident ID: " + RESIDENT_ID), ("F1", "End of list.")]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    write("resident-id.docx", docx_bytes(RESIDENT_DOCX))
    write("resident-id.xlsx", xlsx_bytes())
    # A well-known 错别字 (再接再厉 written 再接再励): the content checks read attachments too.
    write("typo.docx", docx_bytes(document_xml([
        paragraph("关于表彰2026年度先进集体和先进个人的通报"),
        paragraph("希望受表彰的集体和个人珍惜荣誉，再接再励，推动交通运输高质量发展。"),
    ])))
    write("resident-id.pdf", pdf_bytes(PDF_LINES))
    file_id = hashlib.md5("".join(t for _, t in PDF_LINES).encode()).digest()
    # A user password: nobody can read it without one.
    write("encrypted.pdf", pdf_bytes(PDF_LINES, Security("secret", "owner", file_id)))
    # Only an owner password (printing or copying restricted): anyone can open and read it.
    write("restricted.pdf", pdf_bytes(PDF_LINES, Security("", "owner", file_id)))
    whole = pdf_bytes(PDF_LINES)
    write("truncated.pdf", whole[:len(whole) // 2])
    docx = docx_bytes(RESIDENT_DOCX)
    write("corrupt.docx", docx[:len(docx) * 2 // 3])  # the central directory is cut off
    write("encrypted.docx", encrypted_docx(RESIDENT_DOCX))
    # 40 MiB of markup in word/document.xml (over the 32 MiB bound of one entry): declared
    # truthfully, and declared as 1,000 bytes.
    write("bomb-declared.docx", bomb_docx(40, None))
    write("bomb-lying.docx", bomb_docx(40, 1000))
    # Entity tricks (billion laughs) start with a DOCTYPE, which no Office part has.
    write("doctype.docx", docx_bytes(
        '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        '<w:document %s><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>' % W))
    # A zip that is neither: a DOCX's parts under other names.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        add(z, "content.xml", RESIDENT_DOCX)
    write("other.zip", out.getvalue())


if __name__ == "__main__":
    main()
