#include "extractors/docx/numbering.h"

#include <algorithm>

#include <cctype>
#include <charconv>

#include "core/text.h"
#include "extractors/docx/ooxml.h"

namespace vareport::docx {
namespace {

std::optional<int> ParseInt(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  int v = 0;
  const char* b = s->data();
  const char* e = b + s->size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e) return std::nullopt;
  return v;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "heading 3" → 3 for the localised names Word and LibreOffice write, both as
// names ("heading 3", "Titre 3", "Título 3") and as ids ("Heading3", "Titre3",
// "Ttulo3" — Word strips non-ASCII letters from ids).
int HeadingFromName(const std::string& raw) {
  std::string s = Lower(raw);
  static const char* const kPrefixes[] = {"heading", "titre", "título", "titulo", "ttulo", "überschrift", "kop", "titolo"};
  for (const char* prefix : kPrefixes) {
    std::string_view p(prefix);
    if (s.rfind(p, 0) != 0) continue;
    std::string_view rest = std::string_view(s).substr(p.size());
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '_')) rest.remove_prefix(1);
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  }
  if (s == "title" || s == "titre" || s == "título" || s == "titulo" || s == "ttulo") return 1;
  return 0;
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                       {1, "i"}};
  std::string out;
  for (const auto& [value, digits] : kTable) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

// Word's letter numbering repeats the letter: a..z, aa..zz, aaa…
std::string Letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  int repeat = (n - 1) / 26 + 1;
  if (repeat > 10) return std::to_string(n);
  char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(static_cast<std::size_t>(repeat), c);
}

// A bullet's lvlText is often a symbol-font character in the private-use area
// (Symbol F0B7, Wingdings F0A7 / F0D8…); show those as "•".
std::string BulletText(const std::string& lvl_text) {
  if (lvl_text.empty()) return "•";
  std::u32string cps = DecodeUtf8(lvl_text);
  std::string out;
  for (char32_t c : cps) {
    if (c >= 0xE000 && c <= 0xF8FF) c = 0x2022;
    AppendUtf8(out, c);
  }
  return out;
}

}  // namespace

std::string FormatListNumber(int n, const std::string& fmt) {
  if (fmt == "lowerLetter") return Letters(n, false);
  if (fmt == "upperLetter") return Letters(n, true);
  if (fmt == "lowerRoman") return Roman(n, false);
  if (fmt == "upperRoman") return Roman(n, true);
  if (fmt == "decimalZero") return n < 10 && n >= 0 ? "0" + std::to_string(n) : std::to_string(n);
  if (fmt == "none") return "";
  return std::to_string(n);  // decimal and every format we do not render
}

// ---- Styles -----------------------------------------------------------------

void Styles::Load(const xmlNode* root) {
  if (root == nullptr) return;
  if (const xmlNode* defaults = WChild(root, "docDefaults")) {
    const xmlNode* rpr = WChild(WChild(defaults, "rPrDefault"), "rPr");
    if (auto lang = WAttr(WChild(rpr, "lang"), "val")) language_ = *lang;
  }
  for (const xmlNode* s = root->children; s != nullptr; s = s->next) {
    if (!IsW(s, "style")) continue;
    auto id = WAttr(s, "styleId");
    if (!id) continue;
    const std::string type = WAttr(s, "type").value_or("paragraph");
    if (type != "paragraph") continue;
    StyleInfo info;
    if (auto name = WAttr(WChild(s, "name"), "val")) info.name = *name;
    if (auto based = WAttr(WChild(s, "basedOn"), "val")) info.based_on = *based;
    const xmlNode* ppr = WChild(s, "pPr");
    info.outline_level = ParseInt(WAttr(WChild(ppr, "outlineLvl"), "val"));
    if (const xmlNode* numpr = WChild(ppr, "numPr")) {
      info.num_id = ParseInt(WAttr(WChild(numpr, "numId"), "val"));
      info.ilvl = ParseInt(WAttr(WChild(numpr, "ilvl"), "val"));
    }
    if (const xmlNode* pbb = WChild(ppr, "pageBreakBefore")) info.page_break_before = OnOff(WAttr(pbb, "val"));
    if (OnOff(WAttr(s, "default"), false) && WAttr(s, "default")) default_paragraph_ = *id;
    styles_.emplace(*id, std::move(info));
  }
}

