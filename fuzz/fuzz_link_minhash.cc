// Untrusted bytes as article text and as a stored signature blob: words,
// shingles, MinHash, band keys, the blob codec and claim words. Checks what
// src/link/minhash.h promises: ASCII case and a trailing separator do not
// change the shingles, a signature survives its blob, band keys carry their
// band, any blob either decodes to at most kMaxHashes values or is refused.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "link/minhash.h"

namespace {

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace claimtrace::link;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const MinHashParams p{1 + static_cast<int>(size % 4), 64, 2};

  std::vector<uint64_t> shingles = ShingleHashes(bytes, p.shingle_words);
  std::string upper(bytes);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  if (ShingleHashes(upper, p.shingle_words) != shingles) Fail("ASCII case changed the shingles");
  if (ShingleHashes(std::string(bytes) + " ", p.shingle_words) != shingles) {
    Fail("a trailing space changed the shingles");
  }

  Signature sig = MinHash(shingles, p);
  if (sig.size() != (shingles.empty() ? 0u : 128u)) Fail("signature size");
  Signature back;
  if (!DecodeSignature(EncodeSignature(sig), &back) || back != sig) Fail("blob round trip");
  if (!sig.empty() && EstimateJaccard(sig, sig) != 1.0) Fail("self similarity");
  std::vector<uint64_t> keys = BandKeys(sig, p);
  for (size_t b = 0; b < keys.size(); ++b) {
    if (keys[b] >> 54 != b) Fail("band index in key");
  }

  Signature decoded;
  if (DecodeSignature(bytes, &decoded)) {
    if (size != 1 + 4 * decoded.size() || decoded.size() > static_cast<size_t>(kMaxHashes)) Fail("accepted blob size");
  } else if (!decoded.empty()) {
    Fail("refused blob left values");
  }

  double j = WordJaccard(bytes, bytes);
  if (j != 0.0 && j != 1.0) Fail("word Jaccard of a text with itself");
  return 0;
}
