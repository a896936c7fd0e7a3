/// The theme compiled into the binary (generated from `templates/`).
enum DefaultTheme {}
