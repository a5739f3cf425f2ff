//! Characters that are not visible text: Unicode's format characters (general category Cf: bidi
//! overrides and isolates, zero-width spaces and joiners, the byte order mark, tags), and the
//! separators (Zl, Zp, and every space separator Zs but the plain space). A name holding one can
//! display as something else (U+202E turns "Ada" into text that reads backwards) or look empty.
//!
//! Written out here, from Unicode 16.0's DerivedGeneralCategory.txt, rather than taken from a
//! general-category crate: these 30 ranges are all the validator needs, where a full category
//! table would add tens of kilobytes to a module that pages load to check a form.

/// The ranges, inclusive, sorted.
const INVISIBLE: [(u32, u32); 30] = [
    (0x00A0, 0x00A0),   // Zs no-break space
    (0x00AD, 0x00AD),   // Cf soft hyphen
    (0x0600, 0x0605),   // Cf Arabic number signs
    (0x061C, 0x061C),   // Cf Arabic letter mark
    (0x06DD, 0x06DD),   // Cf Arabic end of ayah
    (0x070F, 0x070F),   // Cf Syriac abbreviation mark
    (0x0890, 0x0891),   // Cf Arabic pound and piastre marks above
    (0x08E2, 0x08E2),   // Cf Arabic disputed end of ayah
    (0x1680, 0x1680),   // Zs Ogham space mark
    (0x180E, 0x180E),   // Cf Mongolian vowel separator
    (0x2000, 0x200A),   // Zs en quad … hair space
    (0x200B, 0x200F),   // Cf zero-width space, joiners, LRM, RLM
    (0x2028, 0x2028),   // Zl line separator
    (0x2029, 0x2029),   // Zp paragraph separator
    (0x202A, 0x202E),   // Cf bidi embeddings and overrides
    (0x202F, 0x202F),   // Zs narrow no-break space
    (0x205F, 0x205F),   // Zs medium mathematical space
    (0x2060, 0x2064),   // Cf word joiner, invisible operators
    (0x2066, 0x206F),   // Cf bidi isolates, deprecated format characters
    (0x3000, 0x3000),   // Zs ideographic space
    (0xFEFF, 0xFEFF),   // Cf byte order mark / zero-width no-break space
    (0xFFF9, 0xFFFB),   // Cf interlinear annotation
    (0xFFFE, 0xFFFF),   // noncharacters, never text
    (0x110BD, 0x110BD), // Cf Kaithi number sign
    (0x110CD, 0x110CD), // Cf Kaithi number sign above
    (0x13430, 0x1343F), // Cf Egyptian hieroglyph format controls
    (0x1BCA0, 0x1BCA3), // Cf shorthand format controls
    (0x1D173, 0x1D17A), // Cf musical symbol format controls
    (0xE0001, 0xE0001), // Cf language tag
    (0xE0020, 0xE007F), // Cf tag characters
];

/// Whether `c` is a format or separator character (other than the plain space).
pub fn is_invisible(c: char) -> bool {
    let code = u32::from(c);
    // Most text is below the first range (U+00A0): answered without scanning the table.
    if code < 0xA0 {
        return false;
    }
    INVISIBLE
        .iter()
        .any(|&(first, last)| (first..=last).contains(&code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_and_separator_characters_are_invisible_visible_text_is_not() {
        for c in [
            '\u{202E}',
            '\u{200B}',
            '\u{2028}',
            '\u{2029}',
            '\u{00A0}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{3000}',
        ] {
            assert!(is_invisible(c), "{:04X}", u32::from(c));
        }
        for c in [' ', 'a', 'é', 'ß', 'Ω', '李', '\u{05D0}', '-', '\'', '😀'] {
            assert!(!is_invisible(c), "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn the_ranges_are_sorted_and_do_not_overlap() {
        assert!(INVISIBLE.iter().all(|&(first, last)| first <= last));
        assert!(INVISIBLE.windows(2).all(|w| w[0].1 < w[1].0));
        // `is_invisible` answers below the first range without the table.
        assert_eq!(INVISIBLE[0].0, 0xA0);
    }
}
