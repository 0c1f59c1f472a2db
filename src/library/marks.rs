//! Story marks: which stories the analyst has read and which are starred. They live in
//! their own table, survive re-import (a story keeps its id) and go with a deleted story.

use std::collections::HashSet;

use rusqlite::params;

use super::notes::now;
use super::{Library, LibraryError};

/// The read and starred stories of the library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryMarks {
    pub read: HashSet<i64>,
    pub starred: HashSet<i64>,
}

impl Library {
    /// Every story's marks.
    pub fn story_marks(&self) -> Result<StoryMarks, LibraryError> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT story, read_at IS NOT NULL, starred FROM story_marks")?;
        let mut marks = StoryMarks::default();
        let rows = statement.query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, bool>(1)?, row.get(2)?))
        })?;
        for row in rows {
            let (story, read, starred): (i64, bool, bool) = row?;
            if read {
                marks.read.insert(story);
            }
            if starred {
                marks.starred.insert(story);
            }
        }
        Ok(marks)
    }

    /// Marks `stories` read (or unread), in one transaction; unknown ids are skipped.
    pub fn set_read(&mut self, stories: &[i64], read: bool) -> Result<(), LibraryError> {
        let at = read.then(now);
        self.write(|tx| {
            let mut statement = tx.prepare_cached(
                "INSERT INTO story_marks (story, read_at)
                 SELECT id, ?2 FROM articles WHERE id = ?1
                 ON CONFLICT (story) DO UPDATE SET read_at = excluded.read_at",
            )?;
            for story in stories {
                statement.execute(params![story, at])?;
            }
            Ok(())
        })
    }

    /// Stars (or unstars) a story; an unknown id is skipped.
    pub fn set_starred(&mut self, story: i64, starred: bool) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO story_marks (story, starred)
                 SELECT id, ?2 FROM articles WHERE id = ?1
                 ON CONFLICT (story) DO UPDATE SET starred = excluded.starred",
                params![story, starred],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::library::Library;
    use crate::model::Article;

    fn article(title: &str) -> Article {
        Article {
            title: title.to_string(),
            body: format!("{title}. A body long enough to be a story."),
            ..Article::default()
        }
    }

    #[test]
    fn marks_are_kept_across_connections_and_reimport() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let stored = library
            .store(
                "a.json",
                &[
                    (article("One"), Default::default()),
                    (article("Two"), Default::default()),
                ],
            )
            .unwrap();
        let (one, two) = (stored[0].0, stored[1].0);
        library.set_read(&[one, two, 999], true).unwrap();
        library.set_read(&[two], false).unwrap();
        library.set_starred(two, true).unwrap();
        drop(library);
        let mut library = Library::open(dir.path()).unwrap();
        let marks = library.story_marks().unwrap();
        assert_eq!(marks.read.into_iter().collect::<Vec<_>>(), vec![one]);
        assert_eq!(marks.starred.into_iter().collect::<Vec<_>>(), vec![two]);
        // Importing the same file again keeps the stories and so their marks.
        library
            .store("a.json", &[(article("One"), Default::default())])
            .unwrap();
        assert!(library.story_marks().unwrap().read.contains(&one));
    }

    #[test]
    fn an_existing_library_gains_marks_and_keeps_its_stories_and_notes() {
        let dir = tempfile::tempdir().unwrap();
        let mut library = Library::open(dir.path()).unwrap();
        let id = library
            .store("a.json", &[(article("One"), Default::default())])
            .unwrap()[0]
            .0;
        library.add_note(id, None, "Kept #note").unwrap();
        drop(library);
        // The library as the build before the reader's tables left it: schema 8 (the
        // corrected index after them may run again harmlessly).
        let path = dir.path().join(crate::library::DATABASE_FILE);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE saved_searches; DROP TABLE story_marks; PRAGMA user_version = 8;",
        )
        .unwrap();
        drop(conn);
        let mut library = Library::open(dir.path()).unwrap();
        assert_eq!(library.story(id).unwrap().article.title, "One");
        let notes = library
            .notes(&crate::library::NoteFilter::default())
            .unwrap();
        assert_eq!(notes[0].text, "Kept #note");
        library.set_read(&[id], true).unwrap();
        assert!(library.story_marks().unwrap().read.contains(&id));
    }
}
