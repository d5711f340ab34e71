fn main() {
    pos_playground::start();
}
