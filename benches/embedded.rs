//! How long loading the built-in dataset takes, for `bench/run.sh` (issue 4 wants under
//! 100 µs). Prints the median of many loads in nanoseconds. Timings belong in the benchmark,
//! never in a test.

use std::process::ExitCode;
use std::time::Instant;

// Odd, so that the median is one of the runs.
const RUNS: usize = 2001;

fn main() -> ExitCode {
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        let loaded = std::hint::black_box(karabakh::data::embedded());
        let elapsed = start.elapsed();
        // The program never frees the dataset (it exits), so freeing it is not timed.
        if let Err(err) = loaded {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
        times.push(elapsed.as_nanos());
    }
    times.sort_unstable();
    println!("{}", times[RUNS / 2]);
    ExitCode::SUCCESS
}
