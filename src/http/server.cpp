#include "http/server.hpp"

#include <spdlog/sinks/ostream_sink.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <iostream>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>
#include <vector>

#include "core/text_policy.hpp"
#include "http/static_files.hpp"
#include "store/user_store.hpp"

namespace kwm::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kSessionCookie = "kwm_session";

std::optional<Method> method_of(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get: return Method::get;
    case bhttp::verb::head: return Method::get;
    case bhttp::verb::post: return Method::post;
    case bhttp::verb::put: return Method::put;
    case bhttp::verb::patch: return Method::patch;
    case bhttp::verb::delete_: return Method::del;
    default: return std::nullopt;
  }
}

bool changes_state(Method method) { return method != Method::get; }

std::string cookie_value(std::string_view cookies, std::string_view name) {
  while (!cookies.empty()) {
    const std::size_t end = std::min(cookies.find(';'), cookies.size());
    std::string_view pair = cookies.substr(0, end);
    pair.remove_prefix(std::min(pair.find_first_not_of(' '), pair.size()));
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    cookies.remove_prefix(std::min(end + 1, cookies.size()));
  }
  return {};
}

// Paths and query values reach handlers, the store and the access log decoded: they must be text.
bool decodes_to_utf8(const Request& request) {
  if (!is_utf8(request.path)) return false;
  for (const auto& [name, value] : request.query) {
    if (!is_utf8(name) || !is_utf8(value)) return false;
  }
  return true;
}

Response failure(ErrorKind kind, std::string code, std::string message) {
  return error_response(Error{kind, std::move(code), std::move(message), {}, {}});
}

// A foreign Origin on a state-changing request is a cross-site request: refuse it whatever it carries.
bool origin_is_foreign(const Request& request) {
  const std::string origin = request.header("origin");
  if (origin.empty()) return false;
  const std::string host = request.header("host");
  return origin != "http://" + host && origin != "https://" + host;
}

// The access log: one line per request on standard output, like every other log line, but not flushed line
// by line (the console sink's fflush meant one write(2) per request under its lock). Lines reach a terminal
// at once (stdout is line-buffered there), a file or pipe within a second (flush_every) or when the server
// stops; warnings and errors from the default logger flush the shared stdout buffer as before.
spdlog::logger& access_log() {
  static const std::shared_ptr<spdlog::logger> logger = [] {
    auto created = std::make_shared<spdlog::logger>("access", std::make_shared<spdlog::sinks::ostream_sink_mt>(std::cout));
    created->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");  // the default logger's lines, without a logger name
    created->flush_on(spdlog::level::warn);
    spdlog::register_logger(created);
    spdlog::flush_every(std::chrono::seconds(1));
    return created;
  }();
  return *logger;
}

}  // namespace

std::string log_safe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '\\' || c == ' ') {
      safe += fmt::format("\\x{:02x}", byte);
    } else {
      safe.push_back(c);
    }
  }
  return safe;
}

void add_security_headers(Response& response) {
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                                "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
}

struct Dispatcher::StaticFilesHolder {
  StaticFiles files;
};

Dispatcher::Dispatcher(const Router& router, store::Database& db, std::string web_root)
    : router_(router), db_(db), static_files_(std::make_unique<StaticFilesHolder>(StaticFiles(std::move(web_root)))) {}

Dispatcher::~Dispatcher() = default;

Response Dispatcher::dispatch(Request& request) const {
  Response response;
  try {
    if (request.path.rfind("/api/", 0) == 0 || request.path == "/api") {
      response = dispatch_api(request);
      response.headers.emplace_back("Cache-Control", "no-store");
    } else if (request.method != Method::get) {
      response = failure(ErrorKind::method_not_allowed, "method_not_allowed", "Deze pagina kan alleen worden opgevraagd");
    } else if (auto file = static_files_->files.serve(request.path)) {
      response = std::move(*file);
    } else {
      response = failure(ErrorKind::not_found, "not_found", "Deze pagina bestaat niet");
    }
  } catch (const Failure& f) {
    response = error_response(f.error());
  } catch (const std::exception& e) {
    // Only a fault of ours ends here; the message stays in the log, not in the answer.
    spdlog::error("unhandled error on {} {}: {}", to_string(request.method), request.path, e.what());
    response = failure(ErrorKind::internal, "internal_error", "Er ging iets mis in de server; probeer het later opnieuw");
  }
  add_security_headers(response);
  return response;
}

