//! Rebuild when bundled assets change: the sample library, gazetteer, keymap and theme
//! are compiled into the binary.

fn main() {
    println!("cargo:rerun-if-changed=assets");
}
