#include "duskevm/trace/vm_error.hpp"

#include <cstdio>

#include "base/utf8.hpp"
#include "duskevm/detail/instructions.hpp"

namespace dusk::evm::trace {
namespace {

// The selectors: keccak256("Error(string)")[:4] and keccak256("Panic(uint256)")[:4].
constexpr u8 kErrorSelector[4] = {0x08, 0xc3, 0x79, 0xa0};
constexpr u8 kPanicSelector[4] = {0x4e, 0x48, 0x7b, 0x71};

std::string format(const char* fmt, unsigned long long a, unsigned long long b = 0) {
  char buf[96];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

// Reads a 32-byte big-endian word at `at` as a size; nullopt past the data or above 2^32.
std::optional<u64> read_size(ByteView data, u64 at) {
  if (at > data.size() || data.size() - at < 32) return std::nullopt;
  const Uint256 v = Uint256::from_be(data.data() + at);
  if (!v.fits_u64() || v.low64() > (u64{1} << 32)) return std::nullopt;
  return v.low64();
}

// Invalid bytes become U+FFFD, one per byte, as Go's encoding/json does.
std::string valid_utf8(ByteView s) {
  if (is_valid_utf8(s)) return std::string(s.begin(), s.end());
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const u8 b = s[i];
    const size_t n = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (n && i + n <= s.size() && is_valid_utf8(s.subspan(i, n))) {
      out.append(reinterpret_cast<const char*>(s.data() + i), n);
      i += n;
    } else {
      out += "\xef\xbf\xbd";
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string vm_error(StatusCode status, const Tracer::Fault* fault, CallKind kind, ByteView creation_output) {
  const bool creation = kind == CallKind::kCreate || kind == CallKind::kCreate2;
  switch (status) {
    case StatusCode::kSuccess: return {};
    case StatusCode::kRevert: return "execution reverted";
    case StatusCode::kOutOfGas:
      // A creation's output survives an out-of-gas status only when its code could not
      // be stored (Evm::create; exceptional halts clear the output).
      if (creation && !creation_output.empty()) {
        return creation_output.size() > kMaxCodeSize ? "max code size exceeded"
                                                     : "contract creation code storage out of gas";
      }
      return "out of gas";
    case StatusCode::kInvalidInstruction: return "invalid opcode: INVALID";
    case StatusCode::kUndefinedInstruction:
      if (fault) return format("invalid opcode: opcode %#llx not defined", fault->opcode);
      return "invalid opcode";
    case StatusCode::kStackUnderflow:
      if (fault) return format("stack underflow (%llu <=> %llu)", fault->stack_size,
                               instruction_table()[fault->opcode].stack_in);
      return "stack underflow";
    case StatusCode::kStackOverflow:
      // geth's limit for an instruction: 1024 + inputs - outputs.
      if (fault) return format("stack limit reached %llu (%llu)", fault->stack_size,
                               static_cast<unsigned long long>(1024 - instruction_table()[fault->opcode].stack_change));
      return "stack overflow";
    case StatusCode::kBadJumpDestination: return "invalid jump destination";
    case StatusCode::kInvalidMemoryAccess: return "return data out of bounds";
    case StatusCode::kStaticModeViolation: return "write protection";
    case StatusCode::kPrecompileFailure: return "precompiled contract failed";
    case StatusCode::kContractValidationFailure: return "invalid code: must not begin with 0xef";
    case StatusCode::kCallDepthExceeded: return "max call depth exceeded";
    case StatusCode::kInsufficientBalance: return "insufficient balance for transfer";
    case StatusCode::kNonceOverflow: return "nonce uint64 overflow";
    case StatusCode::kAddressCollision: return "contract address collision";
    case StatusCode::kNotImplemented: return "precompile not implemented";
  }
  return status_name(status);
}

bool fault_shown_in_step(StatusCode status) {
  switch (status) {
    case StatusCode::kOutOfGas:
    case StatusCode::kStackUnderflow:
    case StatusCode::kStackOverflow:
    case StatusCode::kUndefinedInstruction:
    case StatusCode::kInvalidInstruction:
      return true;
    default:
      return false;
  }
}

std::optional<std::string> decode_revert_reason(ByteView output) {
  if (output.size() < 4) return std::nullopt;
  const ByteView args = output.subspan(4);
  if (std::equal(kErrorSelector, kErrorSelector + 4, output.begin())) {
    // ABI: the string's offset (from the start of the arguments), then at that offset
    // its length and its bytes.
    const auto offset = read_size(args, 0);
    if (!offset) return std::nullopt;
    const auto length = read_size(args, *offset);
    if (!length || args.size() - (*offset + 32) < *length) return std::nullopt;
    return valid_utf8(args.subspan(*offset + 32, *length));
  }
  if (std::equal(kPanicSelector, kPanicSelector + 4, output.begin())) {
    if (args.size() < 32) return std::nullopt;
    const Uint256 code = Uint256::from_be(args.data());
    if (code.fits_u64()) {
      switch (code.low64()) {
        case 0x00: return "generic panic";
        case 0x01: return "assert(false)";
        case 0x11: return "arithmetic underflow or overflow";
        case 0x12: return "division or modulo by zero";
        case 0x21: return "enum overflow";
        case 0x22: return "invalid encoded storage byte array accessed";
        case 0x31: return "out-of-bounds array access; popping on an empty array";
        case 0x32: return "out-of-bounds access of an array or bytesN";
        case 0x41: return "out of memory";
        case 0x51: return "uninitialized function";
        default: break;
      }
    }
    return "unknown panic code: " + code.to_hex();
  }
  return std::nullopt;
}

std::string hex_bytes(ByteView data) { return "0x" + to_hex(data); }

}  // namespace dusk::evm::trace
