// vareport/extractors/legacy/encryption.h — is a Word 97–2003 or OpenDocument
// file password-protected? Answered from the bytes, before LibreOffice is
// started (headless, it cannot ask for a password: it would fail with a vague
// reason, or wait), so the user reads "encrypted Word document".
//
//   .doc  the Compound File Binary container ([MS-CFB] §2.2 header, §2.3 FAT,
//         §2.6 directory) holds a "WordDocument" stream whose FIB starts with
//         FibBase ([MS-DOC] §2.5.2): bit fEncrypted (0x0100 of the 16-bit
//         flags at offset 0x0A) is set when the document is encrypted (RC4 or
//         XOR obfuscation alike). An OOXML file saved with a password is a CFB
//         with an "EncryptedPackage" stream ([MS-OFFCRYPTO] §2.3.4.4).
//   .odt  META-INF/manifest.xml lists <manifest:encryption-data> for each
//         encrypted entry (ODF 1.2 Part 3 §4.8.1).
// Damaged containers answer false: the converter then gives its own reason.
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace vareport {

// True when the OLE compound file `bytes` is an encrypted Word document.
bool IsEncryptedDoc(std::string_view bytes);

// True when the OpenDocument package `bytes` has encrypted entries.
bool IsEncryptedOdt(std::string_view bytes);

}  // namespace vareport
