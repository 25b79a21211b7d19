//! Element types of cdist/cpdist output and rapidfuzz's conversion of a
//! score into each.
//!
//! rapidfuzz multiplies the score by `score_multiplier`, then:
//! - float32/float64: converts (float32 rounds to nearest, may give inf);
//! - integer types: rounds half away from zero to int64 (C's `llround`;
//!   out-of-range values give INT64_MIN, as on x86-64) and then truncates
//!   to the width of the type, wrapping (C's integer conversion).
//!
//! Integral scorers (distance and similarity forms) multiply as unsigned
//! 64-bit integers, the multiplier truncated to an integer, wrapping.

/// An output element type. The values are those of the C API's
/// `FFZ_DTYPE_*` constants (and of rapidfuzz's `MatrixType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DType {
    F32 = 1,
    F64 = 2,
    I8 = 3,
    I16 = 4,
    I32 = 5,
    I64 = 6,
    U8 = 7,
    U16 = 8,
    U32 = 9,
    U64 = 10,
}

impl DType {
    pub fn from_id(id: u32) -> Option<DType> {
        Some(match id {
            1 => DType::F32,
            2 => DType::F64,
            3 => DType::I8,
            4 => DType::I16,
            5 => DType::I32,
            6 => DType::I64,
            7 => DType::U8,
            8 => DType::U16,
            9 => DType::U32,
            10 => DType::U64,
            _ => return None,
        })
    }

    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            DType::I8 | DType::U8 => 1,
            DType::I16 | DType::U16 => 2,
            DType::F32 | DType::I32 | DType::U32 => 4,
            DType::F64 | DType::I64 | DType::U64 => 8,
        }
    }
}

/// C's `llround` on x86-64: half away from zero; NaN and values outside
/// int64 give INT64_MIN.
#[inline]
pub fn llround(x: f64) -> i64 {
    let r = x.round();
    if r >= -9.223_372_036_854_776e18 && r < 9.223_372_036_854_776e18 {
        r as i64
    } else {
        i64::MIN
    }
}

/// How scores become output values.
#[derive(Clone, Copy, Debug)]
pub struct Convert {
    pub dtype: DType,
    /// The scorer gives integers (distance and similarity forms).
    pub integral: bool,
    pub multiplier: f64,
}

impl Convert {
    /// Writes `score`, converted, into `out` (exactly `dtype.size()` bytes,
    /// native byte order).
    #[inline]
    pub fn write(&self, score: f64, out: &mut [u8]) {
        if self.integral {
            let v = (score as u64).wrapping_mul(self.multiplier as u64);
            match self.dtype {
                DType::F32 => out.copy_from_slice(&(v as f32).to_ne_bytes()),
                DType::F64 => out.copy_from_slice(&(v as f64).to_ne_bytes()),
                _ => write_int(self.dtype, v as i64, out),
            }
        } else {
            let v = score * self.multiplier;
            match self.dtype {
                DType::F32 => out.copy_from_slice(&(v as f32).to_ne_bytes()),
                DType::F64 => out.copy_from_slice(&v.to_ne_bytes()),
                _ => write_int(self.dtype, llround(v), out),
            }
        }
    }
}

#[inline]
fn write_int(dtype: DType, v: i64, out: &mut [u8]) {
    match dtype {
        DType::I8 => out.copy_from_slice(&(v as i8).to_ne_bytes()),
        DType::U8 => out.copy_from_slice(&(v as u8).to_ne_bytes()),
        DType::I16 => out.copy_from_slice(&(v as i16).to_ne_bytes()),
        DType::U16 => out.copy_from_slice(&(v as u16).to_ne_bytes()),
        DType::I32 => out.copy_from_slice(&(v as i32).to_ne_bytes()),
        DType::U32 => out.copy_from_slice(&(v as u32).to_ne_bytes()),
        DType::I64 => out.copy_from_slice(&v.to_ne_bytes()),
        DType::U64 => out.copy_from_slice(&(v as u64).to_ne_bytes()),
        DType::F32 | DType::F64 => unreachable!("float types are written by Convert::write"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(dtype: DType, integral: bool, multiplier: f64, score: f64) -> Vec<u8> {
        let mut out = vec![0u8; dtype.size()];
        Convert { dtype, integral, multiplier }.write(score, &mut out);
        out
    }

    #[test]
    fn matches_rapidfuzz_casts() {
        // cdist(..., scorer=Levenshtein.distance, dtype=uint8) of a distance of 300
        assert_eq!(conv(DType::U8, true, 1.0, 300.0), vec![44]);
        assert_eq!(conv(DType::I8, true, 1.0, 300.0), vec![44]);
        // fuzz.ratio 66.67 * 2 as int8: 133 wraps to -123
        assert_eq!(conv(DType::I8, false, 2.0, 66.666_666_666_666_67), (-123i8).to_ne_bytes().to_vec());
        // multiplier 0.5 on an integral scorer truncates to 0
        assert_eq!(conv(DType::U32, true, 0.5, 3.0), 0u32.to_ne_bytes().to_vec());
        assert_eq!(conv(DType::F64, true, 2.7, 1.0), 2f64.to_ne_bytes().to_vec());
        // out of int64: INT64_MIN, then truncated
        assert_eq!(conv(DType::I32, false, 1e300, 0.3), 0i32.to_ne_bytes().to_vec());
        assert_eq!(conv(DType::U64, false, 1e300, 0.3), (1u64 << 63).to_ne_bytes().to_vec());
        assert_eq!(conv(DType::F32, false, 1e300, 0.3), f32::INFINITY.to_ne_bytes().to_vec());
        assert_eq!(llround(2.5), 3);
        assert_eq!(llround(-2.5), -3);
        assert_eq!(llround(0.499_999_999_999_999_94), 0);
        assert_eq!(llround(f64::NAN), i64::MIN);
    }
}