Response Dispatcher::dispatch_api(Request& request) const {
  const RouteMatch match = router_.match(request.method, request.path);
  if (!match.route) {
    if (match.path_known) {
      return failure(ErrorKind::method_not_allowed, "method_not_allowed", "Deze methode is hier niet toegestaan");
    }
    return failure(ErrorKind::not_found, "not_found", "Dit adres van de API bestaat niet");
  }
  const Route& route = *match.route;
  request.path_params = match.params;
  if (changes_state(request.method) && origin_is_foreign(request)) {
    return failure(ErrorKind::forbidden, "foreign_origin", "Verzoeken van een andere website worden geweigerd");
  }
  request.session_token = cookie_value(request.header("cookie"), kSessionCookie);
  if (!route.access.is_public) {
    const auto session = store::find_session(db_, request.session_token);
    if (!session) return failure(ErrorKind::unauthenticated, "not_logged_in", "U bent niet (meer) ingelogd");
    if (changes_state(request.method) && request.header("x-csrf-token") != session->csrf_token) {
      return failure(ErrorKind::forbidden, "csrf_token_invalid",
                     "Het beveiligingstoken (X-CSRF-Token) ontbreekt of klopt niet; log opnieuw in");
    }
    if (!route.access.allows(session->principal.role)) {
      return failure(ErrorKind::forbidden, "role_not_allowed", "Uw rol geeft geen toegang tot deze gegevens");
    }
    request.principal = session->principal;
    request.csrf_token = session->csrf_token;
  }
  return route.handler(request);
}

