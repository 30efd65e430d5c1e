"""Printed-page PDFs written by hand for the tests: text lines placed on pages, with a
font whose ToUnicode map sends byte 0x1F to the "ﬁ" ligature, as printed PDFs do."""

from __future__ import annotations

import io

Placed = tuple[float, float, float, str]  # x, y, font size, text ("\x1f" = ﬁ ligature)

_TO_UNICODE = """/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Lig def 1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <1F> <FB01> endbfchar
1 beginbfrange <20> <7E> <0020> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(objects: list[str], info: int | None = None) -> bytes:
    """PDF bytes of numbered objects (object 1 the catalogue; object `info` the document
    information), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    info_ref = f" /Info {info} 0 R" if info else ""
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n"
              f"{xref}\n%%EOF\n".encode())
    return out.getvalue()


def printed_pdf(pages: list[list[Placed]], owner_password: str | None = None,
                algorithm: str = "RC4-128", user_password: str = "") -> bytes:
    """A PDF with one page per list of placed lines (US Letter, Helvetica); with an owner
    password, encrypted by pypdf with `algorithm` ("RC4-128", "AES-128", "AES-256"; AES
    needs the `cryptography` package, a test dependency), no permissions granted, and
    `user_password` needed to open it when one is given."""
    n = len(pages)
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{5 + 2 * i} 0 R" for i in range(n))
               + f"] /Count {n} >>",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 4 0 R >>",
               f"<< /Length {len(_TO_UNICODE)} >>\nstream\n{_TO_UNICODE}\nendstream"]
    for i, lines in enumerate(pages):
        content = " ".join(f"BT /F1 {size} Tf {x} {y} Td ({_escape(text)}) Tj ET"
                           for x, y, size, text in lines)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {6 + 2 * i} 0 R >>")
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
    data = write_pdf(objects)
    if owner_password is None:
        return data
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm=algorithm,
                   permissions_flag=0)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def paragraph(x: float, y: float, lines: list[str], size: float = 11,
              leading: float = 14) -> list[Placed]:
    return [(x, y - i * leading, size, line) for i, line in enumerate(lines)]


def scanned_pdf(pages: int = 1) -> bytes:
    """An image-only PDF, as a scanner writes it: each page one grey image, no text, and
    the scanning tool's name as the title."""
    side = 16
    pixels = bytes((x * 16 + y) % 256 for y in range(side) for x in range(side))
    image = (f"<< /Type /XObject /Subtype /Image /Width {side} /Height {side} "
             f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Length {len(pixels)} >>\n"
             "stream\n" + pixels.decode("latin-1") + "\nendstream")
    draw = "q 500 0 0 700 56 46 cm /Im1 Do Q"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               "<< /Type /Pages /Kids [" + " ".join(f"{6 + i} 0 R" for i in range(pages))
               + f"] /Count {pages} >>",
               image,
               f"<< /Length {len(draw)} >>\nstream\n{draw}\nendstream",
               "<< /Title (ScanSnap Manager #S1300) /Producer (Scanner) >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                "/Resources << /XObject << /Im1 3 0 R >> >> /Contents 4 0 R >>"] * pages
    return write_pdf(objects, info=5)
