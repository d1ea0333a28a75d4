// SQLite wrapper; see sqlite_db.h. Every error becomes a Status that names
// the database file, what was being done and SQLite's own message.
#include "store/sqlite_db.h"

namespace claimtrace::store {

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(s_);
    db_ = o.db_;
    s_ = o.s_;
    o.s_ = nullptr;
  }
  return *this;
}

Stmt& Stmt::Reset() {
  sqlite3_reset(s_);
  sqlite3_clear_bindings(s_);
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t v) {
  sqlite3_bind_int64(s_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, double v) {
  sqlite3_bind_double(s_, i, v);
  return *this;
}
Stmt& Stmt::Bind(int i, std::string_view v) {
  sqlite3_bind_text(s_, i, v.data() ? v.data() : "", static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindText(int i, std::string_view v) { return v.empty() ? BindNull(i) : Bind(i, v); }
Stmt& Stmt::BindBlob(int i, std::string_view v) {
  if (v.empty()) return BindNull(i);
  sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::BindNull(int i) {
  sqlite3_bind_null(s_, i);
  return *this;
}

bool Stmt::Step(Status* status) {
  int rc = sqlite3_step(s_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    Status s = db_->Error(rc, sqlite3_sql(s_) ? std::string_view("running a statement") : std::string_view("step"));
    sqlite3_reset(s_);
    if (status) *status = s;
  }
  return false;
}

Status Stmt::Run() {
  Status s;
  while (Step(&s)) {
  }
  sqlite3_reset(s_);
  return s;
}

std::string Stmt::Text(int col) const {
  const unsigned char* t = sqlite3_column_text(s_, col);
  if (!t) return {};
  return std::string(reinterpret_cast<const char*>(t), static_cast<size_t>(sqlite3_column_bytes(s_, col)));
}

std::optional<double> Stmt::OptReal(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Real(col);
}

std::string_view Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(s_, col);
  if (!p) return {};
  return std::string_view(static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s_, col)));
}

Db::~Db() {
  if (db_) sqlite3_close_v2(db_);
}

Status Db::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  path_ = path;
  int flags = read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "opening");
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  return Status::OK();
}

Status Db::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (err) sqlite3_free(err);
  if (rc != SQLITE_OK) return Error(rc, "executing SQL");
  return Status::OK();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing a statement");
  return Stmt(this, s);
}

Status Db::Error(int rc, std::string_view doing) const {
  std::string msg = path_ + ": " + std::string(doing) + ": ";
  const char* detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  msg += detail ? detail : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::Corruption(msg + " (not a claimtrace database, or a damaged one)");
    case SQLITE_FULL:
      return Status::IOError(msg + " (disk full: nothing of this batch was stored)");
    case SQLITE_READONLY:
      return Status::IOError(msg + " (the file or its folder is read-only)");
    case SQLITE_CANTOPEN:
      return Status::IOError(msg + " (cannot open the file: check the path and permissions)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(msg + " (another process holds the write lock)");
    case SQLITE_NOMEM:
      return Status::ResourceExhausted(msg);
    case SQLITE_ERROR:
      return Status::InvalidArgument(msg);
    default:
      return Status::IOError(msg);
  }
}

Transaction::~Transaction() {
  if (open_) sqlite3_exec(db_->handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Begin() {
  Status s = db_->Exec("BEGIN IMMEDIATE");
  open_ = s.ok();
  return s;
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace claimtrace::store
