// vareport/core/result.h — the project's one error vocabulary.
//
// Every fallible function returns Result<T>: either a value or an Error with a
// closed ErrorKind and a human-readable one-line message. Context is prepended
// as the error travels up (`WithContext`), so the CLI can print a single line
// such as "report.docx: truncated ZIP archive". Exceptions never cross a module
// boundary; asserts are for programmer errors only, never for user input.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace vareport {

// The closed set of failure kinds. Each kind maps to one CLI exit status (2 for
// all input problems, 3 for rule errors, 70 for internal errors).
enum class ErrorKind {
  kUnreadableInput,    // the bytes cannot be read or are damaged (truncated ZIP, broken xref)
  kUnsupportedFormat,  // readable, but not a format vareport handles ("not a PDF or Word document")
  kEncrypted,          // needs a password (PDF user password, encrypted OOXML package)
  kLimitExceeded,      // a safety limit was hit: file size, ZIP bomb, XML depth, page count, time
  kRuleError,          // a rule file is invalid (schema, reference, pattern); message names file:line
  kUnavailable,        // a service the command needs cannot be reached (a refused or lost database connection)
  kInternal,           // a bug in vareport; should never reach a user
};

// Returns a stable lower-case name for `kind` ("unreadable-input", ...), used in
// batch job records and JSON.
std::string_view ErrorKindName(ErrorKind kind);

// An error value: a kind plus a one-line message (no trailing newline).
struct Error {
  ErrorKind kind = ErrorKind::kInternal;
  std::string message;

  // Returns a copy whose message is "context: message".
  [[nodiscard]] Error WithContext(std::string_view context) const {
    return Error{kind, std::string(context) + ": " + message};
  }
};

// Either a T or an Error. Cheap on success; cannot be silently ignored.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void> equivalent.
struct Ok {};
using Status = Result<Ok>;

// Convenience constructor: MakeError(ErrorKind::kEncrypted, "encrypted PDF: a password is required").
inline Error MakeError(ErrorKind kind, std::string message) { return Error{kind, std::move(message)}; }

}  // namespace vareport
