//! Asking the processor to load memory ahead of its use.

/// Asks the processor to start loading every cache line of `value`; it changes nothing but
/// how soon the memory can be read.
///
/// A sorted listing reads its records, and the text they borrow from the file, in an order
/// scattered over hundreds of megabytes: asking for them some rows ahead lets those loads
/// overlap instead of waiting for each in turn.
#[inline]
pub fn prefetch<T: ?Sized>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        const LINE: usize = 64;
        let start = std::ptr::from_ref(value).cast::<i8>();
        for offset in (0..std::mem::size_of_val(value)).step_by(LINE) {
            // SAFETY: a prefetch only hints at an address and never faults; the addresses are
            // inside `value`, which is borrowed for the whole call.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(start.wrapping_add(offset)) };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}
