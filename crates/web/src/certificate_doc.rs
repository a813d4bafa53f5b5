//! A certificate as a document to print or send: its PDF, made here on the
//! server (krilla: real text in an embedded, subset DejaVu Sans, so a
//! reader can search and copy it and Spanish accents render), and the QR
//! code of its verification address, drawn as vector squares in the PDF
//! and as an SVG on the certificate page. The caller translates every word;
//! this module only lays them out.

use crate::error::AppError;
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use lyceum_domain::i18n::Lang;
use qrcode::{Color, QrCode};
use std::fmt::Write as _;
use std::num::NonZeroU16;

/// DejaVu Sans 2.37 (Bitstream Vera licence: `assets/fonts/LICENSE-DejaVu`).
static REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// The QR code of `text`: its width in modules and, row by row, which
/// modules are dark. `None` only for text too long for any QR code.
pub fn qr_modules(text: &str) -> Option<(usize, Vec<bool>)> {
    let code = QrCode::new(text.as_bytes()).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Some((code.width(), dark))
}

/// Border of light modules around a QR code, as the standard asks.
const QUIET: usize = 4;

/// The QR code of `text` as an inline SVG image named `label` for screen
/// readers: one path of unit squares (`M{x} {y}h1v1h-1z`) on a white
/// square, no style attribute (the CSP forbids inline styles).
pub fn qr_svg(text: &str, label: &str) -> String {
    let Some((width, dark)) = qr_modules(text) else {
        return String::new();
    };
    let size = width + 2 * QUIET;
    let mut d = String::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, on)| **on) {
        let _ = write!(d, "M{} {}h1v1h-1z", i % width + QUIET, i / width + QUIET);
    }
    format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{d}\"/></svg>",
        escape_attr(label)
    )
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What a certificate's PDF says, every word already in the reader's
/// language.
pub struct CertificateDoc {
    pub lang: Lang,
    /// "Certificate".
    pub title: String,
    /// Whether it holds: "This certificate is valid." or revoked (with
    /// when and why) or expired.
    pub status: Vec<String>,
    /// Label, then its lines (a course's competencies are several).
    pub fields: Vec<(String, Vec<String>)>,
    /// "Check it at".
    pub verify_label: String,
    /// The verification address, absolute.
    pub url: String,
    /// What the address is for.
    pub about: String,
    /// The QR code's words for those who cannot see it.
    pub qr_label: String,
}

// A4 portrait, in points; y grows downwards (krilla's convention).
const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const QR_SIZE: f32 = 120.0;

/// Lines of `text` that fit `width` points at `size`, broken at spaces.
/// DejaVu Sans averages a little over half an em a character; erring wide
/// keeps lines inside the margin.
fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let most = if width.is_finite() {
        ((width / (size * 0.6)) as usize).max(10)
    } else {
        usize::MAX
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > most {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Writes lines down the page and the tag tree beside them, in reading
/// order, so a screen reader reads the PDF as a heading and paragraphs.
struct Pen<'a, 'b> {
    surface: &'a mut Surface<'b>,
    regular: Font,
    bold: Font,
    y: f32,
    tree: TagTree,
}

impl Pen<'_, '_> {
    /// `text` as one block of the given kind (its lines each a span).
    fn write_as(&mut self, tag: impl Into<TagKind>, text: &str, size: f32, bold: bool, width: f32) {
        let font = if bold { &self.bold } else { &self.regular };
        let mut group = TagGroup::new(tag);
        for line in wrap(text, size, width) {
            self.y += size * 1.3;
            let id = self
                .surface
                .start_tagged(ContentTag::Span(SpanTag::empty()));
            self.surface.draw_text(
                Point::from_xy(MARGIN, self.y),
                font.clone(),
                size,
                &line,
                false,
                TextDirection::Auto,
            );
            self.surface.end_tagged();
            group.push(id);
        }
        self.tree.push(group);
    }

    fn write(&mut self, text: &str, size: f32, bold: bool, width: f32) {
        self.write_as(Tag::P, text, size, bold, width);
    }

    /// `text` on one line, smaller if it must be to fit `width` (an
    /// address has no spaces to break at).
    fn write_one_line(&mut self, text: &str, size: f32, width: f32) {
        let fits = width / (text.chars().count().max(1) as f32 * 0.6);
        self.write(text, size.min(fits).max(6.0), false, f32::INFINITY);
    }

    fn colour(&mut self, r: u8, g: u8, b: u8) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            ..Fill::default()
        }));
    }
}

