#pragma once
// The HTTP/1.1 server: Boost.Beast with keep-alive, read timeouts, a request body limit, security headers,
// sessions, CSRF and role checks in front of every API route, the web app's static files, an access log,
// and a graceful stop on SIGTERM.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "http/client_address.hpp"
#include "http/router.hpp"

namespace kwm::store {
class Database;
}

namespace kwm::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: any free port (tests)
  unsigned threads = 0;        // handler workers; 0: twice the cores, at least 4
  std::size_t body_limit = 8 * 1024 * 1024;
  std::chrono::seconds request_timeout{30};  // to receive one whole request
  std::chrono::seconds idle_timeout{75};     // between requests on a kept-alive connection
  std::string web_root;                      // built web app; empty: API only
  // Clients reach the server over HTTPS (a TLS-terminating proxy in front): cookies are marked Secure and
  // every answer carries Strict-Transport-Security. Configuration only: a request cannot claim it.
  bool behind_https = false;
  ProxyTrust proxy_trust;  // whose X-Forwarded-For / Forwarded names the client (see client_address.hpp)
  bool access_log = true;
};

// Turns a request into a response: routing, session, CSRF, role, handler, error mapping. No sockets,
// so it is the same code path the tests drive through the real server.
class Dispatcher {
 public:
  Dispatcher(const Router& router, store::Database& db, std::string web_root);
  ~Dispatcher();
  Response dispatch(Request& request) const;

 private:
  Response dispatch_api(Request& request) const;
  struct StaticFilesHolder;
  const Router& router_;
  store::Database& db_;
  std::unique_ptr<StaticFilesHolder> static_files_;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, store::Database& db);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // the bound port, also when options.port was 0
  void start();                 // accept on the I/O threads and return
  void wait();                  // until stopped
  void stop();                  // stop accepting, let requests in flight finish, then end
  void stop_on_signals();       // SIGTERM and SIGINT call stop()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A text as the access log writes it: control characters, spaces and backslashes as \xNN, so a request
// path with %0a or %00 in it can neither forge a log line nor smuggle a raw byte, and every field stays one
// word of its key=value pair.
std::string log_safe(std::string_view text);

// Headers every answer carries (CSP without inline scripts, no framing, no sniffing, no referrer leak).
void add_security_headers(Response& response);

// HSTS as a server behind HTTPS sends it: one year, this host only (a municipality's other hosts may not
// all speak HTTPS).
inline constexpr std::string_view kStrictTransportSecurity = "max-age=31536000";

}  // namespace kwm::http
