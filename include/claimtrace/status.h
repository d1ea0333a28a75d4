// Status and Result<T>: how every fallible claimtrace call reports failure.
//
// No exception crosses the public API. A Status is OK or carries a code and a
// message that names what was wrong (and, where known, the document and byte
// offset). Result<T> is a value or a non-OK Status.
#ifndef CLAIMTRACE_STATUS_H_
#define CLAIMTRACE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace claimtrace {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (bad option, bad path)
  kNotFound,         // a file, record or id does not exist
  kIOError,          // the OS refused a read or write
  kCorruption,       // input bytes are malformed (bad encoding, broken JSON, binary data)
  kUnsupported,      // input is well formed but in a form we do not handle
  kResourceExhausted,// input exceeds a configured limit
  kInternal,         // a bug: an invariant did not hold
};

class Status {
 public:
  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(StatusCode::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status IOError(std::string m) { return Status(StatusCode::kIOError, std::move(m)); }
  static Status Corruption(std::string m) { return Status(StatusCode::kCorruption, std::move(m)); }
  static Status Unsupported(std::string m) { return Status(StatusCode::kUnsupported, std::move(m)); }
  static Status ResourceExhausted(std::string m) { return Status(StatusCode::kResourceExhausted, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "corruption: invalid UTF-8 at byte 12" style text; "ok" for OK.
  std::string ToString() const;
  static const char* CodeName(StatusCode code);

 private:
  Status(StatusCode c, std::string m) : code_(c), message_(std::move(m)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace claimtrace

#endif  // CLAIMTRACE_STATUS_H_
