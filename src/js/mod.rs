//! JavaScript exports (filled in below).
