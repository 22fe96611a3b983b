// Errors as values: Result<T, E> holds either a T or the failure E.
//
// Used everywhere an operation can fail on external input (decoding, validation,
// parsing). Exceptions are kept to the edges (CLI argument parsing).
//
// Two kinds of failure:
// - Failure<Code>: a module's own vocabulary. `Code` is a scoped enum that the module
//   documents value by value, beside the rule each value enforces (RlpError, TxError,
//   EncodingError, ...), and the failure keeps it, typed, for callers that branch on it.
// - Error: a message and nothing else, for failures that no caller tells apart (a file
//   that cannot be read). Every Failure<Code> converts to an Error, so code that only
//   reports can pass any failure on.
// A Failure<A> converts to a Failure<B> only when B's enum declares that it holds A's
// values under the same numbers (FailureWidens below), as the proof readers' codes hold
// the point and encoding codes.
#pragma once

#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace dusk {

// Specialize as true when every value of `From` is a value of `To` with the same number.
template <typename From, typename To>
inline constexpr bool kFailureWidens = false;

template <typename Code>
struct Failure {
  static_assert(std::is_enum_v<Code>, "a Failure's code is an enum");
  Code code;
  std::string message;

  Failure(Code c, std::string msg) : code(c), message(std::move(msg)) {}
  template <typename From>
    requires kFailureWidens<From, Code>
  Failure(Failure<From> f)  // NOLINT: implicit, the numbering is shared
      : code(static_cast<Code>(f.code)), message(std::move(f.message)) {}
};

// A failure that carries only its message.
struct Error {
  std::string message;

  Error() = default;
  explicit Error(std::string msg) : message(std::move(msg)) {}
  template <typename Code>
  Error(Failure<Code> f) : message(std::move(f.message)) {}  // NOLINT: drops the code on purpose
};

namespace detail {
template <typename T>
inline constexpr bool kIsFailure = false;
template <typename Code>
inline constexpr bool kIsFailure<Failure<Code>> = true;
template <>
inline constexpr bool kIsFailure<Error> = true;
}  // namespace detail

// A failure type that E can be made from (Error from any Failure; a widening Failure).
template <typename F, typename E>
concept FailureFor = detail::kIsFailure<std::remove_cvref_t<F>> && !std::is_same_v<std::remove_cvref_t<F>, E> &&
                     std::is_constructible_v<E, F&&>;

template <typename T, typename E = Error>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  using error_type = E;

  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit by design
  template <FailureFor<E> F>
  Result(F&& f) : v_(std::in_place_index<1>, E(std::forward<F>(f))) {}  // NOLINT
  // The same value, or the failure in E's terms (a widening, or a plain Error).
  template <FailureFor<E> F>
  Result(Result<T, F> other)  // NOLINT
      : v_(other.ok() ? std::variant<T, E>(std::in_place_index<0>, std::move(other).value())
                      : std::variant<T, E>(std::in_place_index<1>, E(other.take_error()))) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const E& error() const { return std::get<1>(v_); }
  E take_error() { return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, E> v_;
};

// Result of an operation that produces nothing but can fail.
template <typename E>
class [[nodiscard]] Result<void, E> {
 public:
  using error_type = E;

  Result() = default;
  Result(E error) : err_(std::move(error)), failed_(true) {}  // NOLINT
  template <FailureFor<E> F>
  Result(F&& f) : err_(E(std::forward<F>(f))), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const E& error() const { return *err_; }
  E take_error() { return std::move(*err_); }

 private:
  // E may have no default constructor (a Failure): kept in a variant with an empty state.
  struct Empty {};
  struct Holder {
    std::variant<Empty, E> v;
    Holder() = default;
    explicit Holder(E e) : v(std::in_place_index<1>, std::move(e)) {}
    const E& operator*() const { return std::get<1>(v); }
    E& operator*() { return std::get<1>(v); }
  };
  Holder err_;
  bool failed_ = false;
};

using Status = Result<void>;

}  // namespace dusk

// Propagate a failure from an expression returning Result<...> (converted to the
// enclosing function's failure type).
#define DUSK_TRY(expr)                                   \
  do {                                                   \
    auto dusk_try_r_ = (expr);                           \
    if (!dusk_try_r_.ok()) return dusk_try_r_.take_error(); \
  } while (0)

#define DUSK_CONCAT_INNER_(a, b) a##b
#define DUSK_CONCAT_(a, b) DUSK_CONCAT_INNER_(a, b)
// Declare `lhs` from the value of a Result, or propagate its failure.
#define DUSK_ASSIGN(lhs, expr) DUSK_ASSIGN_IMPL_(DUSK_CONCAT_(dusk_r_, __LINE__), lhs, expr)
#define DUSK_ASSIGN_IMPL_(tmp, lhs, expr)           \
  auto tmp = (expr);                                \
  if (!tmp.ok()) return tmp.take_error();           \
  lhs = std::move(tmp).value()
