#pragma once
// The demo login's password: fresh for every demo database, so no two installations share one.
#include <cstddef>
#include <string>

namespace kwm::demo {

// `length` characters from the operating system's random source (libsodium), drawn from letters and
// digits without look-alikes (0/O, 1/l/I) so the password can be typed from the screen.
std::string generate_password(std::size_t length = 20);

}  // namespace kwm::demo
