// vareport/extractors/pdf/text_layer.h — is a page's text layer worth
// reading, or must the page be read from its image (OCR)?
//
// A PDF draws glyphs; its text layer is only as good as the fonts' maps from
// glyph codes to Unicode (ISO 32000-1 §9.10: ToUnicode CMaps, standard
// encodings, glyph names). A font without such a map (a subset TrueType or
// CID font with no /ToUnicode, a Type 3 font with made-up glyph names) renders
// correctly but extracts as garbage: U+FFFD, control or private-use code
// points, "(cid:12)", or — the hard case — printable letters and symbols in
// no language ("#$%&'", "Vxuylyruv dvvlvwdqfh"). The page then looks fine to
// a reader and means nothing to vareport, so it is sent to OCR and recorded
// in Document::unusable_pages.
//
// The judgement is language-neutral and needs no dictionary beyond a few
// dozen function words of English, French and Spanish (the report languages):
//   1. unmapped code points (U+FFFD, C0 controls, private use, "(cid:N)",
//      "glyphN") over half of the characters → unusable;
//   2. each word is split at non-alphanumeric characters into pieces; a piece
//      is implausible when its letters cannot be a word of these languages
//      (no vowel in 4+ lower-case letters, 6+ consonants in a row, letters and
//      digits alternating more than twice, a lone symbol other than common
//      punctuation); implausible characters over half of all → unusable;
//   3. a page with at least 30 words of two or more letters, some lower-case,
//      of which fewer than 6% are function words ("the", "de", "la", "et", …) →
//      unusable: text in a report language has them (every page of the two
//      shared corpora: 19% or more), substituted letters hardly ever do.
// Pages with fewer than 4 characters are unusable (nothing to read).
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <vector>

#include "extractors/pdf/layout.h"

namespace vareport::pdf {

struct TextLayerQuality {
  bool usable = true;
  std::string reason;  // why not, for a reviewer ("no text", "unmapped glyphs", "nonsense letter sequences")
};

// Judges the words of one page as the text layer (and any AcroForm widget
// values laid on it) gives them. See the header comment for the rules.
TextLayerQuality AssessTextLayer(const std::vector<Word>& words);

}  // namespace vareport::pdf
