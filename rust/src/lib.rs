//! ferrofuzz: a fuzzy string matching engine.
//!
//! The core (everything but [`ffi`]) is safe Rust. The [`ffi`] module holds
//! the C ABI and all of the crate's unsafe code.

#![deny(unsafe_code)]

pub mod alignment;
pub mod distance;
pub mod ffi;
pub mod fuzz;
pub mod index;
pub mod parallel;
pub mod phonetic;
pub mod process;
mod scratch;
pub mod scorer;
mod topk;
pub mod unit;
