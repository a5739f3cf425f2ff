//! CSV records (RFC 4180: quoted commas, line breaks inside quotes, doubled quotes) read by
//! csv-core, with each record's line and whether it ends inside a quote that never closes.

use csv_core::{ReadRecordResult, Reader};
use std::borrow::Cow;

/// One record: where it starts in the file and where its fields are in [`Records`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on, from 1.
    pub line: usize,
    /// Its first field's position in [`Records::field_ends`].
    first_field: usize,
    /// How many fields it has.
    pub field_count: usize,
    /// Whether the file ended inside one of its quoted fields: a quote that never closes, which
    /// swallowed everything after it.
    pub unterminated_quote: bool,
}

/// Every record of a file, its fields' text in one buffer.
#[derive(Debug, Default)]
pub struct Records {
    /// The fields' bytes, unquoted, one after another.
    text: Vec<u8>,
    /// Each field's end in `text` (a field starts where the one before ends).
    field_ends: Vec<usize>,
    /// The records, in file order, blank lines left out.
    pub records: Vec<Record>,
}

impl Records {
    /// Reads records until the input ends or `max_records` have been read (the rest of a file
    /// too big to check is not read at all). A UTF-8 byte order mark is skipped.
    pub fn read(input: &[u8], max_records: usize) -> Records {
        let mut reader = Reader::new();
        let mut records = Records {
            // A field's unquoted text is never longer than its input, so this never fills up.
            text: vec![0; input.len()],
            ..Records::default()
        };
        // One record's field ends at a time, grown when a record has more fields.
        let mut ends = vec![0_usize; 64];
        let (mut at, mut written, mut line) = (0, 0, 1);
        while records.records.len() < max_records {
            // Blank lines: csv-core skips them too, but the record's line is where it starts.
            while let Some(&byte) = input.get(at).filter(|b| **b == b'\n' || **b == b'\r') {
                line += usize::from(byte == b'\n');
                at += 1;
            }
            let (record_at, record_line, record_written) = (at, line, written);
            let mut field_count = 0;
            let mut unterminated_quote = false;
            loop {
                let rest = input.get(at..).unwrap_or_default();
                if rest.is_empty() && at > record_at {
                    let record = input.get(record_at..).unwrap_or_default();
                    unterminated_quote = ends_inside_quotes(record, field_count);
                }
                let out = records.text.get_mut(written..).unwrap_or_default();
                let ends_out = ends.get_mut(field_count..).unwrap_or_default();
                let (result, read, wrote, ended) = reader.read_record(rest, out, ends_out);
                let consumed = rest.get(..read).unwrap_or_default();
                line += consumed.iter().filter(|b| **b == b'\n').count();
                at += read;
                written += wrote;
                field_count += ended;
                match result {
                    ReadRecordResult::Record => break,
                    ReadRecordResult::End => {
                        records.text.truncate(written);
                        return records;
                    }
                    ReadRecordResult::InputEmpty => {}
                    ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
                    // Cannot happen (see `text`); growing keeps the loop going if it ever did.
                    ReadRecordResult::OutputFull => records.text.resize(records.text.len() + 64, 0),
                }
            }
            let first_field = records.field_ends.len();
            let record_ends = ends.get(..field_count).unwrap_or_default();
            (records.field_ends).extend(record_ends.iter().map(|end| record_written + end));
            records.records.push(Record {
                line: record_line,
                first_field,
                field_count,
                unterminated_quote,
            });
        }
        records.text.truncate(written);
        records
    }

    /// The bytes of field `index` of `record`.
    pub fn field_bytes(&self, record: &Record, index: usize) -> Option<&[u8]> {
        if index >= record.field_count {
            return None;
        }
        let at = record.first_field + index;
        let start = match at.checked_sub(1) {
            Some(before) => *self.field_ends.get(before)?,
            None => 0,
        };
        let end = *self.field_ends.get(at)?;
        self.text.get(start..end)
    }

    /// The text of field `index` of `record`, trimmed of surrounding whitespace; `Err` with the
    /// text read lossily (U+FFFD for each bad sequence) when its bytes are not UTF-8.
    pub fn field(&self, record: &Record, index: usize) -> Result<&str, Cow<'_, str>> {
        let bytes = self.field_bytes(record, index).unwrap_or_default();
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.trim()),
            Err(_) => Err(Cow::Owned(String::from_utf8_lossy(bytes).trim().to_owned())),
        }
    }
}

