// vareport/extractors/docx/numbering.h — private to the .docx extractor: list
// labels from numbering.xml (ECMA-376 Part 1 §17.9) and paragraph styles from
// styles.xml (§17.7), read once per document.
#pragma once

#include <libxml/tree.h>

#include <array>
#include <map>
#include <optional>
#include <string>

namespace vareport::docx {

// One paragraph style (§17.7.4.17 w:style w:type="paragraph").
struct StyleInfo {
  std::string name;                     // w:name, e.g. "heading 1"
  std::string based_on;                 // w:basedOn style id
  std::optional<int> outline_level;     // w:pPr/w:outlineLvl (0-based; 9 = body text)
  std::optional<int> num_id;            // w:pPr/w:numPr/w:numId
  std::optional<int> ilvl;              // w:pPr/w:numPr/w:ilvl
  std::optional<bool> page_break_before;  // w:pPr/w:pageBreakBefore
};

class Styles {
 public:
  // Reads styles.xml (w:styles root). A null root gives an empty table.
  void Load(const xmlNode* root);

  // Heading level 1..9 for style `id`, 0 when it is not a heading: the style's
  // outline level (following w:basedOn), else a name or id such as "heading 2",
  // "Titre 2", "Título 2", "Überschrift 2"; "Title" / "Titre" / "Título" → 1.
  int HeadingLevel(const std::string& id) const;

  // List membership inherited from the style chain: (numId, ilvl).
  std::optional<std::pair<int, int>> Numbering(const std::string& id) const;

  bool PageBreakBefore(const std::string& id) const;

  // The style's name when it has one, else the id itself.
  std::string DisplayName(const std::string& id) const;

  // Id of the default paragraph style (w:default="1"), usually "Normal".
  const std::string& default_paragraph_style() const { return default_paragraph_; }

  // w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val, may be empty.
  const std::string& language() const { return language_; }

 private:
  const StyleInfo* Get(const std::string& id) const;
  std::map<std::string, StyleInfo> styles_;
  std::string default_paragraph_;
  std::string language_;
};

// Level definitions and running counters of numbering.xml.
class Numbering {
 public:
  void Load(const xmlNode* root);

  // True when numId is defined (numId 0 means "no numbering", §17.9.18).
  bool Defines(int num_id) const;

  // Advances the counter of (num_id, ilvl), resets deeper levels, and returns
  // the label to show ("1.", "2.3", "a)", "•"), or "" when unknown.
  std::string NextLabel(int num_id, int ilvl);

 private:
  struct Level {
    std::string num_fmt = "decimal";  // §17.9.17 ST_NumberFormat
    std::string lvl_text;             // §17.9.11, "%1." etc.
    int start = 1;
    bool is_legal = false;            // w:isLgl: show all levels as decimal
    bool defined = false;
  };
  struct Abstract {
    std::array<Level, 9> levels;
  };
  struct Num {
    int abstract_id = -1;
    std::map<int, int> start_override;
    std::map<int, Level> level_override;
  };
  const Level* LevelOf(int num_id, int ilvl) const;

  std::map<int, Abstract> abstracts_;
  std::map<int, Num> nums_;
  std::map<int, std::array<int, 9>> counters_;  // per numId; 0 = not started
};

// Formats `n` as ST_NumberFormat `fmt` ("decimal", "lowerLetter", "upperRoman"…).
std::string FormatListNumber(int n, const std::string& fmt);

}  // namespace vareport::docx
