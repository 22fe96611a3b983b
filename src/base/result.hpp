// Errors as values: Result<T> holds either a T or an Error.
//
// Used everywhere an operation can fail on external input (decoding, validation,
// parsing). Exceptions are kept to the edges (CLI argument parsing).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace dusk {

// A failure with a human-readable message. `code` is a module-specific category
// (each module documents its own enum), 0 when the module has none.
struct Error {
  int code = 0;
  std::string message;

  Error() = default;
  explicit Error(std::string msg, int c = 0) : code(c), message(std::move(msg)) {}
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }
  Error take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

// Result of an operation that produces nothing but can fail.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : err_(std::move(error)), failed_(true) {}  // NOLINT
  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return err_; }
  Error take_error() { return std::move(err_); }

 private:
  Error err_;
  bool failed_ = false;
};

using Status = Result<void>;

}  // namespace dusk

// Propagate an error from an expression returning Result<...>.
#define DUSK_TRY(expr)                                   \
  do {                                                   \
    auto dusk_try_r_ = (expr);                           \
    if (!dusk_try_r_.ok()) return dusk_try_r_.take_error(); \
  } while (0)

#define DUSK_CONCAT_INNER_(a, b) a##b
#define DUSK_CONCAT_(a, b) DUSK_CONCAT_INNER_(a, b)
// Declare `lhs` from the value of a Result, or propagate its error.
#define DUSK_ASSIGN(lhs, expr) DUSK_ASSIGN_IMPL_(DUSK_CONCAT_(dusk_r_, __LINE__), lhs, expr)
#define DUSK_ASSIGN_IMPL_(tmp, lhs, expr)           \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.take_error();           \
  lhs = std::move(tmp).value()
