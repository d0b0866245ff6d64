//! Generates the Rust types of `tidings/v1/*.proto` with a pure-Rust
//! protobuf compiler (protox), so no system `protoc` is needed.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=tidings");
    let files = ["tidings/v1/articles.proto"];
    let descriptors = protox::compile(files, ["."])?;
    prost_build::Config::new().compile_fds(descriptors)?;
    Ok(())
}
