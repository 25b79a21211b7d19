// Gives the shared library a SONAME, so that C programs linked with
// -lferrofuzz record "libferrofuzz.so" and find it through their rpath.
fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libferrofuzz.so");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
