//! How the program is linked: on Linux with glibc it carries GCC's unwinder rather than loading
//! libgcc_s at every start (see build.rs).

mod common;

#[test]
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn the_program_starts_without_loading_libgcc_s_where_the_c_compiler_has_its_unwinder() {
    // build.rs links libgcc_eh.a where `cc` has it; this asks the same question.
    let unwinder = std::process::Command::new("cc")
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default();
    if !std::path::Path::new(&unwinder).is_absolute() {
        assert!(
            std::env::var_os("CI").is_none(),
            "cc has no libgcc_eh.a here; CI's machine must have GCC's"
        );
        eprintln!("warning: cc has no libgcc_eh.a, so the program loads libgcc_s; not checked");
        return;
    }
    // glibc's loader lists the libraries a program needs and exits, as `ldd` has it do.
    let output = common::karabakh(&["--version"])
        .env("LD_TRACE_LOADED_OBJECTS", "1")
        .output()
        .unwrap();
    let libraries = String::from_utf8(output.stdout).unwrap();
    assert!(libraries.contains("libc.so.6"), "{libraries}");
    assert!(!libraries.contains("libgcc_s"), "{libraries}");
}