/// Whether `record`, the last of the file, ends inside a quoted field: a line break after it would
/// then be part of the field rather than end the record. Asked of a reader of its own, fed the
/// record again and then a line break: csv-core has no call that tells its state, and a clone of
/// the file's reader would not do (csv-core 0.1.13's `Clone` for its DFA copies only the
/// transition table, so a clone parses differently).
fn ends_inside_quotes(record: &[u8], fields_so_far: usize) -> bool {
    let mut reader = Reader::new();
    let mut out = vec![0_u8; record.len() + 1];
    let mut ends = vec![0_usize; fields_so_far + 2];
    let (_, read, wrote, ended) = reader.read_record(record, &mut out, &mut ends);
    if read < record.len() {
        return false; // not the record as the file's reader read it; cannot happen
    }
    let out = out.get_mut(wrote..).unwrap_or_default();
    let ends = ends.get_mut(ended..).unwrap_or_default();
    let (result, ..) = reader.read_record(b"\n", out, ends);
    result == ReadRecordResult::InputEmpty
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(input: &str) -> Vec<(usize, Vec<String>, bool)> {
        let records = Records::read(input.as_bytes(), usize::MAX);
        (records.records.iter())
            .map(|record| {
                let cells = (0..record.field_count)
                    .map(|i| records.field(record, i).unwrap().to_owned())
                    .collect();
                (record.line, cells, record.unterminated_quote)
            })
            .collect()
    }

    fn row(line: usize, cells: &[&str]) -> (usize, Vec<String>, bool) {
        (line, cells.iter().map(|c| c.to_string()).collect(), false)
    }

    #[test]
    fn quoted_commas_line_breaks_and_doubled_quotes_are_one_field() {
        let input = "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z\n";
        assert_eq!(
            fields(input),
            vec![
                row(1, &["a", "b"]),
                row(2, &["x, y", "say \"hi\""]),
                row(3, &["two\r\nlines", "z"]),
            ]
        );
    }

    #[test]
    fn lines_count_blank_lines_and_breaks_inside_quotes_and_a_bom_is_skipped() {
        let input = "\u{feff}a,b\n\n\n\"1\n2\",3\n\r\n4,5";
        assert_eq!(
            fields(input),
            vec![
                row(1, &["a", "b"]),
                row(4, &["1\n2", "3"]),
                row(7, &["4", "5"])
            ]
        );
    }

    #[test]
    fn a_quote_that_never_closes_is_noticed_and_a_last_line_without_a_break_is_not() {
        let open = fields("a,b\n1,\"2\n3,4\n");
        assert_eq!(open.len(), 2);
        assert!(open[1].2, "{open:?}");
        assert_eq!(open[1].1, vec!["1", "2\n3,4"]);
        let closed = fields("a,b\n1,\"2\"");
        assert_eq!(closed, vec![row(1, &["a", "b"]), row(2, &["1", "2"])]);
        let plain = fields("a,b\n1,2");
        assert!(!plain[1].2);
    }

    #[test]
    fn many_fields_and_long_fields_are_read_whole() {
        let header: Vec<String> = (0..300).map(|i| format!("c{i}")).collect();
        let long = "x".repeat(100_000);
        let input = format!("{}\n\"{long}\",b\n", header.join(","));
        let read = fields(&input);
        assert_eq!(read[0].1, header);
        assert_eq!(read[1].1, vec![long, "b".to_owned()]);
    }

    #[test]
    fn reading_stops_at_the_most_records_asked_for() {
        let records = Records::read(b"a\n1\n2\n3\n", 2);
        assert_eq!(records.records.len(), 2);
    }

    #[test]
    fn bytes_that_are_not_utf8_read_lossily_as_an_error() {
        let records = Records::read(b"a,b\nJos\xe9,x\n", usize::MAX);
        let record = &records.records[1];
        assert_eq!(records.field(record, 0), Err(Cow::Borrowed("Jos\u{fffd}")));
        assert_eq!(records.field(record, 1), Ok("x"));
        assert_eq!(records.field(record, 2), Ok(""));
    }

    #[test]
    fn empty_input_has_no_records() {
        assert!(Records::read(b"", 10).records.is_empty());
        assert!(Records::read(b"\n\r\n", 10).records.is_empty());
    }
}
