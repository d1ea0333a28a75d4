// Static files: the path is checked segment by segment first, then the file
// is resolved with realpath() and must still lie under the folder's own
// realpath, so neither ".." nor a symbolic link leads out of it.
#include "serve/static_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>

namespace claimtrace::serve {
namespace {

std::string RealPath(const std::string& p) {
  char buf[PATH_MAX];
  if (!::realpath(p.c_str(), buf)) return {};
  return buf;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root, size_t max_file_bytes) : max_file_bytes_(max_file_bytes) {
  struct stat st {};
  std::string real = root.empty() ? std::string() : RealPath(root);
  if (!real.empty() && ::stat(real.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) root_ = real;
}

std::string StaticFiles::ContentType(std::string_view name) {
  size_t dot = name.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "png") return "image/png";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "ico") return "image/x-icon";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "woff2") return "font/woff2";
  return "application/octet-stream";
}

Status StaticFiles::Open(std::string_view url_path, StaticFile* out) const {
  if (url_path.empty() || url_path[0] != '/') return Status::InvalidArgument("the path must start with /");
  if (url_path == "/") url_path = "/index.html";
  if (url_path.size() > 1024) return Status::InvalidArgument("path too long");
  // Segment by segment: nothing that could climb, hide or confuse.
  size_t pos = 1;
  while (pos <= url_path.size()) {
    size_t end = url_path.find('/', pos);
    if (end == std::string_view::npos) end = url_path.size();
    std::string_view seg = url_path.substr(pos, end - pos);
    if (seg.empty() || seg[0] == '.') return Status::InvalidArgument("bad path segment");
    for (char c : seg) {
      if (c == '\0' || c == '\\' || static_cast<unsigned char>(c) < 0x20) {
        return Status::InvalidArgument("bad character in path");
      }
    }
    pos = end + 1;
  }
  if (root_.empty()) return Status::NotFound("no web folder");
  std::string real = RealPath(root_ + std::string(url_path));
  if (real.empty() || real.size() <= root_.size() || real.compare(0, root_.size(), root_) != 0 ||
      real[root_.size()] != '/') {
    return Status::NotFound("not found");
  }
  int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return Status::NotFound("not found");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || static_cast<size_t>(st.st_size) > max_file_bytes_) {
    ::close(fd);
    return Status::NotFound("not found");
  }
  out->content.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < out->content.size()) {
    ssize_t n = ::read(fd, out->content.data() + got, out->content.size() - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  out->content.resize(got);
  out->content_type = ContentType(real);
  return Status::OK();
}

}  // namespace claimtrace::serve