// One connection: read a request, answer it, repeat while the client keeps the connection alive.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket&& socket, const Dispatcher& dispatcher, const ServerOptions& options,
             asio::thread_pool& workers, std::atomic<int>& in_flight, std::atomic<bool>& stopping)
      : stream_(std::move(socket)), dispatcher_(dispatcher), options_(options), workers_(workers),
        in_flight_(in_flight), stopping_(stopping) {}

  void start() {
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::read, shared_from_this()));
  }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(options_.body_limit);
    parser_->header_limit(16 * 1024);
    stream_.expires_after(first_request_ ? options_.request_timeout : options_.idle_timeout);
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Connection::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    first_request_ = false;
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted) {
      return close();
    }
    // The request could not be read whole: answer in the client's HTTP version and close.
    const Reply closing{false, parser_->get().version() == 10 ? 10u : 11u, false};
    if (ec == bhttp::error::body_limit) {
      return write(plain_error(ErrorKind::too_large, "payload_too_large", "Het verzoek is te groot"), closing);
    }
    if (ec) {
      if (ec == asio::error::connection_reset || ec == asio::error::eof) return close();
      return write(plain_error(ErrorKind::bad_request, "malformed_request", "Het verzoek is geen geldig HTTP"), closing);
    }
    handle(parser_->release());
  }

  static Response plain_error(ErrorKind kind, std::string code, std::string message) {
    Response response = failure(kind, std::move(code), std::move(message));
    add_security_headers(response);
    return response;
  }

  // Handlers may wait on the database, so they run on the worker pool, never on the I/O threads that
  // serve every other connection's reads and writes; the answer is written back on this connection's strand.
  void handle(bhttp::request<bhttp::string_body>&& raw) {
    ++in_flight_;
    auto request = std::make_shared<bhttp::request<bhttp::string_body>>(std::move(raw));
    asio::post(workers_, [self = shared_from_this(), request] {
      Response response = self->respond(*request);
      const Reply reply{request->keep_alive() && !self->stopping_, request->version(),
                        request->method() == bhttp::verb::head};
      --self->in_flight_;
      asio::dispatch(self->stream_.get_executor(), [self, reply, response = std::move(response)]() mutable {
        self->write(std::move(response), reply);
      });
    });
  }

  Response respond(bhttp::request<bhttp::string_body>& raw) {
    const auto started = std::chrono::steady_clock::now();
    Request request;
    Response response;
    request.remote_address = client_address_of(raw);
    const std::optional<Method> method = method_of(raw.method());
    if (!method) {
      response = plain_error(ErrorKind::method_not_allowed, "method_not_allowed", "Deze methode wordt niet ondersteund");
    } else if (!read_target(raw.target(), request)) {
      response = plain_error(ErrorKind::bad_request, "malformed_request", "Het adres van het verzoek is ongeldig");
    } else if (!decodes_to_utf8(request)) {
      response = plain_error(ErrorKind::bad_request, "invalid_utf8", "Het adres van het verzoek is geen geldige UTF-8");
    } else {
      request.method = *method;
      for (const auto& field : raw) {
        std::string name(field.name_string());
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        request.headers[name] = std::string(field.value());
      }
      request.over_tls = options_.behind_https;
      request.body = std::move(raw.body());
      response = dispatcher_.dispatch(request);
    }
    if (options_.access_log) {
      const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
      access_log().info("method={} path={} status={} bytes={} ms={:.2f} remote={} user={}",
                   log_safe(std::string_view(raw.method_string().data(), raw.method_string().size())), log_safe(request.path.empty() ? std::string_view(raw.target().data(), raw.target().size()) : std::string_view(request.path)),
                   response.status, response.body.size(), elapsed.count(), log_safe(request.remote_address),
                   request.principal ? log_safe(request.principal->username) : "-");
    }
    return response;
  }

  // The client's address: the TCP peer's, or, when the peer is a trusted proxy, the one its header names.
  std::string client_address_of(const bhttp::request<bhttp::string_body>& raw) {
    beast::error_code ec;
    const auto remote = stream_.socket().remote_endpoint(ec);
    if (ec) return "unknown";
    std::vector<std::string_view> forwarded;
    const auto [first, last] = raw.equal_range(to_string(options_.proxy_trust.header));
    for (auto field = first; field != last; ++field) forwarded.emplace_back(field->value().data(), field->value().size());
    return client_address(remote.address(), forwarded, options_.proxy_trust).to_string();
  }

  // How an answer goes out: whether the connection stays open, the request's HTTP version, and whether the
  // request was a HEAD (headers only).
  struct Reply {
    bool keep_alive = false;
    unsigned version = 11;
    bool head = false;
  };

  void write(Response response, const Reply& reply) {
    const bool keep_alive = reply.keep_alive;
    auto message =
        std::make_shared<bhttp::response<bhttp::string_body>>(static_cast<bhttp::status>(response.status), reply.version);
    message->set(bhttp::field::server, "kwartiermaker");
    if (!response.content_type.empty()) message->set(bhttp::field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) message->insert(name, value);
    if (options_.behind_https) message->set(bhttp::field::strict_transport_security, kStrictTransportSecurity);
    const std::size_t length = response.body.size();
    message->body() = std::move(response.body);
    message->keep_alive(keep_alive);
    message->prepare_payload();
    if (reply.head) {
      // A HEAD answer announces the length of the body it leaves out.
      message->body().clear();
      message->content_length(length);
    }
    stream_.expires_after(options_.request_timeout);
    bhttp::async_write(stream_, *message,
                       [self = shared_from_this(), message, keep_alive](beast::error_code ec, std::size_t) {
                         if (ec || !keep_alive) return self->close();
                         self->read();
                       });
  }

  // Half-close, then read and discard what the client still sends until it closes too (or a short
  // deadline passes): closing a socket with unread data makes the kernel send a reset, which can destroy
  // an answer such as a 413 before the client has read it.
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return;
    stream_.expires_after(std::chrono::seconds(2));
    drain();
  }

  void drain() {
    stream_.async_read_some(asio::buffer(discard_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (!ec) self->drain();
                            });
  }

  std::array<char, 16 * 1024> discard_{};

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  const Dispatcher& dispatcher_;
  const ServerOptions& options_;
  asio::thread_pool& workers_;
  std::atomic<int>& in_flight_;
  std::atomic<bool>& stopping_;
  bool first_request_ = true;
};

