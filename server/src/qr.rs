//! The class address as a QR code the terminal can show: two rows of modules per line of
//! text, in block characters, dark on light with a quiet zone.

/// The QR code of `text` for a terminal, or `None` when it does not fit in a QR code.
pub fn terminal(text: &str) -> Option<String> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let quiet = 2usize;
    let side = w + 2 * quiet;
    let dark = |x: usize, y: usize| {
        x >= quiet
            && y >= quiet
            && x < w + quiet
            && y < w + quiet
            && colors[(y - quiet) * w + (x - quiet)] == qrcode::Color::Dark
    };
    let mut out = String::new();
    for y in (0..side).step_by(2) {
        for x in 0..side {
            // Light is drawn, dark left blank: terminals are dark, and scanners want dark
            // modules on a light field.
            out.push(match (dark(x, y), dark(x, y + 1)) {
                (false, false) => '█',
                (false, true) => '▀',
                (true, false) => '▄',
                (true, true) => ' ',
            });
        }
        out.push('\n');
    }
    Some(out)
}

/// The QR code of `text` as an SVG image (the page's own drawing, `link::qr_path`), for the
/// page's Class panel; `None` when it does not fit.
pub fn svg(text: &str) -> Option<String> {
    let (d, side) = pos_playground::logic::link::qr_path(text)?;
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path d=\"{d}\" fill=\"#000\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_class_address_fits_and_is_square() {
        let q = super::terminal("http://192.168.1.20:8080/?net=class").expect("fits");
        let lines: Vec<&str> = q.lines().collect();
        let width = lines[0].chars().count();
        assert!(lines.iter().all(|l| l.chars().count() == width));
        // Two module rows per text line.
        assert_eq!(lines.len(), width.div_ceil(2));
        assert!(super::terminal(&"x".repeat(5000)).is_none());
        let svg = super::svg("http://192.168.1.20:8080/?net=class").expect("fits");
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"));
    }
}