/// The certificate as a one-page PDF.
pub fn pdf(doc: &CertificateDoc) -> Result<Vec<u8>, AppError> {
    let font = |data: &'static [u8]| {
        Font::new(data.into(), 0).ok_or_else(|| AppError::internal("the certificate font"))
    };
    let (regular, bold) = (font(REGULAR)?, font(BOLD)?);
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("{} — {}", doc.title, doc.url))
            .language(doc.lang.as_str().to_string())
            .creator("Lyceum".to_string()),
    );
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| AppError::internal("page size"))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    let text_width = PAGE_W - 2.0 * MARGIN;
    let tree;
    {
        let mut pen = Pen {
            surface: &mut surface,
            regular,
            bold,
            y: MARGIN,
            tree: TagTree::new(),
        };
        pen.colour(0x0b, 0x0c, 0x0c);
        let title = Tag::Hn(NonZeroU16::MIN, Some(doc.title.clone()));
        pen.write_as(title, &doc.title, 28.0, true, text_width);
        pen.y += 10.0;
        for (i, line) in doc.status.iter().enumerate() {
            pen.write(line, 13.0, i == 0, text_width);
        }
        pen.y += 12.0;
        for (label, values) in &doc.fields {
            pen.y += 8.0;
            pen.colour(0x50, 0x5a, 0x5f);
            pen.write(label, 10.0, true, text_width);
            pen.colour(0x0b, 0x0c, 0x0c);
            for value in values {
                pen.write(value, 14.0, false, text_width);
            }
        }
        // The address and its QR code, side by side at the foot.
        let qr_top = (pen.y + 36.0).max(PAGE_H - MARGIN - QR_SIZE - 60.0);
        pen.y = qr_top - 14.0;
        let beside = text_width - QR_SIZE - 20.0;
        pen.colour(0x50, 0x5a, 0x5f);
        pen.write(&doc.verify_label, 10.0, true, beside);
        pen.colour(0x0b, 0x0c, 0x0c);
        pen.write_one_line(&doc.url, 12.0, beside);
        pen.y += 6.0;
        pen.write(&doc.about, 10.0, false, beside);
        // The QR code says again the address just read: a figure whose
        // words are that address.
        let qr = pen.surface.start_tagged(ContentTag::Other);
        draw_qr(pen.surface, &doc.url, PAGE_W - MARGIN - QR_SIZE, qr_top)?;
        pen.surface.end_tagged();
        let mut figure = TagGroup::new(Tag::Figure(Some(doc.qr_label.clone())));
        figure.push(qr);
        pen.tree.push(figure);
        tree = pen.tree;
    }
    surface.finish();
    page.finish();
    document.set_tag_tree(tree);
    document
        .finish()
        .map_err(|e| AppError::internal(format!("certificate PDF: {e:?}")))
}

/// The QR code of `text`, `QR_SIZE` square with its quiet zone, top left at
/// (`x`, `y`): one path of the dark modules, black on white.
fn draw_qr(surface: &mut Surface<'_>, text: &str, x: f32, y: f32) -> Result<(), AppError> {
    let (width, dark) = qr_modules(text).ok_or_else(|| AppError::internal("QR code"))?;
    let module = QR_SIZE / (width + 2 * QUIET) as f32;
    let mut pb = PathBuilder::new();
    for (i, _) in dark.iter().enumerate().filter(|(_, on)| **on) {
        let (col, row) = ((i % width + QUIET) as f32, (i / width + QUIET) as f32);
        if let Some(r) = Rect::from_xywh(x + col * module, y + row * module, module, module) {
            pb.push_rect(r);
        }
    }
    let path = pb.finish().ok_or_else(|| AppError::internal("QR path"))?;
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        ..Fill::default()
    }));
    surface.draw_path(&path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn long_text_wraps_at_spaces_and_short_text_stays_whole() {
        assert_eq!(wrap("Agency basics", 14.0, 480.0), vec!["Agency basics"]);
        let long = "word ".repeat(60);
        let lines = wrap(&long, 14.0, 480.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.chars().count() <= 57), "{lines:?}");
        assert_eq!(lines.join(" "), long.trim());
    }
}
