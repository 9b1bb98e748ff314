// vareport/store/access.h — the records of the service's access control and
// review layer, as the Store keeps them (store/store.h has the methods).
//
//   users      name, role (reader < reviewer < admin), Argon2id password hash
//              (libsodium's crypto_pwhash_str string), revoked or not;
//   api_tokens SHA-256 (hex) of each API token, never the token itself;
//   sessions   SHA-256 (hex) of each page session's cookie value, its CSRF
//              token and its expiry (Unix seconds);
//   reviews    a reviewer's decision on a finding or correction of an answer,
//              keyed by submission and a key that survives reprocessing
//              (a finding's code/component/question, an answer's question id;
//              never a row number); one current record per key;
//   audit      every change with who, when, both values and the note; kept
//              when its submission is deleted.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vareport::store {

enum class Role { kReader, kReviewer, kAdmin };

// "reader", "reviewer", "admin".
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct User {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kReader;
  std::string password_hash;  // crypto_pwhash_str output
  bool revoked = false;
  std::string created_at;     // ISO 8601 UTC
};

struct Session {
  User user;
  std::string csrf;             // the token state-changing requests must carry
  std::int64_t expires_at = 0;  // Unix seconds
};

// What a review is about: "finding" (key: FindingKey) or "answer" (key: the question id).
struct Review {
  std::int64_t submission_id = 0;
  std::string target;                   // "finding" | "answer"
  std::string key;
  std::optional<std::string> decision;  // findings: "confirmed" | "dismissed"
  std::optional<std::string> value;     // answers: the reviewed value
  std::string note;
  std::string user;
  std::string at;  // ISO 8601 UTC, set by the store
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;       // ISO 8601 UTC, set by the store
  std::string user;
  std::string action;   // "decision", "correction", "upload", "reprocess", "delete", "user"
  std::optional<std::int64_t> submission_id;
  std::string target;   // "finding", "answer", "submission", "user"
  std::string key;
  std::string before;   // the value before (decision, answer value), "" when none
  std::string after;    // the value after
  std::string note;
};

}  // namespace vareport::store
