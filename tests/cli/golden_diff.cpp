// Compares CLI output with its golden file: text must match exactly, numbers to a relative
// 1e-9 (the last digits of a double move with harmless changes of evaluation order).
// Usage: golden_diff EXPECTED ACTUAL   Exit 0 when equal; prints the first difference.
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

std::string read(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool starts_number(const std::string& s, std::size_t i) {
    if (i >= s.size()) return false;
    if (std::isdigit(static_cast<unsigned char>(s[i]))) return true;
    return (s[i] == '-' || s[i] == '.') && i + 1 < s.size() &&
           std::isdigit(static_cast<unsigned char>(s[i + 1]));
}

int line_of(const std::string& s, std::size_t i) {
    int line = 1;
    for (std::size_t k = 0; k < i && k < s.size(); ++k) line += s[k] == '\n';
    return line;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: golden_diff EXPECTED ACTUAL\n";
        return 2;
    }
    const std::string expected = read(argv[1]), actual = read(argv[2]);
    std::size_t i = 0, j = 0;
    // A number must start where the previous character is not part of a word ("SL 15s" and
    // "2026-03-02" stay text), so only free-standing numbers get a tolerance.
    auto free_standing = [](const std::string& s, std::size_t k) {
        return k == 0 || !std::isalpha(static_cast<unsigned char>(s[k - 1]));
    };
    while (i < expected.size() && j < actual.size()) {
        if (starts_number(expected, i) && starts_number(actual, j) && free_standing(expected, i)) {
            char* end_e = nullptr;
            char* end_a = nullptr;
            const double e = std::strtod(expected.c_str() + i, &end_e);
            const double a = std::strtod(actual.c_str() + j, &end_a);
            const double scale = std::max(std::abs(e), std::abs(a));
            if (!(std::abs(e - a) <= 1e-9 * scale || e == a)) {
                std::cerr << "line " << line_of(expected, i) << ": expected " << e << ", got " << a
                          << "\n";
                return 1;
            }
            i = static_cast<std::size_t>(end_e - expected.c_str());
            j = static_cast<std::size_t>(end_a - actual.c_str());
            continue;
        }
        if (expected[i] != actual[j]) {
            std::cerr << "line " << line_of(expected, i) << ": text differs near '"
                      << expected.substr(i, 30) << "' vs '" << actual.substr(j, 30) << "'\n";
            return 1;
        }
        ++i, ++j;
    }
    if (i != expected.size() || j != actual.size()) {
        std::cerr << "outputs differ in length (line " << line_of(expected, i) << ")\n";
        return 1;
    }
    return 0;
}
