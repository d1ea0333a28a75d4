// The web UI's files (web/dist/), served read-only from one folder that no
// request path can leave.
//
// A path is refused (kInvalidArgument) when it is not absolute, or holds a
// NUL, a backslash, an empty, "." or ".." segment, or a segment starting with
// "." (hidden files); it is not found (kNotFound) when the file is absent, not
// a regular file, or resolves (through symbolic links) outside the folder.
// Paths arrive percent-decoded, so "%2e%2e/" is checked as "../".
//
// Thread safety: Open may be called from any number of threads at once.
#ifndef CLAIMTRACE_SERVE_STATIC_FILES_H_
#define CLAIMTRACE_SERVE_STATIC_FILES_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "claimtrace/status.h"

namespace claimtrace::serve {

struct StaticFile {
  std::string content;
  std::string content_type;
};

class StaticFiles {
 public:
  // `root` may not exist (then every Open is kNotFound and ok() is false).
  explicit StaticFiles(const std::string& root, size_t max_file_bytes = size_t{64} << 20);

  bool ok() const { return !root_.empty(); }
  const std::string& root() const { return root_; }  // canonical path, or empty

  // "/" is "/index.html".
  Status Open(std::string_view url_path, StaticFile* out) const;

  // The Content-Type for a file name (by extension); application/octet-stream when unknown.
  static std::string ContentType(std::string_view name);

 private:
  std::string root_;
  size_t max_file_bytes_;
};

}  // namespace claimtrace::serve

#endif  // CLAIMTRACE_SERVE_STATIC_FILES_H_
