"""The DRAFT watermark of a Word document: large pale letters across every page, behind the text.

python-docx has no API for it. Word writes a watermark as a VML text shape anchored in the page
header (Design > Watermark does exactly this), and LibreOffice reads and writes the same shape, so
that is what is written here: one shape in each header of the section, centred on the page.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.section import Section

_SHAPE = """\
<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
  <w:pict>
    <v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
        path="m@7,l@8,m@5,21600l@6,21600e">
      <v:path textpathok="t" o:connecttype="custom"/>
      <v:textpath on="t" fitshape="t"/>
    </v:shapetype>
    <v:shape id="DraftWatermark{n}" o:spid="_x0000_s{spid}" type="#_x0000_t136" o:allowincell="f"
        fillcolor="#C00000" stroked="f"
        style="position:absolute;margin-left:0;margin-top:0;width:560pt;height:160pt;rotation:330;
               z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;
               mso-position-vertical:center;mso-position-vertical-relative:margin">
      <v:fill opacity=".18"/>
      <v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;font-weight:bold" string="{word}"/>
    </v:shape>
  </w:pict>
</w:r>"""


def add_watermark(section: Section, word: str = "DRAFT") -> None:
    """`word` across every page of `section`, in its default and first-page headers."""
    for n, header in enumerate((section.header, section.first_page_header), start=1):
        paragraph = header.paragraphs[0]
        paragraph._p.append(parse_xml(_SHAPE.format(n=n, spid=2048 + n, word=word)))
