//! Noticing that another process changed the library (an import or fetch from the CLI
//! while the reader is open): SQLite's `data_version` moves whenever another
//! connection commits.

use super::{Library, LibraryError};

impl Library {
    /// A number that changes whenever another connection has committed to the library
    /// since the last call on this connection; this connection's own writes leave it.
    pub fn data_version(&self) -> Result<i64, LibraryError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use crate::library::Library;
    use crate::model::Article;

    #[test]
    fn another_connections_commit_moves_the_version_and_our_own_does_not() {
        let dir = tempfile::tempdir().unwrap();
        let mut ours = Library::open(dir.path()).unwrap();
        let mut theirs = Library::open(dir.path()).unwrap();
        let article = |title: &str| Article {
            title: title.to_string(),
            body: format!("{title} happened on Monday, officials said."),
            ..Article::default()
        };
        let before = ours.data_version().unwrap();
        ours.store("a.json", &[(article("Ours"), Default::default())])
            .unwrap();
        assert_eq!(ours.data_version().unwrap(), before);
        theirs
            .store("b.json", &[(article("Theirs"), Default::default())])
            .unwrap();
        assert_ne!(ours.data_version().unwrap(), before);
    }
}
