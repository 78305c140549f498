#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace stridelab {

// What went wrong decides the exit status of the command line: an invalid pipeline or
// argument (2) is the user's to fix in the file; a runtime failure (1) is the machine's.
enum class ErrorKind { Invalid, Runtime };

struct Error {
    QString message;
    ErrorKind kind = ErrorKind::Invalid;

    static Error invalid(QString text) { return {std::move(text), ErrorKind::Invalid}; }
    static Error runtime(QString text) { return {std::move(text), ErrorKind::Runtime}; }

    // Prefixes the place where the error happened ("layers[2]", a file name) to the message.
    [[nodiscard]] Error within(const QString& where) const {
        return {where + QStringLiteral(": ") + message, kind};
    }
};

// A value or an Error, in the spirit of C++23's std::expected.
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
    [[nodiscard]] T& value() & { return std::get<0>(state_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
    [[nodiscard]] const Error& error() const { return std::get<1>(state_); }

    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }

private:
    std::variant<T, Error> state_;
};

struct Ok {};
using Status = Result<Ok>;

inline Status success() {
    return Ok{};
}

}  // namespace stridelab
