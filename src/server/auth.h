// vareport/server/auth.h — passwords, tokens and roles of the HTTP service.
//
// Passwords are hashed with libsodium's crypto_pwhash_str (Argon2id, the
// "interactive" limits: 64 MiB, 2 passes); API tokens and session cookies
// are 32 random bytes (randombytes_buf) as hex, stored only as their SHA-256.
//
// Thread-safety: every function may be called from any thread (InitCrypto
// once first, which the Server and the CLI do).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "store/access.h"

namespace vareport::server {

// Initialises libsodium. Errors: kInternal "libsodium cannot be initialised".
Status InitCrypto();

// The Argon2id hash string of `password`. Errors: kInternal (out of memory).
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash` (a HashPassword string).
bool VerifyPassword(std::string_view hash, std::string_view password);

// `bytes` random bytes as lower-case hex.
std::string RandomHex(std::size_t bytes);

// A generated password: 20 characters from an unambiguous alphabet.
std::string GeneratePassword();

// True when `have` may do what needs `need` (reader < reviewer < admin).
bool RoleAtLeast(store::Role have, store::Role need);

}  // namespace vareport::server
