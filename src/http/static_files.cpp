#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kwm::http {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view mime_type(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"}, {".csv", "text/csv; charset=utf-8"}, {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
  };
  for (const auto& [extension, type] : kTypes)
    if (ends_with(path, extension)) return type;
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  if (root.empty()) return;
  std::error_code ec;
  const auto canonical = std::filesystem::canonical(root, ec);
  if (!ec && std::filesystem::exists(canonical / "index.html")) root_ = canonical.string();
}

std::optional<Response> StaticFiles::read(const std::string& relative) const {
  const std::filesystem::path full = std::filesystem::path(root_) / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  Response response;
  response.content_type = std::string(mime_type(relative));
  response.body = content.str();
  // Vite names bundled assets by content hash, so they never change under the same name.
  const bool fingerprinted = relative.rfind("assets/", 0) == 0;
  response.headers.emplace_back("Cache-Control", fingerprinted ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

std::optional<Response> StaticFiles::serve(std::string_view path) const {
  if (!enabled()) return std::nullopt;
  std::string relative(path.substr(path.find_first_not_of('/') == std::string_view::npos ? path.size()
                                                                                          : path.find_first_not_of('/')));
  // Refuse any step outside the web root; such a path can only be an attack, so it gets the app shell.
  const bool escapes = relative.find("..") != std::string::npos || relative.find('\\') != std::string::npos ||
                       relative.find('\0') != std::string::npos;
  if (!relative.empty() && !escapes) {
    if (auto file = read(relative)) return file;
    // A missing asset is a real 404, not the app shell: a browser would try to run HTML as a script.
    if (relative.rfind("assets/", 0) == 0) return std::nullopt;
  }
  return read("index.html");
}

}  // namespace kwm::http