struct Server::Impl {
  Impl(ServerOptions opts, const Router& router, store::Database& db)
      : options(std::move(opts)), dispatcher(router, db, options.web_root), acceptor(asio::make_strand(io)), signals(io) {}

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      // Runs on the acceptor's strand, as does stop()'s close, so the two never touch the acceptor at once.
      if (stopping) return;
      if (ec) {
        spdlog::warn("accept failed: {}", ec.message());
      } else {
        std::make_shared<Connection>(std::move(socket), dispatcher, options, *workers, in_flight, stopping)->start();
      }
      accept();
    });
  }

  void wait_for_requests_then_end(std::chrono::steady_clock::time_point deadline) {
    auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(50));
    timer->async_wait([this, timer, deadline](beast::error_code) {
      if (in_flight == 0 || std::chrono::steady_clock::now() >= deadline) {
        io.stop();
        return;
      }
      wait_for_requests_then_end(deadline);
    });
  }

  ServerOptions options;
  Dispatcher dispatcher;
  asio::io_context io;
  std::unique_ptr<asio::thread_pool> workers;  // runs the handlers; made by start() with options.threads
  tcp::acceptor acceptor;
  asio::signal_set signals;
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> stopping{false};
};

Server::Server(ServerOptions options, const Router& router, store::Database& db)
    : impl_(std::make_unique<Impl>(std::move(options), router, db)) {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) fail_invalid("listen", "Ongeldig adres om op te luisteren: " + impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(asio::socket_base::reuse_address(true));
  impl_->acceptor.bind(endpoint, ec);
  if (ec) {
    fail(ErrorKind::conflict, "listen_failed",
         "Kan niet luisteren op " + impl_->options.host + ":" + std::to_string(impl_->options.port) + ": " + ec.message(),
         "listen");
  }
  impl_->acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() {
  stop();
  wait();
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::start() {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  // Handlers block on the database, so more workers than cores keep the cores busy; the I/O threads only
  // read, write and hand over, one per core is plenty.
  const unsigned workers = impl_->options.threads != 0 ? impl_->options.threads : std::max(4u, 2 * cores);
  impl_->workers = std::make_unique<asio::thread_pool>(workers);
  impl_->accept();
  for (unsigned i = 0; i < std::min(cores, workers); ++i) impl_->threads.emplace_back([this] { impl_->io.run(); });
}

void Server::wait() {
  for (auto& thread : impl_->threads)
    if (thread.joinable()) thread.join();
  impl_->threads.clear();
  if (impl_->workers) impl_->workers->join();
  if (impl_->options.access_log) access_log().flush();
}

void Server::stop() {
  if (impl_->stopping.exchange(true)) return;
  asio::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
    impl_->signals.cancel(ec);
    impl_->wait_for_requests_then_end(std::chrono::steady_clock::now() + std::chrono::seconds(10));
  });
  if (impl_->threads.empty()) impl_->io.stop();
}

void Server::stop_on_signals() {
  impl_->signals.add(SIGTERM);
  impl_->signals.add(SIGINT);
  impl_->signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    spdlog::info("signal {} received: finishing requests in flight, then stopping", signal);
    stop();
  });
}

}  // namespace kwm::http
