// vareport/extractors/pdf/pdf_writer.h — the smallest well-formed PDF: the
// given objects, numbered 1, 2, … in order, after a header and before a
// cross-reference table with each object's byte offset and a trailer
// (ISO 32000-1 §7.5: file structure). Object 1 must be the document
// catalogue. For the PDFs vareport writes itself (the fork server's warm-up
// document) and the tests'. Header-only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vareport::pdf {

inline std::string WritePdf(const std::vector<std::string>& objects) {
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    const std::string n = std::to_string(off);  // 10 digits, zero-padded (§7.5.4)
    out += std::string(n.size() < 10 ? 10 - n.size() : 0, '0') + n + " 00000 n \n";
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace vareport::pdf
