//! `karabakh`: look up the sourced figures of the Armenia–Azerbaijan conflict over
//! Nagorno-Karabakh.
//!
//! Data flows one way: [`data`] loads and validates the dataset, [`query`] selects, sorts and
//! sums, [`commands`] turns the results into [`output::Report`]s, and [`output`] renders them.
//! [`app`] ties them together for the binary; [`cli`] defines its command line, and [`help`]
//! makes the overview and the manual pages from it; [`complete`] answers the shell's Tab.

#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod data;
#[doc(hidden)]
pub mod fuzzing;
pub mod help;
pub mod output;
pub mod query;

#[cfg(test)]
mod tests {
    // build.rs links GCC's unwinder into the program on Linux; this test binary is linked the
    // same way, and a panic must still unwind to where it is caught.
    #[test]
    fn a_panic_still_unwinds_to_where_it_is_caught() {
        let caught = std::panic::catch_unwind(|| std::panic::resume_unwind(Box::new(42_u8)));
        let payload = caught.expect_err("the panic is caught");
        assert_eq!(payload.downcast_ref::<u8>(), Some(&42));
    }
}
