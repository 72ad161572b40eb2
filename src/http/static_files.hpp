#pragma once
// The built web app (web/dist), served by the same binary. Unknown paths that are not files answer with
// index.html, so that the app's own router can show deep links such as /eenheden/12.
#include <optional>
#include <string>
#include <string_view>

#include "http/router.hpp"

namespace kwm::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);
  bool enabled() const { return !root_.empty(); }
  // The file for a request path, or the app's index.html; empty when there is no web root at all.
  std::optional<Response> serve(std::string_view path) const;

 private:
  std::optional<Response> read(const std::string& relative) const;
  std::string root_;
};

std::string_view mime_type(std::string_view path);

}  // namespace kwm::http