const StyleInfo* Styles::Get(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int Styles::HeadingLevel(const std::string& id) const {
  // Walk the basedOn chain (bounded: chains may loop in damaged files).
  std::string cur = id;
  for (int step = 0; step < 16 && !cur.empty(); ++step) {
    const StyleInfo* s = Get(cur);
    if (s == nullptr) break;
    if (s->outline_level) return (*s->outline_level >= 0 && *s->outline_level <= 8) ? *s->outline_level + 1 : 0;
    if (int h = HeadingFromName(s->name); h > 0) return h;
    if (int h = HeadingFromName(cur); h > 0) return h;
    cur = s->based_on;
  }
  if (Get(id) == nullptr) return HeadingFromName(id);
  return 0;
}

std::optional<std::pair<int, int>> Styles::Numbering(const std::string& id) const {
  std::string cur = id;
  std::optional<int> ilvl;
  for (int step = 0; step < 16 && !cur.empty(); ++step) {
    const StyleInfo* s = Get(cur);
    if (s == nullptr) break;
    if (!ilvl && s->ilvl) ilvl = s->ilvl;
    if (s->num_id) return std::make_pair(*s->num_id, ilvl.value_or(0));
    cur = s->based_on;
  }
  return std::nullopt;
}

bool Styles::PageBreakBefore(const std::string& id) const {
  std::string cur = id;
  for (int step = 0; step < 16 && !cur.empty(); ++step) {
    const StyleInfo* s = Get(cur);
    if (s == nullptr) break;
    if (s->page_break_before) return *s->page_break_before;
    cur = s->based_on;
  }
  return false;
}

std::string Styles::DisplayName(const std::string& id) const {
  const StyleInfo* s = Get(id);
  return s != nullptr && !s->name.empty() ? s->name : id;
}

// ---- Numbering --------------------------------------------------------------

void Numbering::Load(const xmlNode* root) {
  if (root == nullptr) return;
  auto read_level = [](const xmlNode* lvl, Level& out) {
    out.defined = true;
    if (auto v = WAttr(WChild(lvl, "numFmt"), "val")) out.num_fmt = *v;
    if (auto v = WAttr(WChild(lvl, "lvlText"), "val")) {
      // A list label is a few characters ("%1.%2.", "•"); a hostile part can
      // make it megabytes, repeated on every item: keep the first 64 bytes
      // (whole code points).
      constexpr std::size_t kMaxLabel = 64;
      std::size_t n = std::min(v->size(), kMaxLabel);
      while (n > 0 && n < v->size() && (static_cast<unsigned char>((*v)[n]) & 0xC0) == 0x80) --n;
      out.lvl_text = v->substr(0, n);
    }
    if (auto v = ParseInt(WAttr(WChild(lvl, "start"), "val"))) out.start = *v;
    out.is_legal = WToggle(lvl, "isLgl");
  };
  for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (IsW(n, "abstractNum")) {
      auto id = ParseInt(WAttr(n, "abstractNumId"));
      if (!id) continue;
      Abstract a;
      for (const xmlNode* lvl = n->children; lvl != nullptr; lvl = lvl->next) {
        if (!IsW(lvl, "lvl")) continue;
        auto ilvl = ParseInt(WAttr(lvl, "ilvl"));
        if (!ilvl || *ilvl < 0 || *ilvl > 8) continue;
        read_level(lvl, a.levels[static_cast<std::size_t>(*ilvl)]);
      }
      abstracts_[*id] = std::move(a);
    } else if (IsW(n, "num")) {
      auto id = ParseInt(WAttr(n, "numId"));
      if (!id) continue;
      Num num;
      num.abstract_id = ParseInt(WAttr(WChild(n, "abstractNumId"), "val")).value_or(-1);
      for (const xmlNode* o = n->children; o != nullptr; o = o->next) {
        if (!IsW(o, "lvlOverride")) continue;
        auto ilvl = ParseInt(WAttr(o, "ilvl"));
        if (!ilvl || *ilvl < 0 || *ilvl > 8) continue;
        if (auto start = ParseInt(WAttr(WChild(o, "startOverride"), "val"))) num.start_override[*ilvl] = *start;
        if (const xmlNode* lvl = WChild(o, "lvl")) read_level(lvl, num.level_override[*ilvl]);
      }
      nums_[*id] = std::move(num);
    }
  }
}

bool Numbering::Defines(int num_id) const {
  if (num_id == 0) return false;
  auto it = nums_.find(num_id);
  return it != nums_.end() && abstracts_.count(it->second.abstract_id) > 0;
}

const Numbering::Level* Numbering::LevelOf(int num_id, int ilvl) const {
  auto it = nums_.find(num_id);
  if (it == nums_.end()) return nullptr;
  if (auto o = it->second.level_override.find(ilvl); o != it->second.level_override.end()) return &o->second;
  auto a = abstracts_.find(it->second.abstract_id);
  if (a == abstracts_.end()) return nullptr;
  const Level& l = a->second.levels[static_cast<std::size_t>(ilvl)];
  return l.defined ? &l : nullptr;
}

std::string Numbering::NextLabel(int num_id, int ilvl) {
  if (ilvl < 0 || ilvl > 8 || !Defines(num_id)) return "";
  const Level* level = LevelOf(num_id, ilvl);
  if (level == nullptr) return "";
  auto start_of = [&](int l) {
    const Num& num = nums_.at(num_id);
    if (auto s = num.start_override.find(l); s != num.start_override.end()) return s->second;
    const Level* def = LevelOf(num_id, l);
    return def != nullptr ? def->start : 1;
  };
  auto& counters = counters_[num_id];
  int& mine = counters[static_cast<std::size_t>(ilvl)];
  mine = mine == 0 ? start_of(ilvl) : mine + 1;
  for (std::size_t deeper = static_cast<std::size_t>(ilvl) + 1; deeper < counters.size(); ++deeper) counters[deeper] = 0;

  if (level->num_fmt == "bullet") return BulletText(level->lvl_text);
  if (level->num_fmt == "none") return "";
  std::string out;
  const std::string& t = level->lvl_text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      int l = t[i + 1] - '1';
      if (l <= ilvl) {
        int value = counters[static_cast<std::size_t>(l)];
        if (value == 0) value = start_of(l);
        const Level* def = LevelOf(num_id, l);
        std::string fmt = def != nullptr ? def->num_fmt : "decimal";
        if (level->is_legal || fmt == "bullet") fmt = "decimal";
        out += FormatListNumber(value, fmt);
      }
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

}  // namespace vareport::docx
