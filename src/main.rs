fn main() {
    println!("sitrep");
}
