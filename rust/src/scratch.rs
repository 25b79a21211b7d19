//! Scratch buffers that live on the stack for short inputs (names, the
//! common case) and on the heap for long ones, so that a short call
//! allocates nothing.

/// The first `len` elements of `stack` if it holds them, else of `heap`
/// (resized to `len`). Elements keep whatever they held: callers write
/// before they read, or fill.
pub(crate) fn scratch<'a, T: Copy + Default, const N: usize>(
    stack: &'a mut [T; N],
    heap: &'a mut Vec<T>,
    len: usize,
) -> &'a mut [T] {
    if len <= N {
        &mut stack[..len]
    } else {
        heap.resize(len, T::default());
        &mut heap[..]
    }
}
