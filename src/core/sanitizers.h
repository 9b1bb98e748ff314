// vareport/core/sanitizers.h — whether this build runs under AddressSanitizer,
// which reserves terabytes of address space: memory limits (RLIMIT_AS) are
// not applied then.
#pragma once

namespace vareport {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace vareport
