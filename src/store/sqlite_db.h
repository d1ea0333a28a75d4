// A thin RAII layer over the SQLite C API: a connection, prepared statements,
// transactions, and SQLite result codes turned into Status values that name
// the database file and what went wrong.
#ifndef CLAIMTRACE_STORE_SQLITE_DB_H_
#define CLAIMTRACE_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "claimtrace/status.h"

namespace claimtrace::store {

class Db;

// A prepared statement; reset before each use by Run/Step loops.
class Stmt {
 public:
  Stmt() = default;
  Stmt(Db* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(Stmt&& o) noexcept : db_(o.db_), s_(o.s_) { o.s_ = nullptr; }
  Stmt& operator=(Stmt&& o) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool valid() const { return s_ != nullptr; }
  Stmt& Reset();
  // Binds are 1-based, in the order of the statement's parameters.
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, uint32_t v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::string_view v);       // empty string binds as text ''
  Stmt& BindText(int i, std::string_view v);   // empty string binds NULL
  Stmt& BindBlob(int i, std::string_view v);
  Stmt& BindNull(int i);
  Stmt& Bind(int i, const std::optional<double>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // SQLITE_ROW -> true, SQLITE_DONE -> false; an error sets *status (if any) and returns false.
  bool Step(Status* status);
  // Steps to completion (for writes).
  Status Run();

  int64_t Int(int col) const { return sqlite3_column_int64(s_, col); }
  double Real(int col) const { return sqlite3_column_double(s_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }
  std::string Text(int col) const;
  std::optional<double> OptReal(int col) const;
  std::string_view Blob(int col) const;

 private:
  Db* db_ = nullptr;
  sqlite3_stmt* s_ = nullptr;
};

class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Open(const std::string& path, bool read_only, int busy_timeout_ms);
  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  // Status for the connection's last error, or for `rc` when given.
  Status Error(int rc, std::string_view doing) const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

// BEGIN IMMEDIATE … COMMIT, rolled back on destruction unless committed.
class Transaction {
 public:
  explicit Transaction(Db* db) : db_(db) {}
  ~Transaction();
  Status Begin();
  Status Commit();

 private:
  Db* db_;
  bool open_ = false;
};

}  // namespace claimtrace::store

#endif  // CLAIMTRACE_STORE_SQLITE_DB_H_
