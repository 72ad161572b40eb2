#include "demo/login.hpp"

#include <stdexcept>
#include <string_view>

#include <sodium.h>

namespace kwm::demo {

std::string generate_password(std::size_t length) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string password;
  password.reserve(length);
  for (std::size_t i = 0; i < length; ++i) {
    password.push_back(kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))]);
  }
  return password;
}

}  // namespace kwm::demo
