#include "cli/server_commands.h"

#include <csignal>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "server/auth.h"
#include "server/server.h"
#include "store/blob_store.h"
#include "store/open_store.h"
#include "store/sqlite_store.h"

namespace vareport::cli {
namespace {


server::Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

ServerCommands::ServerCommands(CLI::App& app) {
  serve_ = app.add_subcommand("serve", "Run the HTTP API and the reviewers' page over a store");
  serve_->add_option("--db", db_, "the store: a SQLite file (created if missing) or postgresql://… (shared by several serve processes and workers)")->capture_default_str();
  serve_->add_option("--listen", listen_, "HOST:PORT to listen on (default loopback only)")->capture_default_str();
  serve_->add_option("-j,--jobs", jobs_, "documents processed at once (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  serve_->add_option("--threads", threads_, "HTTP request threads")->capture_default_str()->check(CLI::Range(2, 256));
  serve_->add_option("--max-upload-mb", max_upload_mb_, "largest upload, MiB (413 past it)")
      ->capture_default_str()->check(CLI::Range(1, 1024));
  serve_->add_option("--queue-limit", queue_limit_, "documents waiting past which uploads get 503")
      ->capture_default_str()->check(CLI::Range(1, 1000000));
  serve_->add_option("--rules", rules_dir_, "rule folder (default: the one extract uses)");
  serve_->add_option("--web", web_dir_, "the page's folder (default: the installed web/, or the source tree's)");
  serve_->add_option("--timeout", timeout_, "wall-clock limit per document, seconds")
      ->capture_default_str()->check(CLI::Range(1.0, 604800.0));
  serve_->add_option("--memory-mb", memory_mb_, "address-space limit per document's process, MiB (0: none)")
      ->capture_default_str();
  serve_->add_flag("--quiet", quiet_, "no request log");

  users_ = app.add_subcommand("users", "Manage the service's users and API tokens");
  users_->require_subcommand(1);
  add_ = users_->add_subcommand("add", "Add a user; prints a generated password once");
  add_->add_option("name", name_, "user name")->required();
  add_->add_option("--role", role_, "reader, reviewer or admin")->required()->check(CLI::IsMember({"reader", "reviewer", "admin"}));
  token_ = users_->add_subcommand("token", "Print a new API token for a user, once (its last word)");
  token_->add_option("name", name_, "user name")->required();
  list_ = users_->add_subcommand("list", "List the users");
  revoke_ = users_->add_subcommand("revoke", "Revoke a user: no more logins, tokens or sessions");
  revoke_->add_option("name", name_, "user name")->required();
  for (CLI::App* s : {add_, token_, list_, revoke_})
    s->add_option("--db", db_, "the store (SQLite file or postgresql://…)")->capture_default_str();

  render_ = app.add_subcommand("worker-render", "");  // hidden: the page image child
  render_->group("");
  render_->add_option("--page", render_args_.page)->required();
  render_->add_option("--dpi", render_args_.dpi);
  render_->add_option("--box", box_);
  render_->add_option("--find", render_args_.find);
  render_->add_option("--out", render_args_.out)->required();
  render_->add_option("file", render_args_.pdf)->required();
}

std::optional<int> ServerCommands::Run() {
  if (serve_->parsed()) return Serve();
  if (users_->parsed()) return Users();
  if (render_->parsed()) return Render();
  return std::nullopt;
}

int ServerCommands::Serve() {
  server::ServerOptions o;
  o.db_path = db_;
  const std::size_t colon = listen_.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    std::cerr << "vareport: --listen must be HOST:PORT (see vareport --help)\n";
    return kExitBadInput;
  }
  o.host = listen_.substr(0, colon);
  try {
    o.port = std::stoi(listen_.substr(colon + 1));
  } catch (const std::exception&) {
    o.port = -1;
  }
  if (o.port < 0 || o.port > 65535) {
    std::cerr << "vareport: --listen port must be 0 to 65535 (see vareport --help)\n";
    return kExitBadInput;
  }
  o.http_threads = threads_;
  o.workers = jobs_ > 0 ? jobs_ : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  o.rules_dir = rules_dir_;
  o.web_dir = web_dir_;
  o.max_upload_bytes = max_upload_mb_ << 20;
  o.queue_limit = queue_limit_;
  o.time_limit_seconds = timeout_;
  o.memory_limit_mb = memory_mb_;
  o.quiet = quiet_;
  Result<std::unique_ptr<server::Server>> s = server::Server::Create(o);
  if (!s) return Fail(s.error());
  g_server = s->get();
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::signal(SIGPIPE, SIG_IGN);
  std::cerr << "vareport: serving " << store::DbLabel(db_) << " on http://" << o.host << ":" << (*s)->port() << "/\n";
  Status r = (*s)->Run();
  g_server = nullptr;
  if (!r) return Fail(r.error());
  return kExitOk;
}

int ServerCommands::Users() {
  if (Status s = server::InitCrypto(); !s) return Fail(s.error());
  Result<std::unique_ptr<store::Store>> db = store::OpenStore(db_);
  if (!db) return Fail(db.error());
  if (add_->parsed()) {
    if (name_.empty() || name_.size() > 64 || name_.find_first_of(" /\\:\t\r\n") != std::string::npos) {
      std::cerr << "vareport: a user name is 1 to 64 characters without spaces, slashes or colons\n";
      return kExitBadInput;
    }
    const std::string password = server::GeneratePassword();
    Result<std::string> hash = server::HashPassword(password);
    if (!hash) return Fail(hash.error());
    Result<std::int64_t> id = (*db)->AddUser(name_, *store::ParseRole(role_), *hash);
    if (!id) return Fail(id.error());
    store::AuditEntry e;
    e.user = "cli";
    e.action = "user";
    e.target = "user";
    e.key = name_;
    e.after = role_;
    (void)(*db)->AddAudit(e);
    std::cout << "user " << name_ << " (" << role_ << ") added; password (shown once): " << password << "\n";
    return kExitOk;
  }
  if (token_->parsed()) {
    Result<std::optional<store::User>> u = (*db)->FindUser(name_);
    if (!u) return Fail(u.error());
    if (!*u || (*u)->revoked) {
      std::cerr << "vareport: no user " << name_ << "\n";
      return kExitBadInput;
    }
    const std::string token = "vr_" + server::RandomHex(32);
    if (Status s = (*db)->AddToken((*u)->id, store::Sha256Hex(token)); !s) return Fail(s.error());
    std::cout << "API token for " << name_ << " (shown once): " << token << "\n";
    return kExitOk;
  }
  if (list_->parsed()) {
    Result<std::vector<store::User>> users = (*db)->ListUsers();
    if (!users) return Fail(users.error());
    for (const store::User& u : *users)
      std::cout << u.name << "\t" << store::RoleName(u.role) << "\t" << (u.revoked ? "revoked" : "active") << "\t"
                << u.created_at << "\n";
    return kExitOk;
  }
  if (revoke_->parsed()) {
    Result<bool> r = (*db)->RevokeUser(name_);
    if (!r) return Fail(r.error());
    if (!*r) {
      std::cerr << "vareport: no user " << name_ << "\n";
      return kExitBadInput;
    }
    std::cout << "user " << name_ << " revoked\n";
    return kExitOk;
  }
  return kExitInternal;
}

int ServerCommands::Render() {
  if (!box_.empty()) {
    EvidenceBox b;
    char sep;
    std::istringstream in(box_);
    if (!(in >> b.x0 >> sep >> b.y0 >> sep >> b.x1 >> sep >> b.y1 >> sep >> b.page_width >> sep >> b.page_height)) {
      std::cerr << "error:unreadable-input:--box must be x0,y0,x1,y1,W,H\n";
      return kExitBadInput;
    }
    render_args_.box = b;
  }
  return service::RunRenderWorker(render_args_);
}

}  // namespace vareport::cli
