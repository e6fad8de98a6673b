//! `karabakh`: look up the sourced figures of the Armenia–Azerbaijan conflict over
//! Nagorno-Karabakh.
//!
//! Data flows one way: [`data`] loads and validates the dataset, [`query`] selects, sorts and
//! sums, [`commands`] turns the results into [`output::Listing`]s, and [`output`] renders them.
//! [`config`] settles every choice before anything is read, and [`app`] ties them together for
//! the binary; [`cli`] defines its command line, and [`help`]
//! makes the overview and the manual pages from it; [`complete`] answers the shell's Tab;
//! [`escape`] makes the dataset's text safe to show, for all of them.

#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod config;
pub mod data;
pub mod escape;
pub mod help;
pub mod output;
pub mod query;
