#include "batch/replication_file.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string_view>

#include "io/atomic_file.hpp"

namespace ccsim::batch {

namespace {

constexpr std::string_view magic = "ccsim-replication-1\n";
constexpr std::string_view trailer = "end\n";

template <class T>
void put(std::string& out, const T& value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_array(std::string& out, const Eigen::ArrayXd& values) {
    put(out, static_cast<std::uint64_t>(values.size()));
    out.append(reinterpret_cast<const char*>(values.data()),
               static_cast<std::size_t>(values.size()) * sizeof(double));
}

// Reads the bytes of a file front to back; any read past the end fails the whole file.
class reader {
  public:
    explicit reader(std::string_view bytes) : bytes_(bytes) {}
    bool literal(std::string_view text) {
        if (bytes_.substr(at_, text.size()) != text) return false;
        at_ += text.size();
        return true;
    }
    template <class T>
    bool get(T& value) {
        if (bytes_.size() - at_ < sizeof value) return false;
        std::memcpy(&value, bytes_.data() + at_, sizeof value);
        at_ += sizeof value;
        return true;
    }
    bool get_array(Eigen::ArrayXd& values) {
        std::uint64_t size = 0;
        if (!get(size) || (bytes_.size() - at_) / sizeof(double) < size) return false;
        values.resize(static_cast<Eigen::Index>(size));
        std::memcpy(values.data(), bytes_.data() + at_, size * sizeof(double));
        at_ += size * sizeof(double);
        return true;
    }
    bool at_end() const { return at_ == bytes_.size(); }

  private:
    std::string_view bytes_;
    std::size_t at_ = 0;
};

}  // namespace

std::filesystem::path replication_path(const std::filesystem::path& folder, std::size_t r) {
    return folder / fmt::format("{:06}.rep", r);
}

void write_replication(const std::filesystem::path& file, const std::string& hash, std::size_t r,
                       const replication_result& result) {
    std::string out(magic);
    out += hash + "\n";
    put(out, static_cast<std::uint64_t>(r));
    put(out, result.seconds);
    put(out, static_cast<std::uint64_t>(result.variants.size()));
    for (const sim::replication_figures& f : result.variants) {
        put(out, f.arrivals);
        put(out, f.events);
        put_array(out, f.queues);
        put_array(out, f.groups);
    }
    out += trailer;
    io::write_file_atomically(file, out);
}

std::optional<replication_result> read_replication(const std::filesystem::path& file,
                                                   const std::string& hash, std::size_t r) {
    std::ifstream in(file, std::ios::binary | std::ios::ate);
    if (!in) return std::nullopt;
    std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
    in.seekg(0);
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return std::nullopt;
    reader read(bytes);
    std::uint64_t index = 0, variants = 0;
    replication_result result;
    if (!read.literal(magic) || !read.literal(hash + "\n") || !read.get(index) || index != r ||
        !read.get(result.seconds) || !read.get(variants) || variants > 1'000'000)
        return std::nullopt;
    result.variants.resize(variants);
    for (sim::replication_figures& f : result.variants)
        if (!read.get(f.arrivals) || !read.get(f.events) || !read.get_array(f.queues) ||
            !read.get_array(f.groups))
            return std::nullopt;
    if (!read.literal(trailer) || !read.at_end()) return std::nullopt;
    return result;
}

}  // namespace ccsim::batch
