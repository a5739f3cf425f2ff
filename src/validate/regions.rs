//! Region codes: US states and territories (USPS), Canadian provinces, ISO 3166-1 alpha-2 countries.
//!
//! Hand-written tables rather than a crate: the country crates on crates.io carry names, numeric
//! codes and subdivisions we do not need (tens of kilobytes in the wasm), while these three lists
//! are 650 bytes of text. Sources, as of 2026: USPS Publication 28, Appendix B (state and
//! territory abbreviations, including the military "states" AA, AE, AP); Canada Post's province and
//! territory symbols; the ISO 3166 Maintenance Agency's list of officially assigned alpha-2 codes.

/// USPS codes: the 50 states, DC, the territories and freely associated states (AS GU MP PR VI UM
/// FM MH PW) and the military codes (AA AE AP). Sorted.
const US: &str = "AAAEAKALAPARASAZCACOCTDCDEFLFMGAGUHIIAIDILINKSKYLAMAMDMEMHMIMNMOMPMSMTNCNDNENHNJNMNVNYOHOKORPAPRPWRISCSDTNTXUMUTVAVIVTWAWIWVWY";

/// Canadian provinces and territories. Sorted.
const CA: &str = "ABBCMBNBNLNSNTNUONPEQCSKYT";

/// ISO 3166-1 alpha-2: the 249 officially assigned codes. Sorted.
const COUNTRIES: &str = concat!(
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZ",
    "BABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ",
    "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ",
    "DEDJDKDMDODZ",
    "ECEEEGEHERESET",
    "FIFJFKFMFOFR",
    "GAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGY",
    "HKHMHNHRHTHU",
    "IDIEILIMINIOIQIRISIT",
    "JEJMJOJP",
    "KEKGKHKIKMKNKPKRKWKYKZ",
    "LALBLCLILKLRLSLTLULVLY",
    "MAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZ",
    "NANCNENFNGNINLNONPNRNUNZ",
    "OM",
    "PAPEPFPGPHPKPLPMPNPRPSPTPWPY",
    "QA",
    "RERORSRURW",
    "SASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZ",
    "TCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZ",
    "UAUGUMUSUYUZ",
    "VAVCVEVGVIVNVU",
    "WFWS",
    "YEYT",
    "ZAZMZW",
);

/// Whether `code` is one of the two-letter codes packed into `table` (binary search: sorted pairs).
fn in_table(table: &str, code: &str) -> bool {
    if code.len() != 2 {
        return false;
    }
    let pairs = table.len() / 2;
    let (mut low, mut high) = (0, pairs);
    while low < high {
        let middle = (low + high) / 2;
        match table.get(middle * 2..middle * 2 + 2) {
            Some(pair) if pair == code => return true,
            Some(pair) if pair < code => low = middle + 1,
            Some(_) => high = middle,
            None => return false,
        }
    }
    false
}

/// Whether `code` is a USPS state, DC, territory or military code, in upper case.
pub fn is_us_state(code: &str) -> bool {
    in_table(US, code)
}

/// Whether `code` is a Canadian province or territory code, in upper case.
pub fn is_canadian_province(code: &str) -> bool {
    in_table(CA, code)
}

/// Whether `code` is an ISO 3166-1 alpha-2 country code, in upper case.
pub fn is_country(code: &str) -> bool {
    in_table(COUNTRIES, code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(table: &str) -> Vec<&str> {
        (0..table.len() / 2)
            .map(|i| &table[i * 2..i * 2 + 2])
            .collect()
    }

    #[test]
    fn tables_are_sorted_pairs_of_capitals_with_the_documented_counts() {
        for (table, count) in [(US, 50 + 1 + 9 + 3), (CA, 13), (COUNTRIES, 249)] {
            assert_eq!(table.len() % 2, 0);
            let list = codes(table);
            assert_eq!(list.len(), count);
            assert!(list.windows(2).all(|w| w[0] < w[1]), "not sorted: {list:?}");
            assert!(table.bytes().all(|b| b.is_ascii_uppercase()));
        }
    }

    #[test]
    fn lookups() {
        for code in [
            "CA", "NY", "DC", "PR", "GU", "AA", "AE", "AP", "WY", "AL", "FM", "MH", "PW",
        ] {
            assert!(is_us_state(code), "{code}");
        }
        for code in ["ny", "XX", "N", "NYC", "", "ZZ"] {
            assert!(!is_us_state(code), "{code}");
        }
        assert!(is_canadian_province("QC") && is_canadian_province("YT"));
        assert!(!is_canadian_province("QB"));
        for code in ["US", "CA", "GB", "DE", "AD", "ZW", "SS"] {
            assert!(is_country(code), "{code}");
        }
        // UK and EU are reserved, not assigned; XK (Kosovo) is user-assigned.
        for code in ["UK", "EU", "XK", "us"] {
            assert!(!is_country(code), "{code}");
        }
    }
}
