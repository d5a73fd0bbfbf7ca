#pragma once
#include <cstdint>
#include <string>

#include <umd/device/types/arch.hpp>

namespace tt {

enum class DataFormat : std::uint8_t {
    Float32 = 0,
    Float16 = 1,
    Bfp8 = 2,
    Bfp4 = 3,
    Tf32 = 4,
    Float16_b = 5,
    Bfp8_b = 6,
    Bfp4_b = 7,
    Int32 = 8,
    UInt16 = 9,
    Lf8 = 10,
    Bfp2 = 11,
    Int8 = 14,
    Bfp2_b = 15,
    UInt32 = 24,
    UInt8 = 30,
    RawUInt8 = 0xf0,
    RawUInt16 = 0xf1,
    RawUInt32 = 0xf2,
    Invalid = 0xff
};

// Bytes of one 32x32 tile in the given format (Bfp8_b: 1024 mantissa bytes + 64 shared exponents).
inline std::uint32_t tile_size(DataFormat format) {
    switch (format) {
        case DataFormat::Float32:
        case DataFormat::Int32:
        case DataFormat::UInt32:
        case DataFormat::RawUInt32:
        case DataFormat::Tf32: return 4096;
        case DataFormat::Float16:
        case DataFormat::Float16_b:
        case DataFormat::UInt16:
        case DataFormat::RawUInt16: return 2048;
        case DataFormat::Bfp8:
        case DataFormat::Bfp8_b: return 1088;
        case DataFormat::Bfp4:
        case DataFormat::Bfp4_b: return 576;
        case DataFormat::Bfp2:
        case DataFormat::Bfp2_b: return 320;
        case DataFormat::Int8:
        case DataFormat::UInt8:
        case DataFormat::Lf8:
        case DataFormat::RawUInt8: return 1024;
        default: return 0;
    }
}

inline std::uint32_t datum_size(DataFormat format) {
    switch (format) {
        case DataFormat::Float32:
        case DataFormat::Int32:
        case DataFormat::UInt32:
        case DataFormat::RawUInt32:
        case DataFormat::Tf32: return 4;
        case DataFormat::Float16:
        case DataFormat::Float16_b:
        case DataFormat::UInt16:
        case DataFormat::RawUInt16: return 2;
        case DataFormat::Int8:
        case DataFormat::UInt8:
        case DataFormat::Lf8:
        case DataFormat::RawUInt8: return 1;
        default: return 0;
    }
}

inline const char* data_format_name(DataFormat format) {
    switch (format) {
        case DataFormat::Float32: return "Float32";
        case DataFormat::Float16: return "Float16";
        case DataFormat::Float16_b: return "Float16_b";
        case DataFormat::Bfp8_b: return "Bfp8_b";
        case DataFormat::Bfp8: return "Bfp8";
        case DataFormat::Bfp4_b: return "Bfp4_b";
        case DataFormat::Bfp4: return "Bfp4";
        case DataFormat::Bfp2_b: return "Bfp2_b";
        case DataFormat::Bfp2: return "Bfp2";
        case DataFormat::Tf32: return "Tf32";
        case DataFormat::Lf8: return "Lf8";
        case DataFormat::Int8: return "Int8";
        case DataFormat::Int32: return "Int32";
        case DataFormat::UInt32: return "UInt32";
        case DataFormat::UInt16: return "UInt16";
        case DataFormat::UInt8: return "UInt8";
        default: return "DataFormat(other)";
    }
}

}  // namespace tt
