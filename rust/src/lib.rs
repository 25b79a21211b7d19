//! ferrofuzz: a fuzzy string matching engine.
//!
//! The core (everything but [`ffi`]) is safe Rust. The [`ffi`] module holds
//! the C ABI and all of the crate's unsafe code.

#![deny(unsafe_code)]

pub mod distance;
pub mod ffi;
pub mod fuzz;
pub mod index;
pub mod scorer;
pub mod unit;
